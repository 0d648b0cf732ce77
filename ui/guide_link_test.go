package ui

import (
	"testing"
)

// An empty Follow-ups, Reports or Sync screen says what to do and links to
// the guide's section about it.
func TestEmptyScreensLinkToTheirGuideSection(t *testing.T) {
	for _, c := range []struct {
		tab           int
		hint, section string
	}{
		{tabActions, "Inga öppna åtgärder", "follow-ups"},
		{tabJoint, "Inga gemensamma insatser än", "joint-actions"},
		{tabReports, "registrera besök, eller välj en annan period", "reports"},
		{tabSync, "ILSA Coach delar ditt arbete", "sync"},
		{tabVisits, "Inga besök här", "visit"},
		{tabOrganisations, "Välj en organisation i listan", "first-start"},
	} {
		u, st := newTestUI(t, "sv")
		u.opt.Reports = testReports{st}
		u.opt.Sync = testSyncer(st)
		u.build(c.tab)
		u.WaitIdle()
		view := u.views.Objects[c.tab]
		if !shows(view, c.hint) {
			t.Errorf("tab %d says: %q", c.tab, visibleTexts(view))
			continue
		}
		tapButton(t, u, view, "Läs mer i guiden")
		if u.tabs.SelectedIndex() != tabHelp || u.help.current != c.section {
			t.Errorf("tab %d: the guide link opened tab %d at %q", c.tab, u.tabs.SelectedIndex(), u.help.current)
		}
	}
}
