package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/chart"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// evaluationStore is what the evaluations need of the store: a response
// stored, the results read.
type evaluationStore interface {
	CreateResponse(ctx context.Context, r *domain.Response, form *evaluation.Form) error
	EvaluationResults(ctx context.Context, lib *evaluation.Library, form *evaluation.Form, q data.ResponseQuery) (evaluation.Results, error)
	EvaluationActivities(ctx context.Context, formID string) ([]data.EvaluationActivity, error)
}

func (u *UI) storeForEvaluations() evaluationStore { return u.store }

// forms is the questionnaire library as loaded now.
func (u *UI) forms() *evaluation.Library {
	if u.opt.Forms != nil {
		if lib := u.opt.Forms(); lib != nil {
			return lib
		}
	}
	return evaluation.Bundled()
}

// evaluationsView shows the results of one questionnaire: how many
// answered, each question's distribution as bars, the means, the free-text
// answers, and for a before/after form the change of each mean. It is a
// section of the Reports screen; view has no scroll of its own.
type evaluationsView struct {
	u    *UI
	view *fyne.Container
	form *widgets.ChoiceSelect
	// activity narrows the results to one visit or joint action ("" all);
	// inPeriod to the Reports screen's period, which period reads.
	activity *widgets.ChoiceSelect
	inPeriod *widget.Check
	period   func() (from, to string, ok bool)
	actGen   atomic.Int64
	status   *widget.Label
	results  *fyne.Container
	gen      atomic.Int64
	ready    bool // built: a form chosen now is the user asking
}

func newEvaluationsView(u *UI) *evaluationsView {
	tr := u.tr
	v := &evaluationsView{u: u}
	var choices []widgets.Choice
	for _, f := range u.forms().All() {
		choices = append(choices, widgets.Choice{Value: f.ID, Label: f.Title.In(tr.Lang())})
	}
	v.form = widgets.NewChoiceSelect(choices, func(string) {
		if v.ready {
			v.loadActivities()
			v.refresh()
		}
	})
	v.activity = widgets.NewChoiceSelect([]widgets.Choice{{Value: "", Label: tr.T("ui.evaluation.all_activities")}}, func(string) {
		if v.ready {
			v.refresh()
		}
	})
	v.activity.SetSelectedIndex(0)
	v.inPeriod = widget.NewCheck(tr.T("ui.evaluation.in_period"), func(bool) {
		if v.ready {
			v.refresh()
		}
	})
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.results = container.NewVBox()
	note := widget.NewLabel(tr.T("ui.evaluation.small_groups", "Min", evaluation.MinGroup))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	v.view = container.NewVBox(heading(tr.T("ui.evaluation.results_title")),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.evaluation.form")), nil, v.form.Select),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.evaluation.activity")), v.inPeriod, v.activity.Select),
		v.status, v.results, note)
	if len(choices) > 0 {
		v.form.SetValue(choices[0].Value)
		if f, ok := u.forms().Latest("capacity-self-assessment"); ok {
			v.form.SetValue(f.ID) // the project's result 1, measured before and after
		}
	}
	v.ready = true
	return v
}

// jump is the button that brings the evaluations into sight in the screen
// that holds them: scrollTo gets the view's offset in its parent.
func (v *evaluationsView) jump(scrollTo func(y float32)) *widget.Button {
	b := widget.NewButtonWithIcon(v.u.tr.T("ui.evaluation.results_title"), theme.ListIcon(), func() {
		scrollTo(v.view.Position().Y)
	})
	return b
}

// refresh reads the chosen form's results off the UI goroutine.
func (v *evaluationsView) refresh() {
	u := v.u
	form, ok := u.forms().Latest(v.form.Value())
	if !ok {
		return
	}
	lib := u.forms()
	q := data.ResponseQuery{}
	if id, ok := strings.CutPrefix(v.activity.Value(), "v:"); ok {
		q.VisitID = id
	} else if id, ok := strings.CutPrefix(v.activity.Value(), "j:"); ok {
		q.JointID = id
	}
	if v.inPeriod.Checked && v.period != nil {
		if from, to, ok := v.period(); ok {
			q.From, q.To = from, to
		}
	}
	newest(u, &v.gen, func() (evaluation.Results, error) {
		return u.storeForEvaluations().EvaluationResults(u.ctx(), lib, form, q)
	}, func(res evaluation.Results) { v.show(form, res) })
}

// loadActivities offers the visits and joint actions where the chosen
// questionnaire was answered, off the UI goroutine; a choice that is no
// longer there falls back to all.
func (v *evaluationsView) loadActivities() {
	u, tr := v.u, v.u.tr
	formID := v.form.Value()
	newest(u, &v.actGen, func() ([]data.EvaluationActivity, error) {
		return u.storeForEvaluations().EvaluationActivities(u.ctx(), formID)
	}, func(as []data.EvaluationActivity) {
		choices := []widgets.Choice{{Value: "", Label: tr.T("ui.evaluation.all_activities")}}
		for _, a := range as {
			value := "v:" + a.VisitID
			label := tr.DateString(a.Date) + " · " + a.Label
			if a.JointID != "" {
				value, label = "j:"+a.JointID, a.Label
			}
			choices = append(choices, widgets.Choice{Value: value,
				Label: label + " (" + tr.N("ui.evaluation.respondents", a.Responses) + ")"})
		}
		was := v.activity.Value()
		v.ready = false
		v.activity.SetChoices(choices)
		v.activity.SetValue(was)
		if v.activity.Value() != was {
			v.activity.SetSelectedIndex(0)
		}
		v.ready = true
		if v.activity.Value() != was {
			v.refresh()
		}
	})
}

