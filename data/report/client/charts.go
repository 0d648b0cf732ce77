package client

import (
	"math"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/plot"
)

// The charts are drawn as vector graphics; their geometry (axis angles,
// rings, scales, ticks) comes from package plot, shared with the app's
// Progress view so screen and paper agree.

// series is one assessment drawn in the radar, with its legend text.
type series struct {
	values []float64
	color  rgb
	dashed bool
	filled bool
	label  string
}

// radarSeries are the assessments the radar compares: the latest, the
// previous (when it is not also the first) and the first.
func (r *report) radarSeries(pr *data.Progress) []series {
	m := pr.Model
	var out []series
	if len(pr.Points) >= 2 {
		f := pr.First()
		out = append(out, series{f.Values(m), colFirst, true, false,
			r.tr.T("report.client.series.first", "Date", r.tr.DateString(f.Date))})
	}
	if len(pr.Points) >= 3 {
		p := pr.Previous()
		out = append(out, series{p.Values(m), colPrev, false, false,
			r.tr.T("report.client.series.previous", "Date", r.tr.DateString(p.Date))})
	}
	l := pr.Latest()
	return append(out, series{l.Values(m), colAccent, false, true,
		r.tr.T("report.client.series.latest", "Date", r.tr.DateString(l.Date))})
}

const (
	radarRadius   = 29.0
	radarGap      = 2.5  // between the outer ring and a label
	radarLabelMax = 34.0 // widest label box, mm
)

// radarHeight is the height of the radar with two-line labels above and below.
func radarHeight() float64 { return 2*radarRadius + 2*(radarGap+2*lineHeight(sizeSmall)) + 2 }

// radar draws the radar chart of a scale model with its legend to the right.
func (r *report) radar(pr *data.Progress) {
	m := pr.Model
	lh := lineHeight(sizeSmall)
	height := radarHeight()
	r.ensure(height)
	top := r.GetY()
	rad := plot.Radar{N: len(m.Dimensions), Max: m.Levels, Radius: radarRadius,
		Centre: plot.Point{X: r.left + 62, Y: top + 1 + 2*lh + radarGap + radarRadius}}

	r.SetLineWidth(0.15)
	r.draw(colRule)
	for _, ring := range rad.Rings() {
		r.Polygon(points(ring), "D")
	}
	for i := range rad.N {
		a, b := rad.Spoke(i)
		r.Line(a.X, a.Y, b.X, b.Y)
	}
	// Level numbers up the 12 o'clock spoke, so a ring can be read off.
	r.font("", 6)
	r.text(colMuted)
	for _, lv := range levelTicks(m.Levels) {
		p := rad.At(0, float64(lv))
		r.SetXY(p.X+0.3, p.Y-1.6)
		r.CellFormat(4, 1.6, strconv.Itoa(lv), "", 0, "L", false, 0, "")
	}

	ss := r.radarSeries(pr)
	for _, s := range ss {
		r.drawRadarSeries(rad, s)
	}

	// Axis labels, wrapped to two lines at most.
	r.font("", sizeSmall)
	r.text(colText)
	cm := r.GetCellMargin()
	for i, d := range m.Dimensions {
		lines := r.lines(d.Name.In(r.lang), radarLabelMax)
		if len(lines) > 2 {
			lines = lines[:2]
		}
		w := 0.0
		for _, l := range lines {
			w = max(w, r.GetStringWidth(l))
		}
		w += 2 * cm
		lab := rad.LabelAt(i, radarGap)
		box := lab.Box(w, float64(len(lines))*lh)
		align := map[plot.Align]string{plot.AlignMiddle: "C", plot.AlignStart: "L", plot.AlignEnd: "R"}[lab.H]
		for j, l := range lines {
			r.SetXY(box.X, box.Y+float64(j)*lh)
			r.CellFormat(w, lh, l, "", 0, align, false, 0, "")
		}
	}

	r.legend(r.left+128, top+6, r.right-(r.left+128), ss, m.Levels)
	r.SetXY(r.left, top+height)
}

func (r *report) drawRadarSeries(rad plot.Radar, s series) {
	complete := true
	for _, v := range s.values {
		if math.IsNaN(v) {
			complete = false
		}
	}
	if s.filled && complete {
		pts := make([]plot.Point, len(s.values))
		for i, v := range s.values {
			pts[i] = rad.At(i, v)
		}
		r.fill(s.color)
		r.SetAlpha(0.15, "Normal")
		r.Polygon(points(pts), "F")
		r.SetAlpha(1, "Normal")
	}
	r.stroke(s.color, s.dashed, 0.5)
	for _, e := range rad.Edges(s.values) {
		r.Line(e.A.X, e.A.Y, e.B.X, e.B.Y)
	}
	r.SetDashPattern(nil, 0)
	if s.filled {
		r.fill(s.color)
		for i, v := range s.values {
			if !math.IsNaN(v) {
				p := rad.At(i, v)
				r.Circle(p.X, p.Y, 0.8, "F")
			}
		}
	}
}

// stroke sets the pen for a series line.
func (r *report) stroke(c rgb, dashed bool, width float64) {
	r.draw(c)
	r.SetLineWidth(width)
	if dashed {
		r.SetDashPattern([]float64{1.2, 0.9}, 0)
	} else {
		r.SetDashPattern(nil, 0)
	}
}

