package project

import (
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/translations"
)

// Build assembles the draft for in's period in tr's language. Its
// chapters, in order: a summary for the lead to write; the funder
// indicators of the period and since the project's start (the funder
// report's own table); the joint actions that ran, by kind; the sections
// of in.Extra; the findings log by project step, in the project's order.
// The same input gives the same document.
func Build(in Input, tr *translations.Localizer) Document {
	r := in.Report
	if r == nil {
		r = &indicators.Report{}
	}
	doc := Document{
		Title:      tr.T("report.project.title"),
		Subtitle:   tr.T("report.indicators.period", "From", tr.DateString(r.Filter.From), "To", tr.DateString(r.Filter.To)),
		PageFooter: tr.T("report.project.page", "Page", "{page}", "Pages", "{nb}"),
		Date:       r.Filter.To,
	}
	joints := jointsThatRan(in, r.Filter.From, r.Filter.To)
	doc.Sections = append(doc.Sections, summarySection(r, joints, in, tr), indicatorSection(r, tr))
	doc.Sections = append(doc.Sections, jointSections(joints, in, tr)...)
	for _, extra := range in.Extra {
		doc.Sections = append(doc.Sections, extra(tr)...)
	}
	doc.Sections = append(doc.Sections, findingSections(in, tr)...)
	return doc
}

// summarySection is the lead's summary of the period; a period without
// anything recorded says so.
func summarySection(r *indicators.Report, joints []jointEntry, in Input, tr *translations.Localizer) Section {
	s := Section{Level: 1, Heading: tr.T("report.project.summary")}
	if r.VisitCount.Value == 0 && len(joints) == 0 && len(in.Findings) == 0 {
		s.Blocks = append(s.Blocks, Para(tr.T("report.project.empty")))
	}
	s.Blocks = append(s.Blocks, PromptFor(tr.T("report.project.prompt.summary")))
	return s
}

// indicatorSection quotes the funder report's indicator table.
func indicatorSection(r *indicators.Report, tr *translations.Localizer) Section {
	sum := export.IndicatorSummary(r, tr)
	s := Section{Level: 1, Heading: sum.Title}
	if sum.Note != "" {
		s.Blocks = append(s.Blocks, NoteOf(sum.Note))
	}
	s.Blocks = append(s.Blocks, TableOf(Table{Header: sum.Header, Rows: sum.Rows, Numeric: sum.Numeric, Widths: []float64{10, 60, 14, 22}}),
		PromptFor(tr.T("report.project.prompt.indicators")))
	return s
}
