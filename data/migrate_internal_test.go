package data

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// Two processes open a database of the previous schema at once (the window
// and a command started together after an update): both migrate it, and
// neither fails because the other applied a migration first.
func TestTwoOpensMigrateOneDatabaseTogether(t *testing.T) {
	for round := range 5 {
		path := previousSchemaDB(t)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		stores := make([]*Store, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				stores[i], errs[i] = Open(path, Options{})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, open %d: %v", round, i, err)
			}
			if v, _ := stores[i].SchemaVersion(); v != LatestSchema() {
				t.Fatalf("round %d, open %d: schema %d", round, i, v)
			}
			stores[i].Close()
		}
	}
}

// previousSchemaDB is a database migrated to the schema before the latest.
func previousSchemaDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), DBFileName)
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all := migrations()
	for _, m := range all[:len(all)-1] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}
