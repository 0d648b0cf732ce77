package ui

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/datatest"
)

// Deleting an organisation says truthfully what happens to the funder's
// figures: its visits still count as visits, the organisation in no figure
// of any period; without visits nothing changes. Cancel deletes nothing.
func TestDeletingAnOrganisationSaysWhatHappensToTheFigures(t *testing.T) {
	u, st := newTestUI(t, "sv")
	visited := datatest.Org(t, st, "Snåsa Smak AS", "")
	datatest.Visit(t, st, "2026-03-02", "", visited.ID)
	datatest.Visit(t, st, "2026-04-02", "", visited.ID)
	quiet := datatest.Org(t, st, "Tyst Konsult AB", "")

	u.selectOrg(visited.ID)
	u.WaitIdle()
	tapButton(t, u, u.orgs.detail.view, "Ta bort")
	dlg := topOverlay(t, u)
	text := strings.Join(visibleTexts(dlg), " ")
	for _, want := range []string{"De 2 besöken räknas fortfarande bland besök och rådgivartimmar",
		"Snåsa Smak AS räknas inte längre i någon siffra i finansiärsrapporten", "inte heller för perioder som redan rapporterats",
		"slå hellre ihop"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "finns kvar i statistiken") {
		t.Errorf("the dialog still says the visits stay in the statistics: %s", text)
	}
	tapButton(t, u, dlg, "Avbryt")
	if o, err := st.Organisation(u.ctx(), visited.ID); err != nil || o.Deleted {
		t.Fatalf("cancelled, yet deleted: %v %v", o.Deleted, err)
	}

	u.selectOrg(quiet.ID)
	u.WaitIdle()
	tapButton(t, u, u.orgs.detail.view, "Ta bort")
	if text := strings.Join(visibleTexts(topOverlay(t, u)), " "); !strings.Contains(text, "Den har inga besök, så ingen siffra i finansiärsrapporten ändras") {
		t.Errorf("without visits: %s", text)
	}
}
