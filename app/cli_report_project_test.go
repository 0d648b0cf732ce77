package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

// draftCLI is indicatorsCLI with findings in the period.
func draftCLI(t *testing.T) *cli {
	c := indicatorsCLI(t)
	c.id("finding", "add", "--text", "Short meetings on site work best", "--step", "capacity", "--date", "2026-02-10")
	c.id("finding", "add", "--text", "Pilots need a partner on each side", "--step", "pilot", "--date", "2026-05-30")
	return c
}

// indicatorRows is the draft's indicator table: the label of each row and
// its period and since-start cells.
type indicatorRows map[string][2]string

// markdownIndicators reads the first table of a Markdown draft.
func markdownIndicators(t *testing.T, md string) indicatorRows {
	t.Helper()
	rows := indicatorRows{}
	in := false
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|") {
			if in {
				break
			}
			continue
		}
		in = true
		if strings.HasPrefix(l, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(l, "|"), " | ")
		if len(cells) != 4 {
			t.Fatalf("indicator row %q has %d cells", l, len(cells))
		}
		rows[strings.TrimSpace(cells[1])] = [2]string{strings.TrimSpace(cells[2]), strings.TrimSpace(cells[3])}
	}
	return rows
}

// docxIndicators reads the first table of a DOCX draft's document.xml.
func docxIndicators(t *testing.T, b []byte) indicatorRows {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			body, _ = io.ReadAll(r)
			r.Close()
		}
	}
	var doc struct {
		Tables []struct {
			Rows []struct {
				Cells []struct {
					Texts []string `xml:"p>r>t"`
				} `xml:"tc"`
			} `xml:"tr"`
		} `xml:"body>tbl"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("document.xml: %v", err)
	}
	if len(doc.Tables) == 0 {
		t.Fatal("no table in the DOCX")
	}
	rows := indicatorRows{}
	for _, r := range doc.Tables[0].Rows {
		if len(r.Cells) != 4 {
			t.Fatalf("indicator row with %d cells", len(r.Cells))
		}
		text := func(i int) string { return strings.Join(r.Cells[i].Texts, "") }
		rows[text(1)] = [2]string{text(2), text(3)}
	}
	return rows
}

// number reads a figure as written in English ("1,234", "3.00"); "" is no
// figure.
func number(t *testing.T, s string) (float64, bool) {
	t.Helper()
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("figure %q: %v", s, err)
	}
	return f, true
}

// The draft's figures are the funder report's: every value and since-start
// value of its indicator table, in the Markdown and the DOCX, equals
// `report indicators --format json` for the same period.
func TestReportProjectFiguresEqualIndicatorsJSON(t *testing.T) {
	c := draftCLI(t)
	period := []string{"--from", "2026-01-01", "--to", "2026-06-30"}
	var j struct {
		Indicators map[string]map[string]float64
		Cumulative map[string]any
		Gender     map[string]float64
	}
	out := c.ok(append(append([]string{"report", "indicators"}, period...), "--format", "json", "--out", "-")...)
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	since := func(key, field string) float64 {
		m, _ := j.Cumulative[key].(map[string]any)
		v, _ := m[field].(float64)
		return v
	}
	tr := translations.New("en")
	type want struct {
		label         string
		period, since float64
		noSince       bool
	}
	ind := func(key, field string) float64 { return j.Indicators[key][field] }
	pct := func(m func(string, string) float64) float64 {
		if m("sustainability", "of") == 0 {
			return 0
		}
		return math.Round(m("sustainability", "value")*10000/m("sustainability", "of")) / 100
	}
	wants := []want{
		{tr.T("report.indicators.rco01"), ind("RCO01", "value"), since("RCO01", "value"), false},
		{tr.T("report.indicators.rco01.micro"), ind("RCO01", "micro"), since("RCO01", "micro"), false},
		{tr.T("report.indicators.rco01.small"), ind("RCO01", "small"), since("RCO01", "small"), false},
		{tr.T("report.indicators.rco01.medium"), ind("RCO01", "medium"), since("RCO01", "medium"), false},
		{tr.T("report.indicators.rco01.large"), ind("RCO01", "large"), since("RCO01", "large"), false},
		{tr.T("report.indicators.rco01.unknown"), ind("RCO01", "unknown"), since("RCO01", "unknown"), false},
		{tr.T("report.indicators.rco04"), ind("RCO04", "value"), since("RCO04", "value"), false},
		{tr.T("report.indicators.rco81"), ind("RCO81", "value"), since("RCO81", "value"), false},
		{tr.T("report.indicators.rco83"), ind("RCO83", "value"), since("RCO83", "value"), false},
		{tr.T("report.indicators.rco84"), ind("RCO84", "value"), since("RCO84", "value"), false},
		{tr.T("report.indicators.rco87"), ind("RCO87", "value"), since("RCO87", "value"), false},
		{tr.T("report.indicators.border_orgs"), ind("organisations_at_cross_border_activities", "value"),
			since("organisations_at_cross_border_activities", "value"), false},
		{tr.T("report.indicators.orgs_reached"), ind("organisations_reached", "value"), since("organisations_reached", "value"), false},
		{tr.T("report.indicators.second_wave"), ind("second_wave", "value"), since("second_wave", "value"), false},
		{tr.T("report.indicators.unknown_kind"), ind("unknown_kind", "value"), since("unknown_kind", "value"), false},
		{tr.T("report.indicators.women_led"), ind("women_led", "value"), since("women_led", "value"), false},
		{tr.T("report.indicators.sustainable"), ind("sustainability", "value"), since("sustainability", "value"), false},
		{tr.T("report.indicators.sustainable_share"), pct(ind), pct(since), false},
		{tr.T("report.indicators.sustainable_unknown"), ind("sustainability", "unknown"), since("sustainability", "unknown"), false},
		{tr.T("report.indicators.col.visits"), ind("visits", "value"), since("visits", "value"), false},
		{tr.T("report.indicators.cross_border"), ind("cross_border_visits", "value"), since("cross_border_visits", "value"), false},
		{tr.T("report.indicators.col.hours"), ind("advisor_hours", "value"), since("advisor_hours", "value"), false},
		{tr.T("report.indicators.participants") + ": " + tr.T("field.women"), j.Gender["women"], 0, true},
		{tr.T("report.indicators.participants") + ": " + tr.T("field.men"), j.Gender["men"], 0, true},
		{tr.T("report.indicators.participants") + ": " + tr.T("field.other"), j.Gender["other"], 0, true},
		{tr.T("report.indicators.participants") + ": " + tr.T("report.indicators.total"), j.Gender["total"], 0, true},
		{tr.T("report.indicators.sdgs_addressed"), ind("sdgs_addressed", "value"), 0, true},
		{tr.T("report.indicators.improved"), ind("organisations_improved", "value"), 0, true},
	}
	if ind("RCO01", "value") == 0 || ind("RCO84", "value") == 0 || since("visits", "value") <= ind("visits", "value")-1 {
		t.Fatalf("the fixture counts too little to compare: %v", j.Indicators)
	}
	dir := t.TempDir()
	for _, format := range []string{"md", "docx"} {
		path := filepath.Join(dir, "draft."+format)
		c.ok(append(append([]string{"report", "project"}, period...), "--out", path)...)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var rows indicatorRows
		if format == "md" {
			rows = markdownIndicators(t, string(b))
		} else {
			rows = docxIndicators(t, b)
		}
		if len(rows) != len(wants)+1 { // the header, and a row per figure
			t.Errorf("%s: %d rows in the indicator table, want %d figures: %v", format, len(rows)-1, len(wants), rows)
		}
		for _, w := range wants {
			got, ok := rows[w.label]
			if !ok {
				t.Errorf("%s: no row %q", format, w.label)
				continue
			}
			if v, _ := number(t, got[0]); v != w.period {
				t.Errorf("%s: %s = %v, JSON %v", format, w.label, got[0], w.period)
			}
			s, has := number(t, got[1])
			if has == w.noSince || (has && s != w.since) {
				t.Errorf("%s: %s since start = %q, JSON %v", format, w.label, got[1], w.since)
			}
		}
	}
}

// The draft is in --lang, else in the session's language; the message
// stays in the session's.
func TestReportProjectLanguage(t *testing.T) {
	c := draftCLI(t)
	dir := t.TempDir()
	md := filepath.Join(dir, "utkast.md")
	out := c.ok("--lang", "sv", "report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", md)
	if !strings.Contains(out, "Skrev utkastet till projektrapporten för 2026-01-01 – 2026-06-30 till") {
		t.Errorf("stdout %q", out)
	}
	b, _ := os.ReadFile(md)
	for _, w := range []string{"# Projektrapport (utkast)", "## Lärdomar per projektsteg", "### Kapacitetsbyggande",
		"Short meetings on site work best", "| Trä och reiseliv | Åre Trä AB (Sverige)<br>Røros Reiseliv AS (Norge) | Ja |"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("no %q in the Swedish draft:\n%s", w, b)
		}
	}
	out = c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "nb", "--out", md)
	if !strings.HasPrefix(out, "Wrote the project report draft") {
		t.Errorf("stdout %q, want English", out)
	}
	b, _ = os.ReadFile(md) // an existing file is replaced, as report indicators does
	if !strings.Contains(string(b), "## Lærdommer per prosjektsteg") || !strings.Contains(string(b), "### Kapasitetsbygging") {
		t.Errorf("not the Norwegian draft:\n%s", b)
	}
	pdf := filepath.Join(dir, "UTKAST.PDF")
	c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", pdf)
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("UTKAST.PDF starts %q", b[:min(len(b), 8)])
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the folder, want the two drafts and no temporary file", len(entries))
	}
}

// A wrong command line is exit 2 naming what is wrong, before anything is
// read or written; a folder that is not there is exit 1.
func TestReportProjectWrongCommandLine(t *testing.T) {
	c := draftCLI(t)
	dir := t.TempDir()
	period := []string{"--from", "2026-01-01", "--to", "2026-06-30"}
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{append(period, "--out", filepath.Join(dir, "x.odt")), exitUsage, ".docx, which LibreOffice and Word both open"},
		{append(period, "--out", filepath.Join(dir, "x.ODT")), exitUsage, "ODT is not written"},
		{append(period, "--out", filepath.Join(dir, "x.txt")), exitUsage, `"x.txt": the draft is written as .pdf, .docx or .md`},
		{append(period, "--out", filepath.Join(dir, "draft")), exitUsage, ".pdf, .docx or .md"},
		{append(period, "--out", "-"), exitUsage, ".pdf, .docx or .md"},
		{append(period, "--out", filepath.Join(dir, "x.md"), "--lang", "da"), exitUsage, `Unknown language "da"`},
		{[]string{"--from", "2026-02-30", "--to", "2026-06-30", "--out", filepath.Join(dir, "x.md")}, exitUsage, "--from"},
		{[]string{"--from", "2026-07-01", "--to", "2026-06-30", "--out", filepath.Join(dir, "x.md")}, exitUsage, "--to"},
		{append(period, "--out", filepath.Join(dir, "x.md"), "--project-start", "soon"), exitUsage, "--project-start"},
		{period, exitUsage, "--out"},
		{append(period, "--out", filepath.Join(dir, "missing", "x.md")), 1, "missing"},
		{append(period, "--out", filepath.Join(dir, "folder.md")), 1, "folder.md"},
	} {
		out, errOut, code := c.run(append([]string{"report", "project"}, tc.args...)...)
		if code != tc.code || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d naming %q", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused command left %d files", len(entries))
	}
}

// The Reports screen's port writes the draft in the language and format
// chosen, whatever the session's language.
func TestProjectDraftPortWritesTheChosenFormat(t *testing.T) {
	c := draftCLI(t)
	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	path := filepath.Join(t.TempDir(), "utkast.docx")
	f := indicators.Filter{From: "2026-01-01", To: "2026-06-30"}
	if err := (funderReports{st: st}).ProjectDraft(t.Context(), f, "nb", project.DOCX, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if rows := docxIndicators(t, b); rows[translations.New("nb").T("report.indicators.rco84")][0] != "1" {
		t.Errorf("the Norwegian DOCX's RCO84 row: %v", rows)
	}
}
