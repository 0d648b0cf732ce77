package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// heldStore holds each new visit until the test answers on release: nil
// lets it through to the store, an error fails the save — as a save waits
// while an import holds the writer.
type heldStore struct {
	Store
	started chan struct{}
	release chan error
}

func (s *heldStore) CreateVisitWithActions(ctx context.Context, nv *data.NewVisit) error {
	s.started <- struct{}{}
	if err := <-s.release; err != nil {
		return err
	}
	return s.Store.CreateVisitWithActions(ctx, nv)
}

// While a save runs, Save and the fields are off and a second Ctrl+S does
// nothing; a failed save gives everything back as typed, with the problem
// beside its field; the next save stores the visit once.
func TestVisitSaveHoldsTheFormUntilTheStoreAnswers(t *testing.T) {
	a := test.NewTempApp(t)
	st, _ := datatest.Open(t)
	if err := st.SetProfile(data.Profile{Advisor: "Anna Svensson", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	held := &heldStore{Store: st, started: make(chan struct{}, 2), release: make(chan error)}
	u := New(a, held, translations.New("en"), Options{Prefs: prefs.New(st), Now: func() time.Time { return testNow }, queue: &applyQueue{}})
	u.win.Resize(fyne.NewSize(1200, 760))
	u.WaitIdle()
	o := datatest.Org(t, st, "Frostviken Fisk", "")
	u.NewVisit([]string{o.ID})
	u.WaitIdle()
	f := frontVisitForm(t, u)
	typeInto(u, f.notes, "Talked about exports")
	save := buttonWithText(t, topOverlay(t, u), "Save")

	test.Tap(save)
	<-held.started
	if !save.Disabled() || !f.notes.Disabled() {
		t.Fatalf("while saving: Save disabled %v, notes disabled %v", save.Disabled(), f.notes.Disabled())
	}
	u.SaveFront() // Ctrl+S again: no second save starts
	held.release <- &domain.ValidationError{Field: "place", Code: "required"}
	u.WaitIdle()
	if len(held.started) != 0 {
		t.Fatal("a second save started while the first ran")
	}
	if save.Disabled() || f.notes.Disabled() || len(u.dialogs) != 1 {
		t.Fatalf("after a failed save: Save disabled %v, notes disabled %v, %d dialogs", save.Disabled(), f.notes.Disabled(), len(u.dialogs))
	}
	if f.notes.Text != "Talked about exports" || len(f.orgs.Selected()) != 1 || problem(f, "place") == "" {
		t.Fatalf("after a failed save: notes %q, organisations %v, place problem %q", f.notes.Text, f.orgs.Selected(), problem(f, "place"))
	}

	test.Tap(save)
	<-held.started
	held.release <- nil
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("the form stayed open after saving")
	}
	visits, _ := st.Visits(u.ctx(), data.VisitQuery{})
	if len(visits) != 1 || visits[0].Notes != "Talked about exports" {
		t.Fatalf("stored %+v", visits)
	}
	if _, ok, _ := st.Draft("visit:new"); ok {
		t.Error("the saved visit's draft is still kept")
	}
}
