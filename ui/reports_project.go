package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// ProjectDrafts writes the project's report draft; the Reports port
// (Options.Reports) offers it when it implements this too.
type ProjectDrafts interface {
	// ProjectDraft writes the draft of f's period (and project start) in
	// lang and format to path.
	ProjectDraft(ctx context.Context, f indicators.Filter, lang string, format project.Format, path string) error
}

// newProjectDraftButton is "Project report draft…", hidden when no draft
// can be written.
func (s *reportsScreen) newProjectDraftButton() *widget.Button {
	b := widget.NewButtonWithIcon(s.u.tr.T("ui.reports.project.button"), theme.DocumentIcon(), s.askProjectDraft)
	if _, ok := s.u.opt.Reports.(ProjectDrafts); !ok {
		b.Hide()
	}
	return b
}

// askProjectDraft asks for the draft's language and format, then where to
// save it; the draft covers the screen's period from the project's start,
// for the whole project (the screen's other filters do not apply).
func (s *reportsScreen) askProjectDraft() {
	u, tr := s.u, s.u.tr
	drafts, ok := u.opt.Reports.(ProjectDrafts)
	if !ok {
		return
	}
	sel, err := s.filter()
	if err != nil {
		u.showError(err)
		return
	}
	f := indicators.Filter{From: sel.From, To: sel.To, ProjectStart: sel.ProjectStart}
	var langs []widgets.Choice
	for _, l := range translations.Languages {
		langs = append(langs, widgets.Choice{Value: l, Label: languageNames[l]})
	}
	lang := widgets.NewChoiceSelect(langs, nil)
	lang.SetValue(tr.Lang())
	format := widgets.NewChoiceSelect([]widgets.Choice{
		{Value: string(project.PDF), Label: tr.T("ui.reports.project.pdf")},
		{Value: string(project.DOCX), Label: tr.T("ui.reports.project.docx")},
		{Value: string(project.Markdown), Label: tr.T("ui.reports.project.markdown")}}, nil)
	format.SetValue(string(project.DOCX))
	hint := widget.NewLabel(tr.T("ui.reports.project.hint", "From", tr.DateString(f.From), "To", tr.DateString(f.To)))
	hint.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(tr.T("ui.settings.language")), lang.Select,
		widget.NewLabel(tr.T("ui.reports.project.format")), format.Select)
	ask := dialog.NewCustomConfirm(tr.T("ui.reports.project.title"), tr.T("ui.org.report_choose_file"), tr.T("ui.cancel"),
		container.NewVBox(hint, form), func(ok bool) {
			if ok {
				s.saveProjectDraft(drafts, f, lang.Value(), project.Format(format.Value()))
			}
		}, u.win)
	ask.Resize(fyne.NewSize(560, 280))
	ask.Show()
}

func (s *reportsScreen) saveProjectDraft(drafts ProjectDrafts, f indicators.Filter, lang string, format project.Format) {
	u, tr := s.u, s.u.tr
	name := tr.T("ui.reports.project.file_name", "From", f.From, "To", f.To) + "." + string(format)
	u.saveAs(name, func(path string) (string, string, error) {
		err := drafts.ProjectDraft(u.ctx(), f, lang, format, path)
		return tr.T("ui.reports.project.done_title"), tr.T("ui.reports.project.done", "Path", path), err
	})
}
