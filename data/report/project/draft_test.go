package project_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

// The findings are listed under the project's five steps in the
// project's order, each step's entries oldest first; a step without
// entries says so, and every step leaves room for the lead's account.
func TestFindingsByStepInProjectOrder(t *testing.T) {
	fx := newFixture(t)
	md := string(render(t, fx.draft(t, "en"), project.Markdown))
	d := parseMarkdown(md)
	want := []string{"## Summary", "## Funder indicators", "## Joint actions", "### Pilot", "### Formal cooperation",
		"## Findings by project step", "### Benchmarking and environment scan", "### Capacity building",
		"### Pilot case", "### Evaluation", "### Next phase"}
	if !slices.Equal(d.headings[1:], want) {
		t.Errorf("headings\n%q\nwant\n%q", d.headings[1:], want)
	}
	var texts []string
	for _, it := range d.items {
		texts = append(texts, strings.SplitN(unescape(it), "\n", 2)[0])
	}
	wantItems := []string{"20 Jan 2026 · Benchmark from elsewhere: Studied a Danish model",
		"10 Feb 2026 · Experience: Short meetings on site work best",
		"2 Mar 2026 · Finding: First pilot finding", "2 May 2026 · Finding: Second pilot finding",
		"30 Jun 2026 · Method tried: Plan the implementation project"}
	if !slices.Equal(texts, wantItems) {
		t.Errorf("findings\n%q\nwant\n%q", texts, wantItems)
	}
	evaluation := md[strings.Index(md, "### Evaluation"):strings.Index(md, "### Next phase")]
	if !strings.Contains(evaluation, "No entries for this step in the period.") {
		t.Errorf("the evaluation step does not say it has no entries:\n%s", evaluation)
	}
	if n := strings.Count(md, "*\\[Write here: what the project did and learned in this step.\\]*"); n != 5 {
		t.Errorf("%d prompts for the steps, want 5:\n%s", n, md)
	}
	for _, linked := range []string{"Source: Visit to Aalborg", "Organisations: Trådfabrikken AS", "Joint actions: Gränslös turism"} {
		if !strings.Contains(unescape(md), linked) {
			t.Errorf("no %q in the findings", linked)
		}
	}
	if strings.Contains(md, "Found before the period") {
		t.Error("a finding dated before the period is listed")
	}
}

// The joint actions that ran in the period are listed by kind with their
// partners' countries, whether they cross the border, status, dates and
// outcome; planned ones and those that ended before the period are not.
func TestJointActionsThatRanInThePeriod(t *testing.T) {
	fx := newFixture(t)
	d := parseMarkdown(string(render(t, fx.draft(t, "en"), project.Markdown)))
	if len(d.tables) != 3 {
		t.Fatalf("%d tables, want the indicators and two kinds of joint action", len(d.tables))
	}
	pilot, coop := d.tables[1], d.tables[2]
	wantHeader := []string{"Joint action", "Partners", "Cross-border", "Status", "Dates", "Outcome"}
	if !slices.Equal(pilot[0], wantHeader) {
		t.Errorf("header %q, want %q", pilot[0], wantHeader)
	}
	if len(pilot) != 3 || len(coop) != 3 {
		t.Fatalf("pilot table %q, cooperation table %q: want one row each", pilot, coop)
	}
	if want := []string{"Gränslös turism", "Fjällbryggan AB (Sweden)<br>Trådfabrikken AS (Norway)", "Yes", "Completed",
		"1 Feb 2026 – 30 May 2026", "Two packages sold"}; !slices.Equal(pilot[2], want) {
		t.Errorf("pilot row %q, want %q", pilot[2], want)
	}
	if want := []string{"Klustersamverkan", "Fjällbryggan AB (Sweden)<br>Krokom Kluster (Sweden)", "No", "Ongoing",
		"1 Apr 2026 –", ""}; !slices.Equal(coop[2], want) {
		t.Errorf("cooperation row %q, want %q", coop[2], want)
	}
}

