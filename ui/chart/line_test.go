package chart

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// lineY is where the chart draws level v: on the grid line of that tick,
// found by its label.
func lineY(t *testing.T, l *Line, v int) float32 {
	t.Helper()
	lbl := textObj(t, l, fmt.Sprint(v))
	return lbl.Position().Y + lbl.Size().Height/2
}

func TestLineDotsAtTheirDatesAndLevels(t *testing.T) {
	l := NewLine()
	show(t, l, fyne.NewSize(500, 300), variants[0].v)
	l.SetData(5, []LineSeries{{Name: "Strategi", Colour: red, Target: 4, Points: []Point{
		{"2026-03-01", 3}, {"2026-01-01", 1}, {"2026-01-31", 2}, // out of order on purpose
	}}})
	got := dots(l, red)
	if len(got) != 3 {
		t.Fatalf("dots %v, want 3", got)
	}
	// Sorted by date: x grows, and 30 days of 59 put the middle dot at
	// 30/59 of the way.
	if !(got[0].X < got[1].X && got[1].X < got[2].X) {
		t.Errorf("dots not in date order: %v", got)
	}
	frac := (got[1].X - got[0].X) / (got[2].X - got[0].X)
	if d := frac - 30.0/59; d > 0.002 || d < -0.002 {
		t.Errorf("2026-01-31 at %.4f of the span, want %.4f", frac, 30.0/59)
	}
	for i, v := range []int{1, 2, 3} {
		if y := lineY(t, l, v); !near(got[i].Y, y) {
			t.Errorf("dot %d at y %v, level %d is at %v", i, got[i].Y, v, y)
		}
	}
	// Ticks 0..5, the dates, the legend.
	shown := texts(l)
	for _, s := range []string{"0", "1", "2", "3", "4", "5", "2026-01-01", "2026-03-01", "Strategi"} {
		if !slices.Contains(shown, s) {
			t.Errorf("%q not shown; texts %q", s, shown)
		}
	}
	// The target is a dashed line at level 4 in the series' colour, faded.
	y4 := lineY(t, l, 4)
	var dashes int
	for _, o := range objects(l) {
		if ln, ok := o.(*canvas.Line); ok && near(ln.Position1.Y, y4) && near(ln.Position2.Y, y4) &&
			sameColour(ln.StrokeColor, fade(red, 0x99)) {
			dashes++
		}
	}
	if dashes < 10 {
		t.Errorf("%d dashes on the target line", dashes)
	}
	// Connecting lines: two, from dot to dot.
	var joins int
	for _, ln := range lines(l, red) {
		if ln.StrokeWidth == 2 && ln.Position1 != ln.Position2 && ln.Position1.Y != ln.Position2.Y {
			joins++
		}
	}
	if joins != 2 {
		t.Errorf("%d connecting lines, want 2", joins)
	}
}

func TestLineChangesAndFormatsDates(t *testing.T) {
	l := NewLine()
	show(t, l, fyne.NewSize(500, 300), variants[0].v)
	l.SetEmptyText("Inga bedömningar än")
	if got := texts(l); !slices.Equal(got, []string{"Inga bedömningar än"}) {
		t.Errorf("empty chart shows %q", got)
	}
	l.SetDateFormat(func(d string) string { return "d:" + d[5:] })
	l.SetData(5, []LineSeries{{Colour: green, Points: []Point{{"2026-01-01", 2}, {"2026-06-01", 2}}}})
	before := dots(l, green)
	l.SetData(5, []LineSeries{{Colour: green, Points: []Point{{"2026-01-01", 2}, {"2026-06-01", 5}}}})
	after := dots(l, green)
	if before[1].Y <= after[1].Y {
		t.Errorf("raising the level did not raise the dot: %v → %v", before[1], after[1])
	}
	if !slices.Contains(texts(l), "d:01-01") || slices.Contains(texts(l), "2026-01-01") {
		t.Errorf("dates not formatted: %q", texts(l))
	}
	// One unnamed series: no legend.
	for _, o := range objects(l) {
		if c, ok := o.(*canvas.Circle); ok && c.StrokeWidth == 0 {
			t.Error("a legend is drawn for a single unnamed series")
		}
	}
	// A single date sits in the middle.
	l.SetData(5, []LineSeries{{Colour: green, Points: []Point{{"2026-01-01", 2}, {"bad", 3}}}})
	if d := dots(l, green); len(d) != 1 {
		t.Errorf("dots %v, want one (the bad date left out)", d)
	}
}

