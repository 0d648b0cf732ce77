package project

import (
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
)

// WritePDF writes d as an A4 PDF with the embedded fonts. The same
// document gives the same bytes: the file is dated by the period's end,
// not by the clock.
func WritePDF(w io.Writer, d Document) error {
	var created int64 = 1
	if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
		created = t.Unix()
	}
	doc := pdfdoc.New(pdfdoc.Options{Title: d.Title, Author: "ILSA Coach", CreatedUnix: created, Footer: func(page int) string {
		return strings.ReplaceAll(d.PageFooter, "{page}", strconv.Itoa(page))
	}})
	doc.SetCatalogSort(true) // fonts and images in a fixed order, not the order of a map
	doc.SetFont(pdfdoc.Font, "B", 18)
	doc.MultiCell(0, 9, d.Title, "", "L", false)
	if d.Subtitle != "" {
		doc.SetFont(pdfdoc.Font, "", 11)
		doc.MultiCell(0, 6, d.Subtitle, "", "L", false)
	}
	afterPicture := false // the page is the picture's own
	textPage := func() {
		if afterPicture {
			doc.AddPageFormat("P", doc.GetPageSizeStr("A4"))
			afterPicture = false
		}
	}
	for _, s := range d.Sections {
		textPage()
		pdfHeading(doc, s)
		for _, b := range s.Blocks {
			if b.Kind == Image {
				if b.Picture != nil { // a block not made by PictureOf
					pdfPicture(doc, b.Picture)
					afterPicture = true
				}
				continue
			}
			textPage()
			pdfBlock(doc, b)
		}
	}
	if err := doc.Error(); err != nil {
		return err
	}
	return doc.Output(w)
}

const (
	lineH   = 5.0 // a line of body text
	cellPad = 1.2 // above and below a table cell's lines
	indent  = 6.0 // a list item's text from its bullet
)

// pdfHeading starts a section, on a new page when fewer than a heading and
// a few lines would fit.
func pdfHeading(doc *fpdf.Fpdf, s Section) {
	_, pageH := doc.GetPageSize()
	_, _, _, bottom := doc.GetMargins()
	if doc.GetY()+30 > pageH-bottom {
		doc.AddPage()
	}
	size, h, gap := 14.0, 7.5, 7.0
	if s.Level > 1 {
		size, h, gap = 12, 6.5, 4
	}
	doc.Ln(gap)
	doc.SetFont(pdfdoc.Font, "B", size)
	doc.MultiCell(0, h, s.Heading, "", "L", false)
	doc.Ln(1)
}

func pdfBlock(doc *fpdf.Fpdf, b Block) {
	switch b.Kind {
	case Paragraph:
		doc.SetFont(pdfdoc.Font, "", 10)
		doc.MultiCell(0, lineH, b.Text, "", "L", false)
		doc.Ln(2)
	case Prompt:
		// Set apart in grey on a tint, so the lead sees what to replace.
		doc.SetFont(pdfdoc.Font, "", 10)
		doc.SetTextColor(90, 90, 90)
		doc.SetFillColor(245, 242, 225)
		doc.MultiCell(0, lineH+0.5, b.Text, "", "L", true)
		doc.SetTextColor(0, 0, 0)
		doc.Ln(2)
	case Note:
		doc.SetFont(pdfdoc.Font, "", 8)
		doc.SetTextColor(90, 90, 90)
		doc.MultiCell(0, 4.2, b.Text, "", "L", false)
		doc.SetTextColor(0, 0, 0)
		doc.Ln(1)
	case List:
		doc.SetFont(pdfdoc.Font, "", 10)
		left, _, _, _ := doc.GetMargins()
		pageW, _ := doc.GetPageSize()
		_, _, right, _ := doc.GetMargins()
		for _, it := range b.Items {
			doc.SetX(left)
			doc.CellFormat(indent, lineH, "•", "", 0, "L", false, 0, "")
			doc.SetLeftMargin(left + indent) // continuation lines and page breaks keep the indent
			doc.MultiCell(pageW-left-right-indent, lineH, strings.Join(wrap(doc, it, pageW-left-right-indent), "\n"), "", "L", false)
			doc.SetLeftMargin(left)
			doc.Ln(1)
		}
		doc.Ln(1)
	case TableBlock:
		pdfTable(doc, b.Table)
		doc.Ln(2)
	}
}

