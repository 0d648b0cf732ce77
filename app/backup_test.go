package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
)

// The test: make a backup, keep working and syncing, lose the
// database, restore, sync — `ilsa dump` equals the state before the loss,
// and the device's later work reaches a colleague without a clash.
func TestRestoreThenSyncBringsBackEverythingWritten(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	trä := a.id("org", "add", "--name", "Storsjö Trä AB")
	a.ok("sync", "--folder", shared)
	file := filepath.Join(t.TempDir(), "before.db")
	if out := a.ok("backup", "--out", file); !strings.Contains(out, file) {
		t.Errorf("backup printed %q", out)
	}

	// Work after the backup: edits, a visit, a colleague's organisation.
	a.ok("org", "edit", trä, "--notes", "Limträbalkar, patentsökan i vår")
	a.id("visit", "add", "--org", trä, "--date", "2026-11-20", "--notes", "Första besöket")
	a.ok("sync", "--folder", shared)
	b.id("org", "add", "--name", "Lierne Fisk AS")
	b.ok("sync", "--folder", shared)
	a.ok("sync", "--folder", shared)
	before := a.dump()

	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(filepath.Join(a.dir, data.DBFileName+suffix))
	}
	out := a.ok("restore", file)
	if !strings.Contains(out, "Restored "+file) || !strings.Contains(out, "now writes as") {
		t.Errorf("restore printed %q", out)
	}
	a.ok("sync", "--folder", shared)
	if got := a.dump(); got != before {
		t.Errorf("after restore and sync the dump differs:\nbefore %s\nafter  %s", before, got)
	}

	// New work after the restore reaches the colleague, and neither side
	// finds a clash (a reused number would be quarantined or cloned).
	a.id("org", "add", "--name", "Frostviken Turism AB")
	for _, c := range []*cli{a, b, a} {
		out := c.ok("sync", "--folder", shared)
		for _, word := range []string{"Quarantined", "quarantined", "identity", "clone"} {
			if strings.Contains(out, word) {
				t.Errorf("sync after the restore reported %q:\n%s", word, out)
			}
		}
	}
	if a.dump() != b.dump() {
		t.Error("a and b differ after the restored device's new work")
	}
}

func TestRestoreRefusedWhileTheDatabaseIsOpen(t *testing.T) {
	a := newCLI(t)
	a.ok("init", "--advisor", "Anna Berg")
	a.id("org", "add", "--name", "Storsjö Trä AB")
	file := filepath.Join(t.TempDir(), "b.db")
	a.ok("backup", "--out", file)
	st, err := data.Open(filepath.Join(a.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, code := a.run("restore", file)
	st.Close()
	if code != exitError || !strings.Contains(errOut, "open in another window or command") {
		t.Errorf("restore beside an open store: exit %d, %q", code, errOut)
	}
}

func TestBackupAndRestoreCommandLineErrors(t *testing.T) {
	a := newCLI(t)
	a.ok("init", "--advisor", "Anna Berg")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"restore"}, exitUsage, "Name the backup file"},
		{[]string{"restore", "a.db", "b.db"}, exitUsage, "b.db"},
		{[]string{"restore", filepath.Join(a.dir, "nope.db")}, exitError, "cannot be read"},
		{[]string{"restore", a.dir}, exitError, "not an ILSA Coach database"},
		{[]string{"backup", "--out", filepath.Join(a.dir, "no", "such", "x.db")}, exitError, "does not exist"},
	} {
		_, errOut, code := a.run(c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("ilsa %v: exit %d, %q", c.args, code, errOut)
		}
	}
	// Without --out: a rolling backup in the data folder, never elsewhere.
	out := a.ok("backup")
	list, _ := backup.List(a.dir)
	if len(list) != 1 || !strings.Contains(out, list[0].Path) {
		t.Errorf("backup printed %q, backups folder holds %v", out, list)
	}
}

// Work done after a restore before the first sync must not take numbers
// the device had already used in the shared folder: nobody reports a
// clash, and both advisors end with everything.
func TestWorkBetweenRestoreAndSyncClashesWithNothing(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	trä := a.id("org", "add", "--name", "Storsjö Trä AB")
	file := filepath.Join(t.TempDir(), "before.db")
	a.ok("backup", "--out", file)
	a.ok("org", "edit", trä, "--notes", "Limträbalkar")
	a.ok("sync", "--folder", shared)
	os.Remove(filepath.Join(a.dir, data.DBFileName))
	a.ok("restore", file)
	a.id("org", "add", "--name", "Frostviken Turism AB") // before any sync
	for _, c := range []*cli{a, b, a} {
		out := c.ok("sync", "--folder", shared)
		for _, word := range []string{"uarantined", "identity", "clone", "damaged"} {
			if strings.Contains(out, word) {
				t.Errorf("sync after the restore reported %q:\n%s", word, out)
			}
		}
	}
	if a.dump() != b.dump() {
		t.Error("a and b differ")
	}
	if d := a.dump(); !strings.Contains(d, "Limträbalkar") || !strings.Contains(d, "Frostviken") {
		t.Errorf("work lost: %s", d)
	}
}

// The window does not open on a damaged database, and nothing replaces
// the file: the message says it is damaged.
func TestWindowOnADamagedDatabaseChangesNothing(t *testing.T) {
	a := newCLI(t)
	a.ok("init", "--advisor", "Anna Berg")
	path := filepath.Join(a.dir, data.DBFileName)
	b, _ := os.ReadFile(path)
	copy(b[:16], "not a database!!")
	os.WriteFile(path, b, 0o600)
	_, errOut, code, opened := runGUI(t, a.env, "--data", a.dir)
	if opened || code != exitError || !strings.Contains(errOut, "is damaged") {
		t.Errorf("exit %d, opened %v, %q", code, opened, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != string(b) {
		t.Error("the damaged file was changed")
	}
}

// A restore asked for in the window is checked at once (a clear error,
// nothing changed) and only remembered for when the window has closed.
func TestWindowRestoreIsCheckedThenLeftForAfterTheWindow(t *testing.T) {
	a := newCLI(t)
	a.ok("init", "--advisor", "Anna Berg")
	st, err := data.Open(filepath.Join(a.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := newWindowBackups(st, a.dir, func() time.Time { return fixedNow })
	info, err := w.BackUpNow(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("hello"), 0o644)
	if err := w.Restore(t.Context(), notes); err == nil || w.pendingRestore() != "" {
		t.Errorf("a text file: %v, pending %q", err, w.pendingRestore())
	}
	if err := w.Restore(t.Context(), info.Path); err != nil || w.pendingRestore() != info.Path {
		t.Errorf("a backup: %v, pending %q", err, w.pendingRestore())
	}
	if list, _ := w.List(); len(list) != 1 || list[0].Path != info.Path {
		t.Errorf("list %v", list)
	}
}

// A lost database (the folder was used, the file is gone) is not started
// afresh at a window's start either.
func TestWindowOnALostDatabaseCreatesNothing(t *testing.T) {
	a := newCLI(t)
	a.ok("init", "--advisor", "Anna Berg")
	a.ok("backup")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(filepath.Join(a.dir, data.DBFileName+suffix))
	}
	_, errOut, code, opened := runGUI(t, a.env, "--data", a.dir)
	if opened || code != exitError || !strings.Contains(errOut, "is missing") {
		t.Errorf("exit %d, opened %v, %q", code, opened, errOut)
	}
	if _, err := os.Stat(filepath.Join(a.dir, data.DBFileName)); err == nil {
		t.Error("a new database was created")
	}
}
