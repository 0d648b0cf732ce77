package data_test

// Relations between organisations: what a form may store, what the lists
// read, and what a merge and a stranger's bundle do to them.

import (
	"errors"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// relationSummary is "from>kind>to" per relation, in list order.
func relationSummary(t *testing.T, rs []domain.Relation, names map[string]string) string {
	t.Helper()
	var out []string
	for _, r := range rs {
		out = append(out, names[r.FromOrg]+">"+string(r.Kind)+">"+names[r.ToOrg])
	}
	return strings.Join(out, "|")
}

func TestRelationsAreStoredAndListedBothWays(t *testing.T) {
	s, _ := datatest.Open(t)
	cluster := datatest.Org(t, s, "Peak Innovation", "")
	firm := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	region := datatest.Org(t, s, "Trøndelag fylkeskommune", "")
	names := map[string]string{cluster.ID: "peak", firm.ID: "kvarn", region.ID: "region"}
	member := domain.Relation{FromOrg: " " + firm.ID, ToOrg: cluster.ID, Kind: domain.RelationMemberOf, Start: "2026-03-01"}
	funded := domain.Relation{FromOrg: cluster.ID, ToOrg: region.ID, Kind: domain.RelationFundedBy, Notes: "Årligt bidrag"}
	for _, r := range []*domain.Relation{&member, &funded} {
		if err := s.CreateRelation(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Relations(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if g := relationSummary(t, all, names); g != "kvarn>member-of>peak|peak>funded-by>region" {
		t.Fatalf("all relations (dated first): %q", g)
	}
	ofCluster, _ := s.Relations(ctx, cluster.ID)
	ofFirm, _ := s.Relations(ctx, firm.ID)
	if len(ofCluster) != 2 || relationSummary(t, ofFirm, names) != "kvarn>member-of>peak" {
		t.Fatalf("the cluster's: %v; the firm's: %v", ofCluster, ofFirm)
	}
	got, err := s.Relation(ctx, member.ID)
	if err != nil || got.FromOrg != firm.ID || got.Start != "2026-03-01" || got.Other(firm.ID) != cluster.ID {
		t.Fatalf("stored: %+v %v", got, err)
	}
	got.End = "2026-12-31"
	if err := s.UpdateRelation(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Relation(ctx, member.ID); again.End != "2026-12-31" {
		t.Fatalf("after edit: %+v", again)
	}
	// A relation with a deleted organisation is no longer listed.
	if err := s.DeleteOrganisation(ctx, region.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Relations(ctx, ""); relationSummary(t, all, names) != "kvarn>member-of>peak" {
		t.Fatalf("after the region's delete: %v", relationSummary(t, all, names))
	}
	if err := s.DeleteRelation(ctx, member.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Relations(ctx, ""); len(all) != 0 {
		t.Fatalf("after delete: %v", all)
	}
	if err := s.RestoreRelation(ctx, member.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Relations(ctx, firm.ID); len(all) != 1 {
		t.Fatalf("after undo: %v", all)
	}
}

func TestARelationAFormCouldNotSaveIsRefused(t *testing.T) {
	s, _ := datatest.Open(t)
	a := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	b := datatest.Org(t, s, "Peak Innovation", "")
	gone := datatest.Org(t, s, "Nedlagt AB", "")
	if err := s.DeleteOrganisation(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	ok := domain.Relation{FromOrg: a.ID, ToOrg: b.ID, Kind: domain.RelationPartnerOf}
	for _, c := range []struct {
		name  string
		edit  func(r *domain.Relation)
		field string
	}{
		{"with itself", func(r *domain.Relation) { r.ToOrg = a.ID }, "to_org"},
		{"no kind", func(r *domain.Relation) { r.Kind = "" }, "kind"},
		{"unknown kind", func(r *domain.Relation) { r.Kind = "enemy-of" }, "kind"},
		{"no first organisation", func(r *domain.Relation) { r.FromOrg = " " }, "from_org"},
		{"no second organisation", func(r *domain.Relation) { r.ToOrg = "" }, "to_org"},
		{"ends before it starts", func(r *domain.Relation) { r.Start, r.End = "2026-05-01", "2026-04-30" }, "end_date"},
		{"not a date", func(r *domain.Relation) { r.Start = "2026-02-30" }, "start_date"},
		{"no such organisation", func(r *domain.Relation) { r.ToOrg = "no-such-org" }, "to_org"},
		{"a deleted organisation", func(r *domain.Relation) { r.FromOrg = gone.ID }, "from_org"},
	} {
		r := ok
		c.edit(&r)
		err := s.CreateRelation(ctx, &r)
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Field != c.field {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if l, _ := s.Relations(ctx, ""); len(l) != 0 {
		t.Fatalf("refused relations were stored: %+v", l)
	}
}

func TestMergingAnOrganisationMovesItsRelations(t *testing.T) {
	s, _ := datatest.Open(t)
	keep := datatest.Org(t, s, "Fjälldata AB", "")
	dup := datatest.Org(t, s, "Fjälldata", "")
	cluster := datatest.Org(t, s, "Peak Innovation", "")
	member := domain.Relation{FromOrg: dup.ID, ToOrg: cluster.ID, Kind: domain.RelationMemberOf}
	between := domain.Relation{FromOrg: keep.ID, ToOrg: dup.ID, Kind: domain.RelationPartnerOf}
	for _, r := range []*domain.Relation{&member, &between} {
		if err := s.CreateRelation(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.MergeOrganisations(ctx, keep.ID, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Relations != 2 {
		t.Errorf("merge changed %d relations, want 2", res.Relations)
	}
	l, _ := s.Relations(ctx, keep.ID)
	if len(l) != 1 || l[0].ID != member.ID || l[0].FromOrg != keep.ID || l[0].ToOrg != cluster.ID {
		t.Fatalf("the kept organisation's relations: %+v", l)
	}
	if _, err := s.Relation(ctx, between.ID); err == nil {
		t.Fatal("the relation between the two merged organisations would link the kept one with itself: it is deleted")
	}
}

// A stranger with write access to the shared folder sends relation values no
// form would store: they are kept aside, the valid ones applied.
func TestInvalidImportedRelationValuesAreKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	a := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	b := datatest.Org(t, s, "Peak Innovation", "")
	r := domain.Relation{FromOrg: a.ID, ToOrg: b.ID, Kind: domain.RelationMemberOf}
	if err := s.CreateRelation(ctx, &r); err != nil {
		t.Fatal(err)
	}
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i, fv := range [][2]string{
		{"kind", `"enemy-of"`}, {"kind", `""`}, {"from_org", `""`}, {"to_org", `"` + strings.Repeat("x", 500) + `"`},
		{"start_date", `"2026-02-30"`}, {"end_date", `"9999-01-01"`}, {"notes", `"\u001b[2J"`}, {"to_org", `["a"]`},
	} {
		batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: now, Entity: domain.EntityRelation, ID: r.ID, Field: fv[0], Value: fv[1]})
	}
	batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(len(batch) + 1), HLC: now, Entity: domain.EntityRelation, ID: r.ID, Field: "kind", Value: `"partner-of"`})
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused+res.Unknown != len(batch)-1 || res.Applied != 1 {
		t.Fatalf("import: %+v, want %d kept aside and 1 applied", res, len(batch)-1)
	}
	got, _ := s.Relation(ctx, r.ID)
	if got.Kind != domain.RelationPartnerOf || got.FromOrg != a.ID || got.ToOrg != b.ID || got.Start != "" || got.Notes != "" {
		t.Fatalf("after the import: %+v", got)
	}
}

// A relation of an organisation with itself cannot be typed; one that
// arrives from a damaged bundle is not listed (the map would draw a loop).
func TestAnImportedSelfRelationIsNotListed(t *testing.T) {
	s, _ := datatest.Open(t)
	a := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i, fv := range [][2]string{{"from_org", `"` + a.ID + `"`}, {"to_org", `"` + a.ID + `"`}, {"kind", `"partner-of"`}} {
		batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: now, Entity: domain.EntityRelation, ID: "self", Field: fv[0], Value: fv[1]})
	}
	if _, err := datatest.ImportChanges(ctx, s, batch); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.Relations(ctx, ""); len(l) != 0 {
		t.Fatalf("a self-relation was listed: %+v", l)
	}
}
