package backup

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Erase applies erasures to every database file in the backups folder —
// the rolling backups and the databases a restore set aside
// (replaced-*.db) — with the one erasing code of the live database
// (changelog.EraseCopy: blanked, then vacuumed), so an erased person comes
// back from no backup. A restored backup also keeps the erasures, and blanks
// the old values should they arrive again. Backups written elsewhere
// (`ilsa backup --out FILE`) are out of its reach: docs/privacy.md says so.
func Erase(ctx context.Context, dataDir string, erasures []changelog.Erasure) error {
	if len(erasures) == 0 {
		return nil
	}
	dir := Dir(dataDir)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	unlock, err := holdFolder(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		if err := eraseFile(ctx, filepath.Join(dir, e.Name()), erasures); err != nil {
			return err
		}
	}
	return nil
}

func eraseFile(ctx context.Context, path string, erasures []changelog.Erasure) error {
	// Rollback journal, deleted at commit: a backup has no write-ahead log
	// that would keep the old pages.
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_busy_timeout=5000&_journal_mode=DELETE")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return changelog.EraseCopy(ctx, db, erasures)
}
