package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// A next step that cannot be stored keeps the whole visit out: neither the
// visit (new or edited) nor any of its next steps is stored.
func TestVisitWithAFailingNextStepStoresNothing(t *testing.T) {
	s, _ := datatest.Open(t)
	live := datatest.Org(t, s, "Røros Ost AS", "")
	gone := datatest.Org(t, s, "Funäsdalen Fjällmat AB", "")
	if err := s.DeleteOrganisation(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	steps := []domain.Action{{Text: "Skicka offert"}, {Text: "Ring styrelsen", OrgID: gone.ID}}

	nv := data.NewVisit{Visit: domain.Visit{Date: "2026-11-20", OrgIDs: []string{live.ID}, Type: domain.VisitOnSite, Notes: "Första"},
		NextSteps: append([]domain.Action(nil), steps...)}
	err := s.CreateVisitWithActions(ctx, &nv)
	if vs := domain.ValidationErrors(err); len(vs) != 1 || vs[0].Field != "next_steps.1.org" {
		t.Fatalf("creating: %v", err)
	}
	if vs, _ := s.Visits(ctx, data.VisitQuery{}); len(vs) != 0 {
		t.Fatalf("a visit was stored: %+v", vs)
	}

	nv = data.NewVisit{Visit: domain.Visit{Date: "2026-11-20", OrgIDs: []string{live.ID}, Type: domain.VisitOnSite, Notes: "Första"}}
	if err := s.CreateVisitWithActions(ctx, &nv); err != nil {
		t.Fatal(err)
	}
	edit, err := s.Visit(ctx, nv.ID)
	if err != nil {
		t.Fatal(err)
	}
	edit.Notes = "Ändrad"
	err = s.UpdateVisitWithActions(ctx, &data.NewVisit{Visit: edit, NextSteps: append([]domain.Action(nil), steps...)})
	if vs := domain.ValidationErrors(err); len(vs) != 1 || vs[0].Field != "next_steps.1.org" {
		t.Fatalf("editing: %v", err)
	}
	if v, _ := s.Visit(ctx, nv.ID); v.Notes != "Första" {
		t.Errorf("the edit was stored: notes %q", v.Notes)
	}
	if acts, _ := s.Actions(ctx, data.ActionQuery{}); len(acts) != 0 {
		t.Fatalf("actions were stored: %+v", acts)
	}

	// Without the failing step, the edit and its next step are stored together.
	edit, _ = s.Visit(ctx, nv.ID)
	edit.Notes = "Ändrad"
	if err := s.UpdateVisitWithActions(ctx, &data.NewVisit{Visit: edit, NextSteps: steps[:1]}); err != nil {
		t.Fatal(err)
	}
	acts, _ := s.Actions(ctx, data.ActionQuery{OrgID: live.ID})
	if v, _ := s.Visit(ctx, nv.ID); v.Notes != "Ändrad" || len(acts) != 1 || acts[0].VisitID != nv.ID || acts[0].Text != "Skicka offert" {
		t.Fatalf("visit %+v, actions %+v", v, acts)
	}
}
