package backup_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/data/datatest"
)

var ctx = context.Background()

// orgNames reads the organisations' names of a database file, as a person
// opening the copy would find them.
func orgNames(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM organisations ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var be *backup.Error
	if !errors.As(err, &be) || be.Code != code {
		t.Fatalf("got %v, want %s", err, code)
	}
}

// A backup holds every committed change, also those still only in the
// write-ahead log, while a second store on the same file (the command
// line beside the window) keeps writing.
func TestBackupIsAConsistentCopyWhileAnotherStoreWrites(t *testing.T) {
	st, _ := datatest.Open(t)
	datatest.Org(t, st, "Storsjö Trä AB", "")
	other, err := data.Open(st.Path(), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	datatest.Org(t, other, "Lierne Fisk AS", "")
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := backup.Write(ctx, st, out); err != nil {
		t.Fatal(err)
	}
	datatest.Org(t, other, "After the copy AS", "")
	if got := orgNames(t, out); len(got) != 2 || got[0] != "Lierne Fisk AS" || got[1] != "Storsjö Trä AB" {
		t.Errorf("backup holds %q", got)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != backup.Perm {
		t.Errorf("backup mode %v, want %v: it holds personal data", fi.Mode().Perm(), backup.Perm)
	}
}

func TestBackupIntoAMissingFolderChangesNothing(t *testing.T) {
	st, _ := datatest.Open(t)
	dir := filepath.Join(t.TempDir(), "nowhere")
	err := backup.Write(ctx, st, filepath.Join(dir, "x.db"))
	wantCode(t, err, backup.CodeFolderMissing)
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the folder was created: %v", err)
	}
}

// A full disk is a clear error; the earlier backup under the same name and
// the folder are as they were, without a temporary file left behind.
func TestBackupOnAFullDiskChangesNothing(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	st, _ := datatest.Open(t)
	for i := range 300 {
		datatest.Org(t, st, "Organisation med ett långt namn nummer "+string(rune('A'+i%26))+time.Duration(i).String(), "")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	path := filepath.Join(dir, "ilsa.db")
	if err := os.WriteFile(path, []byte("an earlier backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := backup.Write(ctx, st, path)
	wantCode(t, err, backup.CodeDiskFull)
	if b, _ := os.ReadFile(path); string(b) != "an earlier backup" {
		t.Errorf("the earlier file was replaced: %d bytes", len(b))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestDailyBackupOncePerDayAndPruned(t *testing.T) {
	st, _ := datatest.Open(t)
	dir := t.TempDir()
	day := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	for i := range 60 {
		now := day.AddDate(0, 0, i)
		made, err := backup.Daily(ctx, st, dir, now)
		if err != nil || !made {
			t.Fatalf("day %d: made %v, %v", i, made, err)
		}
		if made, _ := backup.Daily(ctx, st, dir, now.Add(3*time.Hour)); made {
			t.Fatalf("day %d: a second backup the same day", i)
		}
	}
	list, _ := backup.List(dir)
	if len(list) != backup.KeepDaily+backup.KeepWeekly {
		t.Fatalf("%d backups kept, want %d", len(list), backup.KeepDaily+backup.KeepWeekly)
	}
	last := day.AddDate(0, 0, 59)
	for i := range backup.KeepDaily {
		if want := last.AddDate(0, 0, -i); !list[i].Time.Equal(want) {
			t.Errorf("daily %d is from %v, want %v", i, list[i].Time, want)
		}
	}
	weeks := map[[2]int]bool{}
	for _, b := range list[backup.KeepDaily:] {
		y, w := b.Time.ISOWeek()
		weeks[[2]int{y, w}] = true
		if b.Time.After(list[backup.KeepDaily-1].Time) {
			t.Errorf("weekly %v is newer than the dailies", b.Time)
		}
	}
	if len(weeks) != backup.KeepWeekly {
		t.Errorf("weekly copies span %d weeks, want %d", len(weeks), backup.KeepWeekly)
	}
}

// Prune removes only rolling backups: a database set aside by a restore,
// or anything else a person put there, stays.
func TestPruneLeavesOtherFiles(t *testing.T) {
	st, _ := datatest.Open(t)
	dir := t.TempDir()
	os.MkdirAll(backup.Dir(dir), 0o700)
	keep := []string{"replaced-20260101-120000.db", "notes.txt", "ilsa-2026.db"}
	for _, n := range keep {
		os.WriteFile(filepath.Join(backup.Dir(dir), n), []byte("x"), 0o600)
	}
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	for i := range 100 {
		backup.Daily(ctx, st, dir, day.AddDate(0, 0, i))
	}
	for _, n := range keep {
		if _, err := os.Stat(filepath.Join(backup.Dir(dir), n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
}

// A backup a stopped process was writing leaves a temporary file (and
// SQLite's journal of it); the next backup in that folder removes them.
func TestNextBackupRemovesWhatAStoppedOneLeft(t *testing.T) {
	st, _ := datatest.Open(t)
	dir := t.TempDir()
	os.MkdirAll(backup.Dir(dir), 0o700)
	left := []string{".ilsa-backup-123.tmp", ".ilsa-backup-123.tmp-journal"}
	for _, n := range left {
		os.WriteFile(filepath.Join(backup.Dir(dir), n), []byte("half"), 0o600)
	}
	if _, err := backup.Now(ctx, st, dir, time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, n := range left {
		if _, err := os.Stat(filepath.Join(backup.Dir(dir), n)); err == nil {
			t.Errorf("%s is still there", n)
		}
	}
}
