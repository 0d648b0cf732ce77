package chart

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// Bar is one category of a Bars chart.
type Bar struct {
	Label string
	Value float64 // counts; negatives draw as 0
}

// Bars is a vertical bar chart of counts per category (visits by month, by
// municipality) with each value printed on its bar and the category below.
// Category names that do not fit under their bar are staggered on two rows,
// then shortened with "…", then shown for every second (third …) bar only.
type Bars struct {
	widget.BaseWidget

	bars        []Bar
	empty       string
	formatValue func(float64) string
}

// NewBars returns an empty bar chart.
func NewBars() *Bars {
	b := &Bars{}
	b.ExtendBaseWidget(b)
	return b
}

// SetData shows bars, left to right, and refreshes.
func (b *Bars) SetData(bars []Bar) {
	b.bars = bars
	b.Refresh()
}

// SetValueFormat sets how values are written (grouping per locale); nil
// writes them plainly (12, 2.5).
func (b *Bars) SetValueFormat(f func(float64) string) {
	b.formatValue = f
	b.Refresh()
}

// SetEmptyText sets the (translated) text shown when no bar has a value.
func (b *Bars) SetEmptyText(s string) {
	b.empty = s
	b.Refresh()
}

// CreateRenderer is for Fyne.
func (b *Bars) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(b, b.draw, b.minSize)
}

func (b *Bars) minSize() fyne.Size {
	s := styleOf(b.Theme())
	return fyne.NewSize(18*s.label.size, 11*s.label.size)
}

func (b *Bars) format(v float64) string {
	if b.formatValue != nil {
		return b.formatValue(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func (b *Bars) hasData() bool {
	for _, bar := range b.bars {
		if bar.Value > 0 {
			return true
		}
	}
	return false
}

// categoryLabels decides how the names go under bars one step apart,
// centred at centres within a chart width wide: the rows they take (1 or
// 2), every how many bars one is shown, and the names shortened to their
// room (less for the outer bars, whose names must not leave the chart).
func categoryLabels(s style, bars []Bar, step float32, centres []float32, width float32) (rows, every int, names []string) {
	names = make([]string, len(bars))
	gap := s.pad
	fitsAll := true
	for _, bar := range bars {
		if s.label.width(bar.Label) > step-gap {
			fitsAll = false
			break
		}
	}
	// A shortened name must keep a few letters to be worth showing.
	readable := s.label.width("Ååå" + plot.Ellipsis)
	rows, every = 1, 1
	room := step - gap
	switch {
	case fitsAll:
	case 2*step-gap >= readable && len(bars) > 1:
		rows, room = 2, 2*step-gap
	default:
		every = max(1, int(math.Ceil(float64((readable+gap)/step))))
		room = float32(every)*step - gap
	}
	for i, bar := range bars {
		if i%every == 0 {
			// An outer name may slide inwards up to its half of the room
			// (draw clamps it into the chart) but no further.
			edge := min(centres[i], width-centres[i]) + room/2
			names[i] = s.label.fit(bar.Label, min(room, edge))
		}
	}
	return rows, every, names
}

func (b *Bars) draw(d *drawing, size fyne.Size) {
	s := styleOf(b.Theme())
	if !b.hasData() {
		emptyState(d, s, b.empty, size)
		return
	}
	colour := s.primary // the bars are in the theme's primary colour
	lh, sh := s.label.height(), s.small.height()
	band := plot.Band{N: len(b.bars), R0: float64(s.pad), R1: float64(size.Width - s.pad), PaddingInner: 0.2, PaddingOuter: 0.1}
	step, bw := float32(band.Step()), float32(band.Width())
	centres := make([]float32, len(b.bars))
	for i := range centres {
		centres[i] = float32(band.Centre(i))
	}
	rows, _, names := categoryLabels(s, b.bars, step, centres, size.Width)

	bottom := size.Height - float32(rows)*lh - s.pad
	hi := 0.0
	for _, bar := range b.bars {
		hi = max(hi, bar.Value)
	}
	ys := plot.Linear{D0: 0, D1: hi, R0: float64(bottom), R1: float64(sh + s.pad/2)}

	// Values are written above their bars when they fit the step; else on
	// every second, third … bar, as category names are.
	var widest float32
	values := make([]string, len(b.bars))
	for i, bar := range b.bars {
		values[i] = b.format(max(bar.Value, 0))
		widest = max(widest, s.small.width(values[i]))
	}
	valueEvery := max(1, int(math.Ceil(float64((widest+s.pad/2)/step))))

	for i, bar := range b.bars {
		x := float32(band.Start(i))
		cx := float32(band.Centre(i))
		y := float32(ys.Map(max(bar.Value, 0)))
		if bottom-y > 0 {
			d.rect(fyne.NewPos(x, y), fyne.NewSize(bw, bottom-y), colour, min(2, bw/4))
		}
		if i%valueEvery == 0 {
			d.centred(values[i], cx, y-sh-s.pad/4, s.small, s.fg)
		}
		if names[i] != "" {
			row := float32(i % rows)
			w := s.label.width(names[i])
			x := min(max(cx-w/2, 0), size.Width-w)
			d.text(names[i], fyne.NewPos(x, bottom+s.pad/2+row*lh), s.label, s.muted)
		}
	}
	d.line(fyne.NewPos(s.pad, bottom), fyne.NewPos(size.Width-s.pad, bottom), s.axis, 1)
}