func (v *evaluationsView) show(form *evaluation.Form, res evaluation.Results) {
	tr := v.u.tr
	lang := tr.Lang()
	v.status.SetText(tr.N("ui.evaluation.respondents", res.Respondents))
	var parts []fyne.CanvasObject
	if ba := res.BeforeAfter; ba != nil && res.Respondents > 0 {
		parts = append(parts, v.beforeAfter(form, ba)...)
		parts = append(parts, heading(tr.T("ui.evaluation.all_answers")))
	}
	questions := container.NewGridWithColumns(2)
	for i, q := range res.Questions {
		var block []fyne.CanvasObject
		fq := form.Questions[i]
		title := widget.NewLabel(fq.Text.In(lang))
		title.TextStyle = fyne.TextStyle{Bold: true}
		title.Wrapping = fyne.TextWrapWord
		line := tr.N("ui.evaluation.answered", q.Count)
		if q.Mean != nil {
			line += " · " + tr.T("ui.evaluation.mean", "Mean", decimal(tr, *q.Mean))
		}
		if fq.Numeric() {
			line += " · " + tr.T("ui.evaluation.ends", "Low", fq.Low.In(lang), "High", fq.High.In(lang))
		}
		info := widget.NewLabel(line)
		info.Wrapping = fyne.TextWrapWord
		info.Importance = widget.LowImportance
		block = append(block, widget.NewSeparator(), title, info)
		if len(q.Distribution) > 0 {
			bars := chart.NewBars()
			bars.SetValueFormat(func(f float64) string { return tr.Number(int(f)) })
			bars.SetEmptyText(tr.T("ui.evaluation.no_answers"))
			var data []chart.Bar
			for _, b := range q.Distribution {
				label := b.Value
				if c, ok := fq.Choice(b.Value); ok {
					label = c.Text.In(lang)
				}
				data = append(data, chart.Bar{Label: label, Value: float64(b.Count)})
			}
			bars.SetData(data)
			block = append(block, sized(bars, 130))
		}
		for _, t := range q.Texts {
			l := widget.NewLabel("– " + t)
			l.Wrapping = fyne.TextWrapWord
			block = append(block, l)
		}
		questions.Add(container.NewVBox(block...))
	}
	v.results.Objects = append(parts, questions)
	v.results.Refresh()
}

// beforeAfter is the comparison of a before/after form: per numeric
// question, the mean before and after as two bars and the change in words.
func (v *evaluationsView) beforeAfter(form *evaluation.Form, ba *evaluation.BeforeAfter) []fyne.CanvasObject {
	tr := v.u.tr
	lang := tr.Lang()
	out := []fyne.CanvasObject{heading(tr.T("ui.evaluation.before_after")),
		widget.NewLabel(tr.T("ui.evaluation.before_after_counts", "Before", ba.Before.Respondents, "After", ba.After.Respondents))}
	before, after := tr.T("ui.evaluation.before"), tr.T("ui.evaluation.after")
	grid := container.NewGridWithColumns(2)
	for i, q := range ba.Before.Questions {
		a := ba.After.Questions[i]
		if q.Mean == nil && a.Mean == nil {
			continue
		}
		fq := form.Questions[i]
		change := tr.T("ui.evaluation.no_change_yet")
		if d, ok := ba.Change[q.ID]; ok {
			change = tr.T("ui.evaluation.change", "Before", decimal(tr, *q.Mean), "After", decimal(tr, *a.Mean), "Change", signedDecimal(tr, d))
		}
		bars := chart.NewBars()
		bars.SetValueFormat(func(f float64) string { return decimal(tr, f) })
		bars.SetData([]chart.Bar{{Label: before, Value: mean(q.Mean)}, {Label: after, Value: mean(a.Mean)}})
		title := widget.NewLabel(fq.Text.In(lang))
		title.Wrapping = fyne.TextWrapWord
		title.TextStyle = fyne.TextStyle{Bold: true}
		grid.Add(container.NewBorder(container.NewVBox(title, widget.NewLabel(change)), nil, nil, nil, sized(bars, 140)))
	}
	return append(out, grid)
}

func mean(m *float64) float64 {
	if m == nil {
		return 0
	}
	return *m
}

// decimal writes a mean with one decimal in the reader's form (4,3 in
// Swedish and Norwegian, 4.3 in English).
func decimal(tr *translations.Localizer, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if tr.Lang() != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func signedDecimal(tr *translations.Localizer, f float64) string {
	s := decimal(tr, f)
	if f >= 0.05 {
		return "+" + s
	}
	if f > -0.05 {
		return fmt.Sprint("±", decimal(tr, 0))
	}
	return strings.Replace(s, "-", "−", 1)
}