// pdfTable draws a table whose cells wrap their text; the header row is
// repeated on each new page, and a row taller than a page goes on over
// the next.
func pdfTable(doc *fpdf.Fpdf, t *Table) {
	pageW, pageH := doc.GetPageSize()
	left, _, right, bottom := doc.GetMargins()
	avail := pageW - left - right
	widths := columnWidths(doc, t, avail)
	var row func(cells []string, header bool)
	row = func(cells []string, header bool) {
		style := ""
		if header {
			style = "B"
		}
		doc.SetFont(pdfdoc.Font, style, 8.5)
		const h = 4.2
		cols := make([][]string, len(widths))
		n := 1
		for i := range widths {
			cols[i] = wrap(doc, cells[i], widths[i])
			n = max(n, len(cols[i]))
		}
		for start := 0; start < n; {
			room := int((pageH - bottom - doc.GetY() - 2*cellPad) / h)
			if room < 1 || (start == 0 && room < min(n, 3)) {
				doc.AddPage()
				if !header {
					row(t.Header, true)
					doc.SetFont(pdfdoc.Font, style, 8.5)
				}
				continue
			}
			end := min(n, start+room)
			y := doc.GetY()
			rowH := float64(end-start)*h + 2*cellPad
			x := left
			for i, w := range widths {
				if header {
					doc.SetFillColor(225, 232, 240)
					doc.Rect(x, y, w, rowH, "F")
				}
				doc.Line(x, y+rowH, x+w, y+rowH)
				align := "L"
				if i < len(t.Numeric) && t.Numeric[i] {
					align = "R"
				}
				for k := start; k < end && k < len(cols[i]); k++ {
					doc.SetXY(x, y+cellPad+float64(k-start)*h)
					doc.CellFormat(w, h, cols[i][k], "", 0, align, false, 0, "")
				}
				x += w
			}
			doc.SetXY(left, y+rowH)
			start = end
		}
	}
	row(t.Header, true)
	for _, r := range t.Rows {
		row(r, false)
	}
}

// columnWidths shares avail among t's columns by their relative widths,
// but gives each column room for its longest word (up to a third of the
// table), so "Gränsöverskridande" is not cut in two.
func columnWidths(doc *fpdf.Fpdf, t *Table, avail float64) []float64 {
	n := len(t.Header)
	widths, least := make([]float64, n), make([]float64, n)
	var sum float64
	for i := range widths {
		widths[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 {
			widths[i] = t.Widths[i]
		}
		sum += widths[i]
	}
	for i := range widths {
		widths[i] = avail * widths[i] / sum
		doc.SetFont(pdfdoc.Font, "B", 8.5)
		least[i] = pdfdoc.WordWidth(doc, t.Header[i])
		doc.SetFont(pdfdoc.Font, "", 8.5)
		for _, r := range t.Rows {
			least[i] = max(least[i], pdfdoc.WordWidth(doc, r[i]))
		}
		least[i] = min(least[i]+0.5, avail/3)
	}
	// Widen the narrow columns, taking the room from the others in
	// proportion to what they have beyond their longest word.
	var need, spare float64
	for i := range widths {
		if widths[i] < least[i] {
			need += least[i] - widths[i]
		} else {
			spare += widths[i] - least[i]
		}
	}
	if need == 0 || spare < need {
		return widths
	}
	for i := range widths {
		if widths[i] < least[i] {
			widths[i] = least[i]
		} else {
			widths[i] -= (widths[i] - least[i]) * need / spare
		}
	}
	return widths
}

// wrap splits s into lines that fit width w in the current font: between
// words where it can, inside a word longer than the line.
func wrap(doc *fpdf.Fpdf, s string, w float64) []string {
	room := w - 2*doc.GetCellMargin()
	var out []string
	for _, l := range pdfdoc.Lines(doc, s, w) {
		if doc.GetStringWidth(l) <= room {
			out = append(out, l)
			continue
		}
		// A word wider than the line: cut it where the line is full.
		var b strings.Builder
		width := 0.0
		for _, r := range l {
			rw := doc.GetStringWidth(string(r))
			if width+rw > room && b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
				width = 0
			}
			b.WriteRune(r)
			width += rw
		}
		out = append(out, b.String())
	}
	return out
}
