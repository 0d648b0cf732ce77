package ui

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// A conflict over a visit's sizes names the organisations and their size
// classes, never raw ids.
func TestConflictReviewNamesTheOrganisationsOfAVisit(t *testing.T) {
	u, st := newTestUI(t, "sv")
	colleague, _ := datatest.Open(t)
	o := datatest.Org(t, colleague, "Offerdals Snickeri AB", "")
	v := datatest.Visit(t, colleague, "2026-03-02", "", o.ID)
	exchangeChanges(t, colleague, st)
	for side, s := range []*data.Store{st, colleague} {
		got, err := s.Visit(u.ctx(), v.ID)
		if err != nil {
			t.Fatal(err)
		}
		got.Sizes = map[string]domain.SizeClass{o.ID: []domain.SizeClass{domain.SizeMicro, domain.SizeMedium}[side]}
		if err := s.UpdateVisit(u.ctx(), &got); err != nil {
			t.Fatal(err)
		}
	}
	exchangeChanges(t, colleague, st)
	if c, _ := st.Conflicts(u.ctx(), false); len(c) != 1 {
		t.Fatalf("%d conflicts, want 1", len(c))
	}
	u.Show(tabSync)
	u.WaitIdle()
	for _, want := range []string{"Offerdals Snickeri AB: Mikro (< 10)", "Offerdals Snickeri AB: Medelstora (50–249)"} {
		if !shows(u.syncScreen.view, want) {
			t.Errorf("the review lacks %q: %v", want, visibleTexts(u.syncScreen.view))
		}
	}
	if shows(u.syncScreen.view, o.ID) {
		t.Errorf("the review shows the organisation's id: %v", visibleTexts(u.syncScreen.view))
	}
}
