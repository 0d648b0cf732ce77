package project_test

import (
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

// odd is text a colleague's device may sync in: Markdown's marks, line
// breaks that would end a list item or a table row, control characters
// (NUL, ESC, a form feed, C1), a directional override, right-to-left
// script, an HTML tag and entity, invalid UTF-8, and a word far too long
// for a line.
var odd = "| a | b |\n# Not a heading\n\n1. not a list\n- nor this\n* star * _under_ `code` [link](x) ![img](y)\n" +
	"===\n\x00\x1b[31m\f\u0085\u202eevil\u202c <script>&amp; \xff\n" + "שלום עולם مرحبا بالعالم\n" + strings.Repeat("x", 5000)

func oddInput() project.Input {
	orgs := map[string]domain.Organisation{
		"o1": {Meta: domain.Meta{ID: "o1"}, Name: "Pipe | AB\n## two", Country: domain.CountrySE},
		"o2": {Meta: domain.Meta{ID: "o2"}, Name: "שלום AS", Country: domain.CountryNO},
	}
	joints := []domain.JointAction{
		{Meta: domain.Meta{ID: "j1"}, Kind: domain.JointPilot, Title: odd, Status: domain.JointOngoing, Start: "2026-02-01",
			Outcome: odd, OrgIDs: []string{"o1", "o2"}},
		{Meta: domain.Meta{ID: "j2"}, Kind: domain.JointPilot, Title: "| | |", Status: domain.JointOngoing, Start: "2026-03-01"},
	}
	var findings []domain.Finding
	for i, step := range domain.ProjectSteps {
		findings = append(findings, domain.Finding{Meta: domain.Meta{ID: string(rune('a' + i))}, Kind: domain.FindingObservation,
			Step: step, Date: "2026-03-01", Text: odd, Source: odd, OrgIDs: []string{"o1", "o2"}, JointIDs: []string{"j1"}})
	}
	return project.Input{Report: &indicators.Report{Filter: indicators.Filter{From: from, To: to}},
		Joints: joints, Orgs: orgs, Findings: findings}
}

// Odd text cannot add a heading, a list item, a table row or a column to
// the Markdown; it stays text in its place.
func TestOddTextKeepsTheMarkdownStructure(t *testing.T) {
	doc := project.Build(oddInput(), translations.New("en"))
	md := string(render(t, doc, project.Markdown))
	d := parseMarkdown(md)
	want := []string{"# Project report (draft)", "## Summary", "## Funder indicators", "## Joint actions", "### Pilot",
		"## Findings by project step", "### Benchmarking and environment scan", "### Capacity building",
		"### Pilot case", "### Evaluation", "### Next phase"}
	if !slices.Equal(d.headings, want) {
		t.Errorf("headings\n%q\nwant\n%q", d.headings, want)
	}
	if len(d.items) != len(domain.ProjectSteps) {
		t.Errorf("%d list items, want one finding per step", len(d.items))
	}
	if len(d.tables) != 2 {
		t.Fatalf("%d tables, want 2", len(d.tables))
	}
	for _, tbl := range d.tables {
		for i, row := range tbl {
			if len(row) != len(tbl[0]) {
				t.Errorf("row %d has %d cells, the header %d: %q", i, len(row), len(tbl[0]), row)
			}
		}
	}
	joints := d.tables[1]
	if len(joints) != 4 {
		t.Fatalf("joint table has %d lines, want header, rule and two rows", len(joints))
	}
	if got := unescape(joints[3][0]); got != "| | |" {
		t.Errorf("a title of pipes reads %q", got)
	}
	item := unescape(d.items[0])
	for _, w := range []string{"| a | b |", "# Not a heading", "1. not a list", "שלום עולם مرحبا بالعالم", "<script>&amp;",
		"Organisations: Pipe | AB ## two, שלום AS"} {
		if !strings.Contains(item, w) {
			t.Errorf("the finding lost %q:\n%s", w, item)
		}
	}
	for _, bad := range []string{"\x00", "\x1b", "\f", "\u0085", "\u202e", "\xff"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown holds %q", bad)
		}
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "<") || strings.HasPrefix(l, "===") || strings.HasPrefix(l, "1.") {
			t.Errorf("a line starts a block of its own: %q", l)
		}
	}
}

// Odd text leaves document.xml well-formed and in its place: the headings,
// the bulleted list and the table keep their number and shape.
func TestOddTextKeepsTheDOCXWellFormed(t *testing.T) {
	doc := project.Build(oddInput(), translations.New("nb"))
	x := docxXML(t, render(t, doc, project.DOCX))
	if got := x.headings(1); len(got) != 4 {
		t.Errorf("level-1 headings %q, want 4", got)
	}
	bullets := x.styled("ListBullet")
	if len(bullets) != len(domain.ProjectSteps) {
		t.Fatalf("%d list paragraphs, want %d", len(bullets), len(domain.ProjectSteps))
	}
	for _, b := range bullets {
		if b.numID != "1" {
			t.Errorf("list paragraph without its bullet numbering: %+v", b.numID)
		}
	}
	if !strings.Contains(bullets[0].text, "| a | b |\n# Not a heading") || !strings.Contains(bullets[0].text, "שלום עולם") {
		t.Errorf("the finding's text is not kept, line breaks as breaks: %.200q", bullets[0].text)
	}
	if len(x.tables) != 2 {
		t.Fatalf("%d tables, want 2", len(x.tables))
	}
	for _, row := range x.tables[1] {
		if len(row) != 6 {
			t.Errorf("joint-action row with %d cells: %.100q", len(row), row)
		}
	}
	if len(x.tables[1]) != 3 {
		t.Errorf("joint-action table with %d rows, want header and two", len(x.tables[1]))
	}
}

// Odd text does not stop the PDF; a word too long for a line is cut over
// lines rather than run off the page.
func TestOddTextInThePDF(t *testing.T) {
	doc := project.Build(oddInput(), translations.New("sv"))
	text := pdfdoctest.Text(t, render(t, doc, project.PDF))
	for _, w := range []string{"| a | b |", "# Not a heading", "Lärdomar per projektsteg"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in the PDF", w)
		}
	}
	longest := 0
	for _, l := range strings.Split(text, "\n") {
		longest = max(longest, strings.Count(l, "x"))
	}
	if longest == 0 || longest > 200 {
		t.Errorf("the longest run of the long word on one line is %d x's", longest)
	}
}
