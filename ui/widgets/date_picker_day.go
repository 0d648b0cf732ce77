package widgets

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dayCell is one day of the grid: its number, dimmed when it belongs to the
// month before or after, ringed when it is today, filled when chosen.
type dayCell struct {
	widget.BaseWidget
	p    *DatePicker
	date time.Time
	text string

	other, today, selected, cursor, hovered bool
}

var (
	_ fyne.Tappable     = (*dayCell)(nil)
	_ desktop.Hoverable = (*dayCell)(nil)
	_ fyne.Focusable    = (*DatePicker)(nil)
)

func newDayCell(p *DatePicker) *dayCell {
	c := &dayCell{p: p}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped picks the cell's date.
func (c *dayCell) Tapped(*fyne.PointEvent) { c.p.pick(c.date) }

func (c *dayCell) MouseIn(*desktop.MouseEvent)    { c.hovered = true; c.Refresh() }
func (c *dayCell) MouseMoved(*desktop.MouseEvent) {}
func (c *dayCell) MouseOut()                      { c.hovered = false; c.Refresh() }

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	txt := canvas.NewText("", color.Transparent)
	txt.Alignment = fyne.TextAlignCenter
	r := &dayCellRenderer{c: c, bg: bg, txt: txt}
	r.Refresh()
	return r
}

type dayCellRenderer struct {
	c   *dayCell
	bg  *canvas.Rectangle
	txt *canvas.Text
}

func (r *dayCellRenderer) Destroy()                     {}
func (r *dayCellRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.txt} }

// MinSize fits the widest day number with room around it.
func (r *dayCellRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	s := fyne.MeasureText("00", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true})
	return fyne.NewSize(s.Width+2*th.Size(theme.SizeNameInnerPadding), s.Height+2*th.Size(theme.SizeNamePadding))
}

func (r *dayCellRenderer) Layout(size fyne.Size) {
	inset := r.c.Theme().Size(theme.SizeNamePadding) / 2
	r.bg.Move(fyne.NewPos(inset, inset))
	r.bg.Resize(size.SubtractWidthHeight(2*inset, 2*inset))
	h := r.txt.MinSize().Height
	r.txt.Move(fyne.NewPos(0, (size.Height-h)/2))
	r.txt.Resize(fyne.NewSize(size.Width, h))
}

func (r *dayCellRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fill, stroke, fg := color.Color(color.Transparent), color.Color(color.Transparent), th.Color(theme.ColorNameForeground, v)
	var strokeW float32
	switch {
	case c.selected:
		fill, fg = th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameForegroundOnPrimary, v)
	case c.cursor:
		fill = th.Color(theme.ColorNameFocus, v)
	case c.hovered:
		fill = th.Color(theme.ColorNameHover, v)
	}
	if c.other && !c.selected {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	if c.today {
		strokeW, stroke = 2, th.Color(theme.ColorNamePrimary, v)
		if c.selected {
			stroke = th.Color(theme.ColorNameForegroundOnPrimary, v)
		}
	}
	r.bg.FillColor, r.bg.StrokeColor, r.bg.StrokeWidth = fill, stroke, strokeW
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.txt.Text, r.txt.Color = c.text, fg
	r.txt.TextSize = th.Size(theme.SizeNameText)
	r.txt.TextStyle = fyne.TextStyle{Bold: c.today || c.selected}
	r.bg.Refresh()
	r.txt.Refresh()
}
