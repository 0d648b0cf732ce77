package export_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/translations"
)

// hostile are free-text answers a spreadsheet could take for formulas.
var hostile = []string{`=HYPERLINK("http://evil.example","klick")`, "+1+1", "-2+3", "@SUM(A1:A2)"}

// evaluations sums up a workshop evaluation of twelve respondents (five
// women, five men, two who did not say: the two cannot be a group of their
// own, and the five women are counted with them, so no one is told apart) and a capacity self-assessment of two
// before and two after, as the store would.
func evaluations(t *testing.T) []export.FormResults {
	t.Helper()
	lib := evaluation.Bundled()
	sum := func(id string, rs []evaluation.Respondent) export.FormResults {
		form, ok := lib.Latest(id)
		if !ok {
			t.Fatalf("no bundled form %s", id)
		}
		for i := range rs {
			rs[i].Answers.Form, rs[i].Answers.Version = form.ID, form.Version
		}
		return export.FormResults{Form: form, Results: evaluation.Summarise(form,
			func(v int) (*evaluation.Form, bool) { return lib.Version(form.ID, v) }, rs)}
	}
	var workshop []evaluation.Respondent
	for i, g := range []string{"woman", "man", "", "woman", "man", "woman", "man", "", "woman", "man", "woman", "man"} {
		v := map[string]any{"overall": int64(4 + i%2), "role": "company"}
		if i < len(hostile) {
			v["best"] = hostile[i]
		}
		workshop = append(workshop, evaluation.Respondent{Answers: evaluation.Answers{Values: v}, Gender: g})
	}
	capacity := func(timing string, level int64) evaluation.Respondent {
		return evaluation.Respondent{Timing: timing, Answers: evaluation.Answers{Values: map[string]any{
			"models-methods": level, "customer-needs": level, "tailoring": level, "innovation-system": level, "inclusion": level}}}
	}
	return []export.FormResults{
		sum("workshop-evaluation", workshop),
		sum("capacity-self-assessment", []evaluation.Respondent{capacity("before", 2), capacity("before", 3), capacity("after", 4), capacity("after", 4)}),
	}
}

func TestXLSXHasASheetPerQuestionnaireAnswered(t *testing.T) {
	r := report(t)
	var buf bytes.Buffer
	if err := export.XLSX(&buf, r, export.Options{Lang: translations.New("sv"), Evaluations: evaluations(t)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheets[len(sheets)-1] != "Besök (rådata)" {
		t.Errorf("the raw visits are not last: %q", sheets)
	}
	const ws, ca = "Utvärdering av workshop", "Självskattning- förmåga att led" // ':' is not allowed, 31 characters
	for _, name := range []string{ws, ca} {
		if !slices.Contains(sheets, name) {
			t.Fatalf("no sheet %q: %q", name, sheets)
		}
	}
	rows, _ := f.GetRows(ws)
	find := func(rows [][]string, cells ...string) []string {
		for _, row := range rows {
			if len(row) >= len(cells) && slices.Equal(row[:len(cells)], cells) {
				return row
			}
		}
		t.Errorf("no row starting %q in\n%q", cells, rows)
		return nil
	}
	if got := rows[0]; !slices.Equal(got, []string{"Fråga", "Svar", "Svarande", "Andel %"}) {
		t.Errorf("header %q", got)
	}
	find(rows, "Svarande", "Alla svarande", "12")
	find(rows, "Svarande", "Kön: Män", "5")
	find(rows, "Svarande", "Kön: Mindre grupper sammanslagna", "7")
	for _, row := range rows {
		if strings.Contains(strings.Join(row, "|"), "Kvinnor") {
			t.Errorf("a group below %d respondents is named: %q", evaluation.MinGroup, row)
		}
	}
	overall := "Hur nöjd är du med workshopen som helhet?"
	find(rows, overall, "Besvarade frågan", "12")
	find(rows, overall, "1 – Inte alls nöjd", "0")
	find(rows, overall, "4", "6", "50.00")
	find(rows, overall, "5 – Mycket nöjd", "6")
	find(rows, overall, "Medelvärde", "4.50")
	find(rows, "Vilken roll har du?", "Företag (ägare eller anställd)", "12", "100.00")
	// A question no one answered shows no distribution of zeros.
	if row := find(rows, "Hur användbart var innehållet för ditt arbete?", "Besvarade frågan", "0"); row != nil {
		n := 0
		for _, r := range rows {
			if len(r) > 0 && r[0] == row[0] {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d rows for an unanswered question", n)
		}
	}
	find(rows, "Fråga", "Fritextsvar")
	for _, h := range hostile {
		find(rows, "Vad var bäst?", h)
	}
	// The free texts are text, never formulas.
	for i := range rows {
		cell, _ := excelize.CoordinatesToCellName(2, i+1)
		if formula, _ := f.GetCellFormula(ws, cell); formula != "" {
			t.Errorf("%s is a formula: %q", cell, formula)
		}
		if v, _ := f.GetCellValue(ws, cell); slices.Contains(hostile, v) {
			if typ, _ := f.GetCellType(ws, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s %q is stored as %v, not text", cell, v, typ)
			}
		}
	}

	rows, _ = f.GetRows(ca)
	if got := rows[0]; !slices.Equal(got, []string{"Fråga", "Svar", "Svarande", "Andel %", "Före", "Efter", "Förändring"}) {
		t.Errorf("before/after header %q", got)
	}
	find(rows, "Svarande", "Alla svarande", "4", "100.00", "2", "2")
	if len(rows) > 2 {
		q := rows[2][0] // the first question
		find(rows, q, "Medelvärde", "3.25", "", "2.50", "4.00", "1.50")
		find(rows, q, "2", "1", "25.00", "1", "0")
	}
}

func TestPDFHasASectionPerQuestionnaireWithTheFreeTexts(t *testing.T) {
	r := report(t)
	var buf bytes.Buffer
	if err := export.PDF(&buf, r, export.Options{Lang: translations.New("nb"), Evaluations: evaluations(t)}); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(pdfdoctest.Text(t, buf.Bytes())), " ")
	for _, want := range []string{"Evaluering av workshop", "12 respondenter i perioden", "Kjønn: Menn 5", "Hvor fornøyd er du med workshopen som helhet?",
		"Svarte på spørsmålet", "1 – Ikke fornøyd i det hele tatt", "Gjennomsnitt 4,50", "Fritekstsvar", "Hva var best?",
		`– =HYPERLINK("http://evil.example","klick")`, "– @SUM(A1:A2)",
		"Egenvurdering: evne til å lede innovasjon", "Før", "Etter", "Endring", "Alle respondenter", "Gjennomsnitt 3,25", "1,50"} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF lacks %q:\n%s", want, got)
		}
	}
}

