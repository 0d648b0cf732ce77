package data

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/domain"
)

// A commit reaches the database file itself soon after, without closing the
// store: the log is copied in the background. A copy of the file alone (a
// backup tool that ignores the -wal file) holds the organisation.
func TestCheckpointerCopiesCommitsIntoTheFile(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, DBFileName), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := domain.Organisation{Name: "Åre Bryggeri AB"}
	if err := s.CreateOrganisation(context.Background(), &o); err != nil {
		t.Fatal(err)
	}
	if err := s.ckpt.wait(); err != nil {
		t.Fatal(err)
	}
	if names := namesInFileAlone(t, s.Path()); len(names) != 1 || names[0] != "Åre Bryggeri AB" {
		t.Fatalf("the database file alone holds %q, want the new organisation", names)
	}
}

// The writer Open hands to the engine never checkpoints on its own: without
// the checkpointer the file alone would not have a commit.
func TestWriterLeavesCheckpointsToTheCheckpointer(t *testing.T) {
	w, err := openWriter("file:"+filepath.Join(t.TempDir(), DBFileName)+"?_journal_mode=WAL", false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var pages int
	if err := w.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&pages); err != nil || pages != 0 {
		t.Fatalf("writer's wal_autocheckpoint = %d, %v; want 0", pages, err)
	}
}

func namesInFileAlone(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", "file:"+cp+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM organisations ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

// Waiting for the checkpointer after the store closed returns at once.
func TestCheckpointWaitAfterClose(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), DBFileName), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.ckpt.wake()
	s.Close()
	done := make(chan error, 1)
	go func() { done <- s.ckpt.wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("waiting for the checkpointer hangs after Close")
	}
}

// wait returns once no checkpoint is asked for or running: every commit so
// far is copied into the database file, as far as readers holding older
// snapshots allow.
func (c *checkpointer) wait() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for c.active {
		c.idle.Wait()
	}
	return c.err
}
