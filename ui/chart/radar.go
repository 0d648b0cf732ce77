package chart

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// Series is one outline of a Radar: a value per axis (math.NaN() where that
// dimension was not assessed) in a colour (nil: the palette's for its
// place).
type Series struct {
	Name   string
	Values []float64
	Colour color.Color
}

// Radar is a radar (spider) chart of levels: one axis per dimension of an
// innovation model, rings for levels 1..max, and an outline with a dot per
// assessed value for each series ("latest", "previous", "first").
type Radar struct {
	widget.BaseWidget

	axes     []string
	maxLevel int
	series   []Series
	empty    string
}

// NewRadar returns an empty radar; it shows the empty text until SetData
// gives it at least three axes and one value.
func NewRadar() *Radar {
	r := &Radar{}
	r.ExtendBaseWidget(r)
	return r
}

// SetData shows axes (translated dimension names, first at 12 o'clock, then
// clockwise), rings for levels 1..maxLevel and series, and refreshes.
// Series are drawn last to first, so the first (the latest assessment) lies
// on top. The slices are kept, not copied: do not change them afterwards.
func (r *Radar) SetData(axes []string, maxLevel int, series []Series) {
	r.axes, r.maxLevel, r.series = axes, maxLevel, series
	r.Refresh()
}

// SetEmptyText sets the (translated) text shown when there is nothing to
// draw, e.g. "No assessments yet".
func (r *Radar) SetEmptyText(s string) {
	r.empty = s
	r.Refresh()
}

// CreateRenderer is for Fyne.
func (r *Radar) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(r, r.draw, r.minSize)
}

// minSize leaves room for a ring of short labels around a readable chart.
func (r *Radar) minSize() fyne.Size {
	s := styleOf(r.Theme())
	return fyne.NewSize(20*s.label.size, 17*s.label.size)
}

// hasData: a closed figure needs three axes, and something to show.
func (r *Radar) hasData() bool {
	if len(r.axes) < 3 || r.maxLevel < 1 {
		return false
	}
	for _, se := range r.series {
		for _, v := range se.Values {
			if !math.IsNaN(v) {
				return true
			}
		}
	}
	return false
}

// labelGap is the distance from the outer ring to the axis labels: room
// for a dot on the ring and the level number above the top spoke.
func labelGap(s style) float32 { return 2 * s.pad }

// geometry is where the radar goes in size, with a legend of height
// legendH below it: as large as the axis labels around it allow. The radar,
// its labels and the legend are centred together, so a wide area does not
// leave the legend stranded at the bottom.
func (r *Radar) geometry(s style, size fyne.Size, legendH float32) plot.Radar {
	lh := s.label.height()
	gap := labelGap(s)
	unit := plot.Radar{N: len(r.axes), Max: r.maxLevel, Radius: 1}
	// Vertically the labels above the top and below the bottom take a line
	// each.
	radius := (size.Height-legendH)/2 - lh - gap - s.pad
	// Sideways each label needs its width beyond the ring; labels wider
	// than a third of the chart are shortened rather than shrinking the
	// radar to nothing (a third keeps a long compound such as
	// "Forretningsmodell" whole in the smallest radar the app draws).
	for i, a := range r.axes {
		sin := float32(math.Abs(unit.At(i, float64(r.maxLevel)).X))
		if sin < 1e-3 {
			continue
		}
		w := min(s.label.width(a), size.Width/3)
		if unit.LabelAt(i, 0).H == plot.AlignMiddle {
			w /= 2
		}
		radius = min(radius, (size.Width/2-s.pad-w)/sin-gap)
	}
	radius = max(radius, 8)
	block := 2*(radius+gap+lh) + legendH
	top := max(0, (size.Height-block)/2)
	return plot.Radar{
		N:      len(r.axes),
		Max:    r.maxLevel,
		Centre: plot.Point{X: float64(size.Width / 2), Y: float64(top + lh + gap + radius)},
		Radius: float64(radius),
	}
}

func (r *Radar) draw(d *drawing, size fyne.Size) {
	th := r.Theme()
	s := styleOf(th)
	if !r.hasData() {
		emptyState(d, s, r.empty, size)
		return
	}
	items := make([]legendItem, len(r.series))
	for i, se := range r.series {
		items[i] = legendItem{se.Name, s.colourOf(th, se.Colour, i)}
	}
	leg := layoutLegend(s, items, size.Width-2*s.pad, legendLine)
	legendH := leg.height
	if legendH > 0 {
		legendH += s.pad
	}
	g := r.geometry(s, size, legendH)

	// Rings and spokes, the outer ring a little stronger as the frame.
	for l, ring := range g.Rings() {
		c := s.grid
		if l == g.Max-1 {
			c = s.axis
		}
		for i := range ring {
			d.line(pos(ring[i]), pos(ring[(i+1)%len(ring)]), c, 1)
		}
	}
	for i := range g.N {
		a, b := g.Spoke(i)
		d.line(pos(a), pos(b), s.grid, 1)
	}
	r.drawLevelNumbers(d, s, g)

	for k := len(r.series) - 1; k >= 0; k-- {
		se := r.series[k]
		c := items[k].colour
		for _, e := range g.Edges(se.Values) {
			d.line(pos(e.A), pos(e.B), c, 2)
		}
		for i := range g.N {
			if v := value(se.Values, i); !math.IsNaN(v) {
				d.dot(pos(g.At(i, v)), dotRadius, c, s.bg)
			}
		}
	}

	r.drawAxisLabels(d, s, g, size)
	legendY := float32(g.Centre.Y+g.Radius) + labelGap(s) + s.label.height() + s.pad
	leg.draw(d, s, s.pad, min(legendY, size.Height-leg.height), size.Width-2*s.pad)
}

// drawLevelNumbers writes 1..max left of the 12 o'clock spoke, centred on
// their rings and clear of the dots on the spoke, skipping levels when the
// rings are closer than the numbers are tall.
func (r *Radar) drawLevelNumbers(d *drawing, s style, g plot.Radar) {
	spacing := float32(g.Radius) / float32(g.Max)
	h := s.small.height()
	every := max(1, int(math.Ceil(float64(h/spacing))))
	for l := every; l <= g.Max; l += every {
		p := pos(g.At(0, float64(l)))
		txt := strconv.Itoa(l)
		d.text(txt, fyne.NewPos(p.X-dotRadius-2-s.small.width(txt), p.Y-h/2), s.small, s.muted)
	}
}

// drawAxisLabels puts each axis name outside the outer ring, shortened to
// the room between its anchor and the chart's edge.
func (r *Radar) drawAxisLabels(d *drawing, s style, g plot.Radar, size fyne.Size) {
	gap := float64(labelGap(s))
	for i, name := range r.axes {
		l := g.LabelAt(i, gap)
		x := float32(l.At.X)
		var room float32
		switch l.H {
		case plot.AlignStart:
			room = size.Width - x
		case plot.AlignEnd:
			room = x
		default:
			// Centred labels at 12 and 6 o'clock: their neighbours start at
			// about 0.8 of the radius either side, and lower down.
			room = min(2*min(x, size.Width-x), 1.6*float32(g.Radius))
		}
		d.textAt(s.label.fit(name, room-s.pad), l, s.label, s.fg)
	}
}

// value is values[i], NaN when the slice is short.
func value(values []float64, i int) float64 {
	if i < len(values) {
		return values[i]
	}
	return math.NaN()
}