func TestNoEvaluationPartWhenNoneWasAnswered(t *testing.T) {
	r := report(t)
	empty := evaluations(t)[:1]
	empty[0].Results = evaluation.Results{Form: empty[0].Form.ID}
	var x, p bytes.Buffer
	o := export.Options{Lang: translations.New("en"), Evaluations: empty}
	if err := export.XLSX(&x, r, o); err != nil {
		t.Fatal(err)
	}
	if err := export.PDF(&p, r, o); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if slices.Contains(f.GetSheetList(), "Workshop evaluation") {
		t.Errorf("a sheet for a questionnaire no one answered: %q", f.GetSheetList())
	}
	if txt := pdfdoctest.Text(t, p.Bytes()); strings.Contains(txt, "Workshop evaluation") || strings.Contains(txt, "Free-text") {
		t.Errorf("the PDF shows a questionnaire no one answered")
	}
}

func TestEvaluationsApplyOnlyToTheWholeProject(t *testing.T) {
	if !export.EvaluationsApply(indicators.Filter{From: "2026-01-01", To: "2026-06-30", ProjectStart: "2025-01-01"}) {
		t.Error("a period's report leaves the evaluations out")
	}
	for _, f := range []indicators.Filter{{Country: "SE"}, {Partner: "Peak Innovation"}, {Advisor: "Kari"}, {Side: "NO"}, {Municipality: "2321"}} {
		if export.EvaluationsApply(f) {
			t.Errorf("%+v: a selected report carries the project's evaluations", f)
		}
	}
}

func TestSheetNamesFromQuestionnairesStayValid(t *testing.T) {
	r := report(t)
	lib := evaluation.Bundled()
	form, _ := lib.Latest("workshop-evaluation")
	for _, title := range []string{"'quoted'", "[x]:y/z?*", "''", strings.Repeat("😀", 40), "Indikatorer"} {
		odd := *form
		odd.Title = evaluation.Text{SV: title, NB: title, EN: title}
		res := evaluation.Summarise(&odd, func(int) (*evaluation.Form, bool) { return &odd, true },
			[]evaluation.Respondent{{Answers: evaluation.Answers{Form: odd.ID, Version: odd.Version, Values: map[string]any{"overall": int64(3)}}}})
		var buf bytes.Buffer
		if err := export.XLSX(&buf, r, export.Options{Lang: translations.New("sv"), Evaluations: []export.FormResults{{Form: &odd, Results: res}}}); err != nil {
			t.Errorf("title %q: %v", title, err)
			continue
		}
		if f, err := excelize.OpenReader(&buf); err != nil {
			t.Errorf("title %q: the workbook does not open: %v", title, err)
		} else {
			f.Close()
		}
	}
}
