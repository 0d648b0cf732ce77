package project

import (
	"context"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/translations"
)

// FormResults are one questionnaire's results over a period.
type FormResults struct {
	Form    *evaluation.Form
	Results evaluation.Results
}

// GatherEvaluations sums up the responses dated from..to to every form of
// lib (its newest versions) that has any.
func GatherEvaluations(ctx context.Context, st *data.Store, lib *evaluation.Library, from, to string) ([]FormResults, error) {
	if lib == nil {
		lib = evaluation.Bundled()
	}
	var out []FormResults
	for _, form := range lib.All() {
		r, err := st.EvaluationResults(ctx, lib, form, data.ResponseQuery{From: from, To: to})
		if err != nil {
			return nil, err
		}
		if r.Respondents > 0 {
			out = append(out, FormResults{Form: form, Results: r})
		}
	}
	return out, nil
}

// EvaluationSections is the draft's chapter on the evaluations (the
// project's result 1, capacity measured): per questionnaire its
// respondents and each question's mean, and for a before/after form the
// two groups' means and the change — the same figures as `ilsa evaluation
// results`. Free texts stay out: the lead quotes what fits.
func EvaluationSections(results []FormResults) SectionsFunc {
	return func(tr *translations.Localizer) []Section {
		lang := tr.Lang()
		chapter := Section{Level: 1, Heading: tr.T("project.evaluations.heading"),
			Blocks: []Block{PromptFor(tr.T("project.evaluations.prompt"))}}
		if len(results) == 0 {
			chapter.Blocks = append(chapter.Blocks, NoteOf(tr.T("project.evaluations.none")))
			return []Section{chapter}
		}
		out := []Section{chapter}
		for _, fr := range results {
			r := fr.Results
			s := Section{Level: 2, Heading: fr.Form.Title.In(lang) + " — " +
				tr.N("project.evaluations.respondents", r.Respondents, "N", tr.Number(r.Respondents))}
			texts := map[string]string{}
			for _, q := range fr.Form.Questions {
				texts[q.ID] = q.Text.In(lang)
			}
			if ba := r.BeforeAfter; ba != nil {
				s.Blocks = append(s.Blocks, NoteOf(tr.T("project.evaluations.before_after",
					"Before", tr.Number(ba.Before.Respondents), "After", tr.Number(ba.After.Respondents))))
				before, after := means(ba.Before), means(ba.After)
				t := Table{Header: []string{tr.T("project.evaluations.question"), tr.T("project.evaluations.before"),
					tr.T("project.evaluations.after"), tr.T("project.evaluations.change")},
					Numeric: []bool{false, true, true, true}, Widths: []float64{55, 15, 15, 15}}
				for _, q := range r.Questions {
					b, okB := before[q.ID]
					a, okA := after[q.ID]
					if !okB && !okA {
						continue
					}
					change := ""
					if c, ok := ba.Change[q.ID]; ok {
						change = signedDecimal(tr, c)
					}
					t.Rows = append(t.Rows, []string{texts[q.ID], meanText(tr, b, okB), meanText(tr, a, okA), change})
				}
				s.Blocks = append(s.Blocks, TableOf(t))
			} else {
				t := Table{Header: []string{tr.T("project.evaluations.question"), tr.T("project.evaluations.answers"),
					tr.T("project.evaluations.mean")}, Numeric: []bool{false, true, true}, Widths: []float64{65, 15, 20}}
				for _, q := range r.Questions {
					if q.Kind == evaluation.KindText {
						continue
					}
					mean, ok := 0.0, q.Mean != nil
					if ok {
						mean = *q.Mean
					}
					t.Rows = append(t.Rows, []string{texts[q.ID], tr.Number(q.Count), meanText(tr, mean, ok)})
				}
				s.Blocks = append(s.Blocks, TableOf(t))
			}
			out = append(out, s)
		}
		return out
	}
}

// means are the numeric questions' means of a group, by question id.
func means(r evaluation.Results) map[string]float64 {
	out := map[string]float64{}
	for _, q := range r.Questions {
		if q.Mean != nil {
			out[q.ID] = *q.Mean
		}
	}
	return out
}

// meanText is a mean with one decimal in the reader's form, or "—".
func meanText(tr *translations.Localizer, f float64, ok bool) string {
	if !ok {
		return "—"
	}
	return oneDecimal(tr, f)
}

func oneDecimal(tr *translations.Localizer, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if tr.Lang() != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// signedDecimal is a change with its sign: "+1,9", "−0,4", "±0,0".
func signedDecimal(tr *translations.Localizer, f float64) string {
	switch {
	case f >= 0.05:
		return "+" + oneDecimal(tr, f)
	case f <= -0.05:
		return "−" + oneDecimal(tr, -f)
	}
	return "±" + oneDecimal(tr, 0)
}
