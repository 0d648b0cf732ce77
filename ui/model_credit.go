package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/translations"
)

// modelCredit shows under the model picker whose work the chosen model is:
// its source, author and licence (translations.ModelCredit, the same line
// the CLI and the client report print) and a link to the licence, so a
// model like the Business Model Canvas (CC BY-SA 3.0) is credited wherever
// it is used.
type modelCredit struct {
	tr      *translations.Localizer
	text    *widget.Label
	license *widget.Hyperlink
	view    *fyne.Container
}

func newModelCredit(tr *translations.Localizer) *modelCredit {
	c := &modelCredit{tr: tr, text: widget.NewLabel(""), license: widget.NewHyperlink(tr.T("ui.assess.license_link"), nil)}
	c.text.Wrapping = fyne.TextWrapWord
	c.text.Importance = widget.LowImportance
	c.text.TextStyle = fyne.TextStyle{Italic: true}
	c.view = container.NewVBox(c.text, container.NewHBox(c.license))
	c.view.Hide()
	return c
}

// show credits m; nil hides the credit.
func (c *modelCredit) show(m *models.Model) {
	line := ""
	if m != nil {
		line = c.tr.ModelCredit(m)
	}
	if line == "" {
		c.view.Hide()
		return
	}
	c.text.SetText(line)
	c.license.Hide()
	if m.LicenseURL != "" {
		if u, err := url.Parse(m.LicenseURL); err == nil {
			c.license.SetURL(u)
			c.license.Show()
		}
	}
	c.view.Show()
}
