package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Visits recorded before visits kept sizes take, at the migration, the size
// their organisations have then; a visit whose organisations list is not
// valid JSON keeps no sizes rather than stopping the migration.
func TestMigrationFillsVisitSizesFromHeadcounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFileName)
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations() {
		if m.version >= 17 {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO organisations(id, name, employees) VALUES ('o-micro', 'Liten AB', 4), ('o-large', 'Stor AS', 300), ('o-none', 'Okänd AB', NULL)`,
		`INSERT INTO visits(id, date, orgs) VALUES ('v1', '2025-05-01', '["o-micro","o-large","o-none","o-missing"]'),
			('v2', '2025-05-02', 'not json')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var sizes [2]string
	for i, id := range []string{"v1", "v2"} {
		if err := s.ReadDB().QueryRow(`SELECT sizes FROM visits WHERE id = ?`, id).Scan(&sizes[i]); err != nil {
			t.Fatal(err)
		}
	}
	if want := `["o-large=large","o-micro=micro","o-none="]`; sizes[0] != want {
		t.Errorf("v1 sizes %s, want %s", sizes[0], want)
	}
	if sizes[1] != "[]" {
		t.Errorf("v2 sizes %s, want []", sizes[1])
	}
	v, err := s.Visit(context.Background(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]domain.SizeClass{"o-micro": domain.SizeMicro, "o-large": domain.SizeLarge, "o-none": domain.SizeUnknown}
	if !maps.Equal(v.Sizes, want) {
		t.Errorf("visit sizes %v, want %v", v.Sizes, want)
	}
}
