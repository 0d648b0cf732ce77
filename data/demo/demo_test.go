package demo_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/demo"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestFillMakesRealisticDataOnlyOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if err := demo.Fill(ctx, s, demo.Options{Orgs: 50, Visits: 300, Today: today}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check: %+v %v", rep, err)
	}
	if rep.Counts[domain.EntityOrganisation] != 50 || rep.Counts[domain.EntityVisit] != 300 || rep.Counts[domain.EntityAction] == 0 {
		t.Fatalf("counts: %+v", rep.Counts)
	}
	countries := map[domain.Country]int{}
	rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{})
	for _, r := range rows {
		countries[r.Country]++
		if _, ok := domain.MunicipalityByCode(r.Municipality); !ok {
			t.Fatalf("demo organisation outside the region: %+v", r.Organisation)
		}
	}
	if countries[domain.CountrySE] == 0 || countries[domain.CountryNO] == 0 {
		t.Fatalf("both countries should appear: %v", countries)
	}
	visits, _ := s.Visits(ctx, data.VisitQuery{From: "2024-11-27", To: "2026-11-27"})
	if len(visits) != 300 {
		t.Fatalf("visits within two years: %d", len(visits))
	}
	if err := demo.Fill(ctx, s, demo.Options{Orgs: 5}); !errors.Is(err, demo.ErrNotEmpty) {
		t.Fatalf("second fill: %v", err)
	}
}

// fillDefault fills a store with the demo as `ilsa demo` and the first-run
// button do, on a fixed day.
func fillDefault(t *testing.T) (*data.Store, time.Time) {
	t.Helper()
	s, _ := datatest.Open(t)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if err := demo.Fill(context.Background(), s, demo.Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	return s, today
}

// The demo opens on follow-ups due around the day it is loaded: a few late
// by days, more coming in the next weeks, no backlog from last year.
func TestDemoFollowUpsAreDueAroundToday(t *testing.T) {
	ctx := context.Background()
	s, today := fillDefault(t)
	day := func(days int) string { return today.AddDate(0, 0, days).Format(domain.DateLayout) }
	overdue, err := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOverdue, Today: day(0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(overdue) == 0 || len(overdue) > 6 {
		t.Errorf("%d overdue follow-ups, want a few", len(overdue))
	}
	for _, a := range overdue {
		if a.Due < day(-10) {
			t.Errorf("overdue since %s: %q", a.Due, a.Text)
		}
	}
	coming, err := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOpen, DueFrom: day(0), DueTo: day(28)})
	if err != nil {
		t.Fatal(err)
	}
	if len(coming) < 2*len(overdue) || len(coming) < 8 {
		t.Errorf("%d follow-ups due in the next four weeks beside %d overdue", len(coming), len(overdue))
	}
}

// norwegianMarks are words only the demo's Norwegian texts use.
var norwegianMarks = []string{"Gikk", "Diskuterte", "ledergruppen", "Oppfølging", "nåsituasjonen", "patentsøknad",
	"svensk partner", "Sende", "Avtale", "Gjennomføre", "Kontakte", "Skissere", "neste nivå", "Frokostmøte", "kundeintervjuer", "Innovasjonsløftet", "frokostmøter", "Egenvurderingen"}

