package changelog

import (
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// Erasures (GDPR art. 17, migration 0023). Erasing a person is a synced
// change of the pseudo-entity EntityErasure: its record id is
// "<entity>/<id>", its field "erased", its value names the record and its
// personal fields. Every device that applies it replaces the values of those
// fields stamped at or before the erasure's clock with the field's blank
// value everywhere the database keeps them (eraseRecord: the row, the log in
// both its tables, the conflicts, the drafts, the full-text index), and
// keeps the erasure in `erasures`, so an older value that arrives later (an
// old bundle, a colleague's cached copy) is blanked before it is logged or
// applied (erasedSet.blank). A value written after the erasure is new data
// and stays. All devices blank the same changes, so they still converge.
// A device records that it has erased every copy it keeps (database,
// backups, its own bundles in the shared folder) with a second field of the
// same record, "done:<device>" (ErasureDone), so the Sync screen can count
// the devices that have.

// EntityErasure is the synced pseudo-entity of erasures; it has no table of
// its own.
const EntityErasure = "erasure"

const (
	erasedField = "erased"
	donePrefix  = "done:"
)

// personalFields are the fields an erasure may blank, per entity: a
// contact's own data, and the org number of an organisation (erased only
// when it is a personnummer: the store decides, see Store.EraseOrgPersonal).
var personalFields = map[string][]string{
	domain.EntityContact:      {"name", "role", "email", "phone", "gender", "consent_date"},
	domain.EntityOrganisation: {"orgnr"},
}

// PersonalFields are the fields of entity an erasure may blank (nil: none).
func PersonalFields(entity string) []string { return personalFields[entity] }

func isPersonal(entity, field string) bool { return slices.Contains(personalFields[entity], field) }

// BlankValue is what an erased value becomes (every personal field is
// text): the empty string, as JSON.
const BlankValue = `""`

// erasure is the value of an erasure change.
type erasure struct {
	Entity string   `json:"entity"`
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
}

// ErasureRecord is the record id of the erasure of (entity, id).
func ErasureRecord(entity, id string) string { return entity + "/" + id }

// ErasureEdits erase the personal fields of a record: each set to its blank
// value (so the edit is stamped past every value this device holds for
// them, editStamp) and the erasure itself, which blanks their history.
func ErasureEdits(entity, id string) []Edit {
	fields := personalFields[entity]
	edits := make([]Edit, 0, len(fields)+1)
	for _, f := range fields {
		edits = append(edits, Edit{Entity: entity, ID: id, Field: f, Value: ""})
	}
	return append(edits, Edit{Entity: EntityErasure, ID: ErasureRecord(entity, id), Field: erasedField,
		Value: erasure{Entity: entity, ID: id, Fields: fields}})
}

// ErasureDone is the edit by which device reports the erasure of (entity,
// id) stamped at clock complete on its side.
func ErasureDone(entity, id, device string, clock hlc.Timestamp) Edit {
	return Edit{Entity: EntityErasure, ID: ErasureRecord(entity, id), Field: donePrefix + device, Value: int64(clock)}
}

// covers reports whether an erasure stamped at erases a value stamped
// stamp whose author saw the value stamped base: every value written before
// the erasure, and every value written without knowing of it — a concurrent
// edit from a device whose clock runs ahead has a later stamp, but a base
// older than the erasure's own blank value of the field (ErasureEdits).
// A value entered after seeing the erasure is new data and stays.
func covers(at, stamp, base hlc.Timestamp) bool { return stamp <= at || base < at }

// erasedRec is what an erasure blanks of one record.
type erasedRec struct {
	hlc    hlc.Timestamp
	fields []string
}

// erasedSet holds every erasure this database has applied, by entity and id.
type erasedSet map[string]erasedRec

func erasedKey(entity, id string) string { return entity + "\x00" + id }

// loadErased reads the erasures (nil when there are none, the usual case).
func loadErased(tx *sql.Tx) (erasedSet, error) {
	rows, err := tx.Query(`SELECT entity, id, fields, hlc FROM erasures`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var s erasedSet
	for rows.Next() {
		var entity, id, fields string
		var at int64
		if err := rows.Scan(&entity, &id, &fields, &at); err != nil {
			return nil, err
		}
		var fs []string
		if err := json.Unmarshal([]byte(fields), &fs); err != nil {
			return nil, err
		}
		s = s.add(entity, id, fs, hlc.Timestamp(at))
	}
	return s, rows.Err()
}

// blank replaces c's value with the blank one when an erasure covers it,
// and reports whether it did.
func (s erasedSet) blank(c *Change) bool {
	if s == nil || c.Value == BlankValue {
		return false
	}
	r, ok := s[erasedKey(c.Entity, c.ID)]
	if !ok || !covers(r.hlc, c.HLC, c.Base) || !slices.Contains(r.fields, c.Field) {
		return false
	}
	c.Value = BlankValue
	return true
}

// add merges an applied erasure into s.
func (s erasedSet) add(entity, id string, fields []string, at hlc.Timestamp) erasedSet {
	if s == nil {
		s = erasedSet{}
	}
	k := erasedKey(entity, id)
	r := s[k]
	r.hlc = max(r.hlc, at)
	for _, f := range fields {
		if !slices.Contains(r.fields, f) {
			r.fields = append(r.fields, f)
		}
	}
	s[k] = r
	return s
}

// erasedRewrite reports whether two changes with one (device, seq) differ
// only in that one of them carries the blank value of a personal field: the
// same change before and after an erasure (a bundle its author rewrote, or
// the original after this device erased it), not a cloned installation.
func erasedRewrite(a, b Change) bool {
	if a.Value != BlankValue && b.Value != BlankValue || !isPersonal(a.Entity, a.Field) {
		return false
	}
	a.Value = b.Value
	return a == b
}

// parseErasure reads an erasure change; ok is false for one this version
// cannot apply (kept in the log, counted as unknown).
func parseErasure(c Change) (erasure, bool) {
	var e erasure
	if c.Field != erasedField || json.Unmarshal([]byte(c.Value), &e) != nil || e.ID == "" ||
		c.ID != ErasureRecord(e.Entity, e.ID) || len(e.Fields) == 0 {
		return e, false
	}
	for _, f := range e.Fields {
		if !isPersonal(e.Entity, f) {
			return e, false
		}
	}
	return e, true
}

// parseDone reads a completion change: the record and the device.
func parseDone(c Change) (entity, id, device string, at int64, ok bool) {
	device, ok = strings.CutPrefix(c.Field, donePrefix)
	if !ok || device == "" {
		return "", "", "", 0, false
	}
	entity, id, ok = strings.Cut(c.ID, "/")
	if !ok || personalFields[entity] == nil || id == "" {
		return "", "", "", 0, false
	}
	at, err := strconv.ParseInt(c.Value, 10, 64)
	return entity, id, device, at, err == nil && at > 0
}
