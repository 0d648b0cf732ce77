package export

import (
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
	"eu.ilsa.coach/ilsa/translations"
)

// PDF writes the summary: the period and selection, the indicator table,
// participants by gender, leadership, every breakdown, the SDGs and the
// impact. The same report gives the same bytes (no creation date).
func PDF(w io.Writer, r *indicators.Report, o Options) error {
	tr := o.Lang
	doc := pdfdoc.New(pdfdoc.Options{Title: tr.T("report.indicators.title"), Author: "ILSA Coach",
		Footer: func(page int) string {
			return tr.T("report.indicators.page", "Page", tr.Number(page), "Pages", "{nb}")
		}})
	doc.SetFont(pdfdoc.Font, "B", 16)
	doc.MultiCell(0, 8, tr.T("report.indicators.title"), "", "L", false)
	doc.SetFont(pdfdoc.Font, "", 10)
	doc.MultiCell(0, 6, tr.T("report.indicators.period", "From", tr.DateString(r.Filter.From), "To", tr.DateString(r.Filter.To)), "", "L", false)
	if sel := selection(r.Filter, tr); sel != "" {
		doc.MultiCell(0, 6, tr.T("report.indicators.filter", "Filter", sel), "", "L", false)
	}
	for _, t := range tables(r, o) {
		pdfTable(doc, t, tr)
	}
	for _, d := range evaluationDocs(o) {
		pdfEvaluation(doc, d, tr)
	}
	if err := doc.Error(); err != nil {
		return err
	}
	return doc.Output(w)
}

// selection describes the filters beyond the period ("" when none).
func selection(f indicators.Filter, tr *translations.Localizer) string {
	var parts []string
	add := func(label, value string) {
		if value != "" {
			parts = append(parts, label+": "+value)
		}
	}
	if f.Country != "" {
		add(tr.T("field.country"), tr.Country(f.Country))
	}
	if f.County != "" {
		add(tr.T("report.indicators.col.county"), indicators.RowLabel(indicators.ByCounty, f.County, tr))
	}
	if f.Municipality != "" {
		add(tr.T("field.municipality"), indicators.RowLabel(indicators.ByMunicipality, f.Municipality, tr))
	}
	add(tr.T("field.advisor"), f.Advisor)
	add(tr.T("field.partner"), f.Partner)
	if f.Side != "" {
		add(tr.T("field.side"), tr.Country(f.Side))
	}
	if f.Kind != "" {
		add(tr.T("field.kind"), tr.Kind(f.Kind))
	}
	return strings.Join(parts, " · ")
}

const rowHeight = 6.5

// pdfTable prints one table under its heading, repeating the header row
// on a new page.
func pdfTable(doc *fpdf.Fpdf, t table, tr *translations.Localizer) {
	pageW, pageH := doc.GetPageSize()
	left, _, right, bottom := doc.GetMargins()
	avail := pageW - left - right
	var sum float64
	for _, w := range t.widths {
		sum += w
	}
	widths := make([]float64, len(t.widths))
	for i, w := range t.widths {
		widths[i] = avail * w / sum
	}
	fits := func(h float64) bool { return doc.GetY()+h <= pageH-bottom }
	if !fits(14 + 3*rowHeight) { // keep a heading with its first rows
		doc.AddPage()
	}
	if t.subheading {
		doc.Ln(2)
		doc.SetFont(pdfdoc.Font, "B", 10)
		doc.MultiCell(0, 5.5, t.title, "", "L", false)
	} else {
		doc.Ln(5)
		doc.SetFont(pdfdoc.Font, "B", 12)
		doc.MultiCell(0, 7, t.title, "", "L", false)
	}
	if t.note != "" {
		doc.SetFont(pdfdoc.Font, "", 8)
		doc.SetTextColor(90, 90, 90)
		doc.MultiCell(0, 4.5, t.note, "", "L", false)
		doc.SetTextColor(0, 0, 0)
	}
	header := func() {
		doc.SetFont(pdfdoc.Font, "B", 9)
		doc.SetFillColor(225, 232, 240)
		for i, h := range t.header {
			var first *cell // a header lines up with its column's values
			if len(t.rows) > 0 {
				first = &t.rows[0][i]
			}
			doc.CellFormat(widths[i], rowHeight, fitText(doc, h, widths[i]), "B", 0, align(i, first), true, 0, "")
		}
		doc.Ln(-1)
		doc.SetFont(pdfdoc.Font, "", 9)
	}
	header()
	for _, row := range t.rows {
		if !fits(rowHeight) {
			doc.AddPage()
			header()
		}
		for i, c := range row {
			s := c.text
			switch {
			case c.decimal:
				s = readableDecimal(tr, c.num)
			case c.isNum:
				s = tr.Number(int(c.num))
			}
			doc.CellFormat(widths[i], rowHeight, fitText(doc, s, widths[i]), "B", 0, align(i, &c), false, 0, "")
		}
		doc.Ln(-1)
	}
}

// align puts numbers right and text left; headers follow their column.
func align(i int, c *cell) string {
	if c != nil && c.isNum || c == nil && i > 0 {
		return "R"
	}
	return "L"
}

// fitText shortens a text that does not fit its column, with an ellipsis.
func fitText(doc *fpdf.Fpdf, s string, width float64) string {
	const pad = 2
	if doc.GetStringWidth(s) <= width-pad {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && doc.GetStringWidth(string(r)+"…") > width-pad {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
