package chart

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

// TestCrowdedPictures draws the hardest cases (the benchmarks' data, a
// radar at its minimum size) so a reviewer can look at them with
// ILSA_CHART_PNG set; the checks are that nothing leaves the widget.
func TestCrowdedPictures(t *testing.T) {
	for _, v := range variants {
		l := NewLine()
		win := show(t, l, fyne.NewSize(620, 380), v.v)
		var series []LineSeries
		for k, name := range dims {
			var pts []Point
			for i := range 20 {
				pts = append(pts, Point{fmt.Sprintf("2026-%02d-%02d", 1+i/2, 1+14*(i%2)), float64(1 + (i+k)%5)})
			}
			series = append(series, LineSeries{Name: name, Points: pts})
		}
		l.SetData(5, series)
		capture(t, win, "line-9x20-"+v.name)
		inside(t, l)

		r := NewRadar()
		win = show(t, r, fyne.NewSize(10, 10), v.v)
		win.Resize(r.MinSize())
		r.SetData(dims, 7, []Series{{Name: "Senaste", Values: []float64{4, 3, 5, 2, 3, 4, 2, 3, 7}},
			{Name: "Första", Values: []float64{1, 2, 2, 1, 2, 2, 1, 1, 2}}})
		capture(t, win, "radar-min-"+v.name)
		inside(t, r)
	}
}

// inside fails when a drawn object sticks out of w.
func inside(t *testing.T, w fyne.Widget) {
	t.Helper()
	size := w.Size()
	for _, o := range objects(w) {
		p, s := o.Position(), o.Size()
		if p.X < -0.5 || p.Y < -0.5 || p.X+s.Width > size.Width+0.5 || p.Y+s.Height > size.Height+0.5 {
			t.Errorf("%T at %v size %v leaves the %v widget", o, p, s, size)
		}
	}
}
