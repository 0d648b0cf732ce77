package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The form shows each organisation's size from its headcount; the advisor's
// correction is what the visit stores, and a later headcount changes
// neither the stored size nor what the edit form shows.
func TestVisitFormRecordsTheSizeAtTheTime(t *testing.T) {
	u, st := newTestUI(t, "nb")
	n := 14
	o := domain.Organisation{Name: "Lierne Laks AS", Country: domain.CountryNO, Kind: domain.KindSME, Employees: &n}
	if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
		t.Fatal(err)
	}
	u.NewVisit([]string{o.ID})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Størrelse ved besøket") || !shows(topOverlay(t, u), "Små (10–49)") {
		t.Fatalf("new visit shows %v", visibleTexts(topOverlay(t, u)))
	}
	f := frontVisitForm(t, u)
	if len(f.sizes.box.Objects) != 1 {
		t.Fatalf("%d size rows, want 1", len(f.sizes.box.Objects))
	}
	sizeSelect(t, f, 0).SetSelectedIndex(1) // micro: the headcount counted seasonal staff
	tapButton(t, u, topOverlay(t, u), "Lagre")
	vs, err := st.Visits(u.ctx(), data.VisitQuery{})
	if err != nil || len(vs) != 1 {
		t.Fatalf("visits: %v %d", err, len(vs))
	}
	if vs[0].Sizes[o.ID] != domain.SizeMicro {
		t.Fatalf("stored sizes %v, want micro", vs[0].Sizes)
	}

	n = 300
	if err := st.UpdateOrganisation(u.ctx(), &o); err != nil {
		t.Fatal(err)
	}
	u.EditVisit(vs[0].ID)
	u.WaitIdle()
	f = frontVisitForm(t, u)
	if got := sizeSelectValue(t, f, 0); got != string(domain.SizeMicro) {
		t.Fatalf("edit form shows %q, want the stored micro", got)
	}
}

// sizeSelect is the size choice of the form's i-th organisation.
func sizeSelect(t *testing.T, f *visitForm, i int) *widget.Select {
	t.Helper()
	row, ok := f.sizes.box.Objects[i].(*fyne.Container)
	if !ok || len(row.Objects) != 2 {
		t.Fatalf("size row %d is %T", i, f.sizes.box.Objects[i])
	}
	sel, ok := row.Objects[1].(*widget.Select)
	if !ok {
		t.Fatalf("size row %d holds %T", i, row.Objects[1])
	}
	return sel
}

func sizeSelectValue(t *testing.T, f *visitForm, i int) string {
	t.Helper()
	return string(domain.SizeClasses[sizeSelect(t, f, i).SelectedIndex()])
}

// A new visit without organisations has no "Size at the visit" row: there
// is nothing to size yet. Choosing one shows it.
func TestTheSizeRowWaitsForAnOrganisation(t *testing.T) {
	u, st := newTestUI(t, "sv")
	n := 3
	o := domain.Organisation{Name: "Krokoms Kafferosteri AB", Country: domain.CountrySE, Kind: domain.KindSME, Employees: &n}
	if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
		t.Fatal(err)
	}
	u.NewVisit(nil)
	u.WaitIdle()
	if shows(topOverlay(t, u), "Storlek vid besöket") {
		t.Fatalf("a visit without organisations shows the size row: %v", visibleTexts(topOverlay(t, u)))
	}
	f := frontVisitForm(t, u)
	typeInto(u, f.orgs.Entry, "Krokoms")
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Storlek vid besöket") || !shows(topOverlay(t, u), "Mikro (< 10)") {
		t.Fatalf("with an organisation chosen the size row is missing: %v", visibleTexts(topOverlay(t, u)))
	}
}