func TestLineThinsCrowdedDates(t *testing.T) {
	l := NewLine()
	show(t, l, fyne.NewSize(360, 260), variants[0].v)
	var pts []Point
	for i := range 20 {
		pts = append(pts, Point{fmt.Sprintf("2026-%02d-%02d", 1+i/2, 1+14*(i%2)), float64(1 + i%5)})
	}
	l.SetData(5, []LineSeries{{Name: "Strategi", Points: pts}})
	var dates []*canvas.Text
	for _, o := range objects(l) {
		if x, ok := o.(*canvas.Text); ok && len(x.Text) == 10 {
			dates = append(dates, x)
		}
	}
	if len(dates) < 2 || len(dates) >= 20 {
		t.Fatalf("%d date labels for 20 dates in 360 px", len(dates))
	}
	if dates[len(dates)-1].Text != "2026-10-15" {
		t.Errorf("the latest date is not labelled: last label %q", dates[len(dates)-1].Text)
	}
	for i := 1; i < len(dates); i++ {
		if dates[i].Position().X < dates[i-1].Position().X+dates[i-1].Size().Width {
			t.Errorf("labels %q and %q overlap", dates[i-1].Text, dates[i].Text)
		}
	}
}

func TestLinePictures(t *testing.T) {
	for _, v := range variants {
		l := NewLine()
		win := show(t, l, fyne.NewSize(620, 380), v.v)
		dates := []string{"2025-09-12", "2026-01-20", "2026-02-03", "2026-06-15", "2026-11-02"}
		var series []LineSeries
		for k, name := range dims[:6] {
			var pts []Point
			for i, d := range dates {
				pts = append(pts, Point{d, float64(min(5, 1+(i+k)/2))})
			}
			se := LineSeries{Name: name, Points: pts}
			if k < 2 {
				se.Target = float64(4 + k%2)
			}
			series = append(series, se)
		}
		l.SetData(5, series)
		img := capture(t, win, "line-"+v.name)
		if px := countColour(img, styleOf(l.Theme()).primary); px < 100 {
			t.Errorf("%s: only %d pixels of the first series", v.name, px)
		}
	}
}

// The first and last date labels lie inside the chart, a padding from its
// edges, however narrow the chart and however long the reader's dates: in
// the window a chart sits flush against its scroll's edge and its
// neighbour, and a label touching the edge reads as cut off.
func TestLineEndLabelsLieInsideTheChart(t *testing.T) {
	formats := map[string]func(string) string{
		"iso": nil,
		"nb":  func(d string) string { return d[8:10] + "." + d[5:7] + "." + d[:4] },
		"en": func(d string) string {
			return map[string]string{"10": "22 Oct ", "05": "3 May ", "11": "6 Nov "}[d[5:7]] + d[:4]
		},
	}
	for name, format := range formats {
		for _, width := range []float32{240, 300, 360, 500} {
			l := NewLine()
			show(t, l, fyne.NewSize(width, 170), variants[0].v)
			l.SetDateFormat(format)
			l.SetData(8, []LineSeries{{Colour: green, Target: 5, Points: []Point{
				{"2025-10-22", 1}, {"2026-05-03", 2}, {"2026-11-06", 3}}}})
			pad := styleOf(l.Theme()).pad
			first, last := l.label("2025-10-22"), l.label("2026-11-06")
			for _, s := range []string{first, last} {
				x := textObj(t, l, s)
				if x.Position().X < pad || x.Position().X+x.Size().Width > width-pad {
					t.Errorf("%s at %v px: %q spans %v–%v, outside %v–%v", name, width, s,
						x.Position().X, x.Position().X+x.Size().Width, pad, width-pad)
				}
			}
		}
	}
}
