package chart

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// renderer is the one renderer all charts share: a chart is a function that
// draws itself into a drawing for a size. Layout and Refresh both rebuild,
// since what is drawn (how many ticks, which labels fit) depends on the
// size as much as on the data.
type renderer struct {
	w    fyne.Widget
	d    drawing
	draw func(d *drawing, size fyne.Size)
	min  func() fyne.Size
	size fyne.Size
}

func newRenderer(w fyne.Widget, draw func(*drawing, fyne.Size), min func() fyne.Size) *renderer {
	r := &renderer{w: w, draw: draw, min: min}
	r.Layout(w.Size())
	return r
}

func (r *renderer) Destroy()                     {}
func (r *renderer) Objects() []fyne.CanvasObject { return r.d.objs }
func (r *renderer) MinSize() fyne.Size           { return r.min() }

func (r *renderer) Layout(size fyne.Size) {
	r.size = size
	r.d.reset()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	r.draw(&r.d, size)
}

// Refresh redraws for new data or a new theme, and tells the canvas, which
// then drops the textures of the old objects.
func (r *renderer) Refresh() {
	r.Layout(r.w.Size())
	canvas.Refresh(r.w)
}

// emptyState shows text centred in the chart, in the secondary-text colour,
// shortened to the width.
func emptyState(d *drawing, s style, text string, size fyne.Size) {
	if text == "" {
		return
	}
	text = s.label.fit(text, size.Width-2*s.pad)
	h := s.label.height()
	d.centred(text, size.Width/2, (size.Height-h)/2, s.label, s.muted)
}
