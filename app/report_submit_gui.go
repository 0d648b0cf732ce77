package app

import (
	"context"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/ui"
)

// funderReports also submits a period's report and compares later ones
// with it, for the Reports screen.
var _ ui.SubmittedReports = funderReports{}

func (f funderReports) Submit(ctx context.Context, from, to, projectStart, note string) (*domain.Submission, error) {
	p, _ := f.st.Profile()
	if projectStart == "" {
		projectStart = prefs.New(f.st).ProjectStart()
	}
	sub, _, err := indicators.Submit(ctx, f.st, from, to, projectStart, p.Advisor, p.Organisation, note)
	return sub, err
}

func (f funderReports) Submissions(ctx context.Context) ([]domain.Submission, error) {
	return f.st.Submissions(ctx, "", "")
}

func (f funderReports) CompareSubmitted(ctx context.Context, r *indicators.Report) (*indicators.Submitted, error) {
	return indicators.CompareSubmitted(ctx, f.st, r)
}
