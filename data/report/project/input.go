package project

import (
	"context"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// Input is what a draft is built from; Gather reads it from the store.
type Input struct {
	// Report holds the period's figures and those since the project's
	// start, as indicators.Compute counts them.
	Report *indicators.Report
	// Joints are the live joint actions; the draft lists those that ran in
	// the period and names the others a finding links to.
	Joints []domain.JointAction
	// Orgs are the live organisations the joint actions and findings name.
	Orgs map[string]domain.Organisation
	// Findings are the findings log's entries dated in the period.
	Findings []domain.Finding
	// Extra are sections that other parts of the app build from figures
	// they computed (the innovation system's numbers, the evaluations'
	// before/after results). They follow the joint actions, in the order
	// given; see SectionsFunc.
	Extra []SectionsFunc
}

// SectionsFunc builds sections of the draft in the reader's language from
// figures computed beforehand. A part of the app adds a chapter of its own
// by appending one to Input.Extra, e.g.
//
//	in.Extra = append(in.Extra, func(tr *translations.Localizer) []project.Section {
//		return []project.Section{{Level: 1, Heading: tr.T("…"),
//			Blocks: []project.Block{project.TableOf(t), project.PromptFor(tr.T("…"))}}}
//	})
//
// It must not read the store: Build and the renderers run on what is given.
type SectionsFunc func(tr *translations.Localizer) []Section

// Gather reads what a draft of f's period needs: the indicators (f as
// `report indicators` takes it, ProjectStart included), every live joint
// action, the period's findings and the organisations they name.
func Gather(ctx context.Context, st *data.Store, f indicators.Filter) (Input, error) {
	r, err := indicators.Compute(ctx, st, f)
	if err != nil {
		return Input{}, err
	}
	joints, err := st.JointActions(ctx, data.JointQuery{})
	if err != nil {
		return Input{}, err
	}
	findings, err := st.Findings(ctx, data.FindingQuery{From: f.From, To: f.To})
	if err != nil {
		return Input{}, err
	}
	seen := map[string]bool{}
	var ids []string
	want := func(list []string) {
		for _, id := range list {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for _, j := range joints {
		if ranIn(&j, f.From, f.To) {
			want(j.OrgIDs)
		}
	}
	for _, fd := range findings {
		want(fd.OrgIDs)
	}
	orgs, err := st.OrganisationsByID(ctx, ids)
	if err != nil {
		return Input{}, err
	}
	return Input{Report: r, Joints: joints, Orgs: orgs, Findings: findings}, nil
}

// ranIn reports whether a joint action was ongoing or completed at some
// time between from and to, read as the indicators read it (RCO87): from
// its start (else its completion date, else the day it was recorded) to
// its completion date when completed, open while ongoing; a planned action
// has not run.
func ranIn(j *domain.JointAction, from, to string) bool {
	var begin, end string
	switch j.Status {
	case domain.JointOngoing:
	case domain.JointCompleted:
		end = j.Date
	default:
		return false
	}
	begin = j.Start
	if begin == "" {
		begin = end
	}
	if begin == "" && !j.CreatedAt.IsZero() {
		begin = j.CreatedAt.Local().Format(domain.DateLayout)
	}
	return (to == "" || begin == "" || begin <= to) && (from == "" || end == "" || end >= from)
}
