package ui

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/app/syncsvc"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// testSyncer is the app's sync service over a test store, on the tests' clock.
func testSyncer(st *data.Store) *syncsvc.Service {
	return syncsvc.New(st, syncsvc.Options{Now: func() time.Time { return testNow }})
}

func TestSyncScreenSyncsAFolderAndReviewsAConflict(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.opt.Sync = testSyncer(st)
	folder := t.TempDir()
	colleague, _ := datatest.Open(t)
	if err := colleague.SetProfile(data.Profile{Advisor: "Erik Lund", Country: domain.CountrySE, Done: true}); err != nil {
		t.Fatal(err)
	}
	org := datatest.Org(t, colleague, "Bydalens Fjällgård AB", "")
	if _, err := exchange.Sync(u.ctx(), colleague, folder, exchange.Options{}); err != nil {
		t.Fatal(err)
	}

	u.Show(tabSync)
	u.WaitIdle()
	s := u.syncScreen
	if !shows(s.view, "Ingen delad mapp vald: dina uppgifter finns bara på den här datorn.") || !s.syncBtn.Disabled() {
		t.Fatalf("before choosing a folder: %v", visibleTexts(s.view))
	}
	s.folder.SetText(folder)
	s.setFolder(s.folder.Text) // Enter in the folder field: stores it and syncs
	u.WaitIdle()
	if _, err := st.Organisation(u.ctx(), org.ID); err != nil {
		t.Fatalf("the colleague's organisation did not arrive: %v", err)
	}
	if !shows(s.view, "✓ Mappen går att nå.") || !shows(s.view, "1 fil läst") {
		t.Fatalf("after the first sync: %v", visibleTexts(s.view))
	}
	if got := prefs.New(st).SyncFolder(); got != folder {
		t.Errorf("stored folder %q", got)
	}

	// Both edit the notes before seeing each other's change.
	mine, _ := st.Organisation(u.ctx(), org.ID)
	mine.Notes = "Vill bygga ut stugbyn"
	if err := st.UpdateOrganisation(u.ctx(), &mine); err != nil {
		t.Fatal(err)
	}
	theirs, _ := colleague.Organisation(u.ctx(), org.ID)
	theirs.Notes = "Söker EU-stöd för solceller"
	if err := colleague.UpdateOrganisation(u.ctx(), &theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Sync(u.ctx(), colleague, folder, exchange.Options{}); err != nil {
		t.Fatal(err)
	}
	tapButton(t, u, s.view, "Synka nu")
	u.WaitIdle()
	// One edit wins (here this device's); the other is kept as the
	// conflict's loser, for review, and the colleague is named from the
	// folder's device.json.
	if conflicts, _ := st.Conflicts(u.ctx(), false); len(conflicts) != 1 {
		t.Fatalf("%d conflicts recorded here, want 1", len(conflicts))
	}
	open, _ := st.Conflicts(u.ctx(), false)
	at := func(ts hlc.Timestamp) string {
		return u.tr.Date(ts.Time().Local()) + " " + ts.Time().Local().Format("15:04")
	}
	for _, want := range []string{"Bydalens Fjällgård AB · Anteckningar", "Vill bygga ut stugbyn", "Söker EU-stöd för solceller",
		"Skriv en sammanslagen text…", "Nuvarande värde (från den här datorn, " + at(open[0].WinnerHLC) + ")",
		"Andra värdet (från Erik Lund, " + at(open[0].LoserHLC) + ")", "1 ny konflikt att granska"} {
		if !shows(s.view, want) {
			t.Errorf("the conflict review lacks %q: %v", want, visibleTexts(s.view))
		}
	}
	u.Show(tabToday)
	u.WaitIdle()
	if !shows(u.today.view, "1 konflikt att granska") {
		t.Errorf("Today does not mention the conflict: %v", visibleTexts(u.today.view))
	}
	u.Show(tabSync)
	u.WaitIdle()
	list, _ := st.Conflicts(u.ctx(), false)
	s.conflicts.resolve(conflictItem{Conflict: list[0]}, data.UseMerged, "Vill bygga ut stugbyn och söker EU-stöd för solceller")
	u.WaitIdle()
	if o, _ := st.Organisation(u.ctx(), org.ID); o.Notes != "Vill bygga ut stugbyn och söker EU-stöd för solceller" {
		t.Errorf("notes after merging: %q", o.Notes)
	}
	if !shows(s.view, "Inga konflikter: ingen har ändrat samma sak som någon annan samtidigt.") {
		t.Errorf("the review still lists the conflict: %v", visibleTexts(s.view))
	}
	// The last sync's line no longer asks for a review that was done.
	if shows(s.view, "1 ny konflikt att granska") || !shows(s.view, "1 ny konflikt, granskad") {
		t.Errorf("the last sync's line after the review: %v", visibleTexts(s.view))
	}
}

// A conflict whose field was edited again after both values says so, and
// when; the value that won is no longer called the current one.
func TestConflictReviewSaysWhenTheFieldChangedAgain(t *testing.T) {
	u, st := newTestUI(t, "en")
	conflictWithColleague(t, u, st, "Røros Kobberverksted AS", func(o *domain.Organisation, side int) {
		o.Notes = []string{"Wants a web shop", "Looking for a partner in Östersund"}[side]
	})
	list, _ := st.Conflicts(u.ctx(), false)
	if len(list) != 1 {
		t.Fatalf("%d conflicts, want 1", len(list))
	}
	o, _ := st.Organisation(u.ctx(), list[0].ID)
	o.Notes = "Opened the web shop in May"
	if err := st.UpdateOrganisation(u.ctx(), &o); err != nil {
		t.Fatal(err)
	}
	u.Show(tabSync)
	u.WaitIdle()
	v := u.syncScreen.view
	if !shows(v, "Changed again since, ") || !shows(v, "Value that won (from ") || shows(v, "Current value (from ") {
		t.Fatalf("review of a superseded conflict: %v", visibleTexts(v))
	}
}

// readOnlySyncer syncs with a folder that refuses every file written into
// it, as a read-only share does (for root too, unlike a chmod).
func readOnlySyncer(st *data.Store) *syncsvc.Service {
	return syncsvc.New(st, syncsvc.Options{Now: func() time.Time { return testNow }, Exchange: exchange.Options{
		CreateTemp: func(dir, pattern string) (exchange.TempFile, error) {
			return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.EROFS}
		}}})
}

