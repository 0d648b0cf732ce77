package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
)

// evaluationsCLI is indicatorsCLI with a workshop evaluation answered twice
// in the period (one free text a spreadsheet could take for a formula) and
// once after it.
func evaluationsCLI(t *testing.T) *cli {
	c := indicatorsCLI(t)
	for _, r := range []struct{ overall, date, best string }{
		{"5", "2026-03-02", "=1+1"}, {"4", "2026-03-02", "Grannarna över gränsen"}, {"1", "2026-07-02", "Senare"},
	} {
		c.id("evaluation", "add", "--form", "workshop-evaluation", "--date", r.date, "--answer", "overall="+r.overall,
			"--answer", "best="+r.best)
	}
	return c
}

// The funder report's workbook and PDF carry the period's evaluations; a
// report narrowed to a country, partner or advisor does not.
func TestReportIndicatorsExportsTheEvaluations(t *testing.T) {
	c := evaluationsCLI(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "rapport.xlsx")
	c.ok("--lang", "sv", "report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "xlsx", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Utvärdering av workshop")
	if err != nil {
		t.Fatalf("%v: sheets %q", err, f.GetSheetList())
	}
	got := map[string]bool{}
	for _, r := range rows {
		got[strings.Join(r, "|")] = true
	}
	for _, want := range []string{"Svarande|Alla svarande|2|100.00", "Hur nöjd är du med workshopen som helhet?|Medelvärde|4.50",
		"Vad var bäst?|=1+1", "Vad var bäst?|Grannarna över gränsen"} {
		if !got[want] {
			t.Errorf("no row %q in %q", want, rows)
		}
	}
	if got["Vad var bäst?|Senare"] {
		t.Error("an answer after the period is in the report")
	}

	pdf := filepath.Join(dir, "rapport.pdf")
	c.ok("--lang", "nb", "report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "pdf", "--out", pdf)
	b, _ := os.ReadFile(pdf)
	if txt := pdfdoctest.Text(t, b); !strings.Contains(txt, "Evaluering av workshop") || !strings.Contains(txt, "Grannarna över gränsen") {
		t.Errorf("the PDF lacks the evaluation:\n%s", txt)
	}

	only := filepath.Join(dir, "sverige.xlsx")
	c.ok("--lang", "sv", "report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--country", "SE", "--format", "xlsx", "--out", only)
	g, err := excelize.OpenFile(only)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if slices.Contains(g.GetSheetList(), "Utvärdering av workshop") {
		t.Error("a report of one country carries the whole project's evaluations")
	}
}

// The Reports screen's export writes the same sheet.
func TestReportsScreenExportHasTheEvaluations(t *testing.T) {
	c := evaluationsCLI(t)
	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fr := funderReports{st: st, lib: &modelLibrary{}}
	r, err := fr.Indicators(t.Context(), indicators.Filter{From: "2026-01-01", To: "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := fr.Export(t.Context(), r, "xlsx", "en", path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Workshop evaluation", "C2"); v != "2" {
		t.Errorf("Workshop evaluation!C2 = %q, want the 2 respondents; sheets %q", v, f.GetSheetList())
	}
}