// legend lists the series at (x, y) in width w, newest first, and the scale.
func (r *report) legend(x, y, w float64, ss []series, levels int) {
	lh := lineHeight(sizeSmall)
	r.font("", sizeSmall)
	for i := len(ss) - 1; i >= 0; i-- {
		s := ss[i]
		r.stroke(s.color, s.dashed, 0.7)
		r.Line(x, y+lh/2, x+7, y+lh/2)
		r.SetDashPattern(nil, 0)
		r.text(colText)
		for _, l := range r.lines(s.label, w-9) {
			r.SetXY(x+8, y)
			r.CellFormat(w-8, lh, l, "", 0, "L", false, 0, "")
			y += lh
		}
		y += 1.2
	}
	r.text(colMuted)
	r.SetXY(x+8, y+1)
	r.CellFormat(w-8, lh, r.tr.T("report.client.scale", "Max", levels), "", 0, "L", false, 0, "")
}

// Small multiples: one line chart per dimension, three to a row.
const (
	smallCols   = 3
	smallGap    = 6.0
	smallHeight = 34.0
)

// levelCharts draws each dimension's levels over time, with its target as
// a dashed line.
func (r *report) levelCharts(pr *data.Progress) {
	m := pr.Model
	w := (r.width - smallGap*(smallCols-1)) / smallCols
	days := make([]float64, len(pr.Points))
	for i, pt := range pr.Points {
		days[i] = dayNumber(pt.Date)
	}
	x := plot.Linear{D0: days[0], D1: days[len(days)-1]}
	for row := 0; row < len(m.Dimensions); row += smallCols {
		r.ensure(smallHeight)
		y := r.GetY()
		for i := row; i < min(row+smallCols, len(m.Dimensions)); i++ {
			r.levelChart(r.left+float64(i-row)*(w+smallGap), y, w, pr, i, x)
		}
		r.SetXY(r.left, y+smallHeight+3)
	}
}

func (r *report) levelChart(x0, y0, w float64, pr *data.Progress, dim int, xs plot.Linear) {
	m := pr.Model
	d := m.Dimensions[dim]
	lh := lineHeight(sizeSmall)
	r.font("B", sizeSmall)
	r.text(colText)
	title := r.lines(d.Name.In(r.lang), w)
	name := title[0]
	if len(title) > 1 {
		name += "…"
	}
	r.SetXY(x0, y0)
	r.CellFormat(w, lh, name, "", 0, "L", false, 0, "")

	left, right := x0+6, x0+w-1
	top, bottom := y0+lh+2, y0+smallHeight-5
	ys := plot.Linear{D0: 0, D1: float64(m.Levels), R0: bottom, R1: top}
	xs.R0, xs.R1 = left+3, right-3

	r.font("", 6)
	r.text(colMuted)
	r.SetLineWidth(0.15)
	r.draw(colRule)
	r.Line(left, bottom, right, bottom) // the axis at 0, unlabelled: no level is 0
	for _, lv := range levelTicks(m.Levels) {
		y := ys.Map(float64(lv))
		r.Line(left, y, right, y)
		r.SetXY(x0, y-1.2)
		r.CellFormat(left-x0-0.8, 2.4, strconv.Itoa(lv), "", 0, "R", false, 0, "")
	}
	if t, ok := pr.Targets[d.ID]; ok {
		y := ys.Map(float64(t.Level))
		r.stroke(colTarget, true, 0.5)
		r.Line(left, y, right, y)
		r.SetDashPattern(nil, 0)
	}

	// The line joins consecutive answered points; a gap stays a gap.
	r.stroke(colAccent, false, 0.5)
	r.fill(colAccent)
	var prev *plot.Point
	for _, pt := range pr.Points {
		lv, ok := pt.Levels[d.ID]
		if !ok {
			prev = nil
			continue
		}
		p := plot.Point{X: xs.Map(dayNumber(pt.Date)), Y: ys.Map(float64(lv))}
		if prev != nil {
			r.Line(prev.X, prev.Y, p.X, p.Y)
		}
		r.Circle(p.X, p.Y, 0.7, "F")
		prev = &p
	}

	// Dates of the first and the latest assessment under the axis.
	r.font("", 6)
	r.text(colMuted)
	first, last := pr.First().Date, pr.Latest().Date
	r.SetXY(left, bottom+0.8)
	r.CellFormat((right-left)/2, 2.6, r.tr.DateString(first), "", 0, "L", false, 0, "")
	if last != first {
		r.SetXY(left+(right-left)/2, bottom+0.8)
		r.CellFormat((right-left)/2, 2.6, r.tr.DateString(last), "", 0, "R", false, 0, "")
	}
}

// levelTicks are the levels labelled on an axis: from 1 in plot's nice
// step, so the top level of an odd scale (1–9: 1 3 5 7 9) is labelled.
func levelTicks(levels int) []int {
	ticks := plot.IntTicks(levels-1, 4)
	step := 1
	if len(ticks) > 1 {
		step = ticks[1] - ticks[0]
	}
	var out []int
	for lv := 1; lv <= levels; lv += step {
		out = append(out, lv)
	}
	return out
}

// dayNumber is a YYYY-MM-DD date as days since 1970, the x of the line charts.
func dayNumber(s string) float64 {
	t, err := time.Parse(domain.DateLayout, s)
	if err != nil {
		return 0
	}
	return float64(t.Unix() / 86400)
}

func points(ps []plot.Point) []fpdf.PointType {
	out := make([]fpdf.PointType, len(ps))
	for i, p := range ps {
		out[i] = fpdf.PointType{X: p.X, Y: p.Y}
	}
	return out
}
