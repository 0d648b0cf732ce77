package data

import (
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrSchemaTooNew means the database was written by a newer ILSA Coach.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			continue
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, migration{v, e.Name(), string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out
}

// LatestSchema is the schema version this program writes.
func LatestSchema() int {
	m := migrations()
	return m[len(m)-1].version
}

// SchemaVersion reads PRAGMA user_version.
func (s *Store) SchemaVersion() (int, error) { return schemaVersion(s.r) }

func schemaVersion(q queryer) (int, error) {
	var v int
	err := q.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies the migrations the database w has not seen, before the
// store and its engine use it.
func migrate(w *sql.DB) error {
	current, err := schemaVersion(w)
	if err != nil {
		return err
	}
	if current > LatestSchema() {
		return fmt.Errorf("%w (database %d, program %d)", ErrSchemaTooNew, current, LatestSchema())
	}
	for _, m := range migrations() {
		if m.version <= current {
			continue
		}
		tx, err := w.Begin()
		if err != nil {
			return err
		}
		// Another process opening the same database (the window and a
		// command started together after an update) may have applied it
		// meanwhile: the version read under the write lock decides.
		var now int
		if err := tx.QueryRow("PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return err
		}
		if now >= m.version {
			tx.Rollback()
			continue
		}
		if _, err := tx.Exec(m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
