package client

import "math"

// column is one column of a table: its header, its width in mm (0: what the
// other columns leave) and its alignment ("L", "C", "R").
type column struct {
	title string
	width float64
	align string
}

// cell is one cell's text with an optional emphasis.
type cell struct {
	text  string
	bold  bool
	color *rgb // nil: the body colour
	muted bool // small grey text (a second line such as a comment)
}

func plain(s string) cell { return cell{text: s} }

// table draws rows with a shaded header row that is repeated after every
// page break. A row is moved whole to the next page when it does not fit;
// only a row taller than a whole page is continued across pages.
type table struct {
	p      *page
	cols   []column
	header bool
	pad    float64 // vertical padding inside a row, mm
	rules  bool    // a thin line under each row
}

func newTable(p *page, header bool, cols ...column) *table {
	rest := p.width
	free := 0
	for _, c := range cols {
		rest -= c.width
		if c.width == 0 {
			free++
		}
	}
	for i := range cols {
		if cols[i].width == 0 {
			cols[i].width = rest / float64(max(free, 1))
		}
		if cols[i].align == "" {
			cols[i].align = "L"
		}
	}
	return &table{p: p, cols: cols, header: header, pad: 1.2, rules: true}
}

// minRows is the height of the header and one short row: what a heading
// above a table keeps with it.
func (t *table) minRows() float64 {
	return 2 * (lineHeight(sizeBody) + 2*t.pad)
}

// start draws the header row (when the table has one) on a page with room
// for it and at least one row.
func (t *table) start() {
	t.p.ensure(t.minRows())
	t.drawHeader()
}

func (t *table) drawHeader() {
	if !t.header {
		return
	}
	p := t.p
	p.font("B", sizeSmall)
	lh := lineHeight(sizeSmall)
	h := lh + 2*t.pad
	for _, c := range t.cols {
		h = max(h, float64(len(p.lines(c.title, c.width)))*lh+2*t.pad)
	}
	y := p.GetY()
	p.fill(colHeadBg)
	p.Rect(p.left, y, p.width, h, "F")
	p.text(colText)
	x := p.left
	for _, c := range t.cols {
		for i, line := range p.lines(c.title, c.width) {
			p.SetXY(x, y+t.pad+float64(i)*lh)
			p.CellFormat(c.width, lh, line, "", 0, c.align, false, 0, "")
		}
		x += c.width
	}
	p.SetXY(p.left, y+h)
}

// setFont selects the font a cell is written in and returns its line height.
func (t *table) setFont(c cell) float64 {
	size := sizeBody
	if c.muted {
		size = sizeSmall
	}
	style := ""
	if c.bold {
		style = "B"
	}
	t.p.font(style, size)
	return lineHeight(size)
}

// row draws one row; a cell's text may hold several paragraphs ("\n").
func (t *table) row(cells ...cell) {
	p := t.p
	type wrapped struct {
		lines []string
		lh    float64
	}
	ws := make([]wrapped, len(t.cols))
	need := 0.0
	for i := range t.cols {
		c := cell{}
		if i < len(cells) {
			c = cells[i]
		}
		lh := t.setFont(c)
		ws[i] = wrapped{p.lines(c.text, t.cols[i].width), lh}
		need = max(need, float64(len(ws[i].lines))*lh)
	}
	if need+2*t.pad > p.room() && need+2*t.pad <= p.bottom-p.top-t.minRows() {
		p.newPage()
		t.drawHeader()
	}
	// Draw as many lines as fit, continuing on the next page for a row
	// taller than a page.
	done := make([]int, len(t.cols))
	for {
		y := p.GetY()
		avail := p.room() - 2*t.pad
		used := 0.0
		more := false
		x := p.left
		for i, col := range t.cols {
			c := cell{}
			if i < len(cells) {
				c = cells[i]
			}
			lh := t.setFont(c)
			t.color(c)
			// Small text beside body text shares its baseline.
			shift := 0.0
			if c.muted {
				shift = (lineHeight(sizeBody)-lh)/2 + 0.3*(sizeBody-sizeSmall)*0.3528
			}
			n := 0
			for done[i] < len(ws[i].lines) && float64(n+1)*lh <= avail+1e-9 {
				p.SetXY(x, y+t.pad+shift+float64(n)*lh)
				p.CellFormat(col.width, lh, ws[i].lines[done[i]], "", 0, col.align, false, 0, "")
				done[i]++
				n++
			}
			used = math.Max(used, float64(n)*lh)
			if done[i] < len(ws[i].lines) {
				more = true
			}
			x += col.width
		}
		bottom := y + used + 2*t.pad
		if t.rules {
			p.draw(colRule)
			p.SetLineWidth(0.2)
			p.Line(p.left, bottom, p.right, bottom)
		}
		p.SetXY(p.left, bottom)
		if !more {
			return
		}
		p.newPage()
		t.drawHeader()
	}
}

func (t *table) color(c cell) {
	switch {
	case c.color != nil:
		t.p.text(*c.color)
	case c.muted:
		t.p.text(colMuted)
	default:
		t.p.text(colText)
	}
}
