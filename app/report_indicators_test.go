package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// indicatorsCLI is a data folder with a Swedish and a Norwegian client at a
// cross-border workshop and in a pilot completed in the period, a public
// body visited alone, and a visit after the period.
func indicatorsCLI(t *testing.T) *cli {
	c := newCLI(t)
	se := c.id("org", "add", "--name", "Åre Trä AB", "--country", "SE", "--municipality", "2321", "--kind", "sme", "--employees", "4", "--leader", "women")
	no := c.id("org", "add", "--name", "Røros Reiseliv AS", "--country", "NO", "--municipality", "5025", "--kind", "startup")
	pub := c.id("org", "add", "--name", "Krokoms kommun", "--country", "SE", "--municipality", "2309", "--kind", "public")
	c.id("visit", "add", "--org", se, "--org", no, "--date", "2026-03-02", "--type", "workshop", "--minutes", "120",
		"--women", "4", "--men", "3", "--phase", "pilot", "--advisor", "Kari Nordmann")
	c.id("visit", "add", "--org", pub, "--date", "2026-04-01", "--minutes", "60", "--women", "1")
	c.id("visit", "add", "--org", se, "--date", "2026-07-01", "--minutes", "60")
	c.id("joint", "add", "--kind", "pilot", "--title", "Trä och reiseliv", "--org", se, "--org", no, "--status", "completed",
		"--start", "2026-03-02", "--date", "2026-05-29")
	return c
}

func TestReportIndicatorsJSONToStdout(t *testing.T) {
	c := indicatorsCLI(t)
	out := c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-")
	var doc struct {
		From, To   string
		Indicators map[string]map[string]float64
		Gender     map[string]int
		Breakdowns map[string][]map[string]any
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.From != "2026-01-01" || doc.To != "2026-06-30" {
		t.Errorf("period %q..%q", doc.From, doc.To)
	}
	for key, want := range map[string]map[string]float64{
		"RCO01": {"value": 2, "micro": 1, "small": 0, "medium": 0, "large": 0, "unknown": 1},
		"RCO04": {"value": 2}, "RCO87": {"value": 2}, "RCO81": {"value": 7}, "RCO84": {"value": 1}, "RCO83": {"value": 0},
		"organisations_at_cross_border_activities": {"value": 2},
		"visits": {"value": 2}, "advisor_hours": {"value": 3}, "women_led": {"value": 1}, "organisations_reached": {"value": 3},
	} {
		for field, n := range want {
			if got, ok := doc.Indicators[key][field]; !ok || got != n {
				t.Errorf("%s.%s = %v, want %v", key, field, got, n)
			}
		}
	}
	if doc.Gender["women"] != 5 || doc.Gender["men"] != 3 || len(doc.Breakdowns["country"]) != 2 {
		t.Errorf("gender %v, by country %v", doc.Gender, doc.Breakdowns["country"])
	}

	// Filters narrow the report; dates may be typed in the reader's form.
	c.env["LANG"] = "nb_NO.UTF-8"
	out = c.ok("report", "indicators", "--from", "01.01.2026", "--to", "30.06.2026", "--out", "-", "--country", "no")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Indicators["RCO01"]["value"] != 1 || doc.Indicators["RCO87"]["value"] != 1 || doc.Indicators["visits"]["value"] != 1 {
		t.Errorf("Norway only: %v", doc.Indicators)
	}
}

func TestReportIndicatorsFiles(t *testing.T) {
	c := indicatorsCLI(t)
	dir := t.TempDir()
	for _, format := range []string{"xlsx", "csv", "pdf", "json"} {
		path := filepath.Join(dir, "rapport."+format)
		out := c.ok("--lang", "sv", "report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--format", format, "--out", path)
		if !strings.Contains(out, path) {
			t.Errorf("%s: stdout %q does not name the file", format, out)
		}
		b, err := os.ReadFile(path)
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v (%d bytes)", format, err, len(b))
		}
		magic := map[string]string{"xlsx": "PK", "csv": "\ufeffPeriod: 2026-01-01 – 2026-06-30\r\n\r\nKod;Indikator;Värde", "pdf": "%PDF-", "json": "{"}[format]
		if !bytes.HasPrefix(b, []byte(magic)) {
			t.Errorf("%s starts %q", format, b[:min(20, len(b))])
		}
	}
	// Written by rename: no temporary file is left beside the reports.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left: %v", names)
	}
}

