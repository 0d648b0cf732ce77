package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// wheelNotch is how far one notch of the mouse wheel moves a long form, as
// a multiple of Fyne's 25 px: a long dialog (an assessment's six
// dimensions of nine levels) is otherwise read a line and a half at a time.
const wheelNotch = 3

// wheelScroll is a vertical scroll that moves wheelNotch times further per
// wheel notch than Fyne's own; the scroll bar is Fyne's.
type wheelScroll struct{ container.Scroll }

func newWheelScroll(content fyne.CanvasObject) *wheelScroll {
	s := &wheelScroll{}
	s.Direction = container.ScrollVerticalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled moves by the wheel's delta times wheelNotch.
func (s *wheelScroll) Scrolled(ev *fyne.ScrollEvent) {
	e := *ev
	e.Scrolled.DX *= wheelNotch
	e.Scrolled.DY *= wheelNotch
	s.Scroll.Scrolled(&e)
}
