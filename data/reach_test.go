package data_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// kindOrg stores an organisation of a kind.
func kindOrg(t *testing.T, s *data.Store, name string, kind domain.OrgKind) domain.Organisation {
	t.Helper()
	o := domain.Organisation{Name: name, Kind: kind}
	if err := s.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestAnInnovationActorRecordsTheEnterprisesItReached(t *testing.T) {
	s, _ := datatest.Open(t)
	hub := kindOrg(t, s, "Nasjonalparken Næringshage", domain.KindIncubator)
	sme := kindOrg(t, s, "Lierne Laks AS", domain.KindSME)
	r := domain.Reach{ActorID: hub.ID, Date: "2026-09-10", OrgIDs: []string{sme.ID, sme.ID}, Others: 11,
		Notes: "Workshop om BMC for medlemsbedriftene", ModelIDs: []string{"bmc"}}
	if err := s.CreateReach(ctx, &r); err != nil {
		t.Fatal(err)
	}
	got, err := s.Reach(ctx, r.ID)
	if err != nil || got.Reached() != 12 || len(got.OrgIDs) != 1 || got.ModelIDs[0] != "bmc" {
		t.Fatalf("stored %+v (%v), want one named and 11 counted", got, err)
	}
	l, err := s.Reaches(ctx, data.ReachQuery{ActorID: hub.ID, From: "2026-09-01", To: "2026-09-30"})
	if err != nil || len(l) != 1 {
		t.Fatalf("by actor and period: %d %v", len(l), err)
	}
	if l, _ := s.Reaches(ctx, data.ReachQuery{From: "2026-10-01"}); len(l) != 0 {
		t.Errorf("outside the period: %d", len(l))
	}

	for _, c := range []struct {
		name  string
		r     domain.Reach
		field string
	}{
		{"an enterprise passing it on", domain.Reach{ActorID: sme.ID, Date: "2026-09-10", Others: 3}, "actor"},
		{"no actor", domain.Reach{Date: "2026-09-10", Others: 3}, "actor"},
		{"no such actor", domain.Reach{ActorID: "no-such-org", Date: "2026-09-10", Others: 3}, "actor"},
		{"nobody reached", domain.Reach{ActorID: hub.ID, Date: "2026-09-10"}, "others"},
		{"a negative count", domain.Reach{ActorID: hub.ID, Date: "2026-09-10", Others: -2, OrgIDs: []string{sme.ID}}, "others"},
		{"the actor reaching itself", domain.Reach{ActorID: hub.ID, Date: "2026-09-10", OrgIDs: []string{hub.ID}}, "orgs"},
		{"no such enterprise", domain.Reach{ActorID: hub.ID, Date: "2026-09-10", OrgIDs: []string{"no-such-org"}}, "orgs"},
		{"not a date", domain.Reach{ActorID: hub.ID, Date: "2026-13-01", Others: 3}, "date"},
	} {
		err := s.CreateReach(ctx, &c.r)
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Field != c.field {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if l, _ := s.Reaches(ctx, data.ReachQuery{}); len(l) != 1 {
		t.Fatalf("refused records were stored: %d", len(l))
	}
}

func TestMergingMovesReachRecords(t *testing.T) {
	s, _ := datatest.Open(t)
	hub := kindOrg(t, s, "Peak Innovation", domain.KindIncubator)
	hubDup := kindOrg(t, s, "Peak Innovation AB", domain.KindIncubator)
	sme := kindOrg(t, s, "Fjälldata AB", domain.KindSME)
	smeDup := kindOrg(t, s, "Fjälldata", domain.KindSME)
	r := domain.Reach{ActorID: hubDup.ID, Date: "2026-09-10", OrgIDs: []string{smeDup.ID}}
	if err := s.CreateReach(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeOrganisations(ctx, hub.ID, hubDup.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeOrganisations(ctx, sme.ID, smeDup.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Reach(ctx, r.ID)
	if got.ActorID != hub.ID || !slices.Equal(got.OrgIDs, []string{sme.ID}) {
		t.Fatalf("after the merges: actor %s, reached %v", got.ActorID, got.OrgIDs)
	}
}

// A stranger's values no form would store are kept aside.
func TestInvalidImportedReachValuesAreKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	hub := kindOrg(t, s, "Peak Innovation", domain.KindIncubator)
	r := domain.Reach{ActorID: hub.ID, Date: "2026-09-10", Others: 4}
	if err := s.CreateReach(ctx, &r); err != nil {
		t.Fatal(err)
	}
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i, fv := range [][2]string{{"others", `-5`}, {"others", `1000000000`}, {"actor", `""`}, {"date", `""`}, {"orgs", `"x"`}} {
		batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: now, Entity: domain.EntityReach, ID: r.ID, Field: fv[0], Value: fv[1]})
	}
	batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(len(batch) + 1), HLC: now, Entity: domain.EntityReach, ID: r.ID, Field: "others", Value: `40`})
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused+res.Unknown != len(batch)-1 || res.Applied != 1 {
		t.Fatalf("import: %+v", res)
	}
	if got, _ := s.Reach(ctx, r.ID); got.Others != 40 || got.ActorID != hub.ID {
		t.Fatalf("after the import: %+v", got)
	}
}
