package indicators_test

import (
	"context"
	"database/sql"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// openReadOnly opens the store's file beside the store, for the reference
// computation (which reads the tables itself).
func openReadOnly(tb testing.TB, st *data.Store) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+st.Path()+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// sameReport reports where Compute and the computation before issue 6's
// rewrite disagree (every figure, every id list, every visit).
func sameReport(tb testing.TB, st *data.Store, db *sql.DB, f indicators.Filter) {
	tb.Helper()
	ctx := context.Background()
	got, err := indicators.Compute(ctx, st, f)
	if err != nil {
		tb.Fatal(err)
	}
	want, err := indicators.ComputeReference(ctx, db, f)
	if err != nil {
		tb.Fatal(err)
	}
	if reflect.DeepEqual(got, want) {
		return
	}
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			tb.Errorf("filter %+v: %s differs from the reference computation", f, gv.Type().Field(i).Name)
		}
	}
}

func TestSameAsReference(t *testing.T) {
	fx := newFixture(t)
	db := openReadOnly(t, fx.s)
	for _, f := range []indicators.Filter{
		{}, {From: from, To: to}, {From: from}, {To: to}, {From: "2026-03-01", To: "2026-03-31"},
		{From: from, To: to, Advisor: "Kari Nordmann"}, {Advisor: "Anna Svensson"}, {Advisor: "nobody"},
		{From: from, To: to, Country: "no"}, {Country: "SE"}, {From: from, To: to, County: "23"},
		{From: from, To: to, Municipality: "2321"}, {From: from, To: to, Kind: data.KindAcademia},
		{Kind: data.KindSME, Country: "SE", Advisor: "Anna Svensson"}, {From: "2030-01-01"},
	} {
		sameReport(t, fx.s, db, f)
	}
}

// Text that could confuse a reader cutting the row apart (separators,
// quotes, multi-byte letters, long and empty values) reads back exactly.
// Control characters are refused by every form and import now, but a
// database from before that may hold them: those rows are written
// underneath the store.
func TestSameAsReferenceOddText(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	raw, err := sql.Open("sqlite3", "file:"+fx.s.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, adv := range []string{"Åsa \x1f Öberg", `Kari "K" Nordmann, [x]`, strings.Repeat("é", 60), "\x00;,|", ""} {
		v := data.Visit{Date: "2026-02-0" + strconv.Itoa(i+1), Type: data.VisitOnSite, Minutes: 300 + i,
			Women: 1000, OrgIDs: []string{fx.org["B"], fx.org["A"]}}
		if err := fx.s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`UPDATE visits SET advisor = ?, place = ? WHERE id = ?`, adv, strings.Repeat("ø\x1f", i*20), v.ID); err != nil {
			t.Fatal(err)
		}
	}
	db := openReadOnly(t, fx.s)
	for _, f := range []indicators.Filter{{}, {From: from, To: to}, {Advisor: `Kari "K" Nordmann, [x]`}} {
		sameReport(t, fx.s, db, f)
	}
	r := compute(t, fx, indicators.Filter{Advisor: "Åsa \x1f Öberg"})
	if len(r.Visits) != 1 || r.Visits[0].Advisor != "Åsa \x1f Öberg" || r.Visits[0].Place != "" || r.Visits[0].Minutes != 300 {
		t.Errorf("odd advisor: %+v", r.Visits)
	}
}
