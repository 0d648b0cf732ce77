package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestCreateOrganisationThroughTheForm(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.Show(tabOrganisations)
	u.WaitIdle()
	s := u.orgs
	tapButton(t, u, s.view, "Ny organisation")
	d := s.detail
	typeInto(u, d.name, "Krokoms Kvarn AB")
	typeInto(u, d.orgnr, "556036-0793")
	if !shows(d.view, "giltigt nummer i Sverige") {
		t.Fatalf("org number not confirmed as typed: %v", visibleTexts(d.view))
	}
	d.country.SetValue("SE")
	d.muni.SetValue("2309")
	d.sector.SetValue("C")
	typeInto(u, d.employees, "12")
	if d.sizeLabel.Text != "Små (10–49)" {
		t.Fatalf("size class shown: %q", d.sizeLabel.Text)
	}
	tapButton(t, u, d.view, "Spara")

	rows, _ := st.SearchOrganisations(u.ctx(), data.OrgQuery{})
	if len(rows) != 1 || rows[0].Name != "Krokoms Kvarn AB" || rows[0].OrgNr != "5560360793" ||
		rows[0].Municipality != "2309" || rows[0].Size() != domain.SizeSmall {
		t.Fatalf("stored: %+v", rows)
	}
	if !shows(s.view, "1 organisation") || !shows(s.list, "Krokoms Kvarn AB") {
		t.Fatalf("list after save: %v", visibleTexts(s.view))
	}
	if d.title.Text != "Krokoms Kvarn AB" {
		t.Fatalf("detail title: %q", d.title.Text)
	}
}

func TestOrgNumberProblemShowsBesideFieldAndKeepsText(t *testing.T) {
	u, st := newTestUI(t, "nb")
	u.Show(tabOrganisations)
	s := u.orgs
	tapButton(t, u, s.view, "Ny organisasjon")
	d := s.detail
	typeInto(u, d.name, "Lierne Lakseoppdrett AS")
	typeInto(u, d.orgnr, "988 077 918")
	typeInto(u, d.notes, "Vil utvide til Sverige")
	if !shows(d.view, "Kontrollsifferet stemmer ikke") {
		t.Fatalf("checksum problem not shown as typed: %v", visibleTexts(d.view))
	}
	tapButton(t, u, d.view, "Lagre")
	if empty, _ := st.IsEmpty(u.ctx()); !empty {
		t.Fatal("an invalid organisation was stored")
	}
	if d.name.Text != "Lierne Lakseoppdrett AS" || d.notes.Text != "Vil utvide til Sverige" || d.orgnr.Text != "988 077 918" {
		t.Fatal("typed text lost after a validation error")
	}
	// The fix is accepted.
	typeInto(u, d.orgnr, "988 077 917")
	tapButton(t, u, d.view, "Lagre")
	if rows, _ := st.SearchOrganisations(u.ctx(), data.OrgQuery{}); len(rows) != 1 || rows[0].Country != domain.CountryNO {
		t.Fatalf("after fixing: %+v", rows)
	}
}

func TestSearchAsYouTypeAndFilters(t *testing.T) {
	u, st := newTestUI(t, "en")
	for i := 0; i < 30; i++ {
		datatest.Org(t, st, fmt.Sprintf("Filler %02d AB", i), "")
	}
	glas := domain.Organisation{Name: "Åre Glashytta", Municipality: "2321"}
	if err := st.CreateOrganisation(u.ctx(), &glas); err != nil {
		t.Fatal(err)
	}
	datatest.Visit(t, st, "2026-11-02", "Talked about solar panels on the roof", glas.ID)
	u.Show(tabOrganisations)
	u.WaitIdle()
	s := u.orgs
	if len(s.rows) != 31 || !shows(s.view, "31 organisations") {
		t.Fatalf("initial list: %d rows", len(s.rows))
	}
	test.Type(s.search, "solar")
	u.WaitIdle()
	if len(s.rows) != 1 || s.rows[0].ID != glas.ID {
		t.Fatalf("search by visit notes: %+v", s.rows)
	}
	s.search.SetText("")
	u.WaitIdle()
	s.muni.SetValue("2321")
	u.WaitIdle()
	if len(s.rows) != 1 || !shows(s.list, "Åre Glashytta") {
		t.Fatalf("municipality filter: %d rows", len(s.rows))
	}
}

func TestDeleteWithConfirmationAndUndo(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Snåsa Smak AS", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	tapButton(t, u, d.view, "Delete")
	tapButton(t, u, topOverlay(t, u), "Yes")
	if _, err := st.Organisation(u.ctx(), o.ID); err == nil {
		t.Fatal("not deleted")
	}
	if !shows(u.orgs.view, "Deleted Snåsa Smak AS.") {
		t.Fatalf("no undo offer: %v", visibleTexts(u.orgs.view))
	}
	tapButton(t, u, u.orgs.view, "Undo")
	if _, err := st.Organisation(u.ctx(), o.ID); err != nil {
		t.Fatalf("undo did not restore: %v", err)
	}
	if !shows(u.orgs.list, "Snåsa Smak AS") {
		t.Fatal("restored organisation not listed")
	}
}

func TestUnsavedOrganisationEditIsOfferedBack(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Verdal Vind AS", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	typeInto(u, u.orgs.detail.notes, "Half-typed note about the turbine")
	// The window goes away without saving (a crash); a new one opens on the same store.
	u2 := New(test.NewTempApp(t), st, u.tr, Options{Prefs: prefs.New(st), Now: u.opt.Now, queue: &applyQueue{}})
	u2.selectOrg(o.ID)
	u2.WaitIdle()
	tapButton(t, u2, topOverlay(t, u2), "Yes")
	if got := u2.orgs.detail.notes.Text; got != "Half-typed note about the turbine" {
		t.Fatalf("draft not restored: %q", got)
	}
}

func TestOrganisationListReloadsOnlyWhenSomethingWasWritten(t *testing.T) {
	u, st := newTestUI(t, "en")
	datatest.Org(t, st, "Inderøy Is AS", "")
	u.Show(tabOrganisations)
	u.WaitIdle()
	first := u.orgs.rows
	u.Show(tabSettings)
	u.WaitIdle()
	u.Show(tabOrganisations)
	u.WaitIdle()
	if &u.orgs.rows[0] != &first[0] {
		t.Fatal("the list was reloaded although nothing was written")
	}
	// Another process (the command line) adds an organisation meanwhile.
	other, _ := datatest.OpenAt(t, st.Path())
	datatest.Org(t, other, "Leka Laks AS", "")
	u.Show(tabSettings)
	u.WaitIdle()
	u.Show(tabOrganisations)
	u.WaitIdle()
	if len(u.orgs.rows) != 2 || !shows(u.orgs.list, "Leka Laks AS") {
		t.Fatalf("another process's write not shown: %d rows", len(u.orgs.rows))
	}
}
