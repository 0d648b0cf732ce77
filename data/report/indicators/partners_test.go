package indicators_test

// The figures by project partner and by national side, the support by
// leadership and the share of enterprises with sustainability work, on a
// hand-built data set: two partners on two sides, a visit stamped before
// the profile changed, a colleague's visit without a partner, a partner
// spelled two ways.

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

type partnerFixture struct {
	s   *data.Store
	org map[string]string
}

func newPartnerFixture(t *testing.T) *partnerFixture {
	t.Helper()
	ctx := context.Background()
	s, _ := datatest.Open(t)
	colleague, _ := datatest.Open(t) // a device without a profile: its visits name no partner
	fx := &partnerFixture{s: s, org: map[string]string{}}
	mk := func(short string, o domain.Organisation) {
		t.Helper()
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		fx.org[short] = o.ID
	}
	mk("S1", domain.Organisation{Name: "Sigma Trä AB", Country: domain.CountrySE, Municipality: "2321", Kind: domain.KindSME,
		Employees: intp(5), LeaderGender: domain.LeaderWomen, Sustainability: domain.SustainabilityYes})
	mk("S2", domain.Organisation{Name: "Saga Design AB", Country: domain.CountrySE, Municipality: "2380", Kind: domain.KindSME,
		Employees: intp(12), LeaderGender: domain.LeaderMen})
	mk("N1", domain.Organisation{Name: "Nord Reiseliv AS", Country: domain.CountryNO, Municipality: "5025", Kind: domain.KindStartup,
		Employees: intp(3), LeaderGender: domain.LeaderMixed, Sustainability: domain.SustainabilityNo})
	mk("N2", domain.Organisation{Name: "Nabo Mat AS", Country: domain.CountryNO, Municipality: "5034", Kind: domain.KindSME,
		Sustainability: domain.SustainabilityYes})
	// K: a municipality with sustainability work: reached, never an enterprise.
	mk("K", domain.Organisation{Name: "Røros kommune", Country: domain.CountryNO, Municipality: "5025", Kind: domain.KindMunicipality,
		Sustainability: domain.SustainabilityYes})
	fromS, _ := s.Changes(ctx, s.DeviceID(), 0, 0)
	datatest.Import(t, colleague, fromS)

	visit := func(st *data.Store, v domain.Visit, orgs ...string) {
		t.Helper()
		for _, o := range orgs {
			v.OrgIDs = append(v.OrgIDs, fx.org[o])
		}
		if err := st.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetProfile(data.Profile{Advisor: "Anna Svensson", Organisation: "Peak Innovation", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	visit(s, domain.Visit{Date: "2026-02-01", Minutes: 60}, "S1")
	visit(s, domain.Visit{Date: "2026-02-10", Minutes: 30, Partner: "Peak  innovation ", Side: "se"}, "S1", "S2")
	// The device goes to the Norwegian partner: the visits above keep Peak Innovation.
	if err := s.SetProfile(data.Profile{Advisor: "Kari Nordmann", Organisation: "Nasjonalparken Næringshage", Country: domain.CountryNO}); err != nil {
		t.Fatal(err)
	}
	visit(s, domain.Visit{Date: "2026-03-01", Minutes: 90}, "N1", "S1")
	visit(s, domain.Visit{Date: "2026-04-01", Minutes: 45}, "N2", "K")
	pilot := domain.JointAction{Kind: domain.JointPilot, Title: "Pilot", OrgIDs: []string{fx.org["S1"], fx.org["N1"]},
		Status: domain.JointCompleted, Start: "2026-03-01", Date: "2026-05-01"}
	if err := s.CreateJointAction(ctx, &pilot); err != nil {
		t.Fatal(err)
	}
	visit(colleague, domain.Visit{Date: "2026-04-15", Minutes: 120, Advisor: "Ola Haugen"}, "S2")
	fromColleague, _ := colleague.Changes(ctx, colleague.DeviceID(), 0, 0)
	datatest.Import(t, s, fromColleague)
	return fx
}

// figures lists a set of figures as "name=value" for comparison.
func figures(f *indicators.Cumulative) []string {
	out := []string{}
	add := func(name string, fig indicators.Figure) {
		out = append(out, fmt.Sprintf("%s=%d%v", name, fig.Value, fig.Orgs))
	}
	add("RCO01", f.RCO01.Figure)
	for _, c := range []domain.SizeClass{domain.SizeMicro, domain.SizeSmall, domain.SizeMedium, domain.SizeLarge, domain.SizeUnknown} {
		add("RCO01."+string(c), *f.RCO01.Class(c))
	}
	add("RCO04", f.RCO04)
	add("RCO81", f.RCO81)
	add("RCO83", f.RCO83)
	add("RCO84", f.RCO84)
	add("RCO87", f.RCO87)
	add("border", f.BorderActivityOrgs)
	add("reached", f.OrgsReached)
	add("unknownKind", f.UnknownKind)
	add("womenLed", f.WomenLed)
	add("sustainable", f.Sustainability.Yes)
	add("sustainabilityNotGiven", f.Sustainability.Unknown)
	add("visits", f.VisitCount)
	add("crossBorder", f.CrossBorder)
	return append(out, fmt.Sprintf("minutes=%d", f.Minutes))
}

func TestFiguresByPartnerAndSide(t *testing.T) {
	fx := newPartnerFixture(t)
	ctx := context.Background()
	r, err := indicators.Compute(ctx, fx.s, indicators.Filter{From: "2026-01-01", To: "2026-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		key                        string
		visits, minutes, rco01     int
		sustainable, notGiven, p84 int
	}
	check := func(what string, got []indicators.Split, wants []want) {
		t.Helper()
		if len(got) != len(wants) {
			t.Fatalf("%s: %d rows, want %d", what, len(got), len(wants))
		}
		for i, w := range wants {
			f := got[i].Figures
			g := want{got[i].Key, f.VisitCount.Value, f.Minutes, f.RCO01.Value, f.Sustainability.Yes.Value,
				f.Sustainability.Unknown.Value, f.RCO84.Value}
			if g != w {
				t.Errorf("%s row %d:\n got %+v\nwant %+v", what, i, g, w)
			}
		}
	}
	// Peak Innovation: two visits (one spelled "Peak  innovation "), S1 and S2.
	// Nasjonalparken Næringshage: the two visits after the profile changed
	// (S1, N1, N2 enterprises; K is not), and the pilot. Not given: the colleague's visit.
	check("by partner", r.Partners, []want{
		{"Nasjonalparken Næringshage", 2, 135, 3, 2, 0, 1},
		{"Peak Innovation", 2, 90, 2, 1, 1, 0},
		{"", 1, 120, 1, 0, 1, 0},
	})
	check("by side", r.Sides, []want{
		{"SE", 2, 90, 2, 1, 1, 0},
		{"NO", 2, 135, 3, 2, 0, 1},
		{"", 1, 120, 1, 0, 1, 0},
	})
	// The whole report: four enterprises, two with sustainability work (50 %), one not given.
	if r.RCO01.Value != 4 || r.Sustainability.Yes.Value != 2 || r.Sustainability.Unknown.Value != 1 ||
		r.Sustainability.Percent(r.RCO01.Value) != 50 {
		t.Errorf("sustainability %d of %d (%d %%), %d not given", r.Sustainability.Yes.Value, r.RCO01.Value,
			r.Sustainability.Percent(r.RCO01.Value), r.Sustainability.Unknown.Value)
	}
	if c := r.Cumulative; c.Sustainability.Yes.Value != 2 || c.Sustainability.Unknown.Value != 1 {
		t.Errorf("since project start: %d sustainable, %d not given", c.Sustainability.Yes.Value, c.Sustainability.Unknown.Value)
	}
	// Support by leadership: visits and hours of the organisations each kind of leadership leads.
	type lrow struct {
		key             string
		visits, minutes int
	}
	var got []lrow
	for _, row := range r.Breakdown(indicators.ByLeadership).Rows {
		got = append(got, lrow{row.Key, row.Visits, row.Minutes})
	}
	wantL := []lrow{{"men", 2, 150}, {"mixed", 1, 90}, {"women", 3, 180}, {"", 1, 45}}
	if !slices.Equal(got, wantL) {
		t.Errorf("by leadership:\n got %v\nwant %v", got, wantL)
	}

	// Each row is the report with that partner or side chosen.
	for _, row := range r.Partners[:2] {
		fr, err := indicators.Compute(ctx, fx.s, indicators.Filter{From: "2026-01-01", To: "2026-12-31", Partner: " " + row.Key + " "})
		if err != nil {
			t.Fatal(err)
		}
		same(t, "partner "+row.Key, row.Figures, fr)
		if len(fr.Partners) != 1 || fr.Partners[0].Key != row.Key {
			t.Errorf("a report of %s splits into %v", row.Key, fr.Partners)
		}
	}
	for _, row := range r.Sides[:2] {
		fr, err := indicators.Compute(ctx, fx.s, indicators.Filter{From: "2026-01-01", To: "2026-12-31", Side: domain.Country(row.Key)})
		if err != nil {
			t.Fatal(err)
		}
		same(t, "side "+row.Key, row.Figures, fr)
	}
	// Spelling and case do not make another partner.
	fr, _ := indicators.Compute(ctx, fx.s, indicators.Filter{From: "2026-01-01", To: "2026-12-31", Partner: "PEAK innovation"})
	if fr.VisitCount.Value != 2 {
		t.Errorf("partner PEAK innovation: %d visits, want 2", fr.VisitCount.Value)
	}
	if _, err := indicators.Compute(ctx, fx.s, indicators.Filter{Side: "DK"}); err == nil {
		t.Error("side DK was accepted")
	}
}

// same checks that a split row holds the figures of the filtered report.
func same(t *testing.T, what string, row *indicators.Cumulative, r *indicators.Report) {
	t.Helper()
	whole := &indicators.Cumulative{RCO01: r.RCO01, RCO04: r.RCO04, RCO81: r.RCO81, RCO83: r.RCO83, RCO84: r.RCO84, RCO87: r.RCO87,
		BorderActivityOrgs: r.BorderActivityOrgs, OrgsReached: r.OrgsReached, UnknownKind: r.UnknownKind, WomenLed: r.WomenLed,
		Sustainability: r.Sustainability, VisitCount: r.VisitCount, CrossBorder: r.CrossBorder, Minutes: r.Minutes}
	if g, w := figures(row), figures(whole); !slices.Equal(g, w) {
		t.Errorf("%s: the row's figures\n %v\ndiffer from the filtered report's\n %v", what, g, w)
	}
}
