package data_test

import (
	"math"
	"testing"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

func TestProgressComparesAssessmentsAndSuggestsTheWeakestDimension(t *testing.T) {
	s, _ := datatest.Open(t)
	lib, errs := models.Load(assets.Models)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m, _ := lib.Latest("innovation-readiness")
	o := datatest.Org(t, s, "Meråker Kraft AB", "")
	save := func(date string, status domain.AssessmentStatus, levels ...string) {
		t.Helper()
		ans, err := domain.ParseLevels(levels)
		if err != nil {
			t.Fatal(err)
		}
		a := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: date, Status: status, Answers: ans}
		if err := s.SaveAssessment(ctx, &a, m); err != nil {
			t.Fatal(err)
		}
	}
	// Funding is never rated: it stays blank on every point.
	save("2026-01-10", domain.AssessmentDone, "customer=2", "technology=3", "business-model=2", "ipr=1", "team=4")
	save("2026-05-10", domain.AssessmentDone, "customer=3", "technology=4", "business-model=3", "ipr=2", "team=4")
	save("2026-09-10", domain.AssessmentDone, "customer=4", "technology=5", "business-model=3", "ipr=3", "team=5")
	save("2026-11-10", domain.AssessmentDraft, "customer=9", "ipr=1") // half done: not a measurement

	all, err := s.Progress(ctx, o.ID, lib)
	if err != nil || len(all) != 1 {
		t.Fatalf("progress: %v %v", all, err)
	}
	p := all[0]
	if len(p.Points) != 3 || p.First().Date != "2026-01-10" || p.Previous().Date != "2026-05-10" || p.Latest().Date != "2026-09-10" {
		t.Fatalf("points: %+v", p.Points)
	}
	v := p.Latest().Values(p.Model)
	if v[0] != 4 || v[1] != 5 || !math.IsNaN(v[5]) {
		t.Fatalf("latest values in model order: %v", v)
	}
	// Business and IPR are both at 3; business comes first in the model.
	if p.Next == nil || p.Next.Dimension != "business-model" || p.Next.Level != 3 || p.Next.NextLevel.Level != 4 || p.Next.NextLevel.Text.SV == "" {
		t.Fatalf("next step: %+v", p.Next)
	}
}

func TestProgressKeepsTheLatestTargetPerDimension(t *testing.T) {
	s, _ := datatest.Open(t)
	lib, _ := models.Load(assets.Models)
	m, _ := lib.Latest("innovation-readiness")
	o := datatest.Org(t, s, "Frostviken Fisk AB", "")
	six, seven := 6, 7
	for i, target := range []*int{&six, &seven} {
		lvl := 3 + i
		a := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: []string{"2026-02-01", "2026-08-01"}[i],
			Status: domain.AssessmentDone, Answers: []domain.Answer{{Dimension: "technology", Level: &lvl, Target: target, TargetDue: "2027-0" + string(rune('3'+i)) + "-01"}}}
		if err := s.SaveAssessment(ctx, &a, m); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := s.Progress(ctx, o.ID, lib)
	if got := all[0].Targets["technology"]; got.Level != 7 || got.Due != "2027-04-01" {
		t.Fatalf("target: %+v", got)
	}
}

// A partial assessment moves the dimensions it rated; the others keep
// their latest earlier rating, on the radar and for the next step.
func TestProgressUsesEachDimensionsLatestRating(t *testing.T) {
	s, _ := datatest.Open(t)
	lib, errs := models.Load(assets.Models)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m, _ := lib.Latest("innovation-readiness")
	o := datatest.Org(t, s, "Fjälldata AB", "")
	for date, levels := range map[string][]string{
		"2026-03-01": {"customer=4", "technology=5", "business-model=3", "ipr=2", "team=5", "funding=4"},
		"2026-10-01": {"customer=5"}, // completed anyway with five dimensions unrated
	} {
		ans, _ := domain.ParseLevels(levels)
		a := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: date, Status: domain.AssessmentDone, Answers: ans}
		if err := s.SaveAssessment(ctx, &a, m); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Progress(ctx, o.ID, lib)
	if err != nil || len(all) != 1 || len(all[0].Points) != 2 {
		t.Fatalf("progress: %+v %v", all, err)
	}
	p := all[0]
	latest := p.Latest()
	want := []float64{5, 5, 3, 2, 5, 4}
	for i, v := range latest.Values(p.Model) {
		if v != want[i] {
			t.Fatalf("latest values %v, want %v", latest.Values(p.Model), want)
		}
	}
	if latest.Carried["customer"] || !latest.Carried["ipr"] || len(latest.Carried) != 5 {
		t.Errorf("carried: %v", latest.Carried)
	}
	if p.Next == nil || p.Next.Dimension != "ipr" || p.Next.Level != 2 {
		t.Errorf("next step: %+v", p.Next)
	}
	if p.First().Carried["ipr"] {
		t.Error("the first assessment's own rating counted as carried")
	}
}
