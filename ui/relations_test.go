package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/data/domain"
)

// frontRelationForm is the relation dialog in front.
func frontRelationForm(t *testing.T, u *UI) *relationForm {
	t.Helper()
	if len(u.dialogs) == 0 {
		t.Fatal("no form is open")
	}
	f, ok := u.dialogs[len(u.dialogs)-1].(*relationForm)
	if !ok {
		t.Fatalf("the dialog in front is %T", u.dialogs[len(u.dialogs)-1])
	}
	return f
}

func TestRelationsOnAnOrganisationsPage(t *testing.T) {
	u, st := newTestUI(t, "sv")
	firm := domain.Organisation{Name: "Krokoms Kvarn AB", Municipality: "2309", Country: domain.CountrySE}
	hage := domain.Organisation{Name: "Nasjonalparken Næringshage", Municipality: "5025", Country: domain.CountryNO, Kind: domain.KindIncubator}
	for _, o := range []*domain.Organisation{&firm, &hage} {
		if err := st.CreateOrganisation(u.ctx(), o); err != nil {
			t.Fatal(err)
		}
	}
	u.selectOrg(hage.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(orgTabRelations)
	u.WaitIdle()
	if !shows(d.links.view, "Inga relationer ännu.") {
		t.Fatalf("no relations: %v", visibleTexts(d.links.view))
	}
	// From the incubator's page: it supports the firm — stored the other
	// way round, the firm supported by the incubator.
	tapButton(t, u, d.links.view, "Lägg till relation")
	u.WaitIdle()
	f := frontRelationForm(t, u)
	typeInto(u, f.search, "Kvarn")
	u.WaitIdle()
	tapButton(t, u, topOverlay(t, u), "Krokoms Kvarn AB")
	f.kind.SetValue(inverseMark + string(domain.RelationSupportedBy))
	typeInto(u, f.start, "2026-03-01")
	typeInto(u, f.end, "2026-02-01")
	test.Tap(buttonWithText(t, topOverlay(t, u), "Lägg till"))
	u.WaitIdle()
	if p := f.form.Problem("end_date"); p == nil || !p.Visible() || p.Text != "Slutet är före starten." {
		t.Fatalf("an end before the start: %v", visibleTexts(topOverlay(t, u)))
	}
	if l, _ := st.Relations(u.ctx(), ""); len(l) != 0 {
		t.Fatal("stored despite the problem")
	}
	typeInto(u, f.end, "")
	test.Tap(buttonWithText(t, topOverlay(t, u), "Lägg till"))
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatalf("the dialog stayed open: %v", visibleTexts(topOverlay(t, u)))
	}
	l, _ := st.Relations(u.ctx(), "")
	if len(l) != 1 || l[0].FromOrg != firm.ID || l[0].ToOrg != hage.ID || l[0].Kind != domain.RelationSupportedBy || l[0].Start != "2026-03-01" {
		t.Fatalf("stored: %+v", l)
	}
	if !shows(d.links.view, "Stöder Krokoms Kvarn AB") || !shows(d.links.view, "från 2026-03-01") {
		t.Fatalf("the incubator's relations: %v", visibleTexts(d.links.view))
	}
	// The firm's page reads it the other way; a tap opens the incubator.
	u.selectOrg(firm.ID)
	u.WaitIdle()
	if !shows(d.links.view, "Stöds av Nasjonalparken Næringshage") {
		t.Fatalf("the firm's relations: %v", visibleTexts(d.links.view))
	}
	d.links.list.Select(0)
	u.WaitIdle()
	if d.form.org.ID != hage.ID {
		t.Fatalf("tapping the relation opened %q", d.form.org.Name)
	}
	// Remove, then undo.
	d.links.remove(d.links.rows[0])
	u.WaitIdle()
	if len(d.links.rows) != 0 || !shows(u.undo.view, "Tog bort relationen till ”Krokoms Kvarn AB”.") {
		t.Fatalf("after remove: %v", visibleTexts(u.undo.view))
	}
	tapButton(t, u, u.undo.view, "Ångra")
	u.WaitIdle()
	if len(d.links.rows) != 1 {
		t.Fatal("undo did not bring it back")
	}
}

func TestARelationDialogNeedsTheOtherOrganisation(t *testing.T) {
	u, st := newTestUI(t, "nb")
	o := domain.Organisation{Name: "Leka Laks AS", Municipality: "5052"}
	if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(o.ID)
	u.WaitIdle()
	f := u.newRelationDialog(o.ID, nil)
	u.WaitIdle()
	// The page's own organisation is never offered.
	if shows(f.matches, "Leka Laks AS") {
		t.Fatal("the organisation itself was offered as the other end")
	}
	f.kind.SetValue(string(domain.RelationMemberOf))
	test.Tap(buttonWithText(t, topOverlay(t, u), "Legg til"))
	u.WaitIdle()
	if p := f.form.Problem("to_org"); p == nil || !p.Visible() {
		t.Fatalf("no other organisation: %v", visibleTexts(topOverlay(t, u)))
	}
}
