package data

import (
	"context"
	"database/sql"
	"errors"
)

// CreateContact validates c and stores it; its organisation must exist.
func (s *Store) CreateContact(ctx context.Context, c *Contact) error {
	if err := c.Normalise(); err != nil {
		return err
	}
	c.ID = ""
	edits := s.createEdits(EntityContact, c)
	_, err := s.commitLocal(ctx, func(tx *sql.Tx) ([]fieldEdit, error) {
		return edits, requireLive(tx, EntityOrganisation, "org", c.OrgID)
	})
	return err
}

// UpdateContact stores the fields of c that changed.
func (s *Store) UpdateContact(ctx context.Context, c *Contact) error {
	if err := c.Normalise(); err != nil {
		return err
	}
	_, err := s.commitLocal(ctx, func(tx *sql.Tx) ([]fieldEdit, error) {
		cur, err := scanContact(tx.QueryRow(`SELECT `+contactColumns+` FROM contacts c WHERE c.id = ? AND c.deleted = 0`, c.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &NotFoundError{Entity: EntityContact, ID: c.ID}
		}
		if err != nil {
			return nil, err
		}
		if c.OrgID != cur.OrgID {
			if err := requireLive(tx, EntityOrganisation, "org", c.OrgID); err != nil {
				return nil, err
			}
		}
		return updateEdits(tx, EntityContact, c, &cur)
	})
	return err
}

// DeleteContact marks a contact deleted.
func (s *Store) DeleteContact(ctx context.Context, id string) error {
	return s.setDeleted(ctx, EntityContact, id, true)
}

// Contact reads one live contact.
func (s *Store) Contact(ctx context.Context, id string) (Contact, error) {
	c, err := scanContact(s.r.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ? AND c.deleted = 0`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &NotFoundError{Entity: EntityContact, ID: id}
	}
	if err == nil {
		c.Seen = seenClock(s.r, EntityContact, id)
	}
	return c, err
}

// Contacts lists the live contacts of an organisation ("" lists all), by name.
func (s *Store) Contacts(ctx context.Context, orgID string) ([]Contact, error) {
	q := `SELECT ` + contactColumns + ` FROM contacts c WHERE c.deleted = 0`
	var args []any
	if orgID != "" {
		q += ` AND c.org_id = ?`
		args = append(args, orgID)
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY c.name COLLATE NOCASE, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
