package data

import (
	"database/sql"
	"errors"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Draft is a form's unsaved content (JSON chosen by the form), kept locally.
type Draft struct {
	Key     string
	Body    string
	Updated time.Time
}

// SaveDraft stores (replaces) the draft under key.
func (s *Store) SaveDraft(key, body string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		_, err := tx.Exec(`INSERT INTO drafts(key, body, updated_at) VALUES(?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
			key, body, s.now().UnixMilli())
		return err
	})
}

// Draft reads the draft under key.
func (s *Store) Draft(key string) (Draft, bool, error) {
	d := Draft{Key: key}
	var ms int64
	err := s.r.QueryRow(`SELECT body, updated_at FROM drafts WHERE key = ?`, key).Scan(&d.Body, &ms)
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, err
	}
	d.Updated = time.UnixMilli(ms)
	return d, true, nil
}

// DeleteDraft forgets the draft under key (after the form was saved or discarded).
func (s *Store) DeleteDraft(key string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		_, err := tx.Exec(`DELETE FROM drafts WHERE key = ?`, key)
		return err
	})
}