func norwegian(s string) bool {
	for _, m := range norwegianMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// Swedish advisors write Swedish notes and follow-ups, Norwegian advisors
// Norwegian ones.
func TestDemoTextsAreInTheAdvisorsLanguage(t *testing.T) {
	ctx := context.Background()
	s, _ := fillDefault(t)
	swedishAdvisor := map[string]bool{"Anna Svensson": true, "Erik Jonsson": true}
	visits, err := s.Visits(ctx, data.VisitQuery{})
	if err != nil || len(visits) == 0 {
		t.Fatalf("%d visits, %v", len(visits), err)
	}
	for _, v := range visits {
		if swedishAdvisor[v.Advisor] == norwegian(v.Notes) {
			t.Errorf("%s wrote %q", v.Advisor, v.Notes)
		}
	}
	actions, err := s.Actions(ctx, data.ActionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		if swedishAdvisor[a.Owner] == norwegian(a.Text) {
			t.Errorf("%s is to %q", a.Owner, a.Text)
		}
	}
}

// An organisation's kind matches its name: universities are academia,
// municipalities municipalities, companies (AB, AS) enterprises by their size.
func TestDemoKindsMatchNames(t *testing.T) {
	s, _ := fillDefault(t)
	rows, err := s.SearchOrganisations(context.Background(), data.OrgQuery{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[domain.OrgKind]int{}
	for _, r := range rows {
		o := r.Organisation
		kinds[o.Kind]++
		var want []domain.OrgKind
		switch {
		case strings.Contains(o.Name, "universitet") || o.Name == "NTNU":
			want = []domain.OrgKind{domain.KindAcademia}
		case strings.HasSuffix(o.Name, " kommun") || strings.HasSuffix(o.Name, " kommune"):
			want = []domain.OrgKind{domain.KindMunicipality}
		case strings.Contains(o.Name, " AB") || strings.Contains(o.Name, " AS"):
			want = []domain.OrgKind{domain.KindSME, domain.KindStartup}
			if o.Employees != nil && *o.Employees >= 250 {
				want = []domain.OrgKind{domain.KindLarge}
			}
			if o.Employees != nil && *o.Employees >= 50 {
				want = slices.DeleteFunc(want, func(k domain.OrgKind) bool { return k == domain.KindStartup })
			}
		default:
			t.Errorf("a name of no known sort: %q", o.Name)
			continue
		}
		if !slices.Contains(want, o.Kind) {
			t.Errorf("%q (%v staff) is %s, want one of %v", o.Name, o.Employees, o.Kind, want)
		}
	}
	for _, k := range []domain.OrgKind{domain.KindSME, domain.KindStartup, domain.KindLarge, domain.KindAcademia, domain.KindMunicipality} {
		if kinds[k] == 0 {
			t.Errorf("no organisation of kind %s in the demo: %v", k, kinds)
		}
	}
}

// The demo's organisations form a network for the map: spin-offs of the
// universities, companies supported or funded by their municipality, and
// institutions in partnership across the border, started before and after
// a project start a year ago.
func TestDemoHasAnInnovationSystem(t *testing.T) {
	s, today := fillDefault(t)
	rels, err := s.Relations(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	orgs, _ := s.OrganisationsByID(context.Background(), func() []string {
		var ids []string
		for _, r := range rels {
			ids = append(ids, r.FromOrg, r.ToOrg)
		}
		return ids
	}())
	kinds, cross, recent := map[domain.RelationKind]int{}, 0, 0
	yearAgo := today.AddDate(-1, 0, 0).Format(domain.DateLayout)
	for _, r := range rels {
		kinds[r.Kind]++
		if r.IsCrossBorder(func(id string) domain.Country { return orgs[id].Country }) {
			cross++
		}
		if r.Start >= yearAgo {
			recent++
		}
	}
	if len(rels) < 20 || len(kinds) < 4 || cross == 0 || recent == 0 || recent == len(rels) {
		t.Fatalf("%d relations, kinds %v, %d across the border, %d since a year ago", len(rels), kinds, cross, recent)
	}
}

// The demo's innovation actors record the enterprises they reached, in
// their country's language, so the second wave shows in the report.
func TestDemoHasASecondWave(t *testing.T) {
	ctx := context.Background()
	s, _ := fillDefault(t)
	recs, err := s.Reaches(ctx, data.ReachQuery{})
	if err != nil || len(recs) == 0 {
		t.Fatalf("%d second-wave records, %v", len(recs), err)
	}
	actors := map[string]bool{}
	for _, r := range recs {
		actors[r.ActorID] = true
		o, err := s.Organisation(ctx, r.ActorID)
		if err != nil || !o.Kind.IsInnovationActor() {
			t.Errorf("record by %+v (%v): not an innovation actor", o, err)
		}
		if (o.Country == domain.CountryNO) != norwegian(r.Notes) {
			t.Errorf("%s (%s) wrote %q", o.Name, o.Country, r.Notes)
		}
	}
	if len(actors) < 2 {
		t.Errorf("only %d actors reached enterprises", len(actors))
	}
}

// The demo's findings log has an entry for every step of the project, in
// its author's language.
func TestDemoFindingsCoverEveryStep(t *testing.T) {
	s, _ := fillDefault(t)
	fs, err := s.Findings(context.Background(), data.FindingQuery{})
	if err != nil {
		t.Fatal(err)
	}
	steps := map[domain.ProjectStep]bool{}
	for _, f := range fs {
		steps[f.Step] = true
		if (f.Author == "Kari Nordmann" || f.Author == "Ola Haugen") != norwegian(f.Text) {
			t.Errorf("%s wrote %q", f.Author, f.Text)
		}
	}
	if len(steps) != len(domain.ProjectSteps) {
		t.Errorf("steps with entries: %v, want all %d", steps, len(domain.ProjectSteps))
	}
}