// A folder this computer cannot write into: the colleague's work arrives,
// and the screen (and Today) say that this computer's did not go out.
func TestSyncScreenSaysWhatWasNotWritten(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.opt.Sync = readOnlySyncer(st)
	folder := t.TempDir()
	colleague, _ := datatest.Open(t)
	theirs := datatest.Org(t, colleague, "Gällivare Guide AB", "")
	if _, err := exchange.Sync(u.ctx(), colleague, folder, exchange.Options{}); err != nil {
		t.Fatal(err)
	}
	datatest.Org(t, st, "Jokkmokk Järn AB", "")
	u.Show(tabSync)
	u.WaitIdle()
	u.syncScreen.setFolder(folder)
	u.WaitIdle()
	if _, err := st.Organisation(u.ctx(), theirs.ID); err != nil {
		t.Fatalf("the colleague's organisation did not arrive: %v", err)
	}
	own := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), st.DeviceID())
	for _, want := range []string{"inte allt från den här datorn kunde skrivas till mappen",
		"• Den här enhetens ändringar kunde inte skrivas till " + own} {
		if !shows(u.syncScreen.view, want) {
			t.Errorf("the Sync screen lacks %q: %v", want, visibleTexts(u.syncScreen.view))
		}
	}
	u.Show(tabToday)
	u.WaitIdle()
	if !shows(u.today.view, "inte allt från den här datorn kunde skrivas till mappen") {
		t.Errorf("Today: %v", visibleTexts(u.today.view))
	}
}

// A folder that disappears (a USB stick pulled out) is reported, and
// nothing is deleted.
func TestSyncScreenReportsAnUnreachableFolder(t *testing.T) {
	u, st := newTestUI(t, "nb")
	u.opt.Sync = testSyncer(st)
	folder := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	o := datatest.Org(t, st, "Levanger Lys AS", "")
	u.Show(tabSync)
	u.WaitIdle()
	u.syncScreen.setFolder(folder)
	u.WaitIdle()
	if err := os.RemoveAll(folder); err != nil {
		t.Fatal(err)
	}
	u.syncScreen.refresh()
	u.WaitIdle()
	if !shows(u.syncScreen.view, "Mappen kan ikke nås akkurat nå") || !u.syncScreen.syncBtn.Disabled() {
		t.Errorf("an unreachable folder is not reported: %v", visibleTexts(u.syncScreen.view))
	}
	if _, err := st.Organisation(u.ctx(), o.ID); err != nil {
		t.Error("data was lost when the folder went away")
	}
	u.Show(tabToday)
	u.WaitIdle()
	if !shows(u.today.view, "mappen kan ikke nås nå") {
		t.Errorf("Today: %v", visibleTexts(u.today.view))
	}
}

