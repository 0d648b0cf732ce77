package ui

import (
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestMergeDuplicatesFromTheOrganisationList(t *testing.T) {
	u, st := newTestUI(t, "sv")
	mk := func(name, nr string) domain.Organisation {
		o := domain.Organisation{Name: name, OrgNr: nr, Country: domain.CountrySE, Municipality: "2380", Kind: domain.KindSME}
		if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	keep := mk("Östersunds Trä AB", "5560360793")
	dup := mk("Östersund Trä AB", "")
	other := mk("Brunflo Bygg AB", "")
	datatest.Visit(t, st, "2026-11-02", "Virkesleverans", dup.ID)
	c := domain.Contact{OrgID: dup.ID, Name: "Lena Holm"}
	if err := st.CreateContact(u.ctx(), &c); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(other.ID) // opens the Organisations screen
	u.WaitIdle()
	s := u.orgs
	if !s.dups.button.Visible() || s.dups.button.Text != "1 möjlig dubblett" {
		t.Fatalf("duplicate button %q visible=%v", s.dups.button.Text, s.dups.button.Visible())
	}
	tapButton(t, u, s.view, "1 möjlig dubblett")
	dlg := topOverlay(t, u)
	for _, want := range []string{"Möjliga dubbletter", "Nästan samma namn i samma kommun", "Östersunds Trä AB", "Östersund Trä AB",
		"556036-0793"} {
		if !shows(dlg, want) {
			t.Errorf("the review does not show %q: %v", want, visibleTexts(dlg))
		}
	}
	// Each side says what tells it apart; each button keeps the side above it.
	for _, want := range []string{"Inga besök", "1 besök, 2026-11-02", "Registrerad 2026-11-27 av den här datorn"} {
		if !shows(dlg, want) {
			t.Errorf("the review does not show %q: %v", want, visibleTexts(dlg))
		}
	}
	tapButton(t, u, dlg, "Behåll den här") // the first: the older, Östersunds Trä AB
	if !shows(topOverlay(t, u), "flyttas till ”Östersunds Trä AB”") {
		t.Errorf("the confirmation does not say which is kept: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Slå ihop")
	u.WaitIdle()
	if _, err := st.Organisation(u.ctx(), dup.ID); err == nil {
		t.Fatal("the duplicate is still live after merging")
	}
	contacts, _ := st.Contacts(u.ctx(), keep.ID)
	if len(contacts) != 1 || contacts[0].Name != "Lena Holm" {
		t.Fatalf("contacts of the kept record: %+v", contacts)
	}
	if !shows(topOverlay(t, u), "2 poster flyttade") {
		t.Errorf("no result message: %v", visibleTexts(topOverlay(t, u)))
	}
	if s.dups.button.Visible() {
		t.Error("the duplicate button stays after the merge")
	}
}

func TestDismissADuplicatePair(t *testing.T) {
	u, st := newTestUI(t, "en")
	for _, n := range []string{"Fjällbygg AB", "Fjällbyg AB"} {
		o := domain.Organisation{Name: n, Country: domain.CountrySE, Municipality: "2321", Kind: domain.KindSME}
		if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
			t.Fatal(err)
		}
		u.selectOrg(o.ID)
	}
	u.WaitIdle()
	tapButton(t, u, u.orgs.view, "1 possible duplicate")
	tapButton(t, u, topOverlay(t, u), "Not the same organisation")
	u.WaitIdle()
	if u.orgs.dups.button.Visible() {
		t.Error("a dismissed pair is still flagged")
	}
	if !shows(topOverlay(t, u), "No possible duplicates left.") {
		t.Errorf("the review does not say it is done: %v", visibleTexts(topOverlay(t, u)))
	}
	if pairs, _ := st.DuplicateCandidates(u.ctx()); len(pairs) != 0 {
		t.Errorf("still %d pairs", len(pairs))
	}
}
