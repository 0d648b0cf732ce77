package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/assets"
)

// newAboutCard is Settings' About card: the version, the program's licence
// and a button to the licences of everything else in the program.
func newAboutCard(u *UI) *widget.Card {
	tr := u.tr
	version := u.opt.Version
	if version == "" {
		version = tr.T("ui.settings.version_dev")
	}
	rows := []fyne.CanvasObject{widget.NewLabel(tr.T("ui.settings.version", "Version", version))}
	if u.opt.License != "" {
		l := widget.NewLabel(tr.T("ui.about.license", "License", u.opt.License))
		l.Wrapping = fyne.TextWrapWord
		rows = append(rows, l)
	}
	rows = append(rows, container.NewHBox(widget.NewButtonWithIcon(tr.T("ui.about.third_party"), theme.InfoIcon(), u.showCredits)))
	return widget.NewCard(tr.T("ui.settings.about"), "", container.NewVBox(rows...))
}

// showCredits lists the third-party code and fonts in the program with
// their licences (generated from the module graph: assets.Licenses); the
// chosen entry's licence text shows beside the list.
func (u *UI) showCredits() {
	tr := u.tr
	credits, err := assets.Credits()
	if err != nil {
		u.showError(err)
		return
	}
	text := widget.NewLabel(tr.T("ui.about.pick"))
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	list := widget.NewList(func() int { return len(credits) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			lic := widget.NewLabel("")
			lic.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, lic, name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := credits[i]
			row := o.(*fyne.Container)
			name := c.Name
			if c.Version != "" {
				name = fmt.Sprintf("%s %s", c.Name, c.Version)
			}
			row.Objects[0].(*widget.Label).SetText(name)
			row.Objects[1].(*widget.Label).SetText(c.License)
		})
	list.OnSelected = func(i widget.ListItemID) { text.SetText(credits[i].Text) }
	split := container.NewHSplit(list, container.NewVScroll(text))
	split.Offset = 0.45
	d := dialog.NewCustom(tr.T("ui.about.third_party_title", "Count", len(credits)), tr.T("ui.close"), split, u.win)
	d.Resize(fyne.NewSize(min(u.win.Canvas().Size().Width-40, 980), min(u.win.Canvas().Size().Height-40, 640)))
	d.Show()
}
