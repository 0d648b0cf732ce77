package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// atLeastLayout gives its objects at least a minimum width, so a field
// whose own minimum is tiny (a select, an entry with a placeholder) keeps
// its text whole; a split beside it respects that minimum.
type atLeastLayout struct{ width float32 }

func (l *atLeastLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := fyne.NewSize(l.width, 0)
	for _, o := range objs {
		if o.Visible() {
			min = min.Max(o.MinSize())
		}
	}
	return min
}

func (l *atLeastLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// atLeast wraps o so it is never narrower than width.
func atLeast(width float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(&atLeastLayout{width}, o)
}

// textWidth is the width of the widest of texts in the body font.
func textWidth(texts ...string) float32 {
	w := float32(0)
	for _, s := range texts {
		w = max(w, fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w
}

// selectWidth is how wide a select must be to show the longest of its
// options whole: the text, its padding and the drop-down arrow.
func selectWidth(labels ...string) float32 {
	return textWidth(labels...) + 4*theme.InnerPadding() + theme.IconInlineSize()
}

// entryWidth is how wide an entry with a clear button must be to show its
// placeholder whole.
func entryWidth(placeholder string) float32 {
	return textWidth(placeholder) + 4*theme.InnerPadding() + theme.IconInlineSize() + 2*theme.Padding()
}

// rowWrapLayout lays its objects out left to right at their minimum sizes
// and starts a new row when the next one does not fit: a row of buttons
// that wraps rather than widening the window. Its minimum width is the
// widest object's; its minimum height is that of the rows at the width it
// was last given.
type rowWrapLayout struct{ width float32 }

// rows places the visible objects within width; it returns each one's
// position and the height they take.
func (l *rowWrapLayout) rows(objs []fyne.CanvasObject, width float32) (pos []fyne.Position, height float32) {
	pad := theme.Padding()
	var x, y, rowH float32
	for _, o := range objs {
		if !o.Visible() {
			pos = append(pos, fyne.Position{})
			continue
		}
		s := o.MinSize()
		if x > 0 && x+s.Width > width {
			x, y, rowH = 0, y+rowH+pad, 0
		}
		pos = append(pos, fyne.NewPos(x, y))
		x += s.Width + pad
		rowH = max(rowH, s.Height)
	}
	return pos, y + rowH
}

func (l *rowWrapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	_, h := l.rows(objs, max(l.width, w))
	return fyne.NewSize(w, h)
}

func (l *rowWrapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pos, _ := l.rows(objs, size.Width)
	for i, o := range objs {
		o.Move(pos[i])
		o.Resize(o.MinSize())
	}
}
