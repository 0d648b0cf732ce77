package data_test

import (
	"errors"
	"slices"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Deleting an organisation with its visits takes away the visits that were
// only its own, leaves a shared visit to the others, and its undo puts back
// exactly that, size at the visit included.
func TestAnOrganisationIsDeletedTogetherWithItsVisitsAndComesBackWithThem(t *testing.T) {
	s, _ := datatest.Open(t)
	gone := domain.Organisation{Name: "Snåsa Smak AS", Municipality: "5041", Kind: domain.KindSME, Employees: ptr(12)}
	if err := s.CreateOrganisation(ctx, &gone); err != nil {
		t.Fatal(err)
	}
	other := datatest.Org(t, s, "Fjällmejeriet AB", "")
	own1 := datatest.Visit(t, s, "2026-03-02", "Första besöket", gone.ID)
	own2 := datatest.Visit(t, s, "2026-04-02", "Andra besöket", gone.ID)
	shared := datatest.Visit(t, s, "2026-05-02", "Gemensam workshop", gone.ID, other.ID)
	joint := domain.JointAction{Kind: domain.JointPilot, Title: "Pilot", OrgIDs: []string{gone.ID, other.ID}}
	if err := s.CreateJointAction(ctx, &joint); err != nil {
		t.Fatal(err)
	}

	use, err := s.OrganisationUsage(ctx, gone.ID)
	if err != nil || use != (data.OrgUsage{Visits: 2, SharedVisits: 1, JointActions: 1}) {
		t.Fatalf("usage before the delete: %+v %v", use, err)
	}

	del, err := s.DeleteOrganisationWithVisits(ctx, gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organisation(ctx, gone.ID); !isNotFound(err) {
		t.Errorf("the organisation is still there: %v", err)
	}
	for _, id := range []string{own1.ID, own2.ID} {
		if _, err := s.Visit(ctx, id); !isNotFound(err) {
			t.Errorf("its own visit %s is still there: %v", id, err)
		}
	}
	v, err := s.Visit(ctx, shared.ID)
	if err != nil {
		t.Fatalf("the shared visit went too: %v", err)
	}
	if !slices.Equal(v.OrgIDs, []string{other.ID}) {
		t.Errorf("the shared visit names %v, want only %s", v.OrgIDs, other.ID)
	}
	if _, ok := v.Sizes[gone.ID]; ok {
		t.Errorf("the shared visit keeps the deleted organisation's size: %v", v.Sizes)
	}
	visits, err := s.Visits(ctx, data.VisitQuery{})
	if err != nil || len(visits) != 1 {
		t.Errorf("visits left: %d %v, want the shared one", len(visits), err)
	}

	if err := s.UndoOrganisationDeletion(ctx, del); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organisation(ctx, gone.ID); err != nil {
		t.Errorf("undo did not bring the organisation back: %v", err)
	}
	for _, id := range []string{own1.ID, own2.ID} {
		if _, err := s.Visit(ctx, id); err != nil {
			t.Errorf("undo did not bring visit %s back: %v", id, err)
		}
	}
	v, err = s.Visit(ctx, shared.ID)
	if err != nil || !slices.Equal(v.OrgIDs, sorted(gone.ID, other.ID)) || v.Sizes[gone.ID] != domain.SizeSmall {
		t.Errorf("undo: the shared visit names %v with sizes %v (%v)", v.OrgIDs, v.Sizes, err)
	}
}

// Deleting an organisation that is not there (or already deleted) changes nothing.
func TestDeletingAMissingOrganisationWithItsVisitsFails(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Borta AB", "")
	datatest.Visit(t, s, "2026-03-02", "", o.ID)
	if _, err := s.DeleteOrganisationWithVisits(ctx, "no-such-id"); !isNotFound(err) {
		t.Errorf("a missing id: %v", err)
	}
	if err := s.DeleteOrganisation(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteOrganisationWithVisits(ctx, o.ID); !isNotFound(err) {
		t.Errorf("an organisation already deleted: %v", err)
	}
	if visits, _ := s.Visits(ctx, data.VisitQuery{}); len(visits) != 1 {
		t.Errorf("a failed delete took the visit: %d left", len(visits))
	}
}

func isNotFound(err error) bool {
	var nf *domain.NotFoundError
	return errors.As(err, &nf)
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}
