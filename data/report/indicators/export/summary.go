package export

import (
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// Summary is the funder report's indicator table as a reader sees it in
// the PDF: its title, the note under it, the header and every row with
// its numbers written in the reader's language. Other documents quote it
// (the project report draft), so their labels and numbers are exactly the
// funder report's.
type Summary struct {
	Title, Note string
	Header      []string
	Rows        [][]string
	// Numeric marks the columns that hold numbers (aligned right).
	Numeric []bool
}

// IndicatorSummary is the indicator table of r in tr's language: code,
// indicator, the period's value and the value since the project's start.
func IndicatorSummary(r *indicators.Report, tr *translations.Localizer) Summary {
	t := indicatorTable(r, tr)
	s := Summary{Title: t.title, Note: t.note, Header: t.header, Numeric: make([]bool, len(t.header))}
	for _, row := range t.rows {
		out := make([]string, len(row))
		for i, c := range row {
			switch {
			case c.decimal:
				out[i] = readableDecimal(tr, c.num)
			case c.isNum:
				out[i] = tr.Number(int(c.num))
			default:
				out[i] = c.text
			}
			if c.isNum {
				s.Numeric[i] = true
			}
		}
		s.Rows = append(s.Rows, out)
	}
	return s
}