// The draft speaks the language asked for, to the indicator table's labels.
func TestSectionsInTheChosenLanguage(t *testing.T) {
	fx := newFixture(t)
	for lang, want := range map[string][]string{
		"sv": {"# Projektrapport (utkast)", "## Sammanfattning", "## Indikatorer för finansiärer", "## Gemensamma insatser",
			"### Formell samverkan", "## Lärdomar per projektsteg", "### Benchmarking och omvärldsanalys", "### Pilotfall",
			"*\\[Skriv här: vad projektet gjorde och lärde sig i detta steg.\\]*", "| Gemensam insats | Partner | Gränsöverskridande |",
			"Fjällbryggan AB (Sverige)<br>Trådfabrikken AS (Norge)", "Period: 2026-01-01 – 2026-06-30"},
		"nb": {"# Prosjektrapport (utkast)", "## Sammendrag", "## Indikatorer for finansiører", "## Felles tiltak",
			"### Formelt samarbeid", "## Lærdommer per prosjektsteg", "### Benchmarking og omverdensanalyse", "### Pilotcase",
			"*\\[Skriv her: hva prosjektet gjorde og lærte i dette steget.\\]*", "| Felles tiltak | Partnere | Grenseoverskridende |",
			"Periode: "},
	} {
		md := string(render(t, fx.draft(t, lang), project.Markdown))
		for _, w := range want {
			if !strings.Contains(md, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, md)
			}
		}
		tr := translations.New(lang)
		if !strings.Contains(md, "| RCO01 | "+tr.T("report.indicators.rco01")+" |") {
			t.Errorf("%s: the indicator table does not use the funder report's labels", lang)
		}
	}
}

// A period with nothing recorded still gives a well-formed draft in every
// format, saying there is nothing yet.
func TestEmptyPeriodGivesAWellFormedDraft(t *testing.T) {
	s, _ := datatest.Open(t)
	in, err := project.Gather(t.Context(), s, indicators.Filter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	doc := project.Build(in, translations.New("sv"))
	md := string(render(t, doc, project.Markdown))
	for _, w := range []string{"Inget har registrerats för perioden ännu", "Ingen gemensam insats pågick",
		"Inga poster för detta steg under perioden."} {
		if !strings.Contains(md, w) {
			t.Errorf("no %q in\n%s", w, md)
		}
	}
	if d := parseMarkdown(md); len(d.tables) != 1 || len(d.items) != 0 {
		t.Errorf("%d tables and %d list items, want the indicator table alone", len(d.tables), len(d.items))
	}
	x := docxXML(t, render(t, doc, project.DOCX))
	if got := x.headings(2); len(got) != 5 {
		t.Errorf("DOCX level-2 headings %q, want the five steps", got)
	}
	text := pdfdoctest.Text(t, render(t, doc, project.PDF))
	if !strings.Contains(text, "Inget har registrerats") {
		t.Errorf("the PDF does not say the period is empty:\n%s", text)
	}
}

// The PDF prints the document (Nordic letters included), and the same
// data gives the same bytes.
func TestPDFIsTheDocumentAndRepeatable(t *testing.T) {
	fx := newFixture(t)
	doc := fx.draft(t, "nb")
	a, b := render(t, doc, project.PDF), render(t, fx.draft(t, "nb"), project.PDF)
	if !bytes.Equal(a, b) {
		t.Error("two drafts of the same data differ")
	}
	text := pdfdoctest.Text(t, a)
	for _, w := range []string{"Prosjektrapport (utkast)", "Felles tiltak", "Gränslös turism", "Trådfabrikken AS",
		"Lærdommer per prosjektsteg", "Studied a Danish model", "[Skriv her:", "side 1 av"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in the PDF:\n%s", w, text)
		}
	}
}

// A section added through Input.Extra lands after the joint actions, in
// the reader's language, in every format.
func TestExtraSectionsFollowTheJointActions(t *testing.T) {
	fx := newFixture(t)
	fx.extras = []project.SectionsFunc{func(tr *translations.Localizer) []project.Section {
		return []project.Section{{Level: 1, Heading: "The innovation system " + tr.Lang(), Blocks: []project.Block{
			project.TableOf(project.Table{Header: []string{"Kind", "SE", "NO"}, Rows: [][]string{{"Cluster", "1", "0"}},
				Numeric: []bool{false, true, true}})}}}
	}}
	d := parseMarkdown(string(render(t, fx.draft(t, "sv"), project.Markdown)))
	i := slices.Index(d.headings, "## The innovation system sv")
	if i < 0 || d.headings[i-1] != "### Formell samverkan" || d.headings[i+1] != "## Lärdomar per projektsteg" {
		t.Errorf("headings %q: the extra section is not between the joint actions and the findings", d.headings)
	}
	if x := docxXML(t, render(t, fx.draft(t, "sv"), project.DOCX)); !slices.Contains(x.headings(1), "The innovation system sv") {
		t.Errorf("DOCX headings %q lack the extra section", x.headings(1))
	}
}
