package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// StartupErrorWindow is what a user who started the app from a desktop menu
// sees when the database cannot be opened (a data folder inside a synced
// folder, a damaged file, a full disk): the reason in their language instead
// of a window that never appears. The message also went to stderr.
func StartupErrorWindow(a fyne.App, tr *translations.Localizer, msg string) fyne.Window {
	w := a.NewWindow("ILSA Coach")
	title := widget.NewLabelWithStyle(tr.T("ui.startup_error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButtonWithIcon(tr.T("ui.startup_error.quit"), theme.LogoutIcon(), func() { a.Quit() })
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(
		container.NewHBox(widget.NewIcon(theme.ErrorIcon()), title), container.NewHBox(quit), nil, nil, text)))
	w.Resize(fyne.NewSize(560, 260))
	w.SetMaster()
	return w
}
