package export

import (
	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
	"eu.ilsa.coach/ilsa/translations"
)

// evaluationSheet lays a questionnaire out on one worksheet: a row per
// group of respondents, per value of each question's distribution and per
// mean, each led by its question (so the sheet can be filtered by it), and
// the free-text answers listed below under their own header.
func evaluationSheet(d evalDoc, tr *translations.Localizer) (header []string, widths []float64, rows [][]cell) {
	header = append([]string{tr.T("report.indicators.eval.question")}, d.header...)
	widths = append([]float64{50}, d.widths...)
	for _, row := range d.respondents.rows {
		rows = append(rows, append([]cell{text(tr.T("report.indicators.eval.respondents"))}, row...))
	}
	for _, q := range d.questions {
		for _, row := range q.rows {
			rows = append(rows, append([]cell{text(q.title)}, row...))
		}
	}
	if len(d.texts) > 0 {
		rows = append(rows, nil, []cell{{text: tr.T("report.indicators.eval.question"), bold: true},
			{text: tr.T("report.indicators.eval.free_text"), bold: true}})
		for _, ft := range d.texts {
			for _, a := range ft.answers {
				rows = append(rows, []cell{text(ft.question), text(a)})
			}
		}
	}
	return header, widths, rows
}

// pdfEvaluation prints a questionnaire's section: the respondents under
// the questionnaire's title, a table per question, and the free texts
// written out whole.
func pdfEvaluation(doc *fpdf.Fpdf, d evalDoc, tr *translations.Localizer) {
	pdfTable(doc, d.respondents, tr)
	for _, q := range d.questions {
		pdfTable(doc, q, tr)
	}
	if len(d.texts) == 0 {
		return
	}
	_, pageH := doc.GetPageSize()
	_, _, _, bottom := doc.GetMargins()
	doc.Ln(4)
	if doc.GetY()+20 > pageH-bottom {
		doc.AddPage()
	}
	doc.SetFont(pdfdoc.Font, "B", 11)
	doc.MultiCell(0, 6.5, tr.T("report.indicators.eval.free_texts"), "", "L", false)
	for _, ft := range d.texts {
		doc.Ln(1)
		doc.SetFont(pdfdoc.Font, "B", 9)
		doc.MultiCell(0, 5, ft.question, "", "L", false)
		doc.SetFont(pdfdoc.Font, "", 9)
		for _, a := range ft.answers {
			doc.MultiCell(0, 4.8, "– "+a, "", "L", false)
		}
	}
}
