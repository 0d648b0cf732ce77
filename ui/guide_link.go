package ui

import (
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// guideButton opens the user guide at section (a docs/guide section id):
// placed beside an empty screen's hint, it answers "how do I start here?".
func (u *UI) guideButton(section string) *widget.Button {
	b := widget.NewButtonWithIcon(u.tr.T("ui.guide.read_more"), theme.HelpIcon(), func() { u.openHelp(section) })
	b.Importance = widget.LowImportance
	return b
}
