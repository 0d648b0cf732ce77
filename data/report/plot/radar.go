package plot

import "math"

// Radar is the geometry of a radar (spider) chart: N axes, the first at 12
// o'clock and the rest clockwise at equal angles, each running from the
// centre (level 0) to Radius (level Max).
type Radar struct {
	N      int     // number of axes, ≥ 3 for a closed figure
	Max    int     // the outermost level
	Centre Point   //
	Radius float64 // distance from the centre to level Max
}

// Angle of axis i in radians, 0 at 12 o'clock, growing clockwise.
func (r Radar) Angle(i int) float64 {
	if r.N <= 0 {
		return 0
	}
	return 2 * math.Pi * float64(i) / float64(r.N)
}

// polar is the point at distance d from the centre along axis i. With y
// downwards, 12 o'clock is -y and clockwise turns towards +x.
func (r Radar) polar(i int, d float64) Point {
	a := r.Angle(i)
	return Point{snap(r.Centre.X + d*math.Sin(a)), snap(r.Centre.Y - d*math.Cos(a))}
}

// At is the point for value v on axis i. Values are clamped to [0, Max] so
// a bad number never draws outside the chart; NaN (a missing answer) has no
// point and the caller must skip it (see Edges).
func (r Radar) At(i int, v float64) Point {
	if r.Max <= 0 {
		return r.Centre
	}
	v = min(max(v, 0), float64(r.Max))
	return r.polar(i, r.Radius*v/float64(r.Max))
}

// Spoke is the line of axis i, from the centre to level Max.
func (r Radar) Spoke(i int) (from, to Point) {
	return r.Centre, r.polar(i, r.Radius)
}

// Ring is the polygon of a level: one corner per axis, in axis order; the
// caller closes it from the last corner back to the first.
func (r Radar) Ring(level int) []Point {
	pts := make([]Point, r.N)
	for i := range pts {
		pts[i] = r.At(i, float64(level))
	}
	return pts
}

// Rings are the polygons of levels 1..Max, innermost first.
func (r Radar) Rings() [][]Point {
	out := make([][]Point, 0, max(r.Max, 0))
	for l := 1; l <= r.Max; l++ {
		out = append(out, r.Ring(l))
	}
	return out
}

// Segment is a straight line from A to B.
type Segment struct{ A, B Point }

// Edges are the outline of a series: a line from each axis to the next,
// closing from the last axis to the first, where both values are present.
// A missing value (NaN) breaks the outline on both sides instead of joining
// its neighbours or dropping to the centre, since either would show a level
// nobody assessed.
func (r Radar) Edges(values []float64) []Segment {
	if r.N < 2 {
		return nil
	}
	var out []Segment
	for i := range r.N {
		j := (i + 1) % r.N
		if r.N == 2 && j == 0 {
			break // two axes: one line, not the same line twice
		}
		a, b := value(values, i), value(values, j)
		if math.IsNaN(a) || math.IsNaN(b) {
			continue
		}
		out = append(out, Segment{r.At(i, a), r.At(j, b)})
	}
	return out
}

// value is values[i], NaN when the slice is short.
func value(values []float64, i int) float64 {
	if i < len(values) {
		return values[i]
	}
	return math.NaN()
}

// Align says where a label sits relative to its anchor point.
type Align int

const (
	AlignMiddle Align = iota // centred on the anchor
	AlignStart               // starts at the anchor (left of text / top of text)
	AlignEnd                 // ends at the anchor (right of text / bottom of text)
)

// Label is where an axis label goes: the anchor point and how the text box
// is aligned to it horizontally and vertically.
type Label struct {
	At   Point
	H, V Align
}

// LabelAt places the label of axis i gap beyond the outer ring, aligned so
// the text grows away from the chart: labels on the right start at the
// anchor, on the left end there, at the top sit above it, at the bottom
// hang below it, and those on the vertical axis are centred.
func (r Radar) LabelAt(i int, gap float64) Label {
	p := r.polar(i, r.Radius+gap)
	s, c := math.Sin(r.Angle(i)), math.Cos(r.Angle(i))
	const eps = 1e-6
	l := Label{At: p}
	switch {
	case s > eps:
		l.H = AlignStart
	case s < -eps:
		l.H = AlignEnd
	}
	// Near the horizontal the label is centred vertically on the anchor; the
	// threshold (about 30° from 3 and 9 o'clock) keeps 5- and 7-axis labels
	// from sliding into the ring.
	switch {
	case c > 0.5:
		l.V = AlignEnd
	case c < -0.5:
		l.V = AlignStart
	}
	return l
}

// Box is the top-left corner of a w×h text box placed by l.
func (l Label) Box(w, h float64) Point {
	x, y := l.At.X, l.At.Y
	switch l.H {
	case AlignMiddle:
		x -= w / 2
	case AlignEnd:
		x -= w
	}
	switch l.V {
	case AlignMiddle:
		y -= h / 2
	case AlignEnd:
		y -= h
	}
	return Point{snap(x), snap(y)}
}
