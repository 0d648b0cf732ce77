package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// askToDelete opens organisation id and taps Delete; it returns the dialog
// and everything it reads.
func askToDelete(t *testing.T, u *UI, id string) (fyne.CanvasObject, string) {
	t.Helper()
	u.selectOrg(id)
	u.WaitIdle()
	tapButton(t, u, u.orgs.detail.view, u.tr.T("ui.delete"))
	dlg := topOverlay(t, u)
	return dlg, strings.Join(visibleTexts(dlg), " ")
}

// choose picks an option of the dialog's radio group and waits.
func choose(t *testing.T, u *UI, dlg fyne.CanvasObject, option string) {
	t.Helper()
	var group *widget.RadioGroup
	walk(dlg, func(o fyne.CanvasObject) {
		if g, ok := o.(*widget.RadioGroup); ok {
			group = g
		}
	})
	if group == nil || !slices.Contains(group.Options, option) {
		t.Fatalf("no choice %q in the dialog", option)
	}
	group.SetSelected(option)
	u.WaitIdle()
}

// An organisation with visits is never deleted without them: the dialog
// offers to delete it together with its visits — saying that the figures
// drop, also for periods reported, and what happens to a shared visit —
// and undo brings all of it back. Cancel deletes nothing.
func TestAnOrganisationWithVisitsIsDeletedTogetherWithThem(t *testing.T) {
	u, st := newTestUI(t, "sv")
	gone := datatest.Org(t, st, "Snåsa Smak AS", "")
	other := datatest.Org(t, st, "Fjällmejeriet AB", "")
	datatest.Visit(t, st, "2026-03-02", "", gone.ID)
	datatest.Visit(t, st, "2026-04-02", "", gone.ID)
	shared := datatest.Visit(t, st, "2026-05-02", "", gone.ID, other.ID)

	dlg, text := askToDelete(t, u, gone.ID)
	if !strings.Contains(text, "Snåsa Smak AS har 3 besök. Vad ska hända med dem?") {
		t.Errorf("the dialog does not ask about the visits: %s", text)
	}
	if b := buttonWithText(t, dlg, "Ta bort"); !b.Disabled() {
		t.Error("Delete can be pressed before the advisor chose what happens to the visits")
	}
	tapButton(t, u, dlg, "Avbryt")
	if _, err := st.Organisation(u.ctx(), gone.ID); err != nil {
		t.Fatalf("cancelled, yet deleted: %v", err)
	}

	dlg, _ = askToDelete(t, u, gone.ID)
	choose(t, u, dlg, "Ta bort den tillsammans med dess besök")
	text = strings.Join(visibleTexts(dlg), " ")
	for _, want := range []string{"De 2 besöken som bara gäller Snåsa Smak AS tas också bort",
		"Ett besök som delas med andra organisationer blir kvar hos dem, utan Snåsa Smak AS",
		"Finansiärens siffror minskar", "även för perioder som redan rapporterats"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog lacks %q: %s", want, text)
		}
	}
	tapButton(t, u, dlg, "Ta bort")
	if _, err := st.Organisation(u.ctx(), gone.ID); err == nil {
		t.Fatal("the organisation is still there")
	}
	if visits, _ := st.Visits(u.ctx(), data.VisitQuery{}); len(visits) != 1 || visits[0].ID != shared.ID ||
		!slices.Equal(visits[0].OrgIDs, []string{other.ID}) {
		t.Fatalf("after the delete the visits are %+v, want only the shared one, without Snåsa Smak AS", visits)
	}

	u.undo.takeBack()
	u.WaitIdle()
	if _, err := st.Organisation(u.ctx(), gone.ID); err != nil {
		t.Errorf("undo did not bring the organisation back: %v", err)
	}
	if visits, _ := st.Visits(u.ctx(), data.VisitQuery{OrgID: gone.ID}); len(visits) != 3 {
		t.Errorf("undo brought back %d of its 3 visits", len(visits))
	}
}

// A duplicate is merged from the delete dialog: the organisation chosen
// (never the one being deleted) gets its visits, and its page opens.
func TestADuplicateIsMergedFromTheDeleteDialog(t *testing.T) {
	u, st := newTestUI(t, "nb")
	dup := datatest.Org(t, st, "Røros Bryggeri", "")
	keep := datatest.Org(t, st, "Røros Bryggeri AS", "")
	v := datatest.Visit(t, st, "2026-03-02", "", dup.ID)

	dlg, _ := askToDelete(t, u, dup.ID)
	choose(t, u, dlg, "Den er et duplikat: slå den sammen med en annen organisasjon")
	text := strings.Join(visibleTexts(dlg), " ")
	if !strings.Contains(text, "Tallene til finansiøren teller dem fortsatt") {
		t.Errorf("the merge choice does not say the figures keep counting: %s", text)
	}
	merge := buttonWithText(t, dlg, "Slå sammen")
	if !merge.Disabled() {
		t.Error("Merge can be pressed before an organisation to keep is chosen")
	}
	var entry *widgets.KeyedEntry
	walk(dlg, func(o fyne.CanvasObject) {
		if e, ok := o.(*widgets.KeyedEntry); ok {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no organisation picker in the dialog")
	}
	typeInto(u, entry, "Røros Bryggeri")
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if merge.Disabled() {
		t.Fatal("an organisation to keep was chosen, yet Merge is off")
	}
	tapButton(t, u, dlg, "Slå sammen")

	got, err := st.Visit(u.ctx(), v.ID)
	if err != nil || !slices.Equal(got.OrgIDs, []string{keep.ID}) {
		t.Fatalf("the visit names %v (%v), want the kept organisation", got.OrgIDs, err)
	}
	if o, err := st.Organisation(u.ctx(), dup.ID); err == nil {
		t.Errorf("the duplicate is still there: %+v", o)
	}
	if u.orgs.detail.form.org.ID != keep.ID {
		t.Errorf("the page shows %q, want the kept organisation", u.orgs.detail.form.org.Name)
	}
}

// Without visits, the plain question; a joint action that names it as a
// partner is mentioned, since it no longer counts there.
func TestDeletingAnOrganisationWithoutVisitsSaysNoFigureChanges(t *testing.T) {
	u, st := newTestUI(t, "sv")
	quiet := datatest.Org(t, st, "Tyst Konsult AB", "")
	j := domain.JointAction{Kind: domain.JointPlan, Title: "Plan", OrgIDs: []string{quiet.ID}}
	if err := st.CreateJointAction(u.ctx(), &j); err != nil {
		t.Fatal(err)
	}
	dlg, text := askToDelete(t, u, quiet.ID)
	for _, want := range []string{"Den har inga besök, så ingen siffra i finansiärsrapporten ändras",
		"Den är partner i 1 gemensam insats och räknas inte längre där"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog lacks %q: %s", want, text)
		}
	}
	tapButton(t, u, dlg, "Ta bort")
	if _, err := st.Organisation(u.ctx(), quiet.ID); err == nil {
		t.Error("not deleted")
	}
}
