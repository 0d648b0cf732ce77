package ui

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/team"
)

func TestSyncScreenTeamSectionJoinsAndReadsTheColleaguesFiles(t *testing.T) {
	team.ScryptWorkFactor = 10
	u, st := newTestUI(t, "sv")
	u.opt.Sync = testSyncer(st)
	folder := t.TempDir()
	colleague, _ := datatest.Open(t)
	if err := colleague.SetProfile(data.Profile{Advisor: "Erik Lund", Country: domain.CountrySE, Done: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := team.Create(folder, exchange.KeyDir(colleague), "Storsjön i februari", testNow); err != nil {
		t.Fatal(err)
	}
	org := datatest.Org(t, colleague, "Bydalens Fjällgård AB", "")
	if _, err := exchange.Sync(u.ctx(), colleague, folder, exchange.Options{}); err != nil {
		t.Fatal(err)
	}

	u.Show(tabSync)
	u.WaitIdle()
	s := u.syncScreen
	s.folder.SetText(folder)
	s.setFolder(s.folder.Text)
	u.WaitIdle()
	if !shows(s.view, "1 kollegas filer är krypterade — gå med i teamet") || s.team.join.Hidden || !s.team.rotate.Hidden {
		t.Fatalf("before joining: %v", visibleTexts(s.view))
	}
	if _, err := st.Organisation(u.ctx(), org.ID); err == nil {
		t.Fatal("an encrypted file was applied without the key")
	}
	// A wrong passphrase changes nothing; the right one joins, and the
	// section syncs at once (what the dialog's OK does).
	if err := u.opt.Sync.JoinTeam("fel lösenfras"); err == nil {
		t.Fatal("joined with a wrong passphrase")
	}
	if err := u.opt.Sync.JoinTeam("Storsjön i februari"); err != nil {
		t.Fatal(err)
	}
	s.team.refresh()
	s.team.changed()
	u.WaitIdle()
	if _, err := st.Organisation(u.ctx(), org.ID); err != nil {
		t.Fatalf("the colleague's organisation did not arrive after joining: %v", err)
	}
	if !shows(s.view, "✓ Den här datorn är med i teamet: dess filer i den delade mappen är krypterade (nyckelgeneration 1).") ||
		!shows(s.view, "• Erik Lund — med i teamet, nyckelgeneration 1") || !s.team.join.Hidden || s.team.rotate.Hidden {
		t.Fatalf("after joining: %v", visibleTexts(s.view))
	}
}
