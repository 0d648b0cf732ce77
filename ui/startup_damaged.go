package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// DamagedChoices are what a start on a damaged database can do.
type DamagedChoices struct {
	// Latest is the newest backup in the data folder; nil when there is none.
	Latest *BackupInfo
	// Restore checks Latest and arranges for it to replace the damaged
	// file (set aside) once this window closes; the app then opens again.
	Restore func() error
	// Export opens what can be read of the damaged file read-only and
	// writes it into an export bundle at path; it returns the changes
	// written. nil (a lost file: nothing to read) hides the choice.
	Export func(path string) (int, error)
}

// DamagedDatabaseWindow is the start on a damaged or lost database file:
// the reason, then restoring the latest backup or exporting what can
// still be read — never a new, empty database over the old file.
func DamagedDatabaseWindow(a fyne.App, tr *translations.Localizer, msg string, c DamagedChoices) fyne.Window {
	w := a.NewWindow("ILSA Coach")
	title := widget.NewLabelWithStyle(tr.T("ui.startup_error.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	status.Hide()
	say := func(s string, imp widget.Importance) {
		status.SetText(s)
		status.Importance = imp
		status.Show()
		status.Refresh()
	}

	restoreText := tr.T("ui.damaged.no_backup")
	if c.Latest != nil {
		restoreText = tr.T("ui.damaged.restore", "When", tr.Date(c.Latest.Time)+" "+c.Latest.Time.Format("15:04"))
	}
	restore := widget.NewButtonWithIcon(restoreText, theme.HistoryIcon(), func() {
		if err := c.Restore(); err != nil {
			say(tr.Error(err), widget.DangerImportance)
			return
		}
		a.Quit()
	})
	restore.Importance = widget.HighImportance
	if c.Latest == nil || c.Restore == nil {
		restore.Disable()
	}
	export := widget.NewButtonWithIcon(tr.T("ui.damaged.export"), theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			path := wc.URI().Path()
			wc.Close()
			n, err := c.Export(path)
			if err != nil {
				say(tr.T("ui.damaged.export_failed", "Reason", tr.Error(err)), widget.DangerImportance)
				return
			}
			say(tr.T("ui.damaged.exported", "Count", n, "Path", path), widget.SuccessImportance)
		}, w)
		d.SetFileName("ilsa-export.bundle")
		d.Resize(fyne.NewSize(720, 480))
		d.Show()
	})
	if c.Export == nil {
		export.Hide()
	}
	quit := widget.NewButtonWithIcon(tr.T("ui.startup_error.quit"), theme.LogoutIcon(), func() { a.Quit() })
	buttons := container.NewVBox(restore, export, container.NewHBox(quit))
	w.SetContent(container.NewPadded(container.NewBorder(
		container.NewHBox(widget.NewIcon(theme.ErrorIcon()), title), buttons, nil, nil,
		container.NewVBox(text, status))))
	w.Resize(fyne.NewSize(640, 380))
	w.SetMaster()
	return w
}
