package indicators_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

func compute(t *testing.T, fx *fixture, f indicators.Filter) *indicators.Report {
	t.Helper()
	r, err := indicators.Compute(context.Background(), fx.s, f)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// check compares a figure with its value and the ids behind it (orgs as a
// set, visits in date order).
func (fx *fixture) check(t *testing.T, name string, got indicators.Figure, value int, orgs []string, visits []string) {
	t.Helper()
	want := slices.Clone(orgs)
	slices.Sort(want)
	if got.Value != value {
		t.Errorf("%s = %d, want %d", name, got.Value, value)
	}
	if !slices.Equal(got.Orgs, want) {
		t.Errorf("%s organisations = %v, want %v", name, fx.names(got.Orgs), fx.names(want))
	}
	if visits != nil && !slices.Equal(got.Visits, visits) {
		t.Errorf("%s visits = %v, want %v", name, fx.vnames(got.Visits), fx.vnames(visits))
	}
}

// checkJoints compares the joint actions behind a figure, in their order.
func (fx *fixture) checkJoints(t *testing.T, name string, got indicators.Figure, want ...string) {
	t.Helper()
	ids := []string{}
	for _, w := range want {
		ids = append(ids, fx.j[w])
	}
	if !slices.Equal(got.Joints, ids) {
		t.Errorf("%s joint actions = %v, want %v", name, fx.jnames(got.Joints), want)
	}
}

func (fx *fixture) jnames(ids []string) []string {
	var out []string
	for _, id := range ids {
		n := id
		for short, jid := range fx.j {
			if jid == id {
				n = short
			}
		}
		out = append(out, n)
	}
	return out
}

func (fx *fixture) names(ids []string) []string {
	var out []string
	for _, id := range ids {
		n := id
		for short, oid := range fx.org {
			if oid == id {
				n = short
			}
		}
		out = append(out, n)
	}
	return out
}

func (fx *fixture) vnames(ids []string) []string {
	var out []string
	for _, id := range ids {
		n := id
		for short, vid := range fx.v {
			if vid == id {
				n = short
			}
		}
		out = append(out, n)
	}
	return out
}

func TestIndicatorsOnHandBuiltData(t *testing.T) {
	fx := newFixture(t)
	r := compute(t, fx, indicators.Filter{From: from, To: to})
	all := fx.visits("v1", "v5", "v6", "v7", "v8", "v2", "v9", "v3", "v4") // date order

	// RCO01: A (micro), B (small), C (unknown), D (large — the keeper's size,
	// not its duplicate's); never P, U (public, academia), E (deleted visit
	// and visits outside the period), Ddup (merged).
	fx.check(t, "RCO01", r.RCO01.Figure, 4, fx.orgs("A", "B", "C", "D"), fx.visits("v1", "v5", "v7", "v8", "v2", "v9", "v3", "v4"))
	fx.check(t, "RCO01 micro", r.RCO01.Micro, 1, fx.orgs("A"), fx.visits("v1", "v2", "v3", "v4"))
	fx.check(t, "RCO01 small", r.RCO01.Small, 1, fx.orgs("B"), fx.visits("v3", "v4"))
	fx.check(t, "RCO01 medium", r.RCO01.Medium, 0, nil, []string{})
	fx.check(t, "RCO01 large", r.RCO01.Large, 1, fx.orgs("D"), fx.visits("v7", "v8", "v9"))
	fx.check(t, "RCO01 unknown", r.RCO01.Unknown, 1, fx.orgs("C"), fx.visits("v5"))
	fx.check(t, "RCO04", r.RCO04, 4, fx.orgs("A", "B", "C", "D"), nil)
	// RCO87: the partners of the cross-border joint actions that ran in the
	// period: the plan (C, D for its duplicate, Inc), the pilot (A, B), the
	// late pilot (A, D; ongoing in June).
	fx.check(t, "RCO87", r.RCO87, 5, fx.orgs("A", "B", "C", "D", "Inc"), []string{})
	fx.checkJoints(t, "RCO87", r.RCO87, "plan", "pilot", "late pilot")
	// At cross-border activities: organisations of both countries on one visit (v3, v4: A+B; v6: P+U).
	fx.check(t, "at cross-border activities", r.BorderActivityOrgs, 4, fx.orgs("A", "B", "P", "U"), fx.visits("v6", "v3", "v4"))
	// RCO81: head count on cross-border visits: v5 (marked) 1 + v6 18 + v3 10 + v4 6.
	fx.check(t, "RCO81", r.RCO81, 35, fx.orgs("A", "B", "C", "P", "U"), fx.visits("v5", "v6", "v3", "v4"))
	// RCO84: A and B's pilot, completed in the period (their pilot-phase
	// workshops v3 and v4 are not pilots by themselves).
	fx.check(t, "RCO84", r.RCO84, 1, fx.orgs("A", "B"), []string{})
	fx.checkJoints(t, "RCO84", r.RCO84, "pilot")
	fx.check(t, "RCO83", r.RCO83, 1, fx.orgs("C", "D", "Inc"), []string{})
	fx.checkJoints(t, "RCO83", r.RCO83, "plan")
	fx.check(t, "cross-border visits", r.CrossBorder, 4, fx.orgs("A", "B", "C", "P", "U"), fx.visits("v5", "v6", "v3", "v4"))

	fx.check(t, "organisations reached", r.OrgsReached, 6, fx.orgs("A", "B", "C", "P", "U", "D"), nil)
	fx.check(t, "women-led", r.WomenLed, 2, fx.orgs("A", "P"), fx.visits("v1", "v6", "v2", "v3", "v4"))
	fx.check(t, "led by men", r.Leadership.Men, 2, fx.orgs("B", "D"), nil)
	fx.check(t, "led mixed", r.Leadership.Mixed, 1, fx.orgs("C"), nil)
	fx.check(t, "leader unknown", r.Leadership.Unknown, 1, fx.orgs("U"), nil)
	fx.check(t, "visits", r.VisitCount, 9, fx.orgs("A", "B", "C", "P", "U", "D"), all)
	if r.Minutes != 675 || r.Hours() != 11.25 {
		t.Errorf("minutes %d (%.2f h), want 675 (11.25 h)", r.Minutes, r.Hours())
	}
	if g := r.Gender; g.Women != 22 || g.Men != 20 || g.Other != 1 || g.Total() != 43 {
		t.Errorf("gender %+v", g)
	}
	if len(r.Visits) != 9 {
		t.Fatalf("raw visits: %d", len(r.Visits))
	}
	// The raw data names the keeper, never the merged duplicate.
	for _, v := range r.Visits {
		if slices.Contains(v.OrgIDs, fx.org["Ddup"]) {
			t.Errorf("visit %s still names the merged duplicate", fx.vnames([]string{v.ID}))
		}
	}
	// E is named by the figures since the project's start (its visit on 2025-12-31).
	_, hasD := r.Orgs[fx.org["D"]]
	// Inc is named as a partner of the plan.
	if _, hasE := r.Orgs[fx.org["E"]]; !hasD || !hasE || len(r.Orgs) != 8 {
		t.Errorf("report names %v", fx.names(mapKeys(r.Orgs)))
	}

	type row struct {
		key             string
		visits, minutes int
		orgs            []string
	}
	wantRows := map[indicators.Dimension][]row{
		indicators.ByCountry: {{"NO", 6, 540, fx.orgs("B", "U", "D")}, {"SE", 6, 525, fx.orgs("A", "C", "P")}},
		indicators.ByCounty:  {{"23", 6, 525, fx.orgs("A", "C", "P")}, {"50", 6, 540, fx.orgs("B", "U", "D")}},
		indicators.ByMunicipality: {{"2309", 1, 90, fx.orgs("P")}, {"2321", 4, 390, fx.orgs("A")}, {"2380", 1, 45, fx.orgs("C")},
			{"5001", 1, 90, fx.orgs("U")}, {"5025", 2, 300, fx.orgs("B")}, {"5034", 3, 150, fx.orgs("D")}},
		indicators.BySector: {{"C", 4, 390, fx.orgs("A")}, {"D", 3, 150, fx.orgs("D")}, {"I", 2, 300, fx.orgs("B")},
			{"M", 1, 45, fx.orgs("C")}, {"O", 1, 90, fx.orgs("P")}, {"P", 1, 90, fx.orgs("U")}},
		indicators.ByKind: {{"academia", 1, 90, fx.orgs("U")}, {"large", 3, 150, fx.orgs("D")}, {"public", 1, 90, fx.orgs("P")},
			{"sme", 5, 435, fx.orgs("A", "C")}, {"startup", 2, 300, fx.orgs("B")}},
		// Led by men: B and D (v7 and v9 name D's duplicate, counted for D).
		indicators.ByLeadership: {{"men", 5, 450, fx.orgs("B", "D")}, {"mixed", 1, 45, fx.orgs("C")},
			{"women", 5, 480, fx.orgs("A", "P")}, {"", 1, 90, fx.orgs("U")}},
		indicators.ByPhase: {{"benchmarking", 1, 30, fx.orgs("A")}, {"capacity", 1, 60, fx.orgs("A")},
			{"evaluation", 1, 45, fx.orgs("C")}, {"next-phase", 1, 90, fx.orgs("P", "U")}, {"pilot", 2, 300, fx.orgs("A", "B")},
			{"", 3, 150, fx.orgs("D")}},
		indicators.ByType: {{"digital", 2, 60, fx.orgs("A", "D")}, {"event", 1, 90, fx.orgs("P", "U")},
			{"on-site", 3, 180, fx.orgs("A", "D")}, {"phone", 1, 45, fx.orgs("C")}, {"workshop", 2, 300, fx.orgs("A", "B")}},
		indicators.ByMonth: {{"2026-01", 1, 60, fx.orgs("A")}, {"2026-02", 2, 135, fx.orgs("C", "P", "U")},
			{"2026-03", 3, 150, fx.orgs("A", "D")}, {"2026-04", 2, 210, fx.orgs("A", "B", "D")}, {"2026-05", 1, 120, fx.orgs("A", "B")}},
		indicators.ByAdvisor: {{"Anna Svensson", 3, 330, fx.orgs("A", "B", "P", "U")}, {"Erik Jonsson", 1, 45, fx.orgs("C")},
			{"Kari Nordmann", 2, 150, fx.orgs("A", "B")}, {"Ola Haugen", 3, 150, fx.orgs("D")}},
	}
	for _, d := range indicators.Dimensions {
		b := r.Breakdown(d)
		if b == nil {
			t.Errorf("no breakdown by %s", d)
			continue
		}
		var got []row
		for _, x := range b.Rows {
			if len(x.VisitIDs) != x.Visits {
				t.Errorf("%s %q: %d visit ids for %d visits", d, x.Key, len(x.VisitIDs), x.Visits)
			}
			got = append(got, row{x.Key, x.Visits, x.Minutes, x.OrgIDs})
		}
		want := wantRows[d]
		for i := range want {
			slices.Sort(want[i].orgs)
		}
		if !slices.EqualFunc(got, want, func(a, b row) bool {
			return a.key == b.key && a.visits == b.visits && a.minutes == b.minutes && slices.Equal(a.orgs, b.orgs)
		}) {
			t.Errorf("by %s:\n got %v\nwant %v", d, got, want)
		}
	}
	if rows := r.Breakdown(indicators.ByMunicipality).Rows; !slices.Equal(rows[5].VisitIDs, fx.visits("v7", "v8", "v9")) {
		t.Errorf("Meråker visits %v", fx.vnames(rows[5].VisitIDs))
	}

	// SDGs: done Agenda 2030 assessments of the period only.
	if len(r.SDGs) != 17 || r.SDGsAddressed != 3 {
		t.Errorf("%d goals listed, %d addressed", len(r.SDGs), r.SDGsAddressed)
	}
	wantGoals := map[string][]string{"sdg-5": fx.orgs("A"), "sdg-9": fx.orgs("A", "D"), "sdg-13": fx.orgs("D")}
	for i, g := range r.SDGs {
		if g.Goal != indicators.SDGGoals()[i] {
			t.Errorf("goal %d is %s", i, g.Goal)
		}
		want := wantGoals[g.Goal]
		if want == nil {
			want = []string{}
		}
		if !slices.Equal(g.Orgs, want) {
			t.Errorf("%s: %v, want %v", g.Goal, fx.names(g.Orgs), fx.names(want))
		}
	}

	// Impact: A and D rose in customer; A stayed in technology.
	if len(r.Impact) != 2 {
		t.Fatalf("impact rows %+v", r.Impact)
	}
	cust, tech := r.Impact[0], r.Impact[1]
	if cust.Model != "innovation-readiness" || cust.Dimension != "customer" || tech.Dimension != "technology" {
		t.Errorf("impact rows %s/%s, %s/%s", cust.Model, cust.Dimension, tech.Model, tech.Dimension)
	}
	fx.check(t, "customer assessed", cust.Assessed, 2, fx.orgs("A", "D"), nil)
	fx.check(t, "customer improved", cust.Improved, 2, fx.orgs("A", "D"), nil)
	fx.check(t, "technology assessed", tech.Assessed, 1, fx.orgs("A"), nil)
	fx.check(t, "technology improved", tech.Improved, 0, nil, nil)
	fx.check(t, "organisations improved", r.ImpactOrgs, 2, fx.orgs("A", "D"), nil)
}

func mapKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestFilters(t *testing.T) {
	fx := newFixture(t)

	// One advisor: Kari's visits (v2, v4) only.
	r := compute(t, fx, indicators.Filter{From: from, To: to, Advisor: "Kari Nordmann"})
	fx.check(t, "Kari: visits", r.VisitCount, 2, fx.orgs("A", "B"), fx.visits("v2", "v4"))
	fx.check(t, "Kari: RCO01", r.RCO01.Figure, 2, fx.orgs("A", "B"), nil)
	fx.check(t, "Kari: at cross-border activities", r.BorderActivityOrgs, 2, fx.orgs("A", "B"), fx.visits("v4"))
	// Joint actions name no advisor: their figures are the whole selection's.
	fx.check(t, "Kari: RCO87", r.RCO87, 5, fx.orgs("A", "B", "C", "D", "Inc"), nil)
	fx.check(t, "Kari: RCO81", r.RCO81, 6, fx.orgs("A", "B"), fx.visits("v4"))
	// Assessments count for the organisations the advisor visited.
	if r.SDGsAddressed != 2 || r.ImpactOrgs.Value != 1 {
		t.Errorf("Kari: %d goals, %d improved", r.SDGsAddressed, r.ImpactOrgs.Value)
	}

	// Norway: partners from Sweden make a visit cross-border but are not counted.
	r = compute(t, fx, indicators.Filter{From: from, To: to, Country: "no"})
	fx.check(t, "NO: visits", r.VisitCount, 6, fx.orgs("B", "U", "D"), fx.visits("v6", "v7", "v8", "v9", "v3", "v4"))
	fx.check(t, "NO: RCO01", r.RCO01.Figure, 2, fx.orgs("B", "D"), nil)
	fx.check(t, "NO: at cross-border activities", r.BorderActivityOrgs, 2, fx.orgs("B", "U"), nil)
	fx.check(t, "NO: RCO87", r.RCO87, 3, fx.orgs("B", "D", "Inc"), nil)
	fx.check(t, "NO: RCO81", r.RCO81, 34, fx.orgs("B", "U"), fx.visits("v6", "v3", "v4"))
	if b := r.Breakdown(indicators.ByCountry); len(b.Rows) != 1 || b.Rows[0].Key != "NO" {
		t.Errorf("NO: by country %+v", b.Rows)
	}

	// County, municipality and kind.
	r = compute(t, fx, indicators.Filter{From: from, To: to, County: "23"})
	fx.check(t, "Jämtland: RCO01", r.RCO01.Figure, 2, fx.orgs("A", "C"), nil)
	r = compute(t, fx, indicators.Filter{From: from, To: to, Municipality: "2321"})
	fx.check(t, "Åre: visits", r.VisitCount, 4, fx.orgs("A"), fx.visits("v1", "v2", "v3", "v4"))
	r = compute(t, fx, indicators.Filter{From: from, To: to, Kind: domain.KindAcademia})
	fx.check(t, "academia: reached", r.OrgsReached, 1, fx.orgs("U"), fx.visits("v6"))
	fx.check(t, "academia: RCO01", r.RCO01.Figure, 0, nil, []string{})

	// Open-ended period: everything live, the deleted visit still not.
	r = compute(t, fx, indicators.Filter{})
	fx.check(t, "all time: RCO01", r.RCO01.Figure, 5, fx.orgs("A", "B", "C", "D", "E"), nil)
	fx.check(t, "all time: medium", r.RCO01.Medium, 1, fx.orgs("E"), fx.visits("before", "after"))
}

func TestFilterValidation(t *testing.T) {
	for _, f := range []indicators.Filter{
		{From: "2026-13-01"}, {To: "30.06.2026"}, {From: "2026-07-01", To: "2026-06-30"},
		{Country: "DK"}, {County: "99"}, {Municipality: "9999"}, {Kind: "charity"},
	} {
		if _, err := indicators.Compute(context.Background(), nil, f); err == nil {
			t.Errorf("%+v accepted", f)
		} else if _, ok := domain.AsValidation(err); !ok {
			t.Errorf("%+v: %v is no validation error", f, err)
		}
	}
}

func TestJSONForm(t *testing.T) {
	fx := newFixture(t)
	r := compute(t, fx, indicators.Filter{From: from, To: to})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		From, To   string
		Indicators map[string]map[string]float64
		Gender     map[string]int
		Breakdowns map[string][]map[string]any
		SDGs       []map[string]any
		Impact     []map[string]any
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.From != from || doc.To != to {
		t.Errorf("period %s..%s", doc.From, doc.To)
	}
	want := map[string]map[string]float64{
		"RCO01": {"value": 4, "micro": 1, "small": 1, "medium": 0, "large": 1, "unknown": 1},
		"RCO04": {"value": 4}, "RCO81": {"value": 35}, "RCO83": {"value": 1}, "RCO84": {"value": 1}, "RCO87": {"value": 5},
		"organisations_at_cross_border_activities": {"value": 4}, "organisations_reached": {"value": 6},
		"women_led": {"value": 2}, "visits": {"value": 9},
		"cross_border_visits": {"value": 4}, "advisor_hours": {"value": 11.25}, "sdgs_addressed": {"value": 3},
		"organisations_improved": {"value": 2},
	}
	for k, w := range want {
		for f, n := range w {
			if got, ok := doc.Indicators[k][f]; !ok || got != n {
				t.Errorf("indicators.%s.%s = %v, want %v", k, f, got, n)
			}
		}
	}
	if doc.Gender["women"] != 22 || doc.Gender["total"] != 43 {
		t.Errorf("gender %v", doc.Gender)
	}
	if len(doc.Breakdowns["municipality"]) != 6 || len(doc.SDGs) != 17 || len(doc.Impact) != 2 {
		t.Errorf("breakdowns %v sdgs %d impact %d", doc.Breakdowns["municipality"], len(doc.SDGs), len(doc.Impact))
	}
}
