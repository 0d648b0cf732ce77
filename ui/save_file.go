package ui

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// viewable are the kinds of file the system has a program for (a PDF
// viewer, a spreadsheet): "Open" is offered for those. A bundle is for
// another ILSA Coach, so only its folder is offered.
var viewable = map[string]bool{".pdf": true, ".xlsx": true, ".csv": true}

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
				u.showSaved(title, msg, path)
			}
		})
	}, u.win)
	d.SetFileName(name)
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	u.showFileDialog(d)
}

// showSaved says a file was written, and offers what one does next with
// it: open it, or see it in its folder (to attach it to an e-mail).
func (u *UI) showSaved(title, message, path string) *dialog.CustomDialog {
	tr := u.tr
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(title, text, u.win)
	var buttons []fyne.CanvasObject
	if viewable[strings.ToLower(filepath.Ext(path))] {
		buttons = append(buttons, widget.NewButtonWithIcon(tr.T("ui.saved.open"), theme.FileIcon(), func() {
			d.Hide()
			u.openPath(path)
		}))
	}
	buttons = append(buttons, widget.NewButtonWithIcon(tr.T("ui.saved.show_folder"), theme.FolderOpenIcon(), func() {
		d.Hide()
		u.openPath(filepath.Dir(path))
	}))
	ok := widget.NewButton(tr.T("ui.saved.ok"), d.Hide)
	ok.Importance = widget.HighImportance
	d.SetButtons(append(buttons, ok))
	d.Resize(fyne.NewSize(560, 1)) // as tall as the message needs
	d.Show()
	return d
}

// openPath hands a file or folder to the system, which opens it with the
// program the user chose for it (a folder in the file manager).
func (u *UI) openPath(path string) {
	open := u.openURL
	if open == nil {
		open = u.app.OpenURL
	}
	if err := open(fileURL(path)); err != nil {
		u.showError(err)
	}
}

// fileURL is the file:// address of an absolute path, Windows drive paths
// ("C:\Users\…") included; spaces and non-ASCII letters are escaped.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
