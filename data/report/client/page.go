package client

import (
	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
)

// rgb is a colour; the palette below is the report's whole colour scheme.
type rgb struct{ R, G, B int }

var (
	colText    = rgb{33, 37, 41}
	colMuted   = rgb{108, 117, 125}
	colRule    = rgb{206, 212, 218}
	colHeadBg  = rgb{233, 236, 239}
	colAccent  = rgb{31, 97, 141}  // headings' rule, the latest series
	colPrev    = rgb{211, 120, 30} // the previous assessment
	colFirst   = rgb{140, 140, 140}
	colTarget  = rgb{46, 139, 87}
	colOverdue = rgb{192, 57, 43}
	colBoxBg   = rgb{234, 242, 248} // the next-step box
)

// Type sizes in points and the line heights (mm) that go with them.
const (
	sizeBody  = 9.0
	sizeSmall = 7.5
	sizeH1    = 14.0
	sizeH2    = 11.5
)

// lineHeight is a comfortable line pitch in mm for a font size in points
// (1 pt = 0.3528 mm, times 1.35 leading).
func lineHeight(size float64) float64 { return size * 0.3528 * 1.35 }

// page wraps the document with the report's layout rules. Page breaks are
// taken by hand (auto page break is off) so that a table row, a chart or a
// heading is never cut in two.
type page struct {
	*fpdf.Fpdf
	left, top, right, bottom float64 // content box in mm from the page's top-left corner
	width                    float64 // content width
}

func newPage(doc *fpdf.Fpdf) *page {
	l, t, r, b := doc.GetMargins()
	w, h := doc.GetPageSize()
	doc.SetAutoPageBreak(false, b)
	// Sorted resource catalogues keep the bytes the same from run to run.
	doc.SetCatalogSort(true)
	return &page{Fpdf: doc, left: l, top: t, right: w - r, bottom: h - b, width: w - l - r}
}

func (p *page) font(style string, size float64) { p.SetFont(pdfdoc.Font, style, size) }
func (p *page) text(c rgb)                      { p.SetTextColor(c.R, c.G, c.B) }
func (p *page) draw(c rgb)                      { p.SetDrawColor(c.R, c.G, c.B) }
func (p *page) fill(c rgb)                      { p.SetFillColor(c.R, c.G, c.B) }

// room is the height left on the current page.
func (p *page) room() float64 { return p.bottom - p.GetY() }

// ensure starts a new page unless h mm still fit on this one.
func (p *page) ensure(h float64) {
	if h > p.room() {
		p.newPage()
	}
}

func (p *page) newPage() {
	p.AddPage()
	p.SetXY(p.left, p.top)
}

// space moves down by h, or to the top of a new page when h does not fit.
func (p *page) space(h float64) {
	if h >= p.room() {
		p.newPage()
		return
	}
	p.SetXY(p.left, p.GetY()+h)
}

// heading is a section heading with a thin accent rule under it. keep is
// the height of what must follow on the same page (the first rows or the
// chart), so a heading never ends a page alone.
func (p *page) heading(s string, keep float64) {
	p.headingText(s, sizeH1, colAccent, 6, 3, keep)
	y := p.GetY() + 0.8
	p.draw(colAccent)
	p.SetLineWidth(0.4)
	p.Line(p.left, y, p.right, y)
	p.SetXY(p.left, y+2.5)
}

// subheading names a model or a part of a section.
func (p *page) subheading(s string, keep float64) {
	p.headingText(s, sizeH2, colText, 4, 1.5, keep)
	p.SetXY(p.left, p.GetY()+1.5)
}

// headingText writes one bold line of a heading: on the page that also
// holds below (what follows it) and keep, above spacing it from what came
// before unless it opens the page.
func (p *page) headingText(s string, size float64, c rgb, above, below, keep float64) {
	lh := lineHeight(size)
	p.ensure(above + lh + below + keep)
	if p.GetY() > p.top+1 {
		p.SetY(p.GetY() + above)
	}
	p.font("B", size)
	p.text(c)
	p.SetX(p.left)
	p.CellFormat(p.width, lh, s, "", 2, "L", false, 0, "")
}

// para writes wrapped text over width w at x, breaking pages between lines.
func (p *page) para(x, w float64, s, style string, size float64, c rgb) {
	p.font(style, size)
	p.text(c)
	lh := lineHeight(size)
	for _, line := range p.lines(s, w) {
		p.ensure(lh)
		p.SetXY(x, p.GetY())
		p.CellFormat(w, lh, line, "", 2, "L", false, 0, "")
	}
	p.SetX(p.left)
}

// lines splits s into the lines that fit width w in the current font,
// breaking between words only; an empty text is one empty line, so every
// cell has a height.
func (p *page) lines(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	out := pdfdoc.Lines(p.Fpdf, s, w)
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// rule is a thin grey line across the content width.
func (p *page) rule() {
	p.draw(colRule)
	p.SetLineWidth(0.2)
	p.Line(p.left, p.GetY(), p.right, p.GetY())
}
