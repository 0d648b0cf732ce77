package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarHost is a form whose date fields open a calendar: it remembers
// the open one so Esc and closing the form dismiss it first.
type calendarHost struct {
	u   *UI
	pop *widget.PopUp
}

// attach gives e a calendar button.
func (h *calendarHost) attach(e *keyedEntry) {
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { h.show(e) })
}

// show opens the calendar under e at the date e holds (or today).
func (h *calendarHost) show(e *keyedEntry) {
	u := h.u
	var selected time.Time // none until the field holds a date
	if t, err := u.tr.ParseDate(e.Text); err == nil {
		selected = t
	}
	var pop *widget.PopUp
	cal := newDatePicker(u.tr, u.opt.Now(), selected, func(t time.Time) {
		e.SetText(u.tr.Date(t))
		pop.Hide()
		h.pop = nil
		u.win.Canvas().Focus(e)
	})
	cal.OnDismiss = func() { // Esc while the calendar has the keyboard
		h.dismiss()
		u.win.Canvas().Focus(e)
	}
	pop = widget.NewPopUp(cal, u.win.Canvas())
	h.pop = pop
	pop.ShowAtRelativePosition(fyne.NewPos(0, e.Size().Height), e)
	u.win.Canvas().Focus(cal)
}

// dismiss hides an open calendar; it reports whether there was one.
func (h *calendarHost) dismiss() bool {
	if h.pop != nil && h.pop.Visible() {
		h.pop.Hide()
		h.pop = nil
		return true
	}
	h.pop = nil
	return false
}
