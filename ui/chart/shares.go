package chart

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// Share is one part of a Shares bar (women, men, other participants).
type Share struct {
	Label  string
	Value  float64     // a count; negatives count as 0
	Colour color.Color // nil: the palette's for its place
}

// Shares is one horizontal bar split into parts in proportion, with each
// part's percentage inside it where it fits and a legend of names and
// percentages below. Percentages add up to 100.
type Shares struct {
	widget.BaseWidget

	shares        []Share
	empty         string
	formatPercent func(int) string
}

// NewShares returns an empty share bar.
func NewShares() *Shares {
	s := &Shares{}
	s.ExtendBaseWidget(s)
	return s
}

// SetData shows shares, left to right, and refreshes.
func (sh *Shares) SetData(shares []Share) {
	sh.shares = shares
	sh.Refresh()
}

// SetPercentFormat sets how a percentage is written ("42 %" in Swedish and
// Norwegian); nil writes "42%".
func (sh *Shares) SetPercentFormat(f func(int) string) {
	sh.formatPercent = f
	sh.Refresh()
}

// SetEmptyText sets the (translated) text shown when all counts are 0.
func (sh *Shares) SetEmptyText(s string) {
	sh.empty = s
	sh.Refresh()
}

// CreateRenderer is for Fyne.
func (sh *Shares) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(sh, sh.draw, sh.minSize)
}

// barHeight is the height of the bar: room for a percentage inside.
func barHeight(s style) float32 { return s.label.height() + 2*s.pad }

func (sh *Shares) minSize() fyne.Size {
	s := styleOf(sh.Theme())
	return fyne.NewSize(16*s.label.size, barHeight(s)+s.pad+s.label.height())
}

func (sh *Shares) percent(p int) string {
	if sh.formatPercent != nil {
		return sh.formatPercent(p)
	}
	return strconv.Itoa(p) + "%"
}

func (sh *Shares) draw(d *drawing, size fyne.Size) {
	th := sh.Theme()
	s := styleOf(th)
	values := make([]float64, len(sh.shares))
	for i, x := range sh.shares {
		values[i] = x.Value
	}
	parts := plot.Stack(values, 0, float64(size.Width))
	if parts == nil {
		emptyState(d, s, sh.empty, size)
		return
	}
	h := barHeight(s)
	items := make([]legendItem, len(sh.shares))
	for i, x := range sh.shares {
		c := s.colourOf(th, x.Colour, i)
		items[i] = legendItem{x.Label + " " + sh.percent(parts[i].Percent), c}
		p := parts[i]
		w := float32(p.End - p.Start)
		if w <= 0 {
			continue
		}
		d.rect(fyne.NewPos(float32(p.Start), 0), fyne.NewSize(w, h), c, 0)
		txt := sh.percent(p.Percent)
		if s.label.width(txt)+s.pad <= w {
			d.centred(txt, float32(p.Start)+w/2, (h-s.label.height())/2, s.label, onColour(c))
		}
	}
	// A background-coloured line between parts keeps neighbours of similar
	// colour apart.
	for _, p := range parts[:len(parts)-1] {
		if p.End > 0 && p.End < float64(size.Width) {
			x := float32(p.End)
			d.line(fyne.NewPos(x, 0), fyne.NewPos(x, h), s.bg, 1)
		}
	}
	leg := layoutLegend(s, items, size.Width, legendSquare)
	leg.draw(d, s, 0, h+s.pad, size.Width)
}
