package chart

import (
	"image/color"

	"fyne.io/fyne/v2"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// legendItem is one entry of a legend: a colour and a name.
type legendItem struct {
	name   string
	colour color.Color
}

// legendKind is how a legend's swatch looks: a line with a dot (for
// series drawn as lines) or a square (for areas).
type legendKind int

const (
	legendLine legendKind = iota
	legendSquare
)

// legend is a laid-out legend: items flowing in rows across a width.
type legend struct {
	items  []legendItem
	names  []string // possibly shortened to the width
	xs     []float64
	rows   []int
	height float32
	kind   legendKind
	rowW   []float32 // the width of each row, for centring
}

// swatchWidth is the width of the colour mark before a name.
func (s style) swatchWidth() float32 { return s.label.size * 1.4 }

// layoutLegend flows items across width; unnamed items are left out (a
// single unnamed series needs no legend).
func layoutLegend(s style, items []legendItem, width float32, kind legendKind) legend {
	l := legend{kind: kind}
	sw := s.swatchWidth() + s.pad
	var widths []float64
	for _, it := range items {
		if it.name == "" {
			continue
		}
		name := s.label.fit(it.name, width-sw)
		l.items = append(l.items, it)
		l.names = append(l.names, name)
		widths = append(widths, float64(sw+s.label.width(name)))
	}
	if len(l.items) == 0 {
		return l
	}
	l.xs, l.rows = plot.Flow(widths, float64(width), float64(3*s.pad))
	l.rowW = make([]float32, l.rows[len(l.rows)-1]+1)
	for i, w := range widths {
		l.rowW[l.rows[i]] = float32(l.xs[i] + w)
	}
	l.height = float32(len(l.rowW)) * s.label.height()
	return l
}

// draw puts the legend's rows at y, each centred in [x, x+width].
func (l legend) draw(d *drawing, s style, x, y, width float32) {
	h := s.label.height()
	sw := s.swatchWidth()
	for i, it := range l.items {
		ix := x + max(0, (width-l.rowW[l.rows[i]])/2) + float32(l.xs[i])
		iy := y + float32(l.rows[i])*h
		mid := iy + h/2
		switch l.kind {
		case legendSquare:
			side := h * 0.6
			d.rect(fyne.NewPos(ix+(sw-side)/2, mid-side/2), fyne.NewSquareSize(side), it.colour, 2)
		default:
			d.line(fyne.NewPos(ix, mid), fyne.NewPos(ix+sw, mid), it.colour, 2)
			d.dot(fyne.NewPos(ix+sw/2, mid), dotRadius, it.colour, nil)
		}
		d.text(l.names[i], fyne.NewPos(ix+sw+s.pad, iy), s.label, s.fg)
	}
}