func TestReportIndicatorsWrongCommandLine(t *testing.T) {
	c := indicatorsCLI(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "2026-02-30", "--to", "2026-06-30", "--out", "-"}, "--from"},
		{[]string{"--from", "2026-01-01", "--to", "next week", "--out", "-"}, "--to"},
		{[]string{"--from", "2026-07-01", "--to", "2026-06-30", "--out", "-"}, "--to"},
		{[]string{"--from", "2026-01-01", "--to", "2026-06-30", "--out", "-", "--format", "docx"}, "--format"},
		{[]string{"--from", "2026-01-01", "--to", "2026-06-30", "--out", "-", "--country", "DK"}, "--country"},
		{[]string{"--from", "2026-01-01", "--to", "2026-06-30", "--out", "-", "--kind", "charity"}, "--kind"},
		{[]string{"--from", "2026-01-01", "--to", "2026-06-30"}, "--out"},
	} {
		out, errOut, code := c.run(append([]string{"report", "indicators"}, tc.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming %s", tc.args, code, out, errOut, tc.want)
		}
	}
}

// RCO01 counts enterprises only: an incubator is reached but not an
// enterprise, and an organisation whose kind was not given is counted apart.
func TestReportIndicatorsCountsEnterprisesOnly(t *testing.T) {
	c := newCLI(t)
	sme := c.id("org", "add", "--name", "Åre Trä AB", "--country", "SE", "--kind", "sme", "--employees", "4")
	hub := c.id("org", "add", "--name", "Nasjonalparken Næringshage", "--country", "NO", "--kind", "incubator")
	unknown := c.id("org", "add", "--name", "Fjällbryggeriet", "--country", "SE")
	c.id("visit", "add", "--org", sme, "--org", hub, "--org", unknown, "--date", "2026-03-02")
	out := c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-")
	var doc struct {
		Indicators map[string]map[string]float64
		Breakdowns map[string][]map[string]any
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for key, want := range map[string]float64{"RCO01": 1, "RCO04": 1, "organisations_reached": 3, "unknown_kind": 1} {
		if got := doc.Indicators[key]["value"]; got != want {
			t.Errorf("%s = %v, want %v", key, got, want)
		}
	}
	kinds := map[string]float64{}
	for _, row := range doc.Breakdowns["kind"] {
		kinds[row["key"].(string)] = row["organisations"].(float64)
	}
	if len(kinds) != 3 || kinds["sme"] != 1 || kinds["incubator"] != 1 || kinds[""] != 1 {
		t.Errorf("organisations by kind %v", kinds)
	}
}

// Beside the period's figures, the project's up to the period's end: from
// the first visit, or from --project-start.
func TestReportIndicatorsSinceProjectStart(t *testing.T) {
	c := indicatorsCLI(t)
	type doc struct {
		Indicators map[string]map[string]float64
		Cumulative map[string]any
	}
	report := func(args ...string) doc {
		t.Helper()
		out := c.ok(append([]string{"report", "indicators", "--from", "2026-07-01", "--to", "2026-12-31", "--out", "-"}, args...)...)
		var d doc
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return d
	}
	value := func(d doc, key string) float64 {
		m, _ := d.Cumulative[key].(map[string]any)
		v, _ := m["value"].(float64)
		return v
	}
	d := report()
	if d.Indicators["RCO01"]["value"] != 1 || value(d, "RCO01") != 2 || value(d, "organisations_reached") != 3 ||
		value(d, "visits") != 3 || d.Cumulative["from"] != "2026-03-02" || d.Cumulative["to"] != "2026-12-31" {
		t.Errorf("second half: RCO01 %v; since start %v", d.Indicators["RCO01"], d.Cumulative)
	}
	d = report("--project-start", "2026-04-01")
	if value(d, "RCO01") != 1 || value(d, "organisations_reached") != 2 || d.Cumulative["from"] != "2026-04-01" {
		t.Errorf("from 2026-04-01: since start %v", d.Cumulative)
	}
	for _, bad := range []string{"2026-02-30", "soon", "2026-04-01T00:00"} {
		out, errOut, code := c.run("report", "indicators", "--from", "2026-07-01", "--to", "2026-12-31", "--out", "-", "--project-start", bad)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "--project-start") {
			t.Errorf("--project-start %q: exit %d, stdout %q, stderr %q; want exit 2 naming --project-start", bad, code, out, errOut)
		}
	}
}
