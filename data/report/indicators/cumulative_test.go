package indicators_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// Since project start: beside each period figure, the whole project up to
// the period's end, each organisation once. On the fixture the first visit
// ("before", 2025-12-31: E and B across the border) starts the project.
func TestCumulativeCountsTheProjectUpToThePeriodsEnd(t *testing.T) {
	fx := newFixture(t)
	r := compute(t, fx, indicators.Filter{From: from, To: to})
	c := r.Cumulative
	if c == nil || c.From != "2025-12-31" || c.To != to {
		t.Fatalf("cumulative %+v, want 2025-12-31 – %s", c, to)
	}
	// The period's figures are the period's (E is not in them).
	fx.check(t, "period RCO01", r.RCO01.Figure, 4, fx.orgs("A", "B", "C", "D"), nil)
	fx.check(t, "since start RCO01", c.RCO01.Figure, 5, fx.orgs("A", "B", "C", "D", "E"), nil)
	fx.check(t, "since start RCO01 medium", c.RCO01.Medium, 1, fx.orgs("E"), nil)
	fx.check(t, "since start RCO04", c.RCO04, 5, fx.orgs("A", "B", "C", "D", "E"), nil)
	fx.check(t, "since start RCO87", c.RCO87, 5, fx.orgs("A", "B", "C", "D", "Inc"), nil)
	fx.check(t, "since start at cross-border activities", c.BorderActivityOrgs, 5, fx.orgs("A", "B", "E", "P", "U"), nil)
	fx.check(t, "since start reached", c.OrgsReached, 7, fx.orgs("A", "B", "C", "D", "E", "P", "U"), nil)
	if c.VisitCount.Value != 10 || c.CrossBorder.Value != 5 || c.Minutes != 735 {
		t.Errorf("since start: %d visits, %d cross-border, %d minutes; want 10, 5, 735", c.VisitCount.Value, c.CrossBorder.Value, c.Minutes)
	}
	fx.checkJoints(t, "since start RCO84", c.RCO84, "pilot")
	fx.checkJoints(t, "since start RCO83", c.RCO83, "plan")

	// Two half-years added up count E and B twice; the project counts them once.
	h2 := compute(t, fx, indicators.Filter{From: "2026-07-01", To: "2026-12-31"})
	if h2.RCO01.Value != 2 || h2.Cumulative.RCO01.Value != 5 || h2.Cumulative.VisitCount.Value != 11 {
		t.Errorf("second half: period %d, since start %d (%d visits); want 2 and 5 (11 visits)",
			h2.RCO01.Value, h2.Cumulative.RCO01.Value, h2.Cumulative.VisitCount.Value)
	}
	// The pilot completed on 1 July is the second half's, and the project's since then.
	fx.checkJoints(t, "second half RCO84", h2.RCO84, "late pilot")
	fx.checkJoints(t, "second half since start RCO84", h2.Cumulative.RCO84, "pilot", "late pilot")
	if h2.Cumulative.RCO84.Value != 2 || h2.Cumulative.RCO83.Value != 1 {
		t.Errorf("second half since start: RCO84 %d, RCO83 %d; want 2 and 1", h2.Cumulative.RCO84.Value, h2.Cumulative.RCO83.Value)
	}

	// A project start set by the lead: nothing before it counts.
	set := compute(t, fx, indicators.Filter{From: "2026-04-01", To: to, ProjectStart: "2026-01-01"})
	fx.check(t, "from a set start RCO01", set.Cumulative.RCO01.Figure, 4, fx.orgs("A", "B", "C", "D"), nil)
	fx.check(t, "from April RCO01", set.RCO01.Figure, 3, fx.orgs("A", "B", "D"), nil)

	// The selection applies to the project's figures too.
	no := compute(t, fx, indicators.Filter{From: from, To: to, Country: "NO"})
	fx.check(t, "Norway since start RCO01", no.Cumulative.RCO01.Figure, 2, fx.orgs("B", "D"), nil)

	// A start that is not a date is refused with the other filter problems.
	if _, err := indicators.Compute(t.Context(), fx.s, indicators.Filter{From: from, To: to, ProjectStart: "2026-13-01"}); err == nil {
		t.Error("a project start of 2026-13-01 was taken")
	}
}
