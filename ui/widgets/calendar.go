package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// CalendarHost is a form whose date fields open a calendar: it remembers
// the open one so Esc and closing the form dismiss it first.
type CalendarHost struct {
	tr     *translations.Localizer
	now    func() time.Time
	canvas func() fyne.Canvas
	pop    *widget.PopUp
}

// NewCalendarHost opens calendars in tr's language, with now's date as
// today, on the canvas the function returns.
func NewCalendarHost(tr *translations.Localizer, now func() time.Time, canvas func() fyne.Canvas) *CalendarHost {
	return &CalendarHost{tr: tr, now: now, canvas: canvas}
}

// Attach gives e a calendar button.
func (h *CalendarHost) Attach(e *KeyedEntry) {
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { h.Show(e) })
}

// Show opens the calendar under e at the date e holds (or today); not
// while e is disabled (Fyne leaves an entry's button enabled).
func (h *CalendarHost) Show(e *KeyedEntry) {
	if e.Disabled() {
		return
	}
	tr, c := h.tr, h.canvas()
	var selected time.Time // none until the field holds a date
	if t, err := tr.ParseDate(e.Text); err == nil {
		selected = t
	}
	var pop *widget.PopUp
	cal := NewDatePicker(tr, h.now(), selected, func(t time.Time) {
		e.SetText(tr.Date(t))
		pop.Hide()
		h.pop = nil
		c.Focus(e)
	})
	cal.OnDismiss = func() { // Esc while the calendar has the keyboard
		h.Dismiss()
		c.Focus(e)
	}
	pop = widget.NewPopUp(cal, c)
	h.pop = pop
	pop.ShowAtRelativePosition(fyne.NewPos(0, e.Size().Height), e)
	c.Focus(cal)
}

// Showing reports whether a calendar is open.
func (h *CalendarHost) Showing() bool { return h.pop != nil && h.pop.Visible() }

// Dismiss hides an open calendar; it reports whether there was one.
func (h *CalendarHost) Dismiss() bool {
	open := h.Showing()
	if open {
		h.pop.Hide()
	}
	h.pop = nil
	return open
}
