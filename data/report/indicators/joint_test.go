package indicators_test

import (
	"database/sql"
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// The traps of the joint actions' figures (issue 16 §5), each on the
// fixture's joint actions (see newFixture) with its known answer.
func TestJointActionTraps(t *testing.T) {
	fx := newFixture(t)
	h1 := compute(t, fx, indicators.Filter{From: from, To: to})
	named := func(r *indicators.Report, short string) bool {
		for _, f := range []indicators.Figure{r.RCO83, r.RCO84, r.RCO87} {
			if slices.Contains(f.Joints, fx.j[short]) {
				return true
			}
		}
		_, ok := r.JointActions[fx.j[short]]
		return ok
	}

	t.Run("a workshop of both countries is no joint action", func(t *testing.T) {
		// v6: P (SE) and U (NO) at an event, in no joint action.
		for _, o := range []string{"P", "U"} {
			if slices.Contains(h1.RCO87.Orgs, fx.org[o]) {
				t.Errorf("%s is in RCO87", o)
			}
			if !slices.Contains(h1.BorderActivityOrgs.Orgs, fx.org[o]) {
				t.Errorf("%s is not among the organisations at cross-border activities", o)
			}
		}
	})
	t.Run("a pilot of one country is not across the border", func(t *testing.T) {
		if named(h1, "one-country pilot") {
			t.Error("the Swedish-only pilot is counted")
		}
		se := compute(t, fx, indicators.Filter{From: from, To: to, Country: domain.CountrySE})
		fx.check(t, "Sweden RCO84", se.RCO84, 1, fx.orgs("A"), nil)
		fx.checkJoints(t, "Sweden RCO84", se.RCO84, "pilot")
	})
	t.Run("a pilot completed the day after the period is the next period's", func(t *testing.T) {
		if slices.Contains(h1.RCO84.Joints, fx.j["late pilot"]) {
			t.Error("the pilot completed on 1 July is in the first half's RCO84")
		}
		h2 := compute(t, fx, indicators.Filter{From: "2026-07-01", To: "2026-12-31"})
		fx.check(t, "second half RCO84", h2.RCO84, 1, fx.orgs("A", "D"), nil)
		fx.checkJoints(t, "second half RCO84", h2.RCO84, "late pilot")
		// Ongoing since 1 June, it is cooperation in both halves.
		fx.checkJoints(t, "second half RCO87", h2.RCO87, "late pilot")
		may := compute(t, fx, indicators.Filter{From: "2026-05-01", To: "2026-05-31"})
		fx.checkJoints(t, "May RCO87", may.RCO87, "pilot")
	})
	t.Run("a plan completed in the period", func(t *testing.T) {
		fx.check(t, "RCO83", h1.RCO83, 1, fx.orgs("C", "D", "Inc"), nil)
		fx.checkJoints(t, "RCO83", h1.RCO83, "plan")
		if h1.JointActions[fx.j["plan"]].Title != "plan" || h1.JointActions[fx.j["plan"]].Kind != domain.JointPlan {
			t.Errorf("the plan reads %+v", h1.JointActions[fx.j["plan"]])
		}
	})
	t.Run("an innovation actor among the partners", func(t *testing.T) {
		// Inc, an incubator, visited in the period: reached, cooperating, no enterprise.
		v := domain.Visit{Date: "2026-03-20", Type: domain.VisitOnSite, Minutes: 60, Advisor: "Kari Nordmann", OrgIDs: fx.orgs("Inc")}
		if err := fx.s.CreateVisit(t.Context(), &v); err != nil {
			t.Fatal(err)
		}
		r := compute(t, fx, indicators.Filter{From: from, To: to})
		inc := fx.org["Inc"]
		if !slices.Contains(r.RCO87.Orgs, inc) || !slices.Contains(r.OrgsReached.Orgs, inc) {
			t.Errorf("Inc: in RCO87 %v, reached %v", slices.Contains(r.RCO87.Orgs, inc), slices.Contains(r.OrgsReached.Orgs, inc))
		}
		if slices.Contains(r.RCO01.Orgs, inc) || r.RCO01.Value != 4 {
			t.Errorf("RCO01 = %d %v, the incubator is no enterprise", r.RCO01.Value, fx.names(r.RCO01.Orgs))
		}
		incubators := compute(t, fx, indicators.Filter{From: from, To: to, Kind: domain.KindIncubator})
		fx.check(t, "incubators RCO87", incubators.RCO87, 1, fx.orgs("Inc"), nil)
		fx.check(t, "incubators RCO83", incubators.RCO83, 1, fx.orgs("Inc"), nil)
		fx.check(t, "incubators RCO84", incubators.RCO84, 0, nil, nil)
	})
	t.Run("a merged duplicate partner counts once, as its keeper", func(t *testing.T) {
		// D is a partner of the late pilot, and of the plan through its duplicate.
		if slices.Contains(h1.RCO87.Orgs, fx.org["Ddup"]) || !slices.Contains(h1.RCO87.Orgs, fx.org["D"]) || h1.RCO87.Value != len(h1.RCO87.Orgs) {
			t.Errorf("RCO87 %d: %v", h1.RCO87.Value, fx.names(h1.RCO87.Orgs))
		}
		want := fx.orgs("C", "D", "Inc")
		slices.Sort(want)
		if got := h1.JointActions[fx.j["plan"]].OrgIDs; !slices.Equal(got, want) {
			t.Errorf("the plan's partners %v", fx.names(got))
		}
	})
	t.Run("deleted joint actions and partners, planned actions do not count", func(t *testing.T) {
		for _, short := range []string{"deleted pilot", "with X", "planned"} {
			if named(h1, short) {
				t.Errorf("%s is counted", short)
			}
		}
		if slices.Contains(h1.RCO87.Orgs, fx.org["E"]) || slices.Contains(h1.RCO87.Orgs, fx.org["X"]) {
			t.Errorf("RCO87 %v", fx.names(h1.RCO87.Orgs))
		}
		// Restored, the pilot counts again.
		if err := fx.s.RestoreJointAction(t.Context(), fx.j["deleted pilot"]); err != nil {
			t.Fatal(err)
		}
		r := compute(t, fx, indicators.Filter{From: from, To: to})
		fx.checkJoints(t, "RCO84 with the restored pilot", r.RCO84, "deleted pilot", "pilot")
	})
	t.Run("the advisor selection does not apply to joint actions", func(t *testing.T) {
		r := compute(t, fx, indicators.Filter{From: from, To: to, Advisor: "nobody"})
		all := compute(t, fx, indicators.Filter{From: from, To: to})
		if r.VisitCount.Value != 0 || !slices.Equal(r.RCO87.Orgs, all.RCO87.Orgs) || r.RCO84.Value != all.RCO84.Value ||
			r.RCO83.Value != 1 || r.RCO87.Value != 5 {
			t.Errorf("advisor nobody: %d visits, RCO87 %v, RCO84 %d, RCO83 %d", r.VisitCount.Value, fx.names(r.RCO87.Orgs),
				r.RCO84.Value, r.RCO83.Value)
		}
	})
}

// Joint actions as a colleague's newer version, or a damaged database, may
// leave them: an unknown kind or status, repeated and unknown partners, a
// partner list that is not one. Written underneath the store.
func TestJointActionsWithOddData(t *testing.T) {
	fx := newFixture(t)
	raw, err := sql.Open("sqlite3", "file:"+fx.s.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	set := func(short, column, value string) {
		t.Helper()
		if _, err := raw.Exec(`UPDATE joint_actions SET `+column+` = ? WHERE id = ?`, value, fx.j[short]); err != nil {
			t.Fatal(err)
		}
	}
	// A kind this build does not know, with A twice, an id never received and U: across the border, ran since February.
	set("with X", "kind", "workshop")
	set("with X", "orgs", `["`+fx.org["A"]+`", "`+fx.org["A"]+`", "never-received", "`+fx.org["U"]+`"]`)
	// A status this build does not know: it did not run, as far as this build can tell.
	set("planned", "status", "paused")
	r := compute(t, fx, indicators.Filter{From: from, To: to})
	fx.check(t, "RCO87", r.RCO87, 6, fx.orgs("A", "B", "C", "D", "Inc", "U"), nil)
	fx.checkJoints(t, "RCO87", r.RCO87, "with X", "plan", "pilot", "late pilot")
	fx.checkJoints(t, "RCO84", r.RCO84, "pilot")
	fx.checkJoints(t, "RCO83", r.RCO83, "plan")
	want := fx.orgs("A", "U")
	slices.Sort(want)
	if got := r.JointActions[fx.j["with X"]].OrgIDs; !slices.Equal(got, want) {
		t.Errorf("partners %v", fx.names(got))
	}

	// A partner list that is not a list is named, not read as no partners.
	set("plan", "orgs", `{"not": "a list"}`)
	_, err = indicators.Compute(t.Context(), fx.s, indicators.Filter{From: from, To: to})
	if err == nil || !strings.Contains(err.Error(), fx.j["plan"]) {
		t.Errorf("a damaged partner list: %v", err)
	}
}
