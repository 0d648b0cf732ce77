package chart

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkRadar9x3 is a refresh and a layout of the largest radar a model
// gives (9 dimensions) with latest, previous and first assessments.
func BenchmarkRadar9x3(b *testing.B) {
	r := NewRadar()
	show(b, r, fyne.NewSize(560, 460), variants[0].v)
	series := []Series{
		{Name: "Senaste", Values: []float64{4, 3, 5, 2, 3, 4, 2, 3, 4}},
		{Name: "Föregående", Values: []float64{3, 3, 4, 2, nan, 3, 2, 2, 3}},
		{Name: "Första", Values: []float64{1, 2, 2, 1, 2, 2, 1, 1, 2}},
	}
	rd := test.WidgetRenderer(r)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.SetData(dims, 9, series)
		rd.Layout(fyne.NewSize(560+float32(i%2), 460))
	}
}

// BenchmarkLine9x20 is a refresh and a layout of nine dimensions' levels
// over twenty assessments, each with a target.
func BenchmarkLine9x20(b *testing.B) {
	l := NewLine()
	show(b, l, fyne.NewSize(620, 380), variants[0].v)
	var series []LineSeries
	for k, name := range dims {
		var pts []Point
		for i := range 20 {
			pts = append(pts, Point{fmt.Sprintf("2026-%02d-%02d", 1+i/2, 1+14*(i%2)), float64(1 + (i+k)%5)})
		}
		series = append(series, LineSeries{Name: name, Points: pts, Target: 4})
	}
	rd := test.WidgetRenderer(l)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		l.SetData(5, series)
		rd.Layout(fyne.NewSize(620+float32(i%2), 380))
	}
}
