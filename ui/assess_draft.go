package ui

import (
	"encoding/json"

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

// fillFields puts a draft back into the form.
func (f *assessForm) fillFields(d assessDraft) {
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
		if r.levels != nil {
			if a.Level > 0 {
				r.pick(a.Level)
			} else {
				r.clear()
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
