package ui

// Saving an assessment: reading the form, asking before Done leaves
// dimensions unrated, and storing it off the UI goroutine.

import (
	"errors"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// collect reads the form into the assessment to store. Only dimensions
// with something in them (or stored before) are written.
func (f *assessForm) collect(status domain.AssessmentStatus) (domain.Assessment, []error) {
	a := f.orig
	a.Status = status
	a.Answers = nil
	var problems []error
	if f.model == nil {
		problems = append(problems, &domain.ValidationError{Field: "model", Code: "required"})
		return a, problems
	}
	a.ModelID, a.ModelVersion = f.model.ID, f.model.Version
	a.Date = ""
	if iso, ok := f.u.isoDate(f.date.Text); ok {
		a.Date = iso
	} else {
		problems = append(problems, dateProblem("date", f.date.Text))
	}
	for _, r := range f.answers {
		ans := r.orig
		ans.Dimension = r.dim.ID
		ans.Comment = r.comment.Text
		switch f.model.Kind {
		case models.KindScale:
			ans.Level = r.level
			ans.Target = nil
			if v := r.target.Value(); v != "" {
				n, _ := strconv.Atoi(v)
				ans.Target = &n
			}
			ans.TargetDue = ""
			if iso, ok := f.u.isoDate(r.due.Text); ok {
				ans.TargetDue = iso
			} else {
				problems = append(problems, dateProblem("answers."+r.dim.ID, r.due.Text))
			}
		case models.KindCanvas:
			ans.Text = r.text.Text
		case models.KindChecklist:
			ans.Applies = r.applies.Checked
		}
		empty := ans.Level == nil && ans.Target == nil && ans.TargetDue == "" && ans.Text == "" &&
			!ans.Applies && strings.TrimSpace(ans.Comment) == ""
		if !empty || r.orig.ID != "" {
			a.Answers = append(a.Answers, ans)
		}
	}
	return a, problems
}

// save is Ctrl+S: save as a draft.
func (f *assessForm) save() { f.saveAs(domain.AssessmentDraft) }

// saveAs stores the assessment with status. Done with dimensions left
// unrated asks first: a half-rated assessment is easily finished by a slip.
// On a problem the form stays open with everything typed, and the problem
// shows beside its section.
func (f *assessForm) saveAs(status domain.AssessmentStatus) {
	if !f.canSave() {
		return
	}
	if n := f.unrated(); status == domain.AssessmentDone && n > 0 {
		f.askUnrated(n)
		return
	}
	f.store(status)
}

// unrated counts the dimensions of a scale model without a level.
func (f *assessForm) unrated() int {
	n := 0
	for _, r := range f.answers {
		if r.levels != nil && r.level == nil {
			n++
		}
	}
	return n
}

// unratedQuestion is the question asked when Done leaves dimensions
// unrated; Esc closes it and the form stays as it is.
type unratedQuestion struct{ dlg *dialog.CustomDialog }

func (q *unratedQuestion) close() { q.dlg.Hide() }

// askUnrated asks whether to keep the assessment as a draft or complete it
// with n dimensions unrated.
func (f *assessForm) askUnrated(n int) {
	tr := f.u.tr
	msg := widget.NewLabel(tr.N("ui.assess.unrated.message", n, "N", n))
	msg.Wrapping = fyne.TextWrapWord
	q := &unratedQuestion{dlg: dialog.NewCustomWithoutButtons(tr.N("ui.assess.unrated.title", n, "N", n), msg, f.u.win)}
	back := widget.NewButtonWithIcon(tr.T("ui.assess.unrated.back"), theme.NavigateBackIcon(), q.close)
	draft := widget.NewButtonWithIcon(tr.T("ui.assess.save_draft"), theme.DocumentSaveIcon(), func() {
		q.close()
		f.store(domain.AssessmentDraft)
	})
	draft.Importance = widget.HighImportance
	done := widget.NewButtonWithIcon(tr.T("ui.assess.unrated.complete"), theme.ConfirmIcon(), func() {
		q.close()
		f.store(domain.AssessmentDone)
	})
	q.dlg.SetButtons([]fyne.CanvasObject{back, done, draft})
	q.dlg.SetOnClosed(func() { f.u.popDialog(q) })
	q.dlg.Resize(fyne.NewSize(520, 1))
	f.u.pushDialog(q)
	q.dlg.Show()
}

// store saves the assessment with status, off the UI goroutine.
func (f *assessForm) store(status domain.AssessmentStatus) {
	if !f.canSave() {
		return
	}
	a, problems := f.collect(status)
	m := f.model
	f.runSave(func() error {
		if len(problems) > 0 {
			return errors.Join(problems...)
		}
		return f.u.storeForAssessments().SaveAssessment(f.u.ctx(), &a, m)
	}, f.onSaved)
}
