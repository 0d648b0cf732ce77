package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// record is what the generic write path needs of an entity type.
type record interface {
	Common() *domain.Meta
	Fields() map[string]any
}

// defaultJSON is the value a field of kind k has before any change set it.
func defaultJSON(k domain.FieldKind) string {
	switch {
	case k.IsText():
		return `""`
	case k == domain.FieldInt:
		return "0"
	case k == domain.FieldNullInt:
		return "null"
	case k == domain.FieldBool:
		return "false"
	case k == domain.FieldList:
		return "[]"
	}
	return "null"
}

// createEdits turns a new record into field edits (fields still at their
// default are left out: every device reads the same default).
func (s *Store) createEdits(entity string, r record) []changelog.Edit {
	m := r.Common()
	if m.ID == "" {
		m.ID = NewID()
	}
	now := s.now().UTC()
	edits := []changelog.Edit{{Entity: entity, ID: m.ID, Field: "created_at", Value: now.UnixMilli()}}
	vals := r.Fields()
	for _, f := range domain.EntityFields(entity) {
		v, ok := vals[f.Name]
		if !ok || changelog.EncodeValue(v) == defaultJSON(f.Kind) {
			continue
		}
		edits = append(edits, changelog.Edit{Entity: entity, ID: m.ID, Field: f.Name, Value: v})
	}
	return edits
}

// updateEdits compares r with the stored row and returns edits for the fields
// that differ; CommitLocal works out each one's base.
func updateEdits(entity string, r record, stored record) []changelog.Edit {
	id := r.Common().ID
	seen := r.Common().Seen
	newVals, oldVals := r.Fields(), stored.Fields()
	var edits []changelog.Edit
	for _, f := range domain.EntityFields(entity) {
		nv, ok := newVals[f.Name]
		if !ok || changelog.EncodeValue(nv) == changelog.EncodeValue(oldVals[f.Name]) {
			continue
		}
		edits = append(edits, changelog.Edit{Entity: entity, ID: id, Field: f.Name, Value: nv, Seen: seen})
	}
	return edits
}

// setDeleted writes the tombstone field (true: delete, false: undo a delete).
func (s *Store) setDeleted(ctx context.Context, entity, id string, deleted bool) error {
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		var cur bool
		err := tx.QueryRow(`SELECT deleted FROM `+changelog.Table(entity)+` WHERE id = ?`, id).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &domain.NotFoundError{Entity: entity, ID: id}
		}
		if err != nil {
			return nil, err
		}
		if cur == deleted {
			if deleted {
				return nil, &domain.NotFoundError{Entity: entity, ID: id}
			}
			return nil, nil
		}
		return []changelog.Edit{{Entity: entity, ID: id, Field: "deleted", Value: deleted}}, nil
	})
	return err
}

