package changelog

import (
	"errors"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Frozen entities are written once and never edited: a submitted report
// (domain.EntitySubmission) is what the funder received. Every field is
// written when the record is made, so a later change of any field finds
// the field already set. The value of a field is the first one written
// (the oldest clock): a change with a different value is kept aside like
// an invalid value (RefusedValue, detail CodeFrozen), whichever of the two
// arrives first, so every device ends with the same record. A local edit
// of one is an error.
var frozen = map[string]bool{domain.EntitySubmission: true}

// CodeFrozen is the detail of a change refused because it would alter a
// frozen record.
const CodeFrozen = "submission.frozen"

// errFrozen is the local edit of a frozen record.
var errFrozen = errors.New("a submitted report is never edited")

// falseRule: the field is false (a frozen record is never deleted).
func falseRule(field string, v any) error {
	if n, _ := v.(int64); n != 0 {
		return invalid(field, CodeFrozen)
	}
	return nil
}

// applyFrozen applies c to a field of a frozen record that already holds
// the value written with clock cur: the same value changes nothing, a
// later one is refused, and an earlier one (the record's own value
// arriving after a change to it) takes the field back and the change it
// replaces is refused.
func (a *applier) applyFrozen(c Change, spec *EntitySpec, f FieldSpec, col any, cur fieldClock) (ApplyResult, error) {
	var res ApplyResult
	now, err := a.currentValue(spec, f, c.ID)
	if err != nil {
		return res, err
	}
	if now == c.Value {
		res.Superseded++
		return res, nil
	}
	if a.local {
		return res, errFrozen
	}
	res.Refused++
	if c.wins(cur.hlc, cur.device, cur.seq) {
		return res, a.refuse(c, RefusedValue, invalid(c.Field, CodeFrozen))
	}
	replaced := Change{Device: cur.device, Seq: cur.seq, HLC: cur.hlc, Entity: c.Entity, ID: c.ID, Field: c.Field}
	if err := a.refuse(replaced, RefusedValue, invalid(c.Field, CodeFrozen)); err != nil {
		return res, err
	}
	if err := a.setClock(c.Entity, c.ID, fieldClock{field: c.Field, hlc: c.HLC, device: c.Device, seq: c.Seq, base: c.Base}); err != nil {
		return res, err
	}
	res.Applied++
	if err := a.setColumn(spec.table, c.ID, f.name, col, c.HLC.Millis()); err != nil {
		return res, err
	}
	// updated_at is the time of the newest value kept, not of the refused one.
	if err := a.flushRow(); err != nil {
		return res, err
	}
	var newest int64
	for _, cl := range a.cur.clocks {
		newest = max(newest, cl.hlc.Millis())
	}
	_, err = a.exec(`UPDATE `+spec.table+` SET updated_at = ? WHERE id = ?`, newest, c.ID)
	return res, err
}
