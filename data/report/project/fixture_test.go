package project_test

import (
	"bytes"
	"context"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

// The period every test drafts: the first half of 2026.
const (
	from = "2026-01-01"
	to   = "2026-06-30"
)

// fixture is a small project: three organisations on both sides, a
// visit, joint actions in and out of the period, findings in four of
// the five steps.
type fixture struct {
	s      *data.Store
	org    map[string]string
	joint  map[string]string
	ctx    context.Context
	extras []project.SectionsFunc
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s, _ := datatest.Open(t)
	fx := &fixture{s: s, org: map[string]string{}, joint: map[string]string{}, ctx: context.Background()}
	for _, o := range []domain.Organisation{
		{Name: "Fjällbryggan AB", Country: domain.CountrySE, Municipality: "2309", Kind: domain.KindSME},
		{Name: "Trådfabrikken AS", Country: domain.CountryNO, Municipality: "5025", Kind: domain.KindSME},
		{Name: "Krokom Kluster", Country: domain.CountrySE, Municipality: "2309", Kind: domain.KindCluster},
	} {
		if err := s.CreateOrganisation(fx.ctx, &o); err != nil {
			t.Fatal(err)
		}
		fx.org[o.Name] = o.ID
	}
	datatest.Visit(t, s, "2026-03-14", "", fx.org["Fjällbryggan AB"], fx.org["Trådfabrikken AS"])
	fx.addJoint(t, domain.JointAction{Kind: domain.JointPilot, Title: "Gränslös turism", Status: domain.JointCompleted,
		Start: "2026-02-01", Date: "2026-05-30", Outcome: "Two packages sold",
		OrgIDs: []string{fx.org["Fjällbryggan AB"], fx.org["Trådfabrikken AS"]}})
	fx.addJoint(t, domain.JointAction{Kind: domain.JointCooperation, Title: "Klustersamverkan", Status: domain.JointOngoing,
		Start: "2026-04-01", OrgIDs: []string{fx.org["Fjällbryggan AB"], fx.org["Krokom Kluster"]}})
	fx.addJoint(t, domain.JointAction{Kind: domain.JointPlan, Title: "Planned plan", Status: domain.JointPlanned,
		OrgIDs: []string{fx.org["Fjällbryggan AB"], fx.org["Trådfabrikken AS"]}})
	fx.addJoint(t, domain.JointAction{Kind: domain.JointPilot, Title: "Last year's pilot", Status: domain.JointCompleted,
		Start: "2025-09-01", Date: "2025-12-01", OrgIDs: []string{fx.org["Fjällbryggan AB"], fx.org["Trådfabrikken AS"]}})
	for _, f := range []domain.Finding{
		{Step: domain.StepPilot, Date: "2026-05-02", Text: "Second pilot finding", JointIDs: []string{fx.joint["Gränslös turism"]}},
		{Step: domain.StepBenchmarking, Kind: domain.FindingBenchmark, Date: "2026-01-20", Text: "Studied a Danish model",
			Source: "Visit to Aalborg"},
		{Step: domain.StepPilot, Date: "2026-03-02", Text: "First pilot finding", OrgIDs: []string{fx.org["Trådfabrikken AS"]}},
		{Step: domain.StepNextPhase, Kind: domain.FindingMethod, Date: "2026-06-30", Text: "Plan the implementation project"},
		{Step: domain.StepCapacity, Kind: domain.FindingExperience, Date: "2026-02-10", Text: "Short meetings on site work best"},
		{Step: domain.StepCapacity, Date: "2025-12-31", Text: "Found before the period"},
	} {
		if err := s.CreateFinding(fx.ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	return fx
}

func (fx *fixture) addJoint(t *testing.T, j domain.JointAction) {
	t.Helper()
	if err := fx.s.CreateJointAction(fx.ctx, &j); err != nil {
		t.Fatal(err)
	}
	fx.joint[j.Title] = j.ID
}

// draft builds the first half's draft in lang.
func (fx *fixture) draft(t testing.TB, lang string) project.Document {
	t.Helper()
	in, err := project.Gather(fx.ctx, fx.s, indicators.Filter{From: from, To: to})
	if err != nil {
		t.Fatal(err)
	}
	in.Extra = fx.extras
	return project.Build(in, translations.New(lang))
}

// render writes doc in format f.
func render(t testing.TB, doc project.Document, f project.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := project.Write(&buf, doc, f); err != nil {
		t.Fatalf("write %s: %v", f, err)
	}
	return buf.Bytes()
}
