package data

import (
	"context"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// CreateContact validates c and stores it; its organisation must exist.
func (s *Store) CreateContact(ctx context.Context, c *domain.Contact) error {
	if err := c.Normalise(); err != nil {
		return err
	}
	c.ID = ""
	edits := s.createEdits(domain.EntityContact, c)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		return edits, requireLive(tx, domain.EntityOrganisation, "org", c.OrgID)
	})
	return err
}

// UpdateContact stores the fields of c that changed.
func (s *Store) UpdateContact(ctx context.Context, c *domain.Contact) error {
	if err := c.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, contactRecords, c, func(tx changelog.ReadTx, stored *domain.Contact) error {
		if c.OrgID != stored.OrgID {
			return requireLive(tx, domain.EntityOrganisation, "org", c.OrgID)
		}
		return nil
	})
}

// DeleteContact marks a contact deleted.
func (s *Store) DeleteContact(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityContact, id, true)
}

// RestoreContact undoes a delete.
func (s *Store) RestoreContact(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityContact, id, false)
}

// Contact reads one live contact.
func (s *Store) Contact(ctx context.Context, id string) (domain.Contact, error) {
	return readLive(ctx, s, contactRecords, id)
}

// Contacts lists the live contacts of an organisation ("" lists all), by name.
func (s *Store) Contacts(ctx context.Context, orgID string) ([]domain.Contact, error) {
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
	var out []domain.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