func msTime(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

func jsonUnmarshalString(s string, v any) error {
	if s == "" || s == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

const orgColumns = `o.id, o.created_at, o.updated_at, o.deleted, o.name, o.orgnr, o.country, o.municipality, o.sector, o.kind,
	o.employees, o.leader_gender, o.sustainability, o.sustainability_notes, o.notes, o.tags, o.merged_into`

// orgListColumns are what a line of the organisation list needs: no long
// texts, no tags (scanned by scanOrgLine, followed by the visit statistics).
const orgListColumns = `o.id, o.name, o.orgnr, o.country, o.municipality, o.sector, o.kind, o.employees`

// orgLine is a line of the organisation list as scanned (orgListColumns and
// the two statistics columns), before it becomes an OrgRow (see
// SearchOrganisations).
type orgLine struct {
	id, name, orgnr, country, municipality, sector, kind, lastVisit string
	employees                                                       sql.NullInt64
	visits                                                          int
}

func scanOrgLine(sc rowScanner) (orgLine, error) {
	var l orgLine
	err := sc.Scan(&l.id, &l.name, &l.orgnr, &l.country, &l.municipality, &l.sector, &l.kind,
		&l.employees, &l.lastVisit, &l.visits)
	return l, err
}

// into fills r from the line.
func (l *orgLine) into(r *OrgRow) {
	r.ID, r.Name, r.OrgNr, r.Country = l.id, l.name, l.orgnr, domain.Country(l.country)
	r.Municipality, r.Sector, r.Kind = l.municipality, l.sector, domain.OrgKind(l.kind)
	r.LastVisit, r.Visits = l.lastVisit, l.visits
	if l.employees.Valid {
		n := int(l.employees.Int64)
		r.Employees = &n
	}
}

func scanOrganisation(sc rowScanner) (domain.Organisation, error) {
	var o domain.Organisation
	var created, updated int64
	var emp sql.NullInt64
	var tags string
	err := sc.Scan(&o.ID, &created, &updated, &o.Deleted, &o.Name, &o.OrgNr, &o.Country, &o.Municipality, &o.Sector,
		&o.Kind, &emp, &o.LeaderGender, &o.Sustainability, &o.SustainabilityNotes, &o.Notes, &tags, &o.MergedInto)
	if err != nil {
		return o, err
	}
	o.CreatedAt, o.UpdatedAt = msTime(created), msTime(updated)
	if emp.Valid {
		n := int(emp.Int64)
		o.Employees = &n
	}
	_ = jsonUnmarshalString(tags, &o.Tags)
	return o, nil
}

const contactColumns = `c.id, c.created_at, c.updated_at, c.deleted, c.org_id, c.name, c.role, c.email, c.phone, c.gender, c.consent_date`

func scanContact(sc rowScanner) (domain.Contact, error) {
	var c domain.Contact
	var created, updated int64
	err := sc.Scan(&c.ID, &created, &updated, &c.Deleted, &c.OrgID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.Gender, &c.ConsentDate)
	c.CreatedAt, c.UpdatedAt = msTime(created), msTime(updated)
	return c, err
}

const visitColumns = `v.id, v.created_at, v.updated_at, v.deleted, v.date, v.orgs, v.type, v.minutes, v.place, v.advisor,
	v.women, v.men, v.other, v.phase, v.cross_border, v.notes, v.sizes, v.partner, v.side`

func scanVisit(sc rowScanner) (domain.Visit, error) {
	var v domain.Visit
	var created, updated int64
	var orgs, sizes string
	err := sc.Scan(&v.ID, &created, &updated, &v.Deleted, &v.Date, &orgs, &v.Type, &v.Minutes, &v.Place, &v.Advisor,
		&v.Women, &v.Men, &v.Other, &v.Phase, &v.CrossBorder, &v.Notes, &sizes, &v.Partner, &v.Side)
	if err != nil {
		return v, err
	}
	v.CreatedAt, v.UpdatedAt = msTime(created), msTime(updated)
	_ = jsonUnmarshalString(orgs, &v.OrgIDs)
	var entries []string
	_ = jsonUnmarshalString(sizes, &entries)
	v.Sizes = domain.ParseOrgSizes(entries)
	return v, nil
}

const actionColumns = `a.id, a.created_at, a.updated_at, a.deleted, a.org_id, a.visit_id, a.text, a.owner, a.due, a.done, a.model_id, a.dimension`

func scanAction(sc rowScanner) (domain.Action, error) {
	var a domain.Action
	var created, updated int64
	err := sc.Scan(&a.ID, &created, &updated, &a.Deleted, &a.OrgID, &a.VisitID, &a.Text, &a.Owner, &a.Due, &a.Done, &a.ModelID, &a.Dimension)
	a.CreatedAt, a.UpdatedAt = msTime(created), msTime(updated)
	return a, err
}

const jointColumns = `j.id, j.created_at, j.updated_at, j.deleted, j.kind, j.title, j.orgs, j.status, j.start, j.date,
	j.models, j.notes, j.outcome, j.visits, j.partner, j.side`

func scanJoint(sc rowScanner) (domain.JointAction, error) {
	var j domain.JointAction
	var created, updated int64
	var orgs, models, visits string
	err := sc.Scan(&j.ID, &created, &updated, &j.Deleted, &j.Kind, &j.Title, &orgs, &j.Status, &j.Start, &j.Date,
		&models, &j.Notes, &j.Outcome, &visits, &j.Partner, &j.Side)
	if err != nil {
		return j, err
	}
	j.CreatedAt, j.UpdatedAt = msTime(created), msTime(updated)
	_ = jsonUnmarshalString(orgs, &j.OrgIDs)
	_ = jsonUnmarshalString(models, &j.ModelIDs)
	_ = jsonUnmarshalString(visits, &j.VisitIDs)
	return j, nil
}

// liveExists reports whether a live (not deleted) record exists, inside tx.
func liveExists(tx changelog.ReadTx, entity, id string) (bool, error) {
	var n int
	err := tx.QueryRow(`SELECT COUNT(*) FROM `+changelog.Table(entity)+` WHERE id = ? AND deleted = 0`, id).Scan(&n)
	return n > 0, err
}

func requireLive(tx changelog.ReadTx, entity, field, id string) error {
	ok, err := liveExists(tx, entity, id)
	if err != nil {
		return err
	}
	if !ok {
		return invalid(field, "reference.missing", "id", id)
	}
	return nil
}

// idLinks are the references a record makes in one field, and those the
// stored record made there (nil for a new record).
type idLinks struct {
	entity, field string
	ids, had      []string
}

// requireNewLive refuses a reference that is not live, unless the stored
// record already made it: what was deleted since may stay named.
func requireNewLive(tx changelog.ReadTx, links ...idLinks) error {
	for _, l := range links {
		for _, id := range l.ids {
			if slices.Contains(l.had, id) {
				continue
			}
			if err := requireLive(tx, l.entity, l.field, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordKind ties an entity to how its rows are read.
type recordKind[T any] struct {
	entity string
	alias  string // the table alias the columns use
	cols   string
	scan   func(rowScanner) (T, error)
}

var (
	orgRecords     = recordKind[domain.Organisation]{domain.EntityOrganisation, "o", orgColumns, scanOrganisation}
	contactRecords = recordKind[domain.Contact]{domain.EntityContact, "c", contactColumns, scanContact}
	visitRecords   = recordKind[domain.Visit]{domain.EntityVisit, "v", visitColumns, scanVisit}
	actionRecords  = recordKind[domain.Action]{domain.EntityAction, "a", actionColumns, scanAction}
	jointRecords   = recordKind[domain.JointAction]{domain.EntityJoint, "j", jointColumns, scanJoint}
)

func (k recordKind[T]) byID() string {
	return `SELECT ` + k.cols + ` FROM ` + changelog.Table(k.entity) + ` ` + k.alias +
		` WHERE ` + k.alias + `.id = ? AND ` + k.alias + `.deleted = 0`
}

// readLive reads one live record, with the clock its editor will have seen.
func readLive[T any, P interface {
	*T
	record
}](ctx context.Context, s *Store, k recordKind[T], id string) (T, error) {
	v, err := k.scan(s.r.QueryRowContext(ctx, k.byID(), id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, &domain.NotFoundError{Entity: k.entity, ID: id}
	}
	if err != nil {
		return v, err
	}
	P(&v).Common().Seen = changelog.SeenClock(s.r, k.entity, id)
	return v, nil
}

// update stores the fields of r that differ from the stored record, in one
// transaction; check (optional) vets the change against the stored record.
func update[T any, P interface {
	*T
	record
}](ctx context.Context, s *Store, k recordKind[T], r P, check func(tx changelog.ReadTx, stored *T) error) error {
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		id := r.Common().ID
		stored, err := k.scan(tx.QueryRow(k.byID(), id))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &domain.NotFoundError{Entity: k.entity, ID: id}
		}
		if err != nil {
			return nil, err
		}
		if check != nil {
			if err := check(tx, &stored); err != nil {
				return nil, err
			}
		}
		return updateEdits(k.entity, r, P(&stored)), nil
	})
	return err
}
