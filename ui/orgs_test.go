package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

func TestCreateOrganisationThroughTheForm(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.Show(tabOrganisations)
	u.WaitIdle()
	s := u.orgs
	tapButton(t, u, s.view, "Ny organisation")
	d := s.detail
	typeInto(u, d.form.name, "Krokoms Kvarn AB")
	typeInto(u, d.form.orgnr, "556036-0793")
	if !shows(d.view, "giltigt nummer i Sverige") {
		t.Fatalf("org number not confirmed as typed: %v", visibleTexts(d.view))
	}
	d.form.country.SetValue("SE")
	d.form.muni.SetValue("2309")
	d.form.sector.SetValue("C")
	typeInto(u, d.form.employees, "12")
	if d.form.sizeLabel.Text != "Små (10–49)" {
		t.Fatalf("size class shown: %q", d.form.sizeLabel.Text)
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
	typeInto(u, d.form.name, "Lierne Lakseoppdrett AS")
	typeInto(u, d.form.orgnr, "988 077 918")
	typeInto(u, d.form.notes, "Vil utvide til Sverige")
	if !shows(d.view, "Kontrollsifferet stemmer ikke") {
		t.Fatalf("checksum problem not shown as typed: %v", visibleTexts(d.view))
	}
	tapButton(t, u, d.view, "Lagre")
	if empty, _ := st.IsEmpty(u.ctx()); !empty {
		t.Fatal("an invalid organisation was stored")
	}
	if d.form.name.Text != "Lierne Lakseoppdrett AS" || d.form.notes.Text != "Vil utvide til Sverige" || d.form.orgnr.Text != "988 077 918" {
		t.Fatal("typed text lost after a validation error")
	}
	// The fix is accepted.
	typeInto(u, d.form.orgnr, "988 077 917")
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
	if len(s.ids) != 31 || !shows(s.view, "31 organisations") {
		t.Fatalf("initial list: %d rows", len(s.ids))
	}
	test.Type(s.search, "solar")
	u.WaitIdle()
	if len(s.ids) != 1 || s.ids[0] != glas.ID {
		t.Fatalf("search by visit notes: %+v", s.ids)
	}
	s.search.SetText("")
	u.WaitIdle()
	s.muni.SetValue("2321")
	u.WaitIdle()
	if len(s.ids) != 1 || !shows(s.list, "Åre Glashytta") {
		t.Fatalf("municipality filter: %d rows", len(s.ids))
	}
}

func TestDeleteWithConfirmationAndUndo(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Snåsa Smak AS", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	tapButton(t, u, d.view, "Delete")
	tapButton(t, u, topOverlay(t, u), "Delete")
	if _, err := st.Organisation(u.ctx(), o.ID); err == nil {
		t.Fatal("not deleted")
	}
	if !shows(u.undo.view, "Deleted Snåsa Smak AS.") {
		t.Fatalf("no undo offer: %v", visibleTexts(u.win.Content()))
	}
	tapButton(t, u, u.undo.view, "Undo")
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
	typeInto(u, u.orgs.detail.form.notes, "Half-typed note about the turbine")
	// The window goes away without saving (a crash); a new one opens on the same store.
	u2 := New(test.NewTempApp(t), st, u.tr, Options{Prefs: prefs.New(st), Now: u.opt.Now, queue: &applyQueue{}})
	u2.selectOrg(o.ID)
	u2.WaitIdle()
	tapButton(t, u2, topOverlay(t, u2), "Restore")
	if got := u2.orgs.detail.form.notes.Text; got != "Half-typed note about the turbine" {
		t.Fatalf("draft not restored: %q", got)
	}
}

func TestOrganisationListReloadsOnlyWhenSomethingWasWritten(t *testing.T) {
	u, st := newTestUI(t, "en")
	datatest.Org(t, st, "Inderøy Is AS", "")
	u.Show(tabOrganisations)
	u.WaitIdle()
	first := u.orgs.ids
	u.Show(tabSettings)
	u.WaitIdle()
	u.Show(tabOrganisations)
	u.WaitIdle()
	if &u.orgs.ids[0] != &first[0] {
		t.Fatal("the list was reloaded although nothing was written")
	}
	// Another process (the command line) adds an organisation meanwhile.
	other, _ := datatest.OpenAt(t, st.Path())
	datatest.Org(t, other, "Leka Laks AS", "")
	u.Show(tabSettings)
	u.WaitIdle()
	u.Show(tabOrganisations)
	u.WaitIdle()
	if len(u.orgs.ids) != 2 || !shows(u.orgs.list, "Leka Laks AS") {
		t.Fatalf("another process's write not shown: %d rows", len(u.orgs.ids))
	}
}

// Ctrl+S in a field saves the organisation; "Discard changes" asks, then
// shows what is stored again, and no draft of the thrown-away text stays.
func TestOrganisationFormSavesWithCtrlSAndDiscardsAfterAsking(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Verdal Vind AS", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	f := u.orgs.detail.form
	typeInto(u, f.notes, "Vill bygga ut")
	f.notes.TypedShortcut(widgets.SaveShortcut)
	u.WaitIdle()
	if got, _ := st.Organisation(u.ctx(), o.ID); got.Notes != "Vill bygga ut" {
		t.Fatalf("Ctrl+S stored notes %q", got.Notes)
	}

	typeInto(u, f.notes, "Halvskriven tanke")
	tapButton(t, u, u.orgs.detail.view, "Kasta ändringarna")
	if !shows(topOverlay(t, u), "Kasta det du har skrivit?") {
		t.Fatalf("no question before the changes go: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Kasta")
	if f.notes.Text != "Vill bygga ut" {
		t.Fatalf("after discarding the form shows %q", f.notes.Text)
	}
	if _, ok, _ := st.Draft("org:" + o.ID); ok {
		t.Fatal("a discarded change left a draft")
	}
	if got, _ := st.Organisation(u.ctx(), o.ID); got.Notes != "Vill bygga ut" {
		t.Fatalf("discarding changed what is stored: %q", got.Notes)
	}
	// Typing again is kept as a draft again.
	typeInto(u, f.notes, "Ny tanke")
	if _, ok, _ := st.Draft("org:" + o.ID); !ok {
		t.Fatal("no draft kept after a discard")
	}
}

// An organisation's new action: Ctrl+S in the text adds it and clears the
// fields; Esc with text typed asks, and "Kasta" clears the fields and
// stores nothing.
func TestOrganisationNewActionSavesWithCtrlSAndAsksBeforeDiscarding(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Bräcke Bygg AB", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	a := u.orgs.detail.actions
	u.orgs.detail.tabs.SelectIndex(orgTabActions)
	typeInto(u, a.text, "Skicka offert")
	typeInto(u, a.due, "2026-12-04")
	a.text.TypedShortcut(widgets.SaveShortcut)
	u.WaitIdle()
	rows, _ := st.Actions(u.ctx(), data.ActionQuery{OrgID: o.ID})
	if len(rows) != 1 || rows[0].Text != "Skicka offert" || rows[0].Due != "2026-12-04" || rows[0].Owner != "Anna Svensson" {
		t.Fatalf("stored: %+v", rows)
	}
	if a.text.Text != "" || a.due.Text != "" || !shows(a.view, "Skicka offert") {
		t.Fatalf("after adding: text %q, due %q, list %v", a.text.Text, a.due.Text, visibleTexts(a.view))
	}

	typeInto(u, a.text, "Halvskrivet")
	a.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Kasta det du har skrivit?") {
		t.Fatalf("no question before the text goes: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Kasta")
	if a.text.Text != "" {
		t.Fatalf("after discarding the field holds %q", a.text.Text)
	}
	if rows, _ := st.Actions(u.ctx(), data.ActionQuery{OrgID: o.ID}); len(rows) != 1 {
		t.Fatalf("a discarded action was stored: %+v", rows)
	}
}

// The list reads its rows a page at a time: rows far down a long list
// show their names once scrolled to.
func TestALongOrganisationListShowsEveryRowScrolledTo(t *testing.T) {
	u, st := newTestUI(t, "en")
	n := 2*orgRowsPage + 15
	for i := 0; i < n; i++ {
		datatest.Org(t, st, fmt.Sprintf("Företag %03d AB", i), "")
	}
	u.Show(tabOrganisations)
	u.WaitIdle()
	s := u.orgs
	if len(s.ids) != n || !shows(s.view, fmt.Sprintf("%d organisations", n)) || !shows(s.list, "Företag 000 AB") {
		t.Fatalf("first rows: %d listed, list shows %q", len(s.ids), visibleTexts(s.list))
	}
	s.list.ScrollToBottom()
	u.WaitIdle()
	last := fmt.Sprintf("Företag %03d AB", n-1)
	if !shows(s.list, last) {
		t.Fatalf("%s not shown at the bottom of the list", last)
	}
	// Selecting a row far down opens it.
	s.list.Select(n - 1)
	u.WaitIdle()
	if s.selected != s.ids[n-1] || !shows(s.detail.view, last) {
		t.Fatalf("selected %q, detail does not show %s", s.selected, last)
	}
}

// "balkar" finds the organisation whose visit note says "limträbalkar", and
// its row says where, the word bold inside the compound.
func TestOrganisationSearchFindsWordsInsideCompoundsInVisitNotes(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Leka Laks AS", "")
	datatest.Visit(t, st, "2026-03-14", "Offert på limträbalkar till hallen", o.ID)
	datatest.Org(t, st, "Åre Glasbruk AB", "")
	u.Show(tabOrganisations)
	u.WaitIdle()
	typeInto(u, u.orgs.search, "balkar")
	u.WaitIdle()
	if len(u.orgs.ids) != 1 || u.orgs.ids[0] != o.ID || !shows(u.orgs.list, "Leka Laks AS") {
		t.Fatalf("found %v", visibleTexts(u.orgs.list))
	}
	var bold []string
	walk(u.orgs.list, func(obj fyne.CanvasObject) {
		if rt, ok := obj.(*widget.RichText); ok && rt.Visible() {
			bold = append(bold, boldTexts(rt)...)
		}
	})
	// The name is bold too (a bold label); the why line holds the hit.
	if fmt.Sprint(bold) != "[Leka Laks AS balkar]" || !shows(u.orgs.list, "i en besöksanteckning, 2026-03-14: …limträbalkar") {
		t.Fatalf("bold in the row: %v (%v)", bold, visibleTexts(u.orgs.list))
	}
}
