package ui

import "fyne.io/fyne/v2/dialog"

// showError tells the user what went wrong, in their language, from any
// goroutine: it is the one place the UI turns an error into words.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	msg := u.tr.Error(err)
	u.deliver(func() {
		d := dialog.NewInformation(u.tr.T("ui.error.title"), msg, u.win)
		d.Show()
	}, false)
}
