package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// saver runs a form's saves off the UI goroutine: the store may wait for
// an import's bundle to commit, and the window keeps painting meanwhile.
// The form holds still while a save runs — Save and the fields are off —
// so nothing typed can go missing when the saved form closes or clears.
type saver struct {
	u       *UI
	running bool
	held    []fyne.Disableable // what run switched off, to switch on again
}

// run switches off buttons and every field of form, runs write on a
// worker, switches them back on and hands its error to done on the UI
// goroutine. A call while a save runs does nothing.
func (s *saver) run(form fyne.CanvasObject, buttons []fyne.Disableable, write func() error, done func(error)) {
	if s.running {
		return
	}
	s.hold(form, buttons)
	s.u.background(func() func() {
		err := write()
		return func() {
			s.release()
			done(err)
		}
	})
}

func (s *saver) hold(form fyne.CanvasObject, buttons []fyne.Disableable) {
	s.running = true
	s.held = s.held[:0]
	off := func(d fyne.Disableable) {
		if !d.Disabled() {
			d.Disable()
			s.held = append(s.held, d)
		}
	}
	for _, b := range buttons {
		off(b)
	}
	eachObject(form, func(o fyne.CanvasObject) {
		if d, ok := o.(fyne.Disableable); ok {
			off(d)
		}
	})
}

func (s *saver) release() {
	s.running = false
	for _, d := range s.held {
		d.Enable()
	}
	s.held = nil
}

// eachObject calls fn for o and every object inside its containers and
// scrolls (not inside widgets: a widget is disabled as a whole).
func eachObject(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	switch x := o.(type) {
	case nil:
		return
	case *fyne.Container:
		if x == nil {
			return
		}
		fn(o)
		for _, c := range x.Objects {
			eachObject(c, fn)
		}
	case *container.Scroll:
		if x == nil {
			return
		}
		fn(o)
		eachObject(x.Content, fn)
	default:
		fn(o)
	}
}
