package ui

import (
	"context"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

// The results per activity and over time: choosing one workshop shows its
// respondents only, and "only the report's period" leaves out the answers
// of other periods.
func TestEvaluationResultsPerActivityAndPeriod(t *testing.T) {
	u, st := newTestUI(t, "sv")
	ctx := context.Background()
	form, _ := evaluation.Bundled().Latest("workshop-evaluation")
	o := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	spring := datatest.Visit(t, st, "2026-03-10", "Workshop i Krokom", o.ID)
	autumn := datatest.Visit(t, st, "2026-09-15", "Workshop i Krokom igen", o.ID)
	add := func(v domain.Visit, n int) {
		for range n {
			r := domain.Response{Date: v.Date, VisitID: v.ID, Answers: evaluation.Answers{Values: map[string]any{"overall": int64(4)}}}
			if err := st.CreateResponse(ctx, &r, form); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(spring, 2)
	add(autumn, 3)
	u.Show(tabReports)
	u.evaluations.form.SetValue(form.ID)
	u.WaitIdle()
	view := u.evaluations.view
	if !shows(view, "5 svarande") {
		t.Fatalf("all activities: %q", visibleTexts(view))
	}
	var springChoice string
	for _, o := range u.evaluations.activity.Select.Options {
		if o == "2026-03-10 · Krokoms Kvarn AB (2 svarande)" {
			springChoice = o
		}
	}
	if springChoice == "" {
		t.Fatalf("the activities offered: %q", u.evaluations.activity.Select.Options)
	}
	u.evaluations.activity.Select.SetSelected(springChoice)
	u.WaitIdle()
	if !shows(view, "2 svarande") {
		t.Errorf("the spring workshop alone: %q", visibleTexts(view))
	}
	u.evaluations.activity.SetSelectedIndex(0)
	u.reports.from.SetText("2026-07-01")
	u.reports.to.SetText("2026-12-31")
	u.evaluations.inPeriod.SetChecked(true)
	u.WaitIdle()
	if !shows(view, "3 svarande") {
		t.Errorf("the second half of 2026 only: %q", visibleTexts(view))
	}
}
