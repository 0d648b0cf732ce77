package indicators

import (
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/domain"
)

// When a joint action ran, at the edges of a period (1–31 March).
func TestJointActionRanInThePeriod(t *testing.T) {
	const from, to = "2026-03-01", "2026-03-31"
	recorded := time.Date(2026, 3, 15, 12, 0, 0, 0, time.Local)
	done, ongoing, planned := domain.JointCompleted, domain.JointOngoing, domain.JointPlanned
	for _, tc := range []struct {
		name      string
		j         domain.JointAction
		ran, done bool
	}{
		{"completed on the first day", domain.JointAction{Status: done, Start: "2026-01-01", Date: from}, true, true},
		{"completed the day before", domain.JointAction{Status: done, Start: "2026-01-01", Date: "2026-02-28"}, false, false},
		{"completed on the last day", domain.JointAction{Status: done, Start: "2026-03-31", Date: to}, true, true},
		{"completed the day after", domain.JointAction{Status: done, Start: "2026-03-31", Date: "2026-04-01"}, true, false},
		{"started the day after", domain.JointAction{Status: done, Start: "2026-04-01", Date: "2026-04-02"}, false, false},
		{"completed, no start: its completion day", domain.JointAction{Status: done, Date: "2026-04-01"}, false, false},
		{"ongoing since before", domain.JointAction{Status: ongoing, Start: "2025-01-01"}, true, false},
		{"ongoing since the last day", domain.JointAction{Status: ongoing, Start: to}, true, false},
		{"ongoing, an end date passed: not completed", domain.JointAction{Status: ongoing, Start: "2025-01-01", Date: "2025-06-01"}, true, false},
		{"ongoing, no start: the day it was recorded", domain.JointAction{Status: ongoing, Meta: domain.Meta{CreatedAt: recorded}}, true, false},
		{"ongoing, recorded after", domain.JointAction{Status: ongoing, Meta: domain.Meta{CreatedAt: recorded.AddDate(0, 1, 0)}}, false, false},
		{"planned, dates in the period", domain.JointAction{Status: planned, Start: from, Date: to}, false, false},
		{"status from a newer version", domain.JointAction{Status: "paused", Start: from}, false, false},
	} {
		if got := activeIn(&tc.j, from, to); got != tc.ran {
			t.Errorf("%s: ran in the period %v, want %v", tc.name, got, tc.ran)
		}
		if got := completedIn(&tc.j, from, to); got != tc.done {
			t.Errorf("%s: completed in the period %v, want %v", tc.name, got, tc.done)
		}
	}
	// An open period holds every action that ran.
	if !activeIn(&domain.JointAction{Status: done, Date: "2020-01-01"}, "", "") {
		t.Error("an open period misses a completed action")
	}
}
