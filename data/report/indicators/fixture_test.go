package indicators_test

import (
	"context"
	"io/fs"
	"testing"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// The hand-built data set every indicator test computes on. The period is
// the first half of 2026; the comments give each record's part in the
// expected answers.
const (
	from = "2026-01-01"
	to   = "2026-06-30"
)

type fixture struct {
	s   *data.Store
	org map[string]string // short name → id
	v   map[string]string // short name → visit id
	a   map[string]string // "org model date" → assessment id
	j   map[string]string // short name → joint action id
}

func intp(n int) *int { return &n }

func library(t testing.TB) *models.Library {
	t.Helper()
	bundled, err := fs.Sub(assets.Models, "models")
	if err != nil {
		t.Fatal(err)
	}
	lib, problems := models.Load(bundled)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return lib
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	s, _ := datatest.Open(t)
	fx := &fixture{s: s, org: map[string]string{}, v: map[string]string{}, a: map[string]string{}, j: map[string]string{}}
	mk := func(short string, o domain.Organisation) {
		t.Helper()
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatalf("org %s: %v", short, err)
		}
		fx.org[short] = o.ID
	}
	// A: Swedish micro enterprise led by women, visited by a Swedish and a Norwegian advisor.
	mk("A", domain.Organisation{Name: "Alfa Trä AB", Country: domain.CountrySE, Municipality: "2321", Sector: "C",
		Kind: domain.KindSME, Employees: intp(5), LeaderGender: domain.LeaderWomen})
	// B: Norwegian small start-up, A's partner at the cross-border workshops.
	mk("B", domain.Organisation{Name: "Bravo Reiseliv AS", Country: domain.CountryNO, Municipality: "5025", Sector: "I",
		Kind: domain.KindStartup, Employees: intp(30), LeaderGender: domain.LeaderMen})
	// C: Swedish enterprise without an employee count: size unknown.
	mk("C", domain.Organisation{Name: "Charlie Konsult AB", Country: domain.CountrySE, Municipality: "2380", Sector: "M",
		Kind: domain.KindSME, LeaderGender: domain.LeaderMixed})
	// P and U: public sector and academia: reached, cooperating, never enterprises.
	mk("P", domain.Organisation{Name: "Krokoms kommun", Country: domain.CountrySE, Municipality: "2309", Sector: "O",
		Kind: domain.KindPublic, Employees: intp(200), LeaderGender: domain.LeaderWomen})
	mk("U", domain.Organisation{Name: "Universitetet", Country: domain.CountryNO, Municipality: "5001", Sector: "P",
		Kind: domain.KindAcademia, Employees: intp(5000)})
	// D: Norwegian large company; Ddup is its duplicate (registered as a micro SME), merged into it.
	mk("D", domain.Organisation{Name: "Delta Energi AS", Country: domain.CountryNO, Municipality: "5034", Sector: "D",
		Kind: domain.KindLarge, Employees: intp(300), LeaderGender: domain.LeaderMen})
	mk("Ddup", domain.Organisation{Name: "Delta Energi", Country: domain.CountryNO, Municipality: "5034", Sector: "D",
		Kind: domain.KindSME, Employees: intp(3), LeaderGender: domain.LeaderWomen})
	// E: visited only just outside the period, and once in it by a visit that was deleted.
	mk("E", domain.Organisation{Name: "Echo Mat AB", Country: domain.CountrySE, Municipality: "2326", Sector: "C",
		Kind: domain.KindSME, Employees: intp(100), LeaderGender: domain.LeaderWomen})

	visit := func(short string, v domain.Visit, orgs ...string) {
		t.Helper()
		for _, o := range orgs {
			v.OrgIDs = append(v.OrgIDs, fx.org[o])
		}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatalf("visit %s: %v", short, err)
		}
		fx.v[short] = v.ID
	}
	visit("v1", domain.Visit{Date: "2026-01-01", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna Svensson",
		Women: 1, Men: 1, Phase: domain.PhaseCapacity}, "A")
	visit("v2", domain.Visit{Date: "2026-03-10", Type: domain.VisitDigital, Minutes: 30, Advisor: "Kari Nordmann",
		Women: 2, Phase: domain.PhaseBenchmarking}, "A")
	visit("v3", domain.Visit{Date: "2026-04-15", Type: domain.VisitWorkshop, Minutes: 180, Advisor: "Anna Svensson",
		Women: 5, Men: 4, Other: 1, Phase: domain.PhasePilot}, "A", "B")
	visit("v4", domain.Visit{Date: "2026-05-20", Type: domain.VisitWorkshop, Minutes: 120, Advisor: "Kari Nordmann",
		Women: 3, Men: 3, Phase: domain.PhasePilot}, "B", "A")
	// v5: one Swedish client, marked cross-border by the advisor (Norwegian participants came along).
	visit("v5", domain.Visit{Date: "2026-02-01", Type: domain.VisitPhone, Minutes: 45, Advisor: "Erik Jonsson",
		Men: 1, Phase: domain.PhaseEvaluation, CrossBorder: true}, "C")
	visit("v6", domain.Visit{Date: "2026-02-15", Type: domain.VisitEvent, Minutes: 90, Advisor: "Anna Svensson",
		Women: 10, Men: 8, Phase: domain.PhaseNext}, "P", "U")
	visit("v7", domain.Visit{Date: "2026-03-01", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Ola Haugen", Men: 2}, "Ddup")
	visit("v8", domain.Visit{Date: "2026-03-05", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Ola Haugen", Women: 1}, "D")
	// v9 still names the duplicate: it stands for a visit that arrives by sync after the merge.
	visit("v9", domain.Visit{Date: "2026-04-01", Type: domain.VisitDigital, Minutes: 30, Advisor: "Ola Haugen", Men: 1}, "Ddup")
	visit("deleted", domain.Visit{Date: "2026-03-15", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna Svensson", Women: 4}, "E")
	visit("before", domain.Visit{Date: "2025-12-31", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna Svensson", Women: 1}, "E", "B")
	visit("after", domain.Visit{Date: "2026-07-01", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna Svensson", Women: 1}, "E", "B")
	if err := s.DeleteVisit(ctx, fx.v["deleted"]); err != nil {
		t.Fatal(err)
	}

	lib := library(t)
	assess := func(short, model, date string, status domain.AssessmentStatus, answers ...domain.Answer) {
		t.Helper()
		m, ok := lib.Latest(model)
		if !ok {
			t.Fatalf("model %s missing", model)
		}
		a := domain.Assessment{OrgID: fx.org[short], ModelID: m.ID, ModelVersion: m.Version, Date: date, Status: status, Answers: answers}
		if err := s.SaveAssessment(ctx, &a, m); err != nil {
			t.Fatalf("assessment of %s on %s: %v", short, date, err)
		}
		fx.a[short+" "+model+" "+date] = a.ID
	}
	level := func(dim string, n int) domain.Answer { return domain.Answer{Dimension: dim, Level: intp(n)} }
	goal := func(dim string) domain.Answer { return domain.Answer{Dimension: dim, Applies: true} }
	const irl = "innovation-readiness"
	// Agenda 2030: A serves goals 5 and 9; C's draft and D's assessment
	// before the period do not count; the duplicate's (left on the old id)
	// counts for D.
	assess("A", indicatorsAgenda, "2026-03-10", domain.AssessmentDone, goal("sdg-5"), goal("sdg-9"), domain.Answer{Dimension: "sdg-1"})
	assess("C", indicatorsAgenda, "2026-03-11", domain.AssessmentDraft, goal("sdg-13"))
	assess("D", indicatorsAgenda, "2025-12-01", domain.AssessmentDone, goal("sdg-7"))
	assess("Ddup", indicatorsAgenda, "2026-04-01", domain.AssessmentDone, goal("sdg-9"), goal("sdg-13"))
	// Impact: A rises in customer (2 → 4) and stays in technology; its
	// later draft does not count. B is measured once. C's second
	// assessment is after the period. D rises 1 → 3 across the merge.
	assess("A", irl, "2025-10-01", domain.AssessmentDone, level("customer", 2), level("technology", 3))
	assess("A", irl, "2026-05-01", domain.AssessmentDone, level("customer", 4), level("technology", 3))
	assess("A", irl, "2026-06-01", domain.AssessmentDraft, level("customer", 9))
	assess("B", irl, "2026-02-01", domain.AssessmentDone, level("customer", 5))
	assess("C", irl, "2026-01-10", domain.AssessmentDone, level("customer", 5))
	assess("C", irl, "2026-07-15", domain.AssessmentDone, level("customer", 7))
	assess("Ddup", irl, "2025-11-01", domain.AssessmentDone, level("customer", 1))
	assess("D", irl, "2026-06-15", domain.AssessmentDone, level("customer", 3))

	// Joint actions (RCO83, RCO84, RCO87). Inc is a Norwegian incubator, an
	// innovation actor: a partner, never an enterprise. X is a Norwegian
	// partner deleted since.
	mk("Inc", domain.Organisation{Name: "Inkubator Nord", Country: domain.CountryNO, Municipality: "5006", Sector: "M",
		Kind: domain.KindIncubator, Employees: intp(12)})
	mk("X", domain.Organisation{Name: "Xylo AS", Country: domain.CountryNO, Municipality: "5025", Kind: domain.KindSME})
	joint := func(short string, j domain.JointAction, orgs ...string) {
		t.Helper()
		j.Title = short
		for _, o := range orgs {
			j.OrgIDs = append(j.OrgIDs, fx.org[o])
		}
		if err := s.CreateJointAction(ctx, &j); err != nil {
			t.Fatalf("joint action %s: %v", short, err)
		}
		fx.j[short] = j.ID
	}
	done, ongoing := domain.JointCompleted, domain.JointOngoing
	// pilot: A and B's pilot, completed in the period: RCO84.
	joint("pilot", domain.JointAction{Kind: domain.JointPilot, Status: done, Start: "2026-04-15", Date: "2026-05-31"}, "A", "B")
	// one-country pilot: A and C are both Swedish: not across the border.
	joint("one-country pilot", domain.JointAction{Kind: domain.JointPilot, Status: done, Start: "2026-02-01", Date: "2026-03-01"}, "A", "C")
	// late pilot: completed the day after the period (the next one's), ongoing in June: RCO87 only.
	joint("late pilot", domain.JointAction{Kind: domain.JointPilot, Status: done, Start: "2026-06-01", Date: "2026-07-01"}, "A", "D")
	// plan: completed in the period; names the duplicate (its keeper D counts) and the incubator: RCO83.
	joint("plan", domain.JointAction{Kind: domain.JointPlan, Status: done, Start: "2026-01-15", Date: "2026-03-31"}, "C", "Ddup", "Inc")
	// deleted: would be a pilot of the period.
	joint("deleted pilot", domain.JointAction{Kind: domain.JointPilot, Status: done, Date: "2026-04-01"}, "A", "B")
	if err := s.DeleteJointAction(ctx, fx.j["deleted pilot"]); err != nil {
		t.Fatal(err)
	}
	// planned: has not run.
	joint("planned", domain.JointAction{Kind: domain.JointCooperation, Status: domain.JointPlanned, Start: "2026-02-01"}, "E", "U")
	// with X: across the border only through X, deleted since.
	joint("with X", domain.JointAction{Kind: domain.JointCooperation, Status: ongoing, Start: "2026-02-01"}, "E", "X")
	if err := s.DeleteOrganisation(ctx, fx.org["X"]); err != nil {
		t.Fatal(err)
	}

	// The merge, as merging does it: the duplicate's visit moves to the
	// keeper, the duplicate points at the keeper and is deleted.
	v7, err := s.Visit(ctx, fx.v["v7"])
	if err != nil {
		t.Fatal(err)
	}
	v7.OrgIDs = []string{fx.org["D"]}
	if err := s.UpdateVisit(ctx, &v7); err != nil {
		t.Fatal(err)
	}
	dup, err := s.Organisation(ctx, fx.org["Ddup"])
	if err != nil {
		t.Fatal(err)
	}
	dup.MergedInto = fx.org["D"]
	if err := s.UpdateOrganisation(ctx, &dup); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOrganisation(ctx, dup.ID); err != nil {
		t.Fatal(err)
	}
	return fx
}

const indicatorsAgenda = "agenda-2030"

// ids maps short names to ids.
func (fx *fixture) orgs(short ...string) []string {
	out := []string{}
	for _, s := range short {
		out = append(out, fx.org[s])
	}
	return out
}

func (fx *fixture) visits(short ...string) []string {
	out := []string{}
	for _, s := range short {
		out = append(out, fx.v[s])
	}
	return out
}
