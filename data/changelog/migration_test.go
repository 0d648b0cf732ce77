package changelog_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
)

// TestMigrationPacksFieldClocks builds a database at schema 9 with per-field
// clocks and checks that opening it packs them per record unchanged.
func TestMigrationPacksFieldClocks(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.DBFileName)
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../migrations/00*.sql") // in order, by their numbers
	if err != nil || len(files) < 10 {
		t.Fatalf("migrations: %v %v", files, err)
	}
	for _, f := range files[:9] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	long := strings.Repeat("x", 300)
	type row struct {
		entity, id, field, device string
		hlc, seq, base            int64
	}
	rows := []row{
		{"organisation", "o1", "name", "dev-a", 1 << 40, 1, 0},
		{"organisation", "o1", "notes", "dev-b", 1<<40 + 3, 7, 1 << 40},
		{"organisation", "o1", "orgnr", long, 5, 1 << 62, 4},
		{"visit", "v1", "date", "dev-a", 9, 2, 0},
		{"organisation", "o2", "name", "dev-c", 1 << 47, 3, 1 << 46},
	}
	for _, r := range rows {
		if _, err := db.Exec(`INSERT INTO clocks(entity, id, field, hlc, device, seq, base) VALUES(?,?,?,?,?,?,?)`,
			r.entity, r.id, r.field, r.hlc, r.device, r.seq, r.base); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`PRAGMA user_version = 9`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]string{}
	for _, rec := range [][2]string{{"organisation", "o1"}, {"visit", "v1"}, {"organisation", "o2"}} {
		cl, err := changelog.FieldClocks(s.ReadDB(), rec[0], rec[1])
		if err != nil {
			t.Fatal(err)
		}
		for field, c := range cl {
			got[rec[0]+"/"+rec[1]+"/"+field] = c
		}
	}
	if len(got) != len(rows) {
		t.Fatalf("%d clocks after the migration, want %d: %v", len(got), len(rows), got)
	}
	for _, r := range rows {
		want := fmt.Sprintf("hlc %d device %s seq %d base %d", r.hlc, r.device, r.seq, r.base)
		if c := got[r.entity+"/"+r.id+"/"+r.field]; c != want {
			t.Errorf("%s/%s/%s: %s, want %s", r.entity, r.id, r.field, c, want)
		}
	}
	var n int
	if err := s.ReadDB().QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'clocks'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("clocks table left behind (%d, %v)", n, err)
	}
}
