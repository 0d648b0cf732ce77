package netmap

import "math"

// View is the map fitted into a picture of W×H pixels, showing the actors
// the filter chooses and the relations between them.
type View struct {
	Map    *Map
	W, H   int
	Filter Filter
	shown  []bool
	scale  float64 // pixels per layout unit
	ox, oy float64 // the picture's origin in layout units
}

// margin keeps markers and the start of labels inside the picture.
const margin = 24

// NewView fits the shown actors of m into w×h pixels.
func NewView(m *Map, w, h int, f Filter) *View {
	v := &View{Map: m, W: w, H: h, Filter: f, shown: make([]bool, len(m.Nodes))}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range m.Nodes {
		n := &m.Nodes[i]
		if !f.Shows(n) {
			continue
		}
		v.shown[i] = true
		minX, minY = math.Min(minX, n.X), math.Min(minY, n.Y)
		maxX, maxY = math.Max(maxX, n.X), math.Max(maxY, n.Y)
	}
	if math.IsInf(minX, 1) {
		minX, minY, maxX, maxY = 0, 0, 1, 1
	}
	spanX, spanY := math.Max(maxX-minX, 1), math.Max(maxY-minY, 1)
	v.scale = math.Min(float64(w-2*margin)/spanX, float64(h-2*margin)/spanY)
	v.scale = math.Max(math.Min(v.scale, 60), 0.1) // a few actors are not drawn a screen apart
	v.ox = (minX+maxX)/2 - float64(w)/2/v.scale
	v.oy = (minY+maxY)/2 - float64(h)/2/v.scale
	return v
}

// Shown reports whether actor i is in the picture.
func (v *View) Shown(i int) bool { return v.shown[i] }

// ShownCount is how many actors are in the picture.
func (v *View) ShownCount() int {
	n := 0
	for _, s := range v.shown {
		if s {
			n++
		}
	}
	return n
}

// Point is where actor i lies in the picture, in pixels.
func (v *View) Point(i int) (float64, float64) {
	n := &v.Map.Nodes[i]
	return (n.X - v.ox) * v.scale, (n.Y - v.oy) * v.scale
}

// radius is the marker's size of actor i in pixels: larger for actors with
// more relations, never so large that neighbours cover each other.
func (v *View) radius(i int) float64 {
	r := math.Min(math.Max(v.scale*minGap*0.42, 2.5), 7)
	return r + math.Min(math.Sqrt(float64(v.Map.Nodes[i].Degree)), 4)*r/6
}

// NodeAt is the shown actor whose marker is nearest to (x, y) pixels and
// within reach of a pointer, or -1.
func (v *View) NodeAt(x, y float64) int {
	best, bestD := -1, math.Inf(1)
	for i := range v.Map.Nodes {
		if !v.shown[i] {
			continue
		}
		px, py := v.Point(i)
		d := math.Hypot(px-x, py-y)
		if d <= math.Max(v.radius(i)+3, 8) && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
