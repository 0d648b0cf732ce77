package chart

import (
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

func TestSharesSegmentsAndPercentages(t *testing.T) {
	sh := NewShares()
	show(t, sh, fyne.NewSize(400, 100), variants[0].v)
	sh.SetPercentFormat(func(p int) string { return itoa(p) + " %" })
	sh.SetData([]Share{{"Kvinnor", 30, red}, {"Män", 10, green}, {"Annat", 0, nil}})
	var segs []*canvas.Rectangle
	for _, o := range objects(sh) {
		if r, ok := o.(*canvas.Rectangle); ok && r.Size().Height > 20 {
			segs = append(segs, r)
		}
	}
	if len(segs) != 2 {
		t.Fatalf("%d segments, want 2 (none for 0)", len(segs))
	}
	if !near(segs[0].Size().Width, 300) || !near(segs[1].Position().X, 300) || !near(segs[1].Size().Width, 100) {
		t.Errorf("segments %v+%v and %v+%v, want 0+300 and 300+100",
			segs[0].Position(), segs[0].Size(), segs[1].Position(), segs[1].Size())
	}
	shown := texts(sh)
	for _, s := range []string{"75 %", "25 %", "Kvinnor 75 %", "Män 25 %", "Annat 0 %"} {
		if !slices.Contains(shown, s) {
			t.Errorf("%q not shown; texts %q", s, shown)
		}
	}
	// The percentage is inside its segment.
	p := textObj(t, sh, "75 %")
	if p.Position().X < 0 || p.Position().X+p.Size().Width > 300 {
		t.Errorf("75 %% at %v is outside its segment", p.Position())
	}
	sh.SetData([]Share{{"Kvinnor", 10, red}, {"Män", 30, green}})
	if !slices.Contains(texts(sh), "Män 75 %") {
		t.Errorf("the chart did not change: %q", texts(sh))
	}
	sh.SetEmptyText("Inga deltagare")
	sh.SetData([]Share{{"Kvinnor", 0, red}})
	if got := texts(sh); !slices.Equal(got, []string{"Inga deltagare"}) {
		t.Errorf("empty shares show %q", got)
	}
}

func itoa(p int) string { return strconv.Itoa(p) }

func TestSharesPictures(t *testing.T) {
	for _, v := range variants {
		sh := NewShares()
		win := show(t, sh, fyne.NewSize(460, 90), v.v)
		sh.SetData([]Share{{"Kvinnor", 46, nil}, {"Män", 51, nil}, {"Annat / vill inte ange", 3, nil}})
		img := capture(t, win, "shares-"+v.name)
		if px := countColour(img, styleOf(sh.Theme()).primary); px < 1000 {
			t.Errorf("%s: only %d pixels of the first part", v.name, px)
		}
	}
}
