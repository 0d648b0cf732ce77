package chart

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// Point is a value on a date (YYYY-MM-DD).
type Point struct {
	Date  string
	Value float64
}

// LineSeries is one line of a Line chart: points joined in date order, in a
// colour (nil: the palette's for its place), with an optional target level
// drawn as a dashed line in a lighter shade of the same colour.
type LineSeries struct {
	Name   string
	Points []Point
	Colour color.Color
	Target float64 // ≤ 0: no target (levels start at 1)
}

// Line is a chart of levels over time: x runs by day from the first to the
// last date, y from 0 to the highest level with a tick per level (fewer
// when they would crowd).
type Line struct {
	widget.BaseWidget

	maxY       int
	series     []LineSeries
	empty      string
	formatDate func(string) string
}

// NewLine returns an empty line chart.
func NewLine() *Line {
	l := &Line{}
	l.ExtendBaseWidget(l)
	return l
}

// SetData shows series on a y axis from 0 to maxY (≤ 0: the highest value
// or target) and refreshes. Points with unreadable dates are left out; the
// first series is drawn on top.
func (l *Line) SetData(maxY int, series []LineSeries) {
	l.maxY = maxY
	l.series = make([]LineSeries, len(series))
	for i, se := range series {
		// Sorted copies: a line must run left to right whatever order the
		// caller's query returned.
		pts := slices.DeleteFunc(slices.Clone(se.Points), func(p Point) bool {
			_, err := plot.Day(p.Date)
			return err != nil || math.IsNaN(p.Value)
		})
		slices.SortStableFunc(pts, func(a, b Point) int { return cmp.Compare(a.Date, b.Date) })
		se.Points = pts
		l.series[i] = se
	}
	l.Refresh()
}

// SetDateFormat sets how x-axis dates are written (the caller's locale:
// "27 Nov 2026", "27.11.2026"); nil writes them as given.
func (l *Line) SetDateFormat(f func(date string) string) {
	l.formatDate = f
	l.Refresh()
}

// SetEmptyText sets the (translated) text shown when there are no points.
func (l *Line) SetEmptyText(s string) {
	l.empty = s
	l.Refresh()
}

// CreateRenderer is for Fyne.
func (l *Line) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(l, l.draw, l.minSize)
}

func (l *Line) minSize() fyne.Size {
	s := styleOf(l.Theme())
	return fyne.NewSize(24*s.label.size, 14*s.label.size)
}

func (l *Line) dates() []string {
	var all []string
	for _, se := range l.series {
		for _, p := range se.Points {
			all = append(all, p.Date)
		}
	}
	return plot.Distinct(all)
}

// top is the y axis maximum: maxY, else the highest value or target.
func (l *Line) top() int {
	if l.maxY > 0 {
		return l.maxY
	}
	hi := 1.0
	for _, se := range l.series {
		hi = max(hi, se.Target)
		for _, p := range se.Points {
			hi = max(hi, p.Value)
		}
	}
	return int(math.Ceil(hi))
}

func (l *Line) label(date string) string {
	if l.formatDate != nil {
		return l.formatDate(date)
	}
	return date
}

func (l *Line) draw(d *drawing, size fyne.Size) {
	th := l.Theme()
	s := styleOf(th)
	dates := l.dates()
	if len(dates) == 0 {
		emptyState(d, s, l.empty, size)
		return
	}
	items := make([]legendItem, len(l.series))
	for i, se := range l.series {
		items[i] = legendItem{se.Name, s.colourOf(th, se.Colour, i)}
	}
	leg := layoutLegend(s, items, size.Width-2*s.pad, legendLine)
	legendH := leg.height
	if legendH > 0 {
		legendH += 2 * s.pad
	}

	// The plot area: y tick labels at the left, date labels below, half a
	// date label free at either end so the end labels stay whole.
	sh := s.small.height()
	labels := make([]string, len(dates))
	widths := make([]float64, len(dates))
	for i, dt := range dates {
		labels[i] = l.label(dt)
		widths[i] = float64(s.small.width(labels[i]))
	}
	top := l.top()
	bottom := size.Height - legendH - sh - s.pad
	ceiling := sh/2 + s.pad
	ys := plot.Linear{D0: 0, D1: float64(top), R0: float64(bottom), R1: float64(ceiling)}
	// One tick per level while they are two text lines apart.
	ticks := plot.IntTicks(top, max(1, int((bottom-ceiling)/(2*sh))))
	var tickW float32
	for _, t := range ticks {
		tickW = max(tickW, s.small.width(strconv.Itoa(t)))
	}
	// Dots stay off the axes by a little more than their radius. The first
	// and last date labels, centred on their dots, keep a padding inside
	// the chart: a chart sits flush against the edge of its scroll, its
	// neighbour or the scroll bar, and a label 1 px from the edge read as
	// cut off there (its glyphs' soft edges meet the clip).
	inset := float32(8)
	left := max(tickW+2*s.pad, float32(widths[0])/2-inset+s.pad)
	right := size.Width - max(float32(widths[len(widths)-1])/2-inset+s.pad, s.pad)
	xs, err := plot.NewDateScale(dates, float64(left+inset), float64(right-inset))
	if err != nil {
		return // dates() only returns readable dates
	}

	for _, t := range ticks {
		y := float32(ys.Map(float64(t)))
		c := s.grid
		if t == 0 {
			c = s.axis
		}
		d.line(fyne.NewPos(left, y), fyne.NewPos(right, y), c, 1)
		txt := strconv.Itoa(t)
		d.text(txt, fyne.NewPos(left-s.pad-s.small.width(txt), y-sh/2), s.small, s.muted)
	}
	d.line(fyne.NewPos(left, bottom), fyne.NewPos(left, float32(ys.Map(float64(top)))), s.axis, 1)

	// A tick mark for every date with data, a label for those that fit.
	centres := make([]float64, len(dates))
	for i, dt := range dates {
		x, _ := xs.X(dt)
		centres[i] = x
		d.line(fyne.NewPos(float32(x), bottom), fyne.NewPos(float32(x), bottom+s.pad/2), s.axis, 1)
	}
	for _, i := range plot.Thin(centres, widths, float64(2*s.pad)) {
		d.centred(labels[i], float32(centres[i]), bottom+s.pad/2, s.small, s.muted)
	}

	for k := len(l.series) - 1; k >= 0; k-- {
		se := l.series[k]
		c := items[k].colour
		if se.Target > 0 {
			y := float32(ys.Map(ys.Clamp(se.Target)))
			d.dashed(left, right, y, fade(c, 0x99), 1.5, 6, 4)
		}
		var prev fyne.Position
		for i, p := range se.Points {
			x, _ := xs.X(p.Date)
			at := fyne.NewPos(float32(x), float32(ys.Map(ys.Clamp(p.Value))))
			if i > 0 {
				d.line(prev, at, c, 2)
			}
			prev = at
		}
		for _, p := range se.Points {
			x, _ := xs.X(p.Date)
			d.dot(fyne.NewPos(float32(x), float32(ys.Map(ys.Clamp(p.Value)))), dotRadius, c, s.bg)
		}
	}
	leg.draw(d, s, s.pad, size.Height-leg.height, size.Width-2*s.pad)
}
