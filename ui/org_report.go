package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// exportReport asks for the report's language and where to save it, then
// writes the organisation's client report (PDF) off the UI goroutine.
func (d *orgDetail) exportReport() {
	u, tr := d.u, d.u.tr
	if d.form.org.ID == "" || u.opt.ClientReport == nil {
		return
	}
	org := d.form.org
	var langs []widgets.Choice
	for _, l := range translations.Languages {
		langs = append(langs, widgets.Choice{Value: l, Label: languageNames[l]})
	}
	lang := widgets.NewChoiceSelect(langs, nil)
	lang.SetValue(tr.Lang())
	hint := widget.NewLabel(tr.T("ui.org.report_hint"))
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(hint, container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.settings.language")), nil, lang.Select))
	ask := dialog.NewCustomConfirm(tr.T("report.client.title"), tr.T("ui.org.report_choose_file"), tr.T("ui.cancel"), content,
		func(ok bool) {
			if ok {
				d.saveReport(org.ID, org.Name, lang.Value())
			}
		}, u.win)
	ask.Resize(fyne.NewSize(520, 220))
	ask.Show()
}

func (d *orgDetail) saveReport(orgID, name, lang string) {
	u, tr := d.u, d.u.tr
	u.saveAs(reportFileName(name, u.today8601()), func(path string) (string, string, error) {
		pages, err := u.opt.ClientReport(u.ctx(), orgID, lang, path)
		return tr.T("ui.org.report_done_title"), tr.N("ui.org.report_done", pages, "N", pages, "Path", path), err
	})
}

// reportFileName is a file name a person recognises: the organisation and
// the date, without characters file systems refuse.
func reportFileName(org, date string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, org)
	return strings.TrimSpace(clean) + " " + date + ".pdf"
}
