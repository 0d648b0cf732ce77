package data_test

// The project partner on visits and joint actions: stamped from the
// recording device's profile, kept when the profile changes, and stamped
// once on older records by the device that recorded them only.

import (
	"errors"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestPartnerIsStampedFromTheRecordingDevicesProfile(t *testing.T) {
	a, _ := datatest.Open(t) // Peak Innovation's advisor, no profile yet
	b, _ := datatest.Open(t) // a Norwegian colleague's device
	se := datatest.Org(t, a, "Fjällbageriet AB", "")
	old := datatest.Visit(t, a, "2026-01-10", "before partners were kept", se.ID)
	oldJoint := domain.JointAction{Kind: domain.JointPlan, Title: "Plan", OrgIDs: []string{se.ID}}
	if err := a.CreateJointAction(ctx, &oldJoint); err != nil {
		t.Fatal(err)
	}
	fromA, _ := a.Changes(ctx, a.DeviceID(), 0, 0)
	datatest.Import(t, b, fromA)
	colleague := datatest.Visit(t, b, "2026-01-11", "a colleague's visit", se.ID)
	fromB, _ := b.Changes(ctx, b.DeviceID(), 0, 0)
	datatest.Import(t, a, fromB)

	if err := a.SetProfile(data.Profile{Advisor: "Anna", Organisation: " Peak Innovation ", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	got := visitOf(t, a, old.ID)
	if got.Partner != "Peak Innovation" || got.Side != domain.CountrySE {
		t.Errorf("own older visit: partner %q side %q, want Peak Innovation SE", got.Partner, got.Side)
	}
	if j, _ := a.JointAction(ctx, oldJoint.ID); j.Partner != "Peak Innovation" || j.Side != domain.CountrySE {
		t.Errorf("own older joint action: partner %q side %q", j.Partner, j.Side)
	}
	if got := visitOf(t, a, colleague.ID); got.Partner != "" || got.Side != "" {
		t.Errorf("a colleague's visit was stamped with this device's partner: %q %q", got.Partner, got.Side)
	}

	// The stamp syncs: the colleague's device sees it.
	stamps, _ := a.Changes(ctx, a.DeviceID(), 0, 0)
	datatest.Import(t, b, stamps)
	if got := visitOf(t, b, old.ID); got.Partner != "Peak Innovation" {
		t.Errorf("on the colleague's device the stamped visit has partner %q", got.Partner)
	}

	// A new visit takes the profile; after the profile changes, the old
	// visits keep the partner they were stamped with, and nothing is
	// stamped a second time.
	cleared := datatest.Visit(t, a, "2026-02-01", "", se.ID)
	v := visitOf(t, a, cleared.ID)
	if v.Partner != "Peak Innovation" || v.Side != domain.CountrySE {
		t.Fatalf("new visit: %q %q", v.Partner, v.Side)
	}
	v.Partner, v.Side = "", ""
	if err := a.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if err := a.SetProfile(data.Profile{Advisor: "Anna", Organisation: "Nasjonalparken Næringshage", Country: domain.CountryNO}); err != nil {
		t.Fatal(err)
	}
	if n, err := a.StampOwnRecords(ctx); n != 0 || err != nil {
		t.Errorf("second stamping stamped %d (%v), want none", n, err)
	}
	if got := visitOf(t, a, old.ID); got.Partner != "Peak Innovation" || got.Side != domain.CountrySE {
		t.Errorf("after the profile changed the old visit has %q %q", got.Partner, got.Side)
	}
	if got := visitOf(t, a, cleared.ID); got.Partner != "" {
		t.Errorf("a partner the advisor cleared came back: %q", got.Partner)
	}
	nv := datatest.Visit(t, a, "2026-03-01", "", se.ID)
	if got := visitOf(t, a, nv.ID); got.Partner != "Nasjonalparken Næringshage" || got.Side != domain.CountryNO {
		t.Errorf("new visit after the change: %q %q", got.Partner, got.Side)
	}
}

func TestPartnerAndSideAreChecked(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Fjällbageriet AB", "")
	for _, side := range []domain.Country{"DK", "se x"} {
		v := domain.Visit{Date: "2026-01-10", OrgIDs: []string{o.ID}, Partner: "Peak", Side: side}
		if err := s.CreateVisit(ctx, &v); !hasField(err, "side") {
			t.Errorf("side %q: %v, want a problem with side", side, err)
		}
	}
	v := domain.Visit{Date: "2026-01-10", OrgIDs: []string{o.ID}, Partner: "Peak\ninnovation", Side: "se"}
	if err := s.CreateVisit(ctx, &v); !hasField(err, "partner") {
		t.Errorf("a partner over two lines: %v", err)
	}
	v = domain.Visit{Date: "2026-01-10", OrgIDs: []string{o.ID}, Partner: "  Peak   Innovation ", Side: " no"}
	if err := s.CreateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if got := visitOf(t, s, v.ID); got.Partner != "Peak Innovation" || got.Side != domain.CountryNO {
		t.Errorf("stored %q %q", got.Partner, got.Side)
	}
}

func visitOf(t *testing.T, s *data.Store, id string) domain.Visit {
	t.Helper()
	v, err := s.Visit(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func hasField(err error, field string) bool {
	if v, ok := err.(*domain.ValidationError); ok {
		return v.Field == field
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if hasField(e, field) {
				return true
			}
		}
	}
	if u := errors.Unwrap(err); u != nil {
		return hasField(u, field)
	}
	return false
}
