package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// dotRadius is the radius of a data point's dot.
const dotRadius = 3.5

// drawing is the list of canvas objects a chart shows, rebuilt on every
// layout. The objects themselves are kept from one build to the next and
// handed out again in order: a refresh then allocates nothing once the chart
// has been drawn, and the GL driver keeps its cached text textures, which it
// ties to the object.
type drawing struct {
	objs    []fyne.CanvasObject
	lines   []*canvas.Line
	circles []*canvas.Circle
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	nl, nc  int
	nr, nt  int
}

// reset starts a new build.
func (d *drawing) reset() {
	clear(d.objs) // let go of objects the new build may not use
	d.objs = d.objs[:0]
	d.nl, d.nc, d.nr, d.nt = 0, 0, 0, 0
}

func pos(p plot.Point) fyne.Position { return fyne.NewPos(float32(p.X), float32(p.Y)) }

// line draws a straight line from a to b.
func (d *drawing) line(a, b fyne.Position, c color.Color, width float32) *canvas.Line {
	if d.nl == len(d.lines) {
		d.lines = append(d.lines, &canvas.Line{})
	}
	l := d.lines[d.nl]
	d.nl++
	l.Position1, l.Position2 = a, b
	l.StrokeColor, l.StrokeWidth = c, width
	d.objs = append(d.objs, l)
	return l
}

// dashed draws a horizontal dashed line from x0 to x1 at y; canvas.Line
// has no dash pattern, so it is short lines.
func (d *drawing) dashed(x0, x1, y float32, c color.Color, width, dash, gap float32) {
	for x := x0; x < x1; x += dash + gap {
		d.line(fyne.NewPos(x, y), fyne.NewPos(min(x+dash, x1), y), c, width)
	}
}

// dot draws a filled circle of radius r centred on p.
func (d *drawing) dot(p fyne.Position, r float32, fill, stroke color.Color) *canvas.Circle {
	if d.nc == len(d.circles) {
		d.circles = append(d.circles, &canvas.Circle{})
	}
	c := d.circles[d.nc]
	d.nc++
	c.FillColor, c.StrokeColor = fill, stroke
	c.StrokeWidth = 0
	if stroke != nil {
		c.StrokeWidth = 1
	}
	c.Move(fyne.NewPos(p.X-r, p.Y-r))
	c.Resize(fyne.NewSquareSize(2 * r))
	d.objs = append(d.objs, c)
	return c
}

// rect draws a filled rectangle.
func (d *drawing) rect(at fyne.Position, size fyne.Size, fill color.Color, radius float32) *canvas.Rectangle {
	if d.nr == len(d.rects) {
		d.rects = append(d.rects, &canvas.Rectangle{})
	}
	r := d.rects[d.nr]
	d.nr++
	r.FillColor, r.CornerRadius = fill, radius
	r.Move(at)
	r.Resize(size)
	d.objs = append(d.objs, r)
	return r
}

// text draws s with its top-left corner at at, sized to its measure so a
// test (and the painter) knows exactly where it is.
func (d *drawing) text(s string, at fyne.Position, ts textStyle, c color.Color) *canvas.Text {
	if d.nt == len(d.texts) {
		d.texts = append(d.texts, &canvas.Text{})
	}
	t := d.texts[d.nt]
	d.nt++
	t.Text, t.Color = s, c
	t.TextSize, t.TextStyle = ts.size, ts.style
	t.Alignment = fyne.TextAlignLeading
	t.Move(at)
	t.Resize(ts.measure(s))
	d.objs = append(d.objs, t)
	return t
}

// textAt draws s placed by a plot.Label (anchor and alignment).
func (d *drawing) textAt(s string, l plot.Label, ts textStyle, c color.Color) *canvas.Text {
	sz := ts.measure(s)
	return d.text(s, pos(l.Box(float64(sz.Width), float64(sz.Height))), ts, c)
}

// centred draws s centred horizontally on x with its top at y.
func (d *drawing) centred(s string, x, y float32, ts textStyle, c color.Color) *canvas.Text {
	return d.text(s, fyne.NewPos(x-ts.width(s)/2, y), ts, c)
}
