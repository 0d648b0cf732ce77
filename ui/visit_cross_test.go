package ui

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The box shows what the report counts: organisations of both countries make
// a visit cross-border whatever the advisor marks, and that stays the
// report's decision, not a stored mark.
func TestVisitFormShowsCrossBorderAsTheReportCountsIt(t *testing.T) {
	u, st := newTestUI(t, "sv")
	se := domain.Organisation{Name: "Fjällbygg AB", Country: domain.CountrySE}
	no := domain.Organisation{Name: "Lierne Laks AS", Country: domain.CountryNO}
	for _, o := range []*domain.Organisation{&se, &no} {
		if err := st.CreateOrganisation(u.ctx(), o); err != nil {
			t.Fatal(err)
		}
	}

	u.NewVisit([]string{se.ID})
	u.WaitIdle()
	f := frontVisitForm(t, u)
	if f.cross.Checked || f.cross.Disabled() {
		t.Fatalf("one Swedish organisation: checked %v, disabled %v", f.cross.Checked, f.cross.Disabled())
	}

	u.NewVisit([]string{no.ID}) // joins the open form
	u.WaitIdle()
	if !f.cross.Checked || !f.cross.Disabled() || !shows(topOverlay(t, u), "Gränsöverskridande: organisationer från båda länderna") {
		t.Fatalf("Swedish and Norwegian organisations: checked %v, disabled %v: %v", f.cross.Checked, f.cross.Disabled(), visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Spara")
	vs, err := st.Visits(u.ctx(), data.VisitQuery{})
	if err != nil || len(vs) != 1 {
		t.Fatalf("visits: %v %d", err, len(vs))
	}
	if vs[0].CrossBorder {
		t.Fatal("the organisations' crossing was stored as the advisor's mark")
	}

	// Editing it: still shown as counted; without the Norwegian
	// organisation the box is the advisor's again, unticked.
	u.EditVisit(vs[0].ID)
	u.WaitIdle()
	f = frontVisitForm(t, u)
	if !f.cross.Checked || !f.cross.Disabled() {
		t.Fatalf("edit form: checked %v, disabled %v", f.cross.Checked, f.cross.Disabled())
	}
	f.orgs.SetSelected([]string{se.ID})
	f.orgs.OnChanged()
	u.WaitIdle()
	if f.cross.Checked || f.cross.Disabled() {
		t.Fatalf("after removing the Norwegian organisation: checked %v, disabled %v", f.cross.Checked, f.cross.Disabled())
	}
	f.cross.SetChecked(true) // the advisor's own mark is kept
	if !f.snapshot().CrossBorder {
		t.Fatal("the advisor's mark was not taken")
	}
}
