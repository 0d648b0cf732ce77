package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
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
// synced settlement (changelog/settled.go) marks it resolved on every other device
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
	// The settlement marks the conflict resolved here as it is applied, and
	// on every other device that recorded it.
	settle := changelog.Settlement(c.Entity, c.ID, c.Field, c.LoserDevice, hlc.Timestamp(loserHLC))
	var value string
	switch choice {
	case KeepWinner:
		_, err := s.eng.CommitLocal(ctx, func(changelog.ReadTx) ([]changelog.Edit, error) {
			return []changelog.Edit{settle}, nil
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
		value = changelog.EncodeValue(merged)
	default:
		return invalid("choice", "choice", "value", strconv.Itoa(int(choice)))
	}
	_, err = s.eng.CommitLocal(ctx, func(changelog.ReadTx) ([]changelog.Edit, error) {
		return []changelog.Edit{{Entity: c.Entity, ID: c.ID, Field: c.Field, Value: json.RawMessage(value)}, settle}, nil
	})
	return err
}

// IsFreeText reports whether an entity's field holds text an advisor writes
// freely (domain.FieldFreeText, domain.FieldNotes), so that a merged text
// can be written for it. A code (sector, municipality, kind), a date, an org number, an e-mail
// address or a reference must stay one of the two values: a merged one
// would be refused by every later save of the record.
func IsFreeText(entity, field string) bool {
	f, ok := domain.FieldOf(entity, field)
	return ok && (f.Kind == domain.FieldFreeText || f.Kind == domain.FieldNotes)
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
	case domain.EntityJoint:
		q = `SELECT title FROM joint_actions WHERE id = ?`
	case domain.EntityReach:
		q = `SELECT o.name FROM reaches r JOIN organisations o ON o.id = r.actor WHERE r.id = ?`
	case domain.EntityFinding:
		q = `SELECT substr(body, 1, 60) FROM findings WHERE id = ?`
	case domain.EntityRelation:
		q = `SELECT f.name || ' – ' || t.name FROM relations r JOIN organisations f ON f.id = r.from_org
			JOIN organisations t ON t.id = r.to_org WHERE r.id = ?`
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

// Conflict is a concurrent edit kept for review.
type Conflict struct {
	N                         int64
	Entity, ID, Field         string
	WinnerValue, LoserValue   string
	WinnerHLC, LoserHLC       hlc.Timestamp
	WinnerDevice, LoserDevice string
	Resolved                  bool
	// CurrentHLC is the clock of the field's value now: later than
	// WinnerHLC when the field was edited again after the conflict.
	CurrentHLC hlc.Timestamp
}

// Superseded: the field was changed again after both values, so neither is
// what it holds now.
func (c Conflict) Superseded() bool { return c.CurrentHLC > c.WinnerHLC }

// Conflicts lists the concurrent edits recorded on this device.
func (s *Store) Conflicts(ctx context.Context, includeResolved bool) ([]Conflict, error) {
	q := `SELECT n, entity, id, field, winner_value, winner_hlc, winner_device, loser_value, loser_hlc, loser_device, resolved FROM conflicts`
	if !includeResolved {
		q += ` WHERE resolved = 0`
	}
	q += ` ORDER BY n`
	rows, err := s.r.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Conflict
	for rows.Next() {
		var c Conflict
		var wh, lh int64
		if err := rows.Scan(&c.N, &c.Entity, &c.ID, &c.Field, &c.WinnerValue, &wh, &c.WinnerDevice, &c.LoserValue, &lh, &c.LoserDevice, &c.Resolved); err != nil {
			return nil, err
		}
		c.WinnerHLC, c.LoserHLC = hlc.Timestamp(wh), hlc.Timestamp(lh)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close() // the clocks below are read on the same pool
	for i := range out {
		c := &out[i]
		var err error
		if c.CurrentHLC, err = changelog.FieldClock(s.r, c.Entity, c.ID, c.Field); err != nil {
			return nil, err
		}
	}
	return out, nil
}