// A project lead imports a folder of exported files (say, from a USB stick)
// in one go; junk and copies in it are left out and reported.
func TestImportAFolderOfExportedFiles(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.opt.Sync = testSyncer(st)
	stick := t.TempDir()
	var want []string
	for i, name := range []string{"Anna", "Kari"} {
		advisor, _ := datatest.Open(t)
		o := datatest.Org(t, advisor, name+"s Kund AB", "")
		want = append(want, o.ID)
		dir := filepath.Join(stick, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := exchange.ExportFile(u.ctx(), advisor, filepath.Join(dir, name+".bundle"), exchange.Options{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			os.WriteFile(filepath.Join(dir, ".DS_Store"), []byte("junk"), 0o644)
		}
	}
	paths, err := exchange.BundleFiles(stick)
	if err != nil || len(paths) != 2 {
		t.Fatalf("bundle files %v %v", paths, err)
	}
	u.Show(tabSync)
	u.WaitIdle()
	u.syncScreen.importPaths(paths)
	u.WaitIdle()
	for _, id := range want {
		if _, err := st.Organisation(u.ctx(), id); err != nil {
			t.Errorf("organisation %s not imported: %v", id, err)
		}
	}
	if !shows(topOverlay(t, u), "2 files read") {
		t.Errorf("the import result: %v", visibleTexts(topOverlay(t, u)))
	}
}

// A conflict over a code shows both values by name in the reader's
// language, and offers no merged text for it.
func TestConflictReviewNamesCodes(t *testing.T) {
	u, st := newTestUI(t, "nb")
	conflictWithColleague(t, u, st, "Røros Kobberverksted AS", func(o *domain.Organisation, side int) {
		o.Sector = []string{"G", "N"}[side]
	})
	if c, _ := st.Conflicts(u.ctx(), false); len(c) != 1 {
		t.Fatalf("%d conflicts, want 1", len(c))
	}
	u.Show(tabSync)
	u.WaitIdle()
	s := u.syncScreen
	for _, want := range []string{"Røros Kobberverksted AS · Næring", "G – Varehandel, reparasjon av motorvogner",
		"N – Forretningsmessig tjenesteyting", "Behold nåværende", "Ta den andre"} {
		if !shows(s.view, want) {
			t.Errorf("the review lacks %q: %v", want, visibleTexts(s.view))
		}
	}
	if shows(s.view, "Skriv en sammenslått tekst…") {
		t.Error("a merged text is offered for a sector")
	}
}

// conflictWithColleague makes this device (side 0) and a colleague (side
// 1) edit one organisation before seeing each other's edit, then exchange
// their changes.
func conflictWithColleague(t *testing.T, u *UI, st *data.Store, name string, edit func(o *domain.Organisation, side int)) {
	t.Helper()
	colleague, _ := datatest.Open(t)
	org := datatest.Org(t, colleague, name, "")
	exchangeChanges(t, colleague, st)
	for side, s := range []*data.Store{st, colleague} {
		o, _ := s.Organisation(u.ctx(), org.ID)
		edit(&o, side)
		if err := s.UpdateOrganisation(u.ctx(), &o); err != nil {
			t.Fatal(err)
		}
	}
	exchangeChanges(t, colleague, st)
}

// exchangeChanges applies from's log to to.
func exchangeChanges(t *testing.T, from, to *data.Store) {
	t.Helper()
	ch, err := from.Changes(context.Background(), "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := datatest.ImportChanges(context.Background(), to, ch); err != nil {
		t.Fatal(err)
	}
}

// The sync summary says when conflicts were settled on another device.
func TestSyncSummaryCountsConflictsSettledElsewhere(t *testing.T) {
	for lang, want := range map[string]string{"sv": "2 konflikter avgjorda på annat håll", "nb": "1 konflikt avgjort et annet sted"} {
		u, _ := newTestUI(t, lang)
		n := map[string]int{"sv": 2, "nb": 1}[lang]
		if got := summary(u, exchange.Result{Settled: n}, 0); !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", lang, got, want)
		}
	}
}

// A merged text left empty is refused with a reason, the editor comes back
// with what was typed, and the conflict stays open.
func TestAnEmptyMergedTextIsRefusedAndKept(t *testing.T) {
	u, st := newTestUI(t, "sv")
	conflictWithColleague(t, u, st, "Hammarstrands Snickeri AB", func(o *domain.Organisation, side int) {
		o.Notes = []string{"Vill bygga ut verkstaden", "Söker en ny lärling"}[side]
	})
	u.Show(tabSync)
	u.WaitIdle()
	r := u.syncScreen.conflicts
	tapButton(t, u, u.syncScreen.view, "Skriv en sammanslagen text…")
	if r.mergedEntry == nil || !strings.Contains(r.mergedEntry.Text, "Vill bygga ut verkstaden") || !strings.Contains(r.mergedEntry.Text, "Söker en ny lärling") {
		t.Fatalf("the editor does not start from both values")
	}
	r.mergedEntry.SetText("  ")
	first := r.mergedEntry
	tapButton(t, u, topOverlay(t, u), "Spara")
	u.WaitIdle()
	if r.mergedEntry == first || r.mergedEntry.Text != "  " {
		t.Fatalf("the editor did not come back with the typed text")
	}
	if !shows(topOverlay(t, u), "Anteckningar: Skriv den sammanslagna texten, eller behåll ett av de två värdena.") || !shows(topOverlay(t, u), "Kontrollera") {
		t.Errorf("no reason shown: %v", visibleTexts(topOverlay(t, u)))
	}
	if open, _ := st.Conflicts(u.ctx(), false); len(open) != 1 {
		t.Fatalf("%d open conflicts after a refused merge, want 1", len(open))
	}
}
