package ui

import (
	"fyne.io/fyne/v2/dialog"

	"eu.ilsa.coach/ilsa/data/domain"
)

// showError tells the user what went wrong, in their language, from any
// goroutine: it is the one place the UI turns an error into words. Input
// that was refused gets a title that asks to check it, rather than saying
// something broke.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	msg := u.tr.Error(err)
	title := u.tr.T("ui.error.title")
	if _, ok := domain.AsValidation(err); ok {
		title = u.tr.T("ui.error.check_title")
	}
	u.deliver(func() {
		d := dialog.NewInformation(title, msg, u.win)
		d.Show()
	}, false)
}
