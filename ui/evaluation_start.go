package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// RunEvaluation asks the advisor which questionnaire to run for a visit or
// a joint action (one of the ids set, or neither), in which language and,
// for a before/after form, whether before or after; then starts respondent
// mode or opens the form for typing in paper forms.
func (u *UI) RunEvaluation(visitID, jointID string) {
	tr := u.tr
	lib := u.forms()
	var forms []widgets.Choice
	for _, f := range lib.All() {
		forms = append(forms, widgets.Choice{Value: f.ID, Label: f.Title.In(tr.Lang())})
	}
	langs := []widgets.Choice{{Value: "sv", Label: "Svenska"}, {Value: "nb", Label: "Norsk bokmål"}, {Value: "en", Label: "English"}}
	lang := widgets.NewChoiceSelect(langs, nil)
	lang.SetValue(tr.Lang())
	timing := widgets.NewChoiceSelect([]widgets.Choice{
		{Value: string(domain.TimingBefore), Label: tr.T("ui.evaluation.timing_before")},
		{Value: string(domain.TimingAfter), Label: tr.T("ui.evaluation.timing_after")}}, nil)
	timing.SetValue(string(domain.TimingBefore))
	timingRow := container.NewBorder(nil, nil, widget.NewLabel(tr.T("field.timing")), nil, timing.Select)
	form := widgets.NewChoiceSelect(forms, func(id string) {
		if f, ok := lib.Latest(id); ok && f.BeforeAfter {
			timingRow.Show()
		} else {
			timingRow.Hide()
		}
	})
	if len(forms) > 0 {
		form.SetValue(forms[len(forms)-1].Value)
	}
	hint := widget.NewLabel(tr.T("ui.evaluation.start_hint"))
	hint.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	session := func() (evaluationSession, bool) {
		f, ok := lib.Latest(form.Value())
		s := evaluationSession{form: f, lang: lang.Value(), visitID: visitID, jointID: jointID}
		if ok && f.BeforeAfter {
			s.timing = domain.Timing(timing.Value())
		}
		return s, ok
	}
	respondents := widget.NewButtonWithIcon(tr.T("ui.evaluation.respondent_mode"), theme.ViewFullScreenIcon(), func() {
		if s, ok := session(); ok {
			d.Hide()
			u.startRespondentMode(s, func(given int) {
				dialog.ShowInformation(tr.T("ui.respondent.left_title"), tr.N("ui.respondent.left", given), u.win)
			})
		}
	})
	respondents.Importance = widget.HighImportance
	paper := widget.NewButtonWithIcon(tr.T("ui.evaluation.paper"), theme.DocumentCreateIcon(), func() {
		if s, ok := session(); ok {
			d.Hide()
			u.typeInPaperForms(s)
		}
	})
	cancel := widget.NewButtonWithIcon(tr.T("ui.visit.cancel"), theme.CancelIcon(), func() { d.Hide() })
	content := container.NewVBox(hint,
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.evaluation.form")), nil, form.Select),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.evaluation.language")), nil, lang.Select),
		timingRow)
	d = dialog.NewCustomWithoutButtons(tr.T("ui.evaluation.run_title"), content, u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, paper, respondents})
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// typeInPaperForms opens the questionnaire in a dialog, not full screen,
// for the advisor to type in paper forms one after another: each save
// stores one response and shows a blank copy for the next.
func (u *UI) typeInPaperForms(s evaluationSession) {
	tr := translations.New(s.lang)
	count := widget.NewLabel("")
	body := container.NewStack()
	var q *questionnaire
	var save *widget.Button
	given := 0
	var d *dialog.CustomDialog
	blank := func() {
		q = newQuestionnaire(s.form, tr)
		body.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(q.view))}
		body.Refresh()
		count.SetText(u.tr.N("ui.evaluation.typed_in", given))
	}
	save = widget.NewButtonWithIcon(u.tr.T("ui.evaluation.save_paper"), theme.DocumentSaveIcon(), func() {
		r, ok := q.response()
		if !ok {
			return
		}
		r.VisitID, r.JointID, r.Timing = s.visitID, s.jointID, s.timing
		r.Date = u.opt.Now().Format(domain.DateLayout)
		save.Disable()
		u.background(func() func() {
			err := u.storeForEvaluations().CreateResponse(u.ctx(), &r, s.form)
			return func() {
				save.Enable()
				if err != nil {
					q.showProblem(tr.Error(err))
					return
				}
				given++
				blank()
				u.dataChanged()
			}
		})
	})
	save.Importance = widget.HighImportance
	done := widget.NewButtonWithIcon(u.tr.T("ui.evaluation.done"), theme.ConfirmIcon(), func() { d.Hide() })
	blank()
	d = dialog.NewCustomWithoutButtons(s.form.Title.In(s.lang), container.NewBorder(count, nil, nil, nil, body), u.win)
	d.SetButtons([]fyne.CanvasObject{done, save})
	d.Resize(fyne.NewSize(760, 620))
	d.Show()
}
