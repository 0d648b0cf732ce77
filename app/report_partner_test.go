package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// The project partner on the command line: stamped from the profile,
// set with --partner and --side, and the report's partner filter and
// breakdowns.partner/side.
func TestReportByPartnerAndSide(t *testing.T) {
	c := newCLI(t)
	se := c.id("org", "add", "--name", "Åre Trä AB", "--country", "SE", "--municipality", "2321", "--kind", "sme", "--sustainability", "yes")
	no := c.id("org", "add", "--name", "Røros Reiseliv AS", "--country", "NO", "--municipality", "5025", "--kind", "startup")
	c.id("visit", "add", "--org", se, "--date", "2026-03-02", "--minutes", "60", "--partner", " Peak  Innovation", "--side", "se")
	c.id("visit", "add", "--org", no, "--date", "2026-03-03", "--minutes", "30", "--partner", "Nasjonalparken Næringshage", "--side", "NO")
	v := c.id("visit", "add", "--org", se, "--date", "2026-03-04", "--minutes", "90", "--partner", "peak innovation", "--side", "SE")
	c.ok("visit", "edit", v, "--partner", "", "--side", "")
	for _, l := range c.list("visit", "list", "--json") {
		if l["id"] == v && (l["partner"] != "" || l["side"] != "") {
			t.Errorf("a cleared partner: %v", l)
		}
	}

	out := c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-")
	var doc struct {
		Indicators map[string]map[string]float64
		Breakdowns map[string][]struct {
			Key        string
			Visits     int
			Indicators map[string]map[string]float64
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var got []string
	for _, row := range doc.Breakdowns["partner"] {
		got = append(got, row.Key+":"+strings.Repeat("v", row.Visits))
	}
	if strings.Join(got, " ") != "Nasjonalparken Næringshage:v Peak Innovation:v :v" {
		t.Errorf("breakdowns.partner %v", got)
	}
	if side := doc.Breakdowns["side"]; len(side) != 3 || side[0].Key != "SE" || side[0].Indicators["RCO01"]["value"] != 1 {
		t.Errorf("breakdowns.side %+v", side)
	}
	if s := doc.Indicators["sustainability"]; s["value"] != 1 || s["of"] != 2 || s["percent"] != 50 {
		t.Errorf("sustainability %v", s)
	}

	out = c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-", "--partner", "PEAK innovation", "--side", "se")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Indicators["visits"]["value"] != 1 || doc.Indicators["RCO01"]["value"] != 1 {
		t.Errorf("Peak Innovation's report: %v", doc.Indicators)
	}

	// A side that is neither country is a wrong command line.
	for _, args := range [][]string{
		{"report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-", "--side", "DK"},
		{"visit", "add", "--org", se, "--date", "2026-03-02", "--side", "Sverige"},
		{"joint", "add", "--kind", "pilot", "--title", "X", "--org", se, "--side", "x"},
	} {
		if _, stderr, code := c.run(args...); code != 2 || !strings.Contains(stderr, "--side") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	// A partner over two lines is refused, not stored.
	if _, _, code := c.run("visit", "add", "--org", se, "--date", "2026-03-02", "--partner", "Peak\nInnovation"); code != 1 {
		t.Errorf("a partner over two lines: exit %d", code)
	}
}
