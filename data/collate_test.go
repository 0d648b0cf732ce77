package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
)

func TestSortKeysAreFilledForOlderRowsWhenTheStoreOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, n := range []string{"Åre Glas AB", "Zeta Bygg AB", "Ørland Fisk AS"} {
		o := domain.Organisation{Name: n}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	// Rows from before migration 0007 have no keys.
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE organisations SET sort_sv = NULL, sort_nb = NULL, sort_en = NULL`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for lang, want := range map[string]string{
		"sv": "Zeta Bygg AB|Åre Glas AB|Ørland Fisk AS", // … X Y Z Å Ä Ö (Ø as Ö)
		"nb": "Zeta Bygg AB|Ørland Fisk AS|Åre Glas AB", // … Z Æ Ø Å
		"en": "Åre Glas AB|Ørland Fisk AS|Zeta Bygg AB",
	} {
		rows, err := s.SearchOrganisations(ctx, OrgQuery{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for i, r := range rows {
			if i > 0 {
				got += "|"
			}
			got += r.Name
		}
		if got != want {
			t.Errorf("%s: %s, want %s", lang, got, want)
		}
	}
}

func TestNamesSortByTheirNumbersAlsoInADatabaseFromBefore(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFileName)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, n := range []string{"Fas 10 Bygg", "Fas 2 Bygg", "Fas 0 Förstudie", "AB 1202", "AB 452", "Öst 3", "Öst 20"} {
		o := domain.Organisation{Name: n}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	// A database from before 0015 holds keys that sort digits as text.
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range domain.SortLangs {
		if _, err := db.Exec(`UPDATE organisations SET sort_` + l + ` = CAST(name AS BLOB)`); err != nil {
			t.Fatal(err)
		}
	}
	// Migration 0015 runs on such a database (here on its own: the later
	// ones have run already).
	ran := false
	for _, m := range migrations() {
		if m.name == "0015_natural_sort_keys.sql" {
			if _, err := db.Exec(m.sql); err != nil {
				t.Fatal(err)
			}
			ran = true
		}
	}
	if !ran {
		t.Fatal("no migration 0015")
	}
	db.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for lang, want := range map[string]string{
		"sv": "AB 452|AB 1202|Fas 0 Förstudie|Fas 2 Bygg|Fas 10 Bygg|Öst 3|Öst 20",
		"nb": "AB 452|AB 1202|Fas 0 Förstudie|Fas 2 Bygg|Fas 10 Bygg|Öst 3|Öst 20",
		"en": "AB 452|AB 1202|Fas 0 Förstudie|Fas 2 Bygg|Fas 10 Bygg|Öst 3|Öst 20",
	} {
		rows, err := s.SearchOrganisations(ctx, OrgQuery{Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Name)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s: %s, want %s", lang, strings.Join(got, "|"), want)
		}
	}
}
