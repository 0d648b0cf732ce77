package data_test

import (
	"os"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

func irlModel(t *testing.T) *models.Model {
	t.Helper()
	b, err := os.ReadFile("../assets/models/innovation-readiness.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := models.Parse("innovation-readiness.toml", b)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestAssessmentRoundTripAndValidation(t *testing.T) {
	s, _ := datatest.Open(t)
	m := irlModel(t)
	o := datatest.Org(t, s, "Tydal Teknikk AS", "")
	levels, err := domain.ParseLevels([]string{"customer=3", "technology=5"})
	if err != nil {
		t.Fatal(err)
	}
	a := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-20", Answers: levels}
	if err := s.SaveAssessment(ctx, &a, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Assessment(ctx, a.ID)
	if err != nil || len(got.Answers) != 2 || got.Status != domain.AssessmentDraft || *got.Answers[0].Level != 3 {
		t.Fatalf("stored: %+v %v", got, err)
	}
	// A later edit changes one dimension and adds a target to another.
	target := 6
	got.Answers[1].Target, got.Answers[1].TargetDue = &target, "2027-06-01"
	four := 4
	got.Answers[0].Level = &four
	got.Status = domain.AssessmentDone
	if err := s.SaveAssessment(ctx, &got, m); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Assessments(ctx, o.ID)
	if len(list) != 1 || *list[0].Answers[0].Level != 4 || *list[0].Answers[1].Target != 6 || list[0].Status != domain.AssessmentDone {
		t.Fatalf("after edit: %+v", list)
	}

	before := datatest.Dump(t, s)
	ten := 10
	for _, bad := range []domain.Assessment{
		{OrgID: o.ID, ModelID: m.ID, ModelVersion: 99, Date: "2026-11-20"},
		{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-20", Answers: []domain.Answer{{Dimension: "weather"}}},
		{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-20", Answers: []domain.Answer{{Dimension: "team", Level: &ten}}},
		{OrgID: "nobody", ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-20"},
	} {
		if err := s.SaveAssessment(ctx, &bad, m); err == nil {
			t.Errorf("accepted %+v", bad)
		}
	}
	if datatest.Dump(t, s) != before {
		t.Fatal("a rejected assessment changed the database")
	}
	if _, err := domain.ParseLevels([]string{"customer"}); err == nil {
		t.Fatal("a level without a number was accepted")
	}
}

func TestAnswersOfDifferentDimensionsMergeAcrossDevices(t *testing.T) {
	m := irlModel(t)
	a, _ := datatest.Open(t)
	b, _ := datatest.Open(t)
	o := datatest.Org(t, a, "Røyrvik Reiseliv AS", "")
	levels, _ := domain.ParseLevels([]string{"customer=2"})
	as := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-20", Answers: levels}
	if err := a.SaveAssessment(ctx, &as, m); err != nil {
		t.Fatal(err)
	}
	all, _ := a.Changes(ctx, "", 0, 0)
	if _, err := datatest.ImportChanges(ctx, b, all); err != nil {
		t.Fatal(err)
	}
	onA, _ := a.Assessment(ctx, as.ID)
	onB, _ := b.Assessment(ctx, as.ID)
	three, five := 3, 5
	onA.Answers = append(onA.Answers, domain.Answer{Dimension: "team", Level: &three})
	onB.Answers = append(onB.Answers, domain.Answer{Dimension: "funding", Level: &five})
	if err := a.SaveAssessment(ctx, &onA, m); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveAssessment(ctx, &onB, m); err != nil {
		t.Fatal(err)
	}
	fromA, _ := a.Changes(ctx, a.DeviceID(), 0, 0)
	fromB, _ := b.Changes(ctx, b.DeviceID(), 0, 0)
	datatest.Import(t, a, fromB)
	datatest.Import(t, b, fromA)
	if datatest.Dump(t, a) != datatest.Dump(t, b) {
		t.Fatal("devices did not converge")
	}
	got, _ := a.Assessment(ctx, as.ID)
	if len(got.Answers) != 3 {
		t.Fatalf("answers after merge: %+v", got.Answers)
	}
	if cs, _ := a.Conflicts(ctx, false); len(cs) != 0 {
		t.Fatalf("different dimensions conflicted: %+v", cs)
	}
}
