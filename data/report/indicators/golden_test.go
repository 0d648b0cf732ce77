package indicators_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current computation")

// fullReport is a Report without its MarshalJSON (which writes the numbers
// only), so the golden files hold every figure, id list, visit and
// organisation.
type fullReport indicators.Report

// checkGolden computes the report of every filter on fx and compares it
// with testdata/name.golden.json, where the ids are the fixture's names
// (ids are random). With -update it writes the file instead.
func checkGolden(t *testing.T, name string, fx *fixture, names map[string]string, filters []indicators.Filter) {
	t.Helper()
	type entry struct {
		Filter indicators.Filter
		Report fullReport
	}
	var got []entry
	for _, f := range filters {
		r, err := indicators.Compute(context.Background(), fx.s, f)
		if err != nil {
			t.Fatalf("filter %+v: %v", f, err)
		}
		got = append(got, entry{f, fullReport(*r)})
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	// Longest ids first, so no id is replaced inside another.
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return len(ids[i]) > len(ids[j]) || len(ids[i]) == len(ids[j]) && ids[i] < ids[j] })
	for _, id := range ids {
		b = bytes.ReplaceAll(b, []byte(strconv.Quote(id)), []byte(strconv.Quote(names[id])))
	}
	if id := uuidRE.Find(b); id != nil {
		t.Fatalf("the report names %s, which the fixture does not", id)
	}
	// Decoded and encoded again: the organisations' map is keyed by id, so
	// its order follows the names only now.
	var tree any
	if err := json.Unmarshal(b, &tree); err != nil {
		t.Fatal(err)
	}
	out, err := json.MarshalIndent(tree, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if !bytes.Equal(out, want) {
		t.Errorf("the reports differ from %s (go test -run %s -update rewrites it after a deliberate change):\n%s",
			path, t.Name(), firstDifference(string(want), string(out)))
	}
}

var uuidRE = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// firstDifference shows the first line that differs, with the lines around
// it, so a wrong figure is found without a diff tool.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		if i < len(w) && i < len(g) && w[i] == g[i] {
			continue
		}
		lo := max(0, i-8)
		var sb strings.Builder
		for j := lo; j < i; j++ {
			sb.WriteString("  " + g[j] + "\n")
		}
		if i < len(w) {
			sb.WriteString("- " + w[i] + "\n")
		}
		if i < len(g) {
			sb.WriteString("+ " + g[i] + "\n")
		}
		return sb.String()
	}
	return ""
}

// fixtureNames names every id of the fixture: "org A", "visit v1",
// "assessment A agenda-2030 2026-03-10".
func fixtureNames(fx *fixture) map[string]string {
	names := map[string]string{}
	for short, id := range fx.org {
		names[id] = "org " + short
	}
	for short, id := range fx.v {
		names[id] = "visit " + short
	}
	for key, id := range fx.a {
		names[id] = "assessment " + key
	}
	for short, id := range fx.j {
		names[id] = "joint " + short
	}
	return names
}

// Every figure, id list, visit and organisation of the report on the
// hand-built data set, under filters of every kind.
func TestReportsMatchGolden(t *testing.T) {
	fx := newFixture(t)
	checkGolden(t, "fixture", fx, fixtureNames(fx), []indicators.Filter{
		{}, {From: from, To: to}, {From: from}, {To: to}, {From: "2026-03-01", To: "2026-03-31"},
		{From: from, To: to, Advisor: "Kari Nordmann"}, {Advisor: "Anna Svensson"}, {Advisor: "nobody"},
		{From: from, To: to, Country: "no"}, {Country: "SE"}, {From: from, To: to, County: "23"},
		{From: from, To: to, Municipality: "2321"}, {From: from, To: to, Kind: domain.KindAcademia},
		{Kind: domain.KindSME, Country: "SE", Advisor: "Anna Svensson"}, {From: "2030-01-01"},
	})
}

// Text that could confuse a reader cutting the row apart (separators,
// quotes, multi-byte letters, long and empty values) reads back exactly.
// Control characters are refused by every form and import, but a database
// written before that rule may hold them: those rows are written
// underneath the store.
func TestOddTextMatchesGolden(t *testing.T) {
	fx := newFixture(t)
	names := fixtureNames(fx)
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", "file:"+fx.s.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, adv := range []string{"Åsa \x1f Öberg", `Kari "K" Nordmann, [x]`, strings.Repeat("é", 60), "\x00;,|", ""} {
		v := domain.Visit{Date: "2026-02-0" + strconv.Itoa(i+1), Type: domain.VisitOnSite, Minutes: 300 + i,
			Women: 1000, OrgIDs: []string{fx.org["B"], fx.org["A"]}}
		if err := fx.s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		names[v.ID] = "visit odd " + strconv.Itoa(i)
		if _, err := raw.Exec(`UPDATE visits SET advisor = ?, place = ? WHERE id = ?`, adv, strings.Repeat("ø\x1f", i*20), v.ID); err != nil {
			t.Fatal(err)
		}
	}
	checkGolden(t, "oddtext", fx, names, []indicators.Filter{{}, {From: from, To: to}, {Advisor: `Kari "K" Nordmann, [x]`}})
	r := compute(t, fx, indicators.Filter{Advisor: "Åsa \x1f Öberg"})
	if len(r.Visits) != 1 || r.Visits[0].Advisor != "Åsa \x1f Öberg" || r.Visits[0].Place != "" || r.Visits[0].Minutes != 300 {
		t.Errorf("odd advisor: %+v", r.Visits)
	}
}
