package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// An innovation actor's page records the enterprises it reached (named
// and counted); nothing reached is refused beside the count with what was
// typed kept; an enterprise's page has no such part; Undo brings a
// deleted record back.
func TestAnInnovationActorRecordsTheEnterprisesItReached(t *testing.T) {
	u, st := newTestUI(t, "sv")
	hub := domain.Organisation{Name: "Peak Innovation", Municipality: "2380", Country: domain.CountrySE, Kind: domain.KindCluster}
	firm := domain.Organisation{Name: "Krokoms Kvarn AB", Municipality: "2309", Country: domain.CountrySE, Kind: domain.KindSME}
	for _, o := range []*domain.Organisation{&hub, &firm} {
		if err := st.CreateOrganisation(u.ctx(), o); err != nil {
			t.Fatal(err)
		}
	}
	d := u.orgs.detail
	u.selectOrg(firm.ID)
	u.WaitIdle()
	d.tabs.SelectIndex(orgTabRelations)
	u.WaitIdle()
	if d.reach.view.Visible() {
		t.Fatal("an enterprise's page offers to record enterprises it reached")
	}
	u.selectOrg(hub.ID)
	u.WaitIdle()
	d.tabs.SelectIndex(orgTabRelations)
	u.WaitIdle()
	if !shows(d.reach.view, "Företag som nåtts med det den lärt sig i projektet") {
		t.Fatalf("the cluster's page: %v", visibleTexts(d.reach.view))
	}
	tapButton(t, u, d.reach.view, "Registrera företag som nåtts…")
	f, ok := u.dialogs[len(u.dialogs)-1].(*reachForm)
	if !ok {
		t.Fatalf("the dialog in front is %T", u.dialogs[len(u.dialogs)-1])
	}
	typeInto(u, f.notes, "Workshop om affärsmodellkanvas")
	test.Tap(buttonWithText(t, topOverlay(t, u), "Registrera"))
	u.WaitIdle()
	if p := f.form.Problem("others"); p == nil || !p.Visible() || p.Text != "Ange företagen som nåddes, eller hur många." {
		t.Fatalf("nothing reached: %v", visibleTexts(topOverlay(t, u)))
	}
	if f.notes.Text != "Workshop om affärsmodellkanvas" {
		t.Fatal("the typed notes went with the refusal")
	}
	typeInto(u, f.orgs.Entry, "Kvarn")
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	typeInto(u, f.others, "11")
	test.Tap(buttonWithText(t, topOverlay(t, u), "Registrera"))
	u.WaitIdle()
	recs, err := st.Reaches(u.ctx(), data.ReachQuery{ActorID: hub.ID})
	if err != nil || len(recs) != 1 || recs[0].Reached() != 12 || recs[0].OrgIDs[0] != firm.ID || recs[0].Notes != "Workshop om affärsmodellkanvas" {
		t.Fatalf("stored %+v %v", recs, err)
	}
	text := strings.Join(visibleTexts(d.reach.view), " ")
	for _, want := range []string{"12 företag nådda totalt", "Krokoms Kvarn AB, 11 till utan namn — Workshop om affärsmodellkanvas"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q: %s", want, text)
		}
	}
	d.reach.remove(recs[0])
	u.WaitIdle()
	if l, _ := st.Reaches(u.ctx(), data.ReachQuery{}); len(l) != 0 {
		t.Fatal("not deleted")
	}
	u.undo.takeBack()
	u.WaitIdle()
	if l, _ := st.Reaches(u.ctx(), data.ReachQuery{}); len(l) != 1 {
		t.Fatal("undo did not bring it back")
	}
}
