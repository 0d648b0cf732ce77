package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Person is everything this database keeps about one contact (GDPR art.
// 15, "Everything about this person"): the record as stored (deleted or
// not), its organisation, every logged change of it with when and on which
// device it was made, the conflicts over its fields, and the notes and
// follow-ups of live records whose text names the person.
type Person struct {
	Contact      domain.Contact
	Deleted      bool
	Erased       bool // its personal fields were erased
	Organisation string
	History      []PersonChange
	Conflicts    []PersonConflict
	Mentions     []Mention
}

// PersonChange is one logged change of the contact.
type PersonChange struct {
	At     time.Time
	Device string
	Field  string
	Value  string // canonical JSON, as logged
}

// PersonConflict is a concurrent edit of one of the contact's fields.
type PersonConflict struct {
	Field, Winner, Loser string
	Resolved             bool
}

// Mention is a text of another record that names the person.
type Mention struct {
	Entity, ID, Date, Field, Text string
}

// PersonData gathers Person for the contact id (a deleted one too).
func (s *Store) PersonData(ctx context.Context, id string) (Person, error) {
	var p Person
	c, err := scanContact(s.r.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &domain.NotFoundError{Entity: domain.EntityContact, ID: id}
	}
	if err != nil {
		return p, err
	}
	p.Contact = c
	if err := s.r.QueryRowContext(ctx, `SELECT deleted FROM contacts WHERE id = ?`, id).Scan(&p.Deleted); err != nil {
		return p, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM erasures WHERE entity = ? AND id = ?)`, domain.EntityContact, id).Scan(&p.Erased); err != nil {
		return p, err
	}
	_ = s.r.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = ?`, c.OrgID).Scan(&p.Organisation)
	log, err := changelog.RecordLog(ctx, s.r, domain.EntityContact, id)
	if err != nil {
		return p, err
	}
	for _, ch := range log {
		p.History = append(p.History, PersonChange{At: ch.HLC.Time().UTC(), Device: ch.Device, Field: ch.Field, Value: ch.Value})
	}
	rows, err := s.r.QueryContext(ctx, `SELECT field, winner_value, loser_value, resolved FROM conflicts WHERE entity = ? AND id = ? ORDER BY winner_hlc`,
		domain.EntityContact, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var k PersonConflict
		if err := rows.Scan(&k.Field, &k.Winner, &k.Loser, &k.Resolved); err != nil {
			rows.Close()
			return p, err
		}
		p.Conflicts = append(p.Conflicts, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	p.Mentions, err = s.mentions(ctx, c.Name)
	return p, err
}

// mentions lists the live visit notes, organisation notes and follow-up
// texts that hold name (ignoring case): a person named in free text is
// found, not erased — the advisor edits those texts.
func (s *Store) mentions(ctx context.Context, name string) ([]Mention, error) {
	name = strings.TrimSpace(name)
	if len([]rune(name)) < 3 {
		return nil, nil
	}
	like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(name) + "%"
	rows, err := s.r.QueryContext(ctx, `
		SELECT 'visit', id, date, 'notes', notes FROM visits WHERE deleted = 0 AND notes LIKE ?1 ESCAPE '\'
		UNION ALL SELECT 'organisation', id, '', 'notes', notes FROM organisations WHERE deleted = 0 AND notes LIKE ?1 ESCAPE '\'
		UNION ALL SELECT 'action', id, due, 'text', text FROM actions WHERE deleted = 0 AND text LIKE ?1 ESCAPE '\'
		ORDER BY 1, 3, 2`, like)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Mention
	for rows.Next() {
		var m Mention
		if err := rows.Scan(&m.Entity, &m.ID, &m.Date, &m.Field, &m.Text); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
