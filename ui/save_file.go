package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// saveAs asks where to save a file (suggesting name), then runs write with
// the chosen path off the UI goroutine and shows its message, or the error.
// The dialog's own file is closed at once: writers write beside the path and
// rename into place, so a failure never leaves half a file.
func (u *UI) saveAs(name string, write func(path string) (title, message string, err error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		u.background(func() func() {
			title, msg, err := write(path)
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				dialog.NewInformation(title, msg, u.win).Show()
			}
		})
	}, u.win)
	d.SetFileName(name)
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	u.showFileDialog(d)
}
