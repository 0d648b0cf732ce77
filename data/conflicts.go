package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// ConflictChoice is how a concurrent edit is settled.
type ConflictChoice int

const (
	KeepWinner ConflictChoice = iota // the value everyone has now stays
	TakeLoser                        // the value that lost comes back
	UseMerged                        // a value the advisor wrote from both
)

// ResolveConflict settles conflict n. Taking the losing value or a merged
// text is an ordinary local edit of the field (its base is the winner's
// clock, so it orders after both and syncs to everyone); keeping the winner
// changes no data. Either way the conflict is marked resolved here, and a
// synced settlement (settled.go) marks it resolved on every other device
// that recorded it.
func (s *Store) ResolveConflict(ctx context.Context, n int64, choice ConflictChoice, merged string) error {
	var c Conflict
	var loserHLC int64
	err := s.r.QueryRowContext(ctx, `SELECT entity, id, field, winner_value, loser_value, winner_hlc, loser_device, loser_hlc FROM conflicts WHERE n = ?`, n).
		Scan(&c.Entity, &c.ID, &c.Field, &c.WinnerValue, &c.LoserValue, &c.WinnerHLC, &c.LoserDevice, &loserHLC)
	if errors.Is(err, sql.ErrNoRows) {
		return &domain.NotFoundError{Entity: "conflict", ID: strconv.FormatInt(n, 10)}
	}
	if err != nil {
		return err
	}
	settle := settlementEdit(conflictKey{Entity: c.Entity, ID: c.ID, Field: c.Field, LoserDevice: c.LoserDevice, LoserHLC: loserHLC})
	var value string
	switch choice {
	case KeepWinner:
		_, err := s.eng.CommitLocal(ctx, func(tx *sql.Tx) ([]fieldEdit, error) {
			_, err := tx.Exec(`UPDATE conflicts SET resolved = 1 WHERE n = ?`, n)
			return []fieldEdit{settle}, err
		})
		return err
	case TakeLoser:
		value = c.LoserValue
	case UseMerged:
		if !IsFreeText(c.Entity, c.Field) {
			return invalid(c.Field, "conflict.not_text")
		}
		if strings.TrimSpace(merged) == "" {
			return invalid(c.Field, "conflict.merged_empty")
		}
		// A merged name stays on one line, like the name the form saves.
		if err := domain.CheckField(c.Entity, c.Field, merged); err != nil {
			return err
		}
		value = encodeValue(merged)
	default:
		return invalid("choice", "choice", "value", strconv.Itoa(int(choice)))
	}
	_, err = s.eng.CommitLocal(ctx, func(tx *sql.Tx) ([]fieldEdit, error) {
		if _, err := tx.Exec(`UPDATE conflicts SET resolved = 1 WHERE n = ?`, n); err != nil {
			return nil, err
		}
		return []fieldEdit{{entity: c.Entity, id: c.ID, field: c.Field, value: json.RawMessage(value)}, settle}, nil
	})
	return err
}

// IsFreeText reports whether an entity's field holds text an advisor writes
// freely (domain.FieldFreeText, domain.FieldNotes), so that a merged text
// can be written for it. A code (sector, municipality, kind), a date, an org number, an e-mail
// address or a reference must stay one of the two values: a merged one
// would be refused by every later save of the record.
func IsFreeText(entity, field string) bool {
	spec, ok := entities[entity]
	if !ok {
		return false
	}
	f, ok := spec.field(field)
	return ok && (f.kind == domain.FieldFreeText || f.kind == domain.FieldNotes)
}

// ConflictRecordName is a short name for the record a conflict is about:
// the organisation's or contact's name, the visit's date, the action's text.
func (s *Store) ConflictRecordName(ctx context.Context, entity, id string) string {
	var q string
	switch entity {
	case domain.EntityOrganisation:
		q = `SELECT name FROM organisations WHERE id = ?`
	case domain.EntityContact:
		q = `SELECT name FROM contacts WHERE id = ?`
	case domain.EntityVisit:
		q = `SELECT v.date || ' ' || COALESCE((SELECT o.name FROM visit_orgs vo JOIN organisations o ON o.id = vo.org_id
			WHERE vo.visit_id = v.id ORDER BY o.name LIMIT 1), '') FROM visits v WHERE v.id = ?`
	case domain.EntityAction:
		q = `SELECT text FROM actions WHERE id = ?`
	case domain.EntityAssessment:
		q = `SELECT model_id || ' ' || date FROM assessments WHERE id = ?`
	case domain.EntityAnswer:
		q = `SELECT dimension FROM assessment_answers WHERE id = ?`
	default:
		return id
	}
	var name string
	if err := s.r.QueryRowContext(ctx, q, id).Scan(&name); err != nil || name == "" {
		return id
	}
	return name
}
