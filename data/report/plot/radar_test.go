package plot

import (
	"math"
	"slices"
	"testing"
)

// A square radar (4 axes) puts every point on the axes, so every expected
// coordinate is exact.
var square = Radar{N: 4, Max: 5, Centre: Point{100, 100}, Radius: 50}

func TestRadarAngles(t *testing.T) {
	r := Radar{N: 6}
	for i, want := range []float64{0, math.Pi / 3, 2 * math.Pi / 3, math.Pi, 4 * math.Pi / 3, 5 * math.Pi / 3} {
		if got := r.Angle(i); math.Abs(got-want) > 1e-12 {
			t.Errorf("Angle(%d) = %v, want %v", i, got, want)
		}
	}
}

func TestRadarAtSquare(t *testing.T) {
	cases := []struct {
		axis int
		v    float64
		want Point
	}{
		{0, 5, Point{100, 50}},  // 12 o'clock, outer ring
		{1, 5, Point{150, 100}}, // 3 o'clock
		{2, 5, Point{100, 150}}, // 6 o'clock
		{3, 5, Point{50, 100}},  // 9 o'clock
		{1, 2, Point{120, 100}},
		{2, 2.5, Point{100, 125}},
		{0, 0, Point{100, 100}},  // level 0 is the centre
		{3, 9, Point{50, 100}},   // clamped to Max
		{0, -1, Point{100, 100}}, // clamped to 0
	}
	for _, c := range cases {
		if got := square.At(c.axis, c.v); got != c.want {
			t.Errorf("At(%d, %v) = %v, want %v", c.axis, c.v, got, c.want)
		}
	}
}

func TestRadarAtHexagon(t *testing.T) {
	r := Radar{N: 6, Max: 4, Centre: Point{0, 0}, Radius: 40}
	h := snap(40 * math.Sqrt(3) / 2) // 34.641016151
	cases := []struct {
		axis int
		v    float64
		want Point
	}{
		{0, 4, Point{0, -40}},
		{1, 4, Point{h, -20}},
		{2, 4, Point{h, 20}},
		{3, 4, Point{0, 40}},
		{4, 2, Point{snap(-h / 2), 10}},
		{5, 4, Point{-h, -20}},
	}
	for _, c := range cases {
		if got := r.At(c.axis, c.v); got != c.want {
			t.Errorf("At(%d, %v) = %v, want %v", c.axis, c.v, got, c.want)
		}
	}
}

func TestRadarRingsAndSpokes(t *testing.T) {
	r := Radar{N: 4, Max: 2, Centre: Point{10, 10}, Radius: 10}
	want := [][]Point{
		{{10, 5}, {15, 10}, {10, 15}, {5, 10}},
		{{10, 0}, {20, 10}, {10, 20}, {0, 10}},
	}
	got := r.Rings()
	if len(got) != len(want) {
		t.Fatalf("%d rings, want %d", len(got), len(want))
	}
	for l := range want {
		if !slices.Equal(got[l], want[l]) {
			t.Errorf("ring %d = %v, want %v", l+1, got[l], want[l])
		}
	}
	if from, to := r.Spoke(1); from != (Point{10, 10}) || to != (Point{20, 10}) {
		t.Errorf("Spoke(1) = %v → %v", from, to)
	}
}

func TestRadarEdgesBreakAtMissingValues(t *testing.T) {
	nan := math.NaN()
	all := square.Edges([]float64{5, 5, 5, 5})
	wantAll := []Segment{
		{Point{100, 50}, Point{150, 100}},
		{Point{150, 100}, Point{100, 150}},
		{Point{100, 150}, Point{50, 100}},
		{Point{50, 100}, Point{100, 50}},
	}
	if !slices.Equal(all, wantAll) {
		t.Errorf("closed outline = %v, want %v", all, wantAll)
	}
	// Axis 2 unanswered: the two edges touching it go, the rest stay.
	gap := square.Edges([]float64{5, 5, nan, 5})
	wantGap := []Segment{wantAll[0], wantAll[3]}
	if !slices.Equal(gap, wantGap) {
		t.Errorf("outline with a gap = %v, want %v", gap, wantGap)
	}
	// A short slice means missing values at the end.
	if got := square.Edges([]float64{5, 5}); !slices.Equal(got, wantAll[:1]) {
		t.Errorf("short values = %v", got)
	}
}

func TestRadarLabels(t *testing.T) {
	cases := []struct {
		axis int
		want Label
	}{
		{0, Label{Point{100, 40}, AlignMiddle, AlignEnd}},    // above the top
		{1, Label{Point{160, 100}, AlignStart, AlignMiddle}}, // right of 3 o'clock
		{2, Label{Point{100, 160}, AlignMiddle, AlignStart}}, // below the bottom
		{3, Label{Point{40, 100}, AlignEnd, AlignMiddle}},    // left of 9 o'clock
	}
	for _, c := range cases {
		if got := square.LabelAt(c.axis, 10); got != c.want {
			t.Errorf("LabelAt(%d) = %+v, want %+v", c.axis, got, c.want)
		}
	}
	// Boxes of 20×8 grow away from the chart.
	boxes := []Point{{90, 32}, {160, 96}, {90, 160}, {20, 96}}
	for i, want := range boxes {
		if got := square.LabelAt(i, 10).Box(20, 8); got != want {
			t.Errorf("box %d at %v, want %v", i, got, want)
		}
	}
}
