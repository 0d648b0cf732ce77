package chart

import (
	"image/color"
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

var (
	dims = []string{"Strategi", "Kundinsikt", "Affärsmodell", "Organisation och kultur", "Idéhantering",
		"Samarbeten och nätverk", "Resurser", "Immateriella tillgångar och patent", "Uppföljning"}
	red   = color.NRGBA{R: 0xc0, G: 0x20, B: 0x20, A: 0xff}
	green = color.NRGBA{R: 0x20, G: 0x90, B: 0x40, A: 0xff}
	nan   = math.NaN()
)

// radarGeometry is the geometry the chart drew with, taken from its outer
// ring, so tests can say where a level should be.
func radarGeometry(t *testing.T, r *Radar) plot.Radar {
	t.Helper()
	s := styleOf(r.Theme())
	items := make([]legendItem, len(r.series))
	for i, se := range r.series {
		items[i] = legendItem{se.Name, red}
	}
	leg := layoutLegend(s, items, r.Size().Width-2*s.pad, legendLine)
	h := leg.height
	if h > 0 {
		h += s.pad
	}
	return r.geometry(s, r.Size(), h)
}

func TestRadarDotsSitOnTheirLevels(t *testing.T) {
	r := NewRadar()
	show(t, r, fyne.NewSize(400, 400), variants[0].v)
	r.SetData([]string{"N", "E", "S", "W"}, 5, []Series{{Name: "Latest", Values: []float64{5, 2, nan, 0}, Colour: red}})
	g := radarGeometry(t, r)
	c, rad := float32(g.Centre.X), float32(g.Radius)

	// Level 5 at 12 o'clock is the top of the outer ring; level 2 at 3
	// o'clock is two fifths of the radius right of the centre; level 0 is
	// the centre; the missing value has no dot.
	want := []fyne.Position{
		{X: c, Y: float32(g.Centre.Y) - rad},
		{X: c + rad*2/5, Y: float32(g.Centre.Y)},
		{X: c, Y: float32(g.Centre.Y)},
	}
	for _, p := range want {
		if !hasDot(r, red, p) {
			t.Errorf("no dot at %v; dots %v", p, dots(r, red))
		}
	}
	if n := len(dots(r, red)); n != 3 {
		t.Errorf("%d dots, want 3 (no dot for the missing value)", n)
	}
	// The outline is broken on both sides of the missing value: N–E and
	// W–N remain.
	var thick int
	for _, l := range lines(r, red) {
		if l.StrokeWidth == 2 {
			thick++
		}
	}
	if thick != 2+1 { // two outline edges, and the legend's swatch
		t.Errorf("%d thick red lines, want 3", thick)
	}
	if rad < 100 {
		t.Errorf("radius %v: the chart is cramped in 400×400", rad)
	}
}

func TestRadarShowsLabelsLegendAndLevels(t *testing.T) {
	r := NewRadar()
	show(t, r, fyne.NewSize(600, 480), variants[0].v)
	r.SetData(dims[:5], 5, []Series{
		{Name: "Senaste", Values: []float64{3, 4, 2, 5, 1}},
		{Name: "Första", Values: []float64{1, 2, 2, 3, 1}},
	})
	got := texts(r)
	for _, s := range append(slices.Clone(dims[:5]), "Senaste", "Första", "1", "5") {
		if !slices.Contains(got, s) {
			t.Errorf("%q not shown; texts %q", s, got)
		}
	}
	// Labels right of the chart start right of the outer ring, labels on
	// the left end left of it, the top one sits above it.
	g := radarGeometry(t, r)
	top := textObj(t, r, "Strategi")
	if top.Position().Y+top.Size().Height > float32(g.Centre.Y-g.Radius) {
		t.Errorf("top label at %v overlaps the ring (top %v)", top.Position(), g.Centre.Y-g.Radius)
	}
	right := textObj(t, r, "Kundinsikt")
	if right.Position().X < float32(g.Centre.X+g.Radius*0.9) {
		t.Errorf("right label at %v is inside the ring", right.Position())
	}
	left := textObj(t, r, "Idéhantering")
	if left.Position().X+left.Size().Width > float32(g.Centre.X-g.Radius*0.9) {
		t.Errorf("left label ends at %v, inside the ring", left.Position().X+left.Size().Width)
	}
	inside(t, r)
}

func TestRadarSeesTheChartChange(t *testing.T) {
	r := NewRadar()
	show(t, r, fyne.NewSize(400, 400), variants[0].v)
	r.SetData([]string{"A", "B", "C"}, 4, []Series{{Name: "x", Values: []float64{1, 1, 1}, Colour: green}})
	before := dots(r, green)
	g := radarGeometry(t, r)
	r.SetData([]string{"A", "B", "C"}, 4, []Series{{Name: "x", Values: []float64{4, 1, 1}, Colour: green}})
	after := dots(r, green)
	if len(before) != 3 || len(after) != 3 {
		t.Fatalf("dots before %v after %v", before, after)
	}
	if before[0] == after[0] {
		t.Error("the dot on axis A did not move when its value changed")
	}
	if !hasDot(r, green, pos(g.At(0, 4))) {
		t.Errorf("no dot at the outer ring of A: %v", after)
	}
	if before[1] != after[1] || before[2] != after[2] {
		t.Error("dots of unchanged values moved")
	}
}

func TestRadarEmptyAndLongLabels(t *testing.T) {
	r := NewRadar()
	show(t, r, fyne.NewSize(300, 300), variants[0].v)
	r.SetEmptyText("Inga bedömningar än")
	if got := texts(r); !slices.Equal(got, []string{"Inga bedömningar än"}) {
		t.Errorf("empty radar shows %q", got)
	}
	// Only missing values is empty too.
	r.SetData(dims[:4], 5, []Series{{Values: []float64{nan, nan, nan, nan}}})
	if got := texts(r); !slices.Equal(got, []string{"Inga bedömningar än"}) {
		t.Errorf("radar without values shows %q", got)
	}
	long := []string{"Strategi", "En mycket lång dimension som aldrig får plats bredvid", "C", "D"}
	r.SetData(long, 5, []Series{{Values: []float64{1, 2, 3, 4}}})
	var shortened bool
	for _, s := range texts(r) {
		if s == long[1] {
			t.Error("the long label is shown whole in 300 px")
		}
		if len(s) > 3 && s[len(s)-len(plot.Ellipsis):] == plot.Ellipsis {
			shortened = true
		}
	}
	if !shortened {
		t.Errorf("no label shortened: %q", texts(r))
	}
	if min := r.MinSize(); min.Width < 200 || min.Height < 200 {
		t.Errorf("min size %v", min)
	}
}

func TestRadarPictures(t *testing.T) {
	for _, v := range variants {
		for _, n := range []int{5, 9} {
			r := NewRadar()
			win := show(t, r, fyne.NewSize(560, 460), v.v)
			latest := []float64{4, 3, 5, 2, 3, 4, 2, 3, 4}[:n]
			prev := []float64{3, 3, 4, 2, nan, 3, 2, 2, 3}[:n]
			first := []float64{1, 2, 2, 1, 2, 2, 1, 1, 2}[:n]
			r.SetData(dims[:n], 5, []Series{{Name: "Senaste (2026-11-02)", Values: latest},
				{Name: "Föregående", Values: prev}, {Name: "Första", Values: first}})
			img := capture(t, win, "radar-"+string(rune('0'+n))+"-"+v.name)
			s := styleOf(r.Theme())
			if px := countColour(img, s.primary); px < 200 {
				t.Errorf("%s, %d axes: only %d pixels of the latest series", v.name, n, px)
			}
		}
	}
}

// A long one-word axis name (Norwegian "Forretningsmodell") stays whole in
// the smallest radar the Progress tab draws (400×360).
func TestRadarKeepsALongWordWhole(t *testing.T) {
	r := NewRadar()
	show(t, r, fyne.NewSize(400, 360), variants[0].v)
	axes := []string{"Kunde/Behov", "Teknologi", "Forretningsmodell", "IP", "Team", "Finansiering"}
	r.SetData(axes, 9, []Series{{Name: "Siste", Values: []float64{3, 4, 2, 5, 1, 2}}})
	got := texts(r)
	for _, a := range axes {
		if !slices.Contains(got, a) {
			t.Errorf("%q not shown whole; texts %q", a, got)
		}
	}
	inside(t, r)
}
