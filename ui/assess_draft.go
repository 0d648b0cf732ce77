package ui

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2/dialog"

	"eu.ilsa.coach/ilsa/data/models"
)

// assessDraft is the assessment form's content as typed (dates too), so a
// restored draft shows exactly what the advisor left.
type assessDraft struct {
	Model   string                 `json:"model"`
	Version int                    `json:"version"`
	Date    string                 `json:"date"`
	Answers map[string]answerDraft `json:"answers"`
}

type answerDraft struct {
	Level   int    `json:"level,omitempty"` // 0: none picked
	Target  string `json:"target,omitempty"`
	Due     string `json:"due,omitempty"`
	Comment string `json:"comment,omitempty"`
	Text    string `json:"text,omitempty"`
	Applies bool   `json:"applies,omitempty"`
}

func draftText(d assessDraft) string {
	b, _ := json.Marshal(d)
	return string(b)
}

// snapshot reads the form as typed.
func (f *assessForm) snapshot() assessDraft {
	d := assessDraft{Date: f.date.Text, Answers: map[string]answerDraft{}}
	if f.model != nil {
		d.Model, d.Version = f.model.ID, f.model.Version
	}
	for _, r := range f.answers {
		a := answerDraft{Comment: r.comment.Text}
		if r.level != nil {
			a.Level = *r.level
		}
		if r.target != nil {
			a.Target = r.target.Value()
		}
		if r.due != nil {
			a.Due = r.due.Text
		}
		if r.text != nil {
			a.Text = r.text.Text
		}
		if r.applies != nil {
			a.Applies = r.applies.Checked
		}
		if a != (answerDraft{}) {
			d.Answers[r.dim.ID] = a
		}
	}
	return d
}

// fill puts a draft back into the form.
func (f *assessForm) fill(d assessDraft) {
	f.filling = true
	defer func() { f.filling = false }()
	if d.Model != "" && (f.model == nil || f.model.ID != d.Model || f.model.Version != d.Version) {
		var m *models.Model
		for _, c := range f.models {
			if c.ID == d.Model && c.Version == d.Version {
				m = c
			}
		}
		if m == nil {
			return // the model is gone: nothing of the draft fits
		}
		f.setModel(m)
	}
	f.date.SetText(d.Date)
	for _, r := range f.answers {
		a := d.Answers[r.dim.ID]
		r.comment.SetText(a.Comment)
		if r.checks != nil {
			if a.Level > 0 {
				r.pick(a.Level)
			} else {
				r.level = nil
				for _, c := range r.checks {
					c.SetChecked(false)
				}
			}
		}
		if r.target != nil {
			r.target.SetValue(a.Target)
		}
		if r.due != nil {
			r.due.SetText(a.Due)
		}
		if r.text != nil {
			r.text.SetText(a.Text)
		}
		if r.applies != nil {
			r.applies.SetChecked(a.Applies)
		}
	}
	f.relayout()
}

// changed keeps the draft after every edit by the user.
func (f *assessForm) changed() {
	if f.filling || f.closed || f.draft == nil || f.date == nil {
		return
	}
	f.draft.changed()
}

// assessDraftQuestion lets Esc answer "not now": the question and the form
// close, and the draft stays for next time.
type assessDraftQuestion struct {
	f       *assessForm
	escaped bool
}

func (q *assessDraftQuestion) close() {
	q.escaped = true
	q.f.ask.Hide()
	q.f.close()
}

// offerDraft asks whether to bring back what was left unsaved at saved.
func (f *assessForm) offerDraft(d assessDraft, saved time.Time) {
	tr := f.u.tr
	when := tr.Date(saved.Local()) + " " + saved.Local().Format("15:04")
	f.draftPending = true
	q := &assessDraftQuestion{f: f}
	f.ask = dialog.NewConfirm(tr.T("ui.assess.draft.title"), tr.T("ui.assess.draft.message", "Time", when), func(restore bool) {
		f.u.popDialog(q)
		f.ask = nil
		if q.escaped {
			return
		}
		f.draftPending = false
		if restore {
			f.fill(d)
			f.draft.changed() // it is still unsaved
		} else {
			f.draft.discard()
			// A discarded keeper writes nothing more: start a fresh one.
			f.draft = f.u.newDraft(f.key, func() any { return f.snapshot() })
		}
	}, f.u.win)
	f.ask.SetConfirmText(tr.T("ui.visit.draft.restore"))
	f.ask.SetDismissText(tr.T("ui.visit.discard"))
	f.u.pushDialog(q)
	f.ask.Show()
}
