package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/ui/netmap"
)

// mapCanvas shows the innovation-system map as one picture, drawn off the
// UI goroutine by netmap (a thousand actors as widgets would be slow to
// lay out and paint), and finds the actor under the pointer in the view it
// was drawn from: a tap opens it, hovering names it.
type mapCanvas struct {
	widget.BaseWidget
	img     *canvas.Image
	view    *netmap.View // the view the picture shows; nil before the first
	scale   float32      // device pixels per Fyne unit of that picture
	resized func(fyne.Size)
	tapped  func(node int)
	hovered func(node int) // -1 when the pointer leaves an actor
	last    int            // the actor last hovered
}

func newMapCanvas() *mapCanvas {
	c := &mapCanvas{img: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1))), last: -1}
	c.img.FillMode = canvas.ImageFillStretch
	c.img.ScaleMode = canvas.ImageScaleFastest
	c.ExtendBaseWidget(c)
	return c
}

func (c *mapCanvas) CreateRenderer() fyne.WidgetRenderer {
	return &mapRenderer{c: c}
}

// show puts a picture drawn from v, at scale device pixels per unit.
func (c *mapCanvas) show(img image.Image, v *netmap.View, scale float32) {
	c.img.Image, c.view, c.scale = img, v, scale
	c.img.Refresh()
}

// nodeAt is the actor under pos, or -1.
func (c *mapCanvas) nodeAt(pos fyne.Position) int {
	if c.view == nil {
		return -1
	}
	return c.view.NodeAt(float64(pos.X*c.scale), float64(pos.Y*c.scale))
}

func (c *mapCanvas) Tapped(e *fyne.PointEvent) {
	if n := c.nodeAt(e.Position); n >= 0 && c.tapped != nil {
		c.tapped(n)
	}
}

func (c *mapCanvas) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *mapCanvas) MouseMoved(e *desktop.MouseEvent) {
	if n := c.nodeAt(e.Position); n != c.last {
		c.last = n
		if c.hovered != nil {
			c.hovered(n)
		}
	}
}

func (c *mapCanvas) MouseOut() {
	if c.last != -1 {
		c.last = -1
		if c.hovered != nil {
			c.hovered(-1)
		}
	}
}

// Cursor is the pointing hand over an actor, which a tap opens.
func (c *mapCanvas) Cursor() desktop.Cursor {
	if c.last >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

type mapRenderer struct{ c *mapCanvas }

func (r *mapRenderer) Layout(s fyne.Size) {
	r.c.img.Resize(s)
	if r.c.resized != nil {
		r.c.resized(s)
	}
}
func (r *mapRenderer) MinSize() fyne.Size           { return fyne.NewSize(200, 150) }
func (r *mapRenderer) Refresh()                     { r.c.img.Refresh() }
func (r *mapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.img} }
func (r *mapRenderer) Destroy()                     {}
