package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
)

// TestEverySyncReasonReadsInEveryLanguage: each reason a file was not
// imported, and each folder error, has its own sentence naming the file.
func TestEverySyncReasonReadsInEveryLanguage(t *testing.T) {
	for _, lang := range []string{"en", "sv", "nb"} {
		tr := translations.New(lang)
		generic := tr.T("error.invalid")
		for _, code := range exchange.Reasons {
			msg := tr.Problem(&domain.ValidationError{Field: "file", Code: code, Params: map[string]any{"Path": "/x/f.bundle"}})
			if msg == generic || !strings.Contains(msg, "/x/f.bundle") {
				t.Errorf("%s: %s reads %q", lang, code, msg)
			}
		}
	}
}

// twoAdvisors are two data folders and a shared folder between them.
func twoAdvisors(t *testing.T) (a, b *cli, shared string) {
	a, b = newCLI(t), newCLI(t)
	shared = filepath.Join(t.TempDir(), "Shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	a.ok("init", "--advisor", "Anna Berg")
	b.ok("init", "--advisor", "Ola Nordmann")
	return a, b, shared
}

func TestSyncThroughASharedFolder(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	a.id("org", "add", "--name", "Storsjö Trä AB")
	b.id("org", "add", "--name", "Lierne Fisk AS")
	out := a.ok("sync", "--folder", shared)
	if !strings.Contains(out, "Synced with "+shared) || !strings.Contains(out, "Wrote 1 bundle") {
		t.Errorf("sync printed %q", out)
	}
	var res struct {
		Written  []map[string]any `json:"written"`
		Imported []map[string]any `json:"imported"`
		Applied  int              `json:"applied"`
		Files    []map[string]any `json:"files"`
	}
	if err := json.Unmarshal([]byte(b.ok("sync", "--folder", shared, "--json")), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 1 || len(res.Imported) != 1 || res.Applied == 0 || res.Files == nil {
		t.Errorf("b's sync: %+v", res)
	}
	a.ok("sync", "--folder", shared)
	if a.dump() != b.dump() {
		t.Error("ilsa dump differs after syncing both ways")
	}
	// In Swedish, with a file a sync engine left behind.
	dir := filepath.Join(shared, "ilsa", "v1", "devices")
	entries, _ := os.ReadDir(dir)
	os.WriteFile(filepath.Join(dir, entries[0].Name(), "desktop.ini"), nil, 0o644)
	out = a.ok("--lang", "sv", "sync", "--folder", shared)
	if !strings.Contains(out, "Synkat med") || !strings.Contains(out, "Hoppades över: ") || !strings.Contains(out, "systemfil") {
		t.Errorf("sv sync printed %q", out)
	}
}

// A folder this device cannot write into: `ilsa sync` imports the others'
// changes, says in the report that its own were not written, and exits 1.
// (A file where this device's directory should be stops even root, which
// a read-only permission does not.)
func TestSyncIntoAFolderItCannotWriteIsPartial(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	var me struct {
		Device string `json:"device"`
	}
	if err := json.Unmarshal([]byte(a.ok("sync", "--folder", t.TempDir(), "--json")), &me); err != nil || me.Device == "" {
		t.Fatalf("device id: %q %v", me.Device, err)
	}
	b.id("org", "add", "--name", "Kalix Kajak AB")
	b.ok("sync", "--folder", shared)
	a.id("org", "add", "--name", "Haparanda Hamn AB")
	own := filepath.Join(shared, "ilsa", "v1", "devices", me.Device)
	if err := os.WriteFile(own, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := a.run("sync", "--folder", shared)
	if code != 1 || !strings.Contains(out, "Imported 1 bundle") ||
		!strings.Contains(out, "Not written: This device's changes could not be written into "+own) ||
		!strings.Contains(errOut, "The sync was partial") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if !strings.Contains(a.ok("org", "list"), "Kalix Kajak AB") {
		t.Error("b's organisation was not imported")
	}
	var res struct {
		NotWritten struct{ Reason, Path string } `json:"not_written"`
	}
	out, _, code = a.run("--lang", "sv", "sync", "--folder", shared, "--json")
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 1 || res.NotWritten.Reason != exchange.ReasonChangesNotWritten ||
		res.NotWritten.Path != own {
		t.Errorf("--json: exit %d, %+v, %v", code, res, err)
	}
	if err := os.Remove(own); err != nil {
		t.Fatal(err)
	}
	if out := a.ok("sync", "--folder", shared); !strings.Contains(out, "Wrote 1 bundle") {
		t.Errorf("once the folder could be written: %q", out)
	}
}

func TestSyncErrorsAndUsage(t *testing.T) {
	c := newCLI(t)
	missing := filepath.Join(t.TempDir(), "not-there")
	_, errOut, code := c.run("sync", "--folder", missing)
	if code != 1 || !strings.Contains(errOut, "does not exist") || !strings.Contains(errOut, missing) {
		t.Errorf("missing folder: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = c.run("--lang", "nb", "sync", "--folder", missing)
	if code != 1 || !strings.Contains(errOut, "finnes ikke") {
		t.Errorf("missing folder in nb: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code = c.run("sync"); code != 2 || !strings.Contains(errOut, "--folder") {
		t.Errorf("sync without --folder: exit %d, stderr %q", code, errOut)
	}
	if _, _, code = c.run("export"); code != 2 {
		t.Errorf("export without --out: exit %d", code)
	}
	if _, _, code = c.run("import"); code != 2 {
		t.Errorf("import without files: exit %d", code)
	}
}

func TestExportImportAndConflicts(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	org := a.id("org", "add", "--name", "Verdal Verksted AS")
	a.ok("sync", "--folder", shared)
	b.ok("sync", "--folder", shared)
	// Both edit the notes offline: a concurrent edit.
	a.ok("org", "edit", org, "--notes", "Anna: Vinnova")
	b.ok("org", "edit", org, "--notes", "Ola: patent")
	file := filepath.Join(t.TempDir(), "anna.bundle")
	if out := a.ok("export", "--out", file); !strings.Contains(out, file) {
		t.Errorf("export printed %q", out)
	}
	out := b.ok("import", file)
	if !strings.Contains(out, "Imported 1 bundle") || !strings.Contains(out, "1 concurrent edit") {
		t.Errorf("import printed %q", out)
	}
	if out := b.ok("import", file); !strings.Contains(out, "Imported 0 bundles") || !strings.Contains(out, "bundles imported before: 1") {
		t.Errorf("second import printed %q", out)
	}
	rows := b.list("conflicts")
	if len(rows) != 1 || rows[0]["field"] != "notes" {
		t.Fatalf("conflicts: %v", rows)
	}
	both := rows[0]["winner_value"].(string) + rows[0]["loser_value"].(string)
	if !strings.Contains(both, "Vinnova") || !strings.Contains(both, "patent") {
		t.Errorf("a value is missing: %v", rows[0])
	}
	if out := b.ok("conflicts"); !strings.Contains(out, "Vinnova") || !strings.Contains(out, "patent") || !strings.Contains(out, "Notes") {
		t.Errorf("conflicts table: %q", out)
	}
	if out := b.ok("check"); !strings.Contains(out, "1 concurrent edit waits for review.") {
		t.Errorf("check with one conflict: %q", out)
	}
	if out := b.ok("conflicts", "--all"); !strings.Contains(out, "Resolved") || !strings.Contains(out, "No") {
		t.Errorf("conflicts --all says which are resolved: %q", out)
	}
	if out := a.ok("conflicts"); !strings.Contains(out, "No concurrent edits") {
		t.Errorf("a has no conflicts yet: %q", out)
	}
	// A damaged file: reported, exit 1, nothing applied.
	bad := filepath.Join(t.TempDir(), "bad.bundle")
	os.WriteFile(bad, []byte("not a bundle"), 0o644)
	before := b.dump()
	out, errOut, code := b.run("import", bad)
	if code != 1 || !strings.Contains(out, "not a valid sync file") || !strings.Contains(errOut, "Files not imported: 1") {
		t.Errorf("bad import: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if b.dump() != before {
		t.Error("a bad file changed the data")
	}
}

// A sync from the command line is remembered like the window's own: Today
// shows when it ran, not the state before it.
func TestTodayShowsASyncMadeByTheCommandLine(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Rådgivare", "--country", "SE")
	c.ok("sync", "--folder", t.TempDir())
	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u := ui.New(test.NewApp(), st, translations.New("sv"), windowOptions(st, c.dir, func() time.Time { return fixedNow }, nil))
	u.WaitIdle()
	all := strings.Join(shownTexts(u.Window().Content()), "\n")
	if !strings.Contains(all, "Senast synkat "+fixedNow.Format("2006-01-02")) {
		t.Errorf("Today after `ilsa sync` shows:\n%s", all)
	}
}

// shownTexts lists the texts of the labels under o.
func shownTexts(o fyne.CanvasObject) []string {
	switch x := o.(type) {
	case *widget.Label:
		return []string{x.Text}
	case *fyne.Container:
		var out []string
		for _, c := range x.Objects {
			out = append(out, shownTexts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, shownTexts(c)...)
		}
		return out
	}
	return nil
}

// `ilsa sync` and the window's sync record the same last sync for the same
// sync: one data folder, copied before its first sync, is synced once from
// the command line and once (its copy) by the window's sync, into the same
// empty shared folder; then both fail on a folder that went away.
func TestTheCommandLineAndTheWindowRecordTheSameLastSync(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	c.id("org", "add", "--name", "Storsjö Trä AB")
	twin := filepath.Join(t.TempDir(), "twin")
	copyDataFolder(t, c.dir, twin)
	shared := filepath.Join(t.TempDir(), "Shared")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	c.ok("sync", "--folder", shared)
	if err := os.RemoveAll(shared); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}

	st, err := data.Open(filepath.Join(twin, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	window := windowOptions(st, twin, func() time.Time { return fixedNow }, nil).Sync
	if err := window.SetFolder(shared); err != nil {
		t.Fatal(err)
	}
	describe := translations.New("en").Error
	if _, ran, err := window.SyncNow(true, nil, describe, nil); !ran || err != nil {
		t.Fatalf("the window's sync: ran %v, %v", ran, err)
	}
	same := func(when string) {
		t.Helper()
		cli, win := lastSyncOf(t, c.dir), window.LastSync()
		if win == nil || cli == nil {
			t.Fatalf("%s: last sync from the command line %v, from the window %v", when, cli, win)
		}
		a, _ := json.Marshal(cli)
		b, _ := json.Marshal(win)
		if string(a) != string(b) {
			t.Errorf("%s: the command line recorded\n%s\nthe window\n%s", when, a, b)
		}
	}
	same("after a sync")
	if w := window.LastSync(); w.Written != 1 || w.Error != "" {
		t.Fatalf("the window's record shows nothing happened: %+v", w)
	}

	if err := os.RemoveAll(shared); err != nil {
		t.Fatal(err)
	}
	if _, _, code := c.run("sync", "--folder", shared); code != 1 {
		t.Fatalf("sync with the folder gone: exit %d", code)
	}
	if _, ran, err := window.SyncNow(true, nil, describe, nil); !ran || err == nil {
		t.Fatalf("the window's sync with the folder gone: ran %v, %v", ran, err)
	}
	same("after a failed sync")
	if w := window.LastSync(); !strings.Contains(w.Error, shared) {
		t.Errorf("the failure's record does not name the folder: %+v", w)
	}
}

// copyDataFolder copies a data folder's files (the database and the
// device's id), so the copy is the same device with the same changes.
func copyDataFolder(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// lastSyncOf reads the last sync recorded in a data folder's database.
func lastSyncOf(t *testing.T, dir string) *exchange.LastSync {
	t.Helper()
	st, err := data.Open(filepath.Join(dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return prefs.New(st).LastSync()
}
