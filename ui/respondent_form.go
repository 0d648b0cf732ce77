package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/translations"
)

// questionnaire is one blank copy of a form for one respondent, in the
// respondent's language: a widget per question and the optional equality
// questions. A new respondent gets a new questionnaire, never a cleared
// one, so nothing of the previous answers survives in any widget.
type questionnaire struct {
	form    *evaluation.Form
	tr      *translations.Localizer
	answers map[string]func() (any, bool) // question id → its current answer
	gender  *widget.RadioGroup
	age     *widget.RadioGroup
	country *widget.RadioGroup
	genders []domain.Gender
	ages    []domain.AgeBand
	problem *widget.Label
	view    fyne.CanvasObject
}

func newQuestionnaire(form *evaluation.Form, tr *translations.Localizer) *questionnaire {
	q := &questionnaire{form: form, tr: tr, answers: map[string]func() (any, bool){}}
	lang := tr.Lang()
	var parts []fyne.CanvasObject
	if d := form.Description.In(lang); d != "" {
		l := widget.NewLabel(d)
		l.Wrapping = fyne.TextWrapWord
		parts = append(parts, l)
	}
	for i := range form.Questions {
		fq := &form.Questions[i]
		text := fq.Text.In(lang)
		if fq.Required {
			text += " *"
		}
		title := widget.NewLabel(text)
		title.TextStyle = fyne.TextStyle{Bold: true}
		title.Wrapping = fyne.TextWrapWord
		parts = append(parts, widget.NewSeparator(), title, q.input(fq))
	}
	parts = append(parts, widget.NewSeparator(), heading(tr.T("ui.respondent.about_you")))
	about := widget.NewLabel(tr.T("ui.respondent.about_you_hint"))
	about.Wrapping = fyne.TextWrapWord
	about.Importance = widget.LowImportance
	parts = append(parts, about)
	var labels []string
	for _, g := range domain.Genders[1:] {
		q.genders = append(q.genders, g)
		labels = append(labels, tr.Gender(g))
	}
	q.gender = widget.NewRadioGroup(labels, nil)
	q.gender.Horizontal = true
	labels = nil
	for _, a := range domain.AgeBands[1:] {
		q.ages = append(q.ages, a)
		labels = append(labels, tr.T(ageBandKeys[a]))
	}
	q.age = widget.NewRadioGroup(labels, nil)
	q.age.Horizontal = true
	q.country = widget.NewRadioGroup([]string{tr.Country(domain.CountrySE), tr.Country(domain.CountryNO)}, nil)
	q.country.Horizontal = true
	parts = append(parts,
		widget.NewLabel(tr.T("field.gender")), q.gender,
		widget.NewLabel(tr.T("field.age_band")), q.age,
		widget.NewLabel(tr.T("field.country")), q.country)
	q.problem = widget.NewLabel("")
	q.problem.Importance = widget.DangerImportance
	q.problem.Wrapping = fyne.TextWrapWord
	q.problem.Hide()
	parts = append(parts, q.problem)
	q.view = container.NewVBox(parts...)
	return q
}

// ageBandKeys are the message keys of the age bands.
var ageBandKeys = map[domain.AgeBand]string{
	"under-30": "ui.respondent.age.under-30", "30-49": "ui.respondent.age.30-49",
	"50-64": "ui.respondent.age.50-64", "65-plus": "ui.respondent.age.65-plus",
}

// input builds the widget of one question and registers how to read it.
func (q *questionnaire) input(fq *evaluation.Question) fyne.CanvasObject {
	lang := q.tr.Lang()
	switch fq.Kind {
	case evaluation.KindLikert, evaluation.KindScale:
		lo, hi := fq.Range()
		var opts []string
		for v := lo; v <= hi; v++ {
			opts = append(opts, strconv.FormatInt(v, 10))
		}
		r := widget.NewRadioGroup(opts, nil)
		r.Horizontal = true
		q.answers[fq.ID] = func() (any, bool) {
			n, err := strconv.ParseInt(r.Selected, 10, 64)
			return n, err == nil
		}
		low, high := widget.NewLabel(opts[0]+" = "+fq.Low.In(lang)), widget.NewLabel(opts[len(opts)-1]+" = "+fq.High.In(lang))
		low.Importance, high.Importance = widget.LowImportance, widget.LowImportance
		return container.NewVBox(r, container.NewHBox(low, high))
	case evaluation.KindSingle:
		labels, ids := choiceLabels(fq, lang)
		r := widget.NewRadioGroup(labels, nil)
		q.answers[fq.ID] = func() (any, bool) {
			i := slices.Index(labels, r.Selected)
			if i < 0 {
				return nil, false
			}
			return ids[i], true
		}
		return r
	case evaluation.KindMultiple:
		labels, ids := choiceLabels(fq, lang)
		c := widget.NewCheckGroup(labels, nil)
		q.answers[fq.ID] = func() (any, bool) {
			var out []string
			for i, l := range labels {
				if slices.Contains(c.Selected, l) {
					out = append(out, ids[i])
				}
			}
			return out, len(out) > 0
		}
		return c
	default:
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		q.answers[fq.ID] = func() (any, bool) { return e.Text, e.Text != "" }
		return e
	}
}

func choiceLabels(fq *evaluation.Question, lang string) (labels, ids []string) {
	for _, c := range fq.Choices {
		labels = append(labels, c.Text.In(lang))
		ids = append(ids, c.ID)
	}
	return labels, ids
}

// response is what the respondent gave, checked against the form; the
// problem is shown in the respondent's language.
func (q *questionnaire) response() (domain.Response, bool) {
	values := map[string]any{}
	for id, read := range q.answers {
		if v, ok := read(); ok {
			values[id] = v
		}
	}
	values = q.form.Normalise(values)
	if err := q.form.Check(values); err != nil {
		if ae, ok := err.(*evaluation.AnswerError); ok && ae.Code == "required" {
			if fq, ok := q.form.Question(ae.Question); ok {
				q.showProblem(q.tr.T("ui.respondent.required", "Question", fq.Text.In(q.tr.Lang())))
				return domain.Response{}, false
			}
		}
		q.showProblem(q.tr.Error(err))
		return domain.Response{}, false
	}
	r := domain.Response{Answers: evaluation.Answers{Values: values}}
	if i := slices.Index(q.gender.Options, q.gender.Selected); i >= 0 {
		r.Gender = q.genders[i]
	}
	if i := slices.Index(q.age.Options, q.age.Selected); i >= 0 {
		r.AgeBand = q.ages[i]
	}
	switch slices.Index(q.country.Options, q.country.Selected) {
	case 0:
		r.Country = domain.CountrySE
	case 1:
		r.Country = domain.CountryNO
	}
	q.problem.Hide()
	return r, true
}

func (q *questionnaire) showProblem(s string) {
	q.problem.SetText(s)
	q.problem.Show()
}
