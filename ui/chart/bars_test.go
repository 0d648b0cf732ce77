package chart

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// barRects are the bars drawn in c, left to right.
func barRects(w fyne.Widget, c color.Color) []*canvas.Rectangle {
	var out []*canvas.Rectangle
	for _, o := range objects(w) {
		if r, ok := o.(*canvas.Rectangle); ok && sameColour(r.FillColor, c) {
			out = append(out, r)
		}
	}
	return out
}

func TestBarsHeightsValuesAndNames(t *testing.T) {
	b := NewBars()
	show(t, b, fyne.NewSize(400, 240), variants[0].v)
	b.SetData([]Bar{{"jan", 10}, {"feb", 5}, {"mar", 0}, {"apr", 20}})
	primary := styleOf(b.Theme()).primary // the colour the app's bars are drawn in
	rects := barRects(b, primary)
	if len(rects) != 3 { // a zero bar has no rectangle
		t.Fatalf("%d bars, want 3", len(rects))
	}
	// Heights are proportional to the values; all stand on one baseline.
	h10, h5, h20 := rects[0].Size().Height, rects[1].Size().Height, rects[2].Size().Height
	if !near(h5*2, h10) || !near(h10*2, h20) {
		t.Errorf("heights %v %v %v not in proportion 10:5:20", h10, h5, h20)
	}
	base := rects[0].Position().Y + h10
	for _, r := range rects {
		if !near(r.Position().Y+r.Size().Height, base) {
			t.Errorf("bar at %v does not stand on the baseline %v", r.Position(), base)
		}
	}
	// Each value sits on top of its bar, each name below it.
	for i, v := range []string{"10", "5", "20"} {
		lbl := textObj(t, b, v)
		r := rects[[]int{0, 1, 2}[i]]
		if lbl.Position().Y+lbl.Size().Height > r.Position().Y+0.5 {
			t.Errorf("value %s at %v is not above its bar at %v", v, lbl.Position(), r.Position())
		}
		mid := r.Position().X + r.Size().Width/2
		if !near(lbl.Position().X+lbl.Size().Width/2, mid) {
			t.Errorf("value %s not centred on its bar", v)
		}
	}
	for _, n := range []string{"jan", "feb", "mar", "apr", "0"} {
		if lbl := textObj(t, b, n); n != "0" && lbl.Position().Y < base {
			t.Errorf("name %s above the baseline", n)
		}
	}
	// The chart changes with the data.
	b.SetData([]Bar{{"jan", 20}, {"feb", 5}, {"mar", 0}, {"apr", 20}})
	if got := barRects(b, primary)[0].Size().Height; !near(got, h20) {
		t.Errorf("jan at 20 is %v high, want %v", got, h20)
	}
}

func TestBarsCrowdedNames(t *testing.T) {
	names := []string{"Östersund", "Krokom", "Åre", "Strömsund", "Bräcke", "Ragunda", "Härjedalen", "Berg",
		"Trondheim", "Steinkjer", "Levanger", "Verdal", "Stjørdal", "Namsos", "Orkland", "Malvik"}
	b := NewBars()
	show(t, b, fyne.NewSize(480, 240), variants[0].v)
	var bars []Bar
	for i, n := range names {
		bars = append(bars, Bar{n, float64(3 + i*7%23)})
	}
	b.SetData(bars)
	var shown []*canvas.Text
	for _, o := range objects(b) {
		if x, ok := o.(*canvas.Text); ok && x.TextSize == styleOf(b.Theme()).label.size {
			shown = append(shown, x)
		}
	}
	if len(shown) == 0 {
		t.Fatal("no names shown")
	}
	// Names in the same row never overlap.
	for i := range shown {
		for j := i + 1; j < len(shown); j++ {
			a, c := shown[i], shown[j]
			sameRow := near(a.Position().Y, c.Position().Y)
			if sameRow && a.Position().X < c.Position().X+c.Size().Width && c.Position().X < a.Position().X+a.Size().Width {
				t.Errorf("%q and %q overlap", a.Text, c.Text)
			}
			if sameRow && (a.Position().X < 0 || a.Position().X+a.Size().Width > 480.5) {
				t.Errorf("%q leaves the chart", a.Text)
			}
		}
	}
	var short bool
	for _, x := range shown {
		short = short || strings.HasSuffix(x.Text, "…")
	}
	if !short && len(shown) == len(names) {
		t.Errorf("16 municipality names fit 480 px unshortened? %q", texts(b))
	}
}

func TestBarsEmpty(t *testing.T) {
	b := NewBars()
	show(t, b, fyne.NewSize(300, 200), variants[0].v)
	b.SetEmptyText("Inga besök")
	b.SetData([]Bar{{"jan", 0}})
	if got := texts(b); !slices.Equal(got, []string{"Inga besök"}) {
		t.Errorf("all-zero bars show %q", got)
	}
}

func TestBarsPictures(t *testing.T) {
	months := []string{"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
	munis := []string{"Östersund", "Krokom", "Åre", "Strömsund", "Bräcke", "Ragunda", "Härjedalen", "Berg",
		"Trondheim", "Steinkjer", "Levanger", "Verdal", "Stjørdal", "Namsos", "Orkland", "Malvik"}
	for _, v := range variants {
		for _, c := range []struct {
			name  string
			names []string
			w     float32
		}{{"months", months, 560}, {"municipalities", munis, 560}, {"municipalities-narrow", munis, 300}} {
			b := NewBars()
			win := show(t, b, fyne.NewSize(c.w, 260), v.v)
			var bars []Bar
			for i, n := range c.names {
				bars = append(bars, Bar{n, float64(3 + i*37%41)})
			}
			b.SetData(bars)
			img := capture(t, win, "bars-"+c.name+"-"+v.name)
			if px := countColour(img, styleOf(b.Theme()).primary); px < 500 {
				t.Errorf("%s %s: only %d bar pixels", v.name, c.name, px)
			}
		}
	}
}
