package backup_test

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/data/datatest"
)

var restoreTime = time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local)

// folderWithBackup is a data folder with one organisation, a backup of it
// (outside the folder), and the store closed again.
func folderWithBackup(t *testing.T, after ...string) (dir, file, device string) {
	t.Helper()
	dir = t.TempDir()
	st, err := data.Open(filepath.Join(dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	datatest.Org(t, st, "Storsjö Trä AB", "")
	file = filepath.Join(t.TempDir(), "backup.db")
	if err := backup.Write(ctx, st, file); err != nil {
		t.Fatal(err)
	}
	for _, name := range after {
		datatest.Org(t, st, name, "")
	}
	device = st.DeviceID()
	st.Close()
	return dir, file, device
}

// snapshot is every file of the data folder with its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			b, _ := os.ReadFile(p)
			out[p] = string(b)
		}
		return nil
	})
	return out
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, b := range before {
		if after[p] != b {
			t.Errorf("%s changed", p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// Every file that is not a sound ILSA Coach database is refused with its
// reason, and the data folder is left byte for byte as it was.
func TestRestoreRefusesWhatIsNotASoundBackup(t *testing.T) {
	dir, file, _ := folderWithBackup(t, "Lierne Fisk AS")
	other := t.TempDir()
	text := filepath.Join(other, "notes.txt")
	os.WriteFile(text, []byte("SQLite format 3 — not really"), 0o644)
	empty := filepath.Join(other, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	foreign := filepath.Join(other, "foreign.db")
	db, _ := sql.Open("sqlite3", foreign)
	db.Exec("CREATE TABLE local(key TEXT, value TEXT); CREATE TABLE x(y)")
	db.Close()
	damaged := filepath.Join(other, "damaged.db")
	b, _ := os.ReadFile(file)
	page := 4096
	for i := 2 * page; i < len(b)-page; i += page {
		copy(b[i+100:i+400], bytes.Repeat([]byte{0xA5}, 300))
	}
	os.WriteFile(damaged, b, 0o644)
	// Sound pages and schema, but an index that does not match its table
	// (it claims another column): only the integrity check finds it.
	crossed := filepath.Join(other, "crossed.db")
	cb, _ := os.ReadFile(file)
	os.WriteFile(crossed, cb, 0o644)
	db, _ = sql.Open("sqlite3", crossed)
	if _, err := db.Exec(`PRAGMA writable_schema = ON;
		UPDATE sqlite_schema SET sql = 'CREATE INDEX organisations_name ON organisations(id)' WHERE name = 'organisations_name'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newer := filepath.Join(other, "newer.db")
	nb, _ := os.ReadFile(file)
	os.WriteFile(newer, nb, 0o644)
	db, _ = sql.Open("sqlite3", newer)
	db.Exec("PRAGMA user_version = 999")
	db.Close()

	for _, c := range []struct{ file, code string }{
		{filepath.Join(other, "missing.db"), backup.CodeMissing},
		{other, backup.CodeNotDatabase},
		{text, backup.CodeNotDatabase},
		{empty, backup.CodeNotDatabase},
		{foreign, backup.CodeNotDatabase},
		{damaged, backup.CodeDamaged},
		{crossed, backup.CodeDamaged},
		{newer, backup.CodeTooNew},
	} {
		before := snapshot(t, dir)
		wantCode(t, backup.Check(ctx, c.file), c.code)
		_, err := backup.Restore(ctx, dir, c.file, restoreTime)
		wantCode(t, err, c.code)
		sameFiles(t, before, snapshot(t, dir))
	}
}

// A database open in the window or a command is never replaced.
func TestRestoreRefusesADatabaseInUse(t *testing.T) {
	dir, file, _ := folderWithBackup(t, "Lierne Fisk AS")
	st, err := data.Open(filepath.Join(dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = backup.Restore(ctx, dir, file, restoreTime)
	wantCode(t, err, backup.CodeInUse)
	if n := len(orgNamesOf(t, st)); n != 2 {
		t.Errorf("the open store now has %d organisations", n)
	}
	st.Close()
	if _, err := backup.Restore(ctx, dir, file, restoreTime); err != nil {
		t.Errorf("once closed: %v", err)
	}
}

func orgNamesOf(t *testing.T, st *data.Store) []string {
	t.Helper()
	return orgNames(t, st.Path())
}

// The database replaced is kept, with what it held, and the restored one
// holds the backup's records. A device that went on working after the
// backup gets a fresh id and keeps the old one as retired.
func TestRestoreSetsTheOldDatabaseAsideAndRetiresAnIdThatWentOn(t *testing.T) {
	dir, file, device := folderWithBackup(t, "Lierne Fisk AS")
	res, err := backup.Restore(ctx, dir, file, restoreTime)
	if err != nil {
		t.Fatal(err)
	}
	if got := orgNames(t, res.Replaced); len(got) != 2 {
		t.Errorf("the replaced database holds %q", got)
	}
	if filepath.Dir(res.Replaced) != backup.Dir(dir) {
		t.Errorf("set aside at %s", res.Replaced)
	}
	if res.KeptIdentity || res.Retired != device || res.Device == device {
		t.Errorf("identity after restoring behind the device's own log: %+v", res)
	}
	st, err := data.Open(filepath.Join(dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.DeviceID() != res.Device {
		t.Errorf("store device %s, restore said %s", st.DeviceID(), res.Device)
	}
	own, _ := st.OwnDevices(ctx)
	if len(own) != 2 || own[0] != res.Device || own[1] != device {
		t.Errorf("own devices %v", own)
	}
	if got := orgNamesOf(t, st); len(got) != 1 || got[0] != "Storsjö Trä AB" {
		t.Errorf("restored database holds %q", got)
	}
	marker, _ := os.ReadFile(filepath.Join(dir, data.DeviceMarkerName))
	if string(marker) != res.Device+"\n" {
		t.Errorf("device marker %q", marker)
	}
}

// Restoring the backup just made (nothing numbered since) keeps the id,
// and so does restoring onto a lost database only if nothing can be
// behind: a lost database proves nothing, so its id is retired.
func TestRestoreKeepsTheIdOnlyWhenNothingWasNumberedSince(t *testing.T) {
	dir, file, device := folderWithBackup(t)
	res, err := backup.Restore(ctx, dir, file, restoreTime)
	if err != nil || !res.KeptIdentity || res.Device != device {
		t.Errorf("restore of a current backup: %+v, %v", res, err)
	}
	os.Remove(filepath.Join(dir, data.DBFileName))
	res, err = backup.Restore(ctx, dir, file, restoreTime.Add(time.Minute))
	if err != nil || res.KeptIdentity || res.Replaced != "" {
		t.Errorf("restore over a lost database: %+v, %v", res, err)
	}
}
