package changelog

import (
	"encoding/json"
	"strconv"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Settling a conflict everywhere (migration 0012). Resolving a conflict on
// one device writes, besides any new value, a synced change that says so:
// entity EntityConflict, field "settled", its value naming the conflict by
// field and losing change. Those are the same on every device that recorded
// the conflict (the winner of two concurrent edits is the same everywhere),
// so each marks its copy resolved, and a device that records the conflict
// only later (the settlement came first) records it resolved. Without this,
// a conflict a project lead had settled stayed listed for every advisor who
// had seen it too. A version that does not know the entity keeps the change
// in its log and passes it on, as with any unknown entity.

// EntityConflict is the synced pseudo-entity of conflict settlements. It has
// no table of its own; its changes only mark conflicts resolved.
const EntityConflict = "conflict"

// settledField is the one field of a settlement.
const settledField = "settled"

// conflictKey names a conflict on every device: the field and the losing
// change.
type conflictKey struct {
	Entity      string `json:"entity"`
	ID          string `json:"id"`
	Field       string `json:"field"`
	LoserDevice string `json:"loser_device"`
	LoserHLC    int64  `json:"loser_hlc"`
}

// settlementEdit is the change recording that the conflict is settled; its
// record id is the key itself, so settling one conflict twice (on two
// devices) edits one field of one record.
func settlementEdit(k conflictKey) Edit {
	id := k.Entity + "/" + k.ID + "/" + k.Field + "/" + k.LoserDevice + "/" + strconv.FormatInt(k.LoserHLC, 10)
	return Edit{Entity: EntityConflict, ID: id, Field: settledField, Value: k}
}

// Settlement is the edit that records, on every device, that the conflict
// over field of the record (entity, id), lost by the change of loserDevice
// stamped loserHLC, is settled.
func Settlement(entity, id, field, loserDevice string, loserHLC hlc.Timestamp) Edit {
	return settlementEdit(conflictKey{Entity: entity, ID: id, Field: field, LoserDevice: loserDevice, LoserHLC: int64(loserHLC)})
}

const (
	sqlSettle      = `INSERT OR IGNORE INTO conflicts_settled(entity, id, field, loser_device, loser_hlc) VALUES(?,?,?,?,?)`
	sqlMarkSettled = `UPDATE conflicts SET resolved = 1
		WHERE entity = ? AND id = ? AND field = ? AND loser_device = ? AND loser_hlc = ? AND resolved = 0`
	sqlIsSettled = `SELECT EXISTS(SELECT 1 FROM conflicts_settled
		WHERE entity = ? AND id = ? AND field = ? AND loser_device = ? AND loser_hlc = ?)`
)

// applySettlement marks the conflict a settlement names resolved, now and
// when it is recorded later. A value it cannot read changes nothing (kept in
// the log, counted as unknown).
func (a *applier) applySettlement(c Change) (ApplyResult, error) {
	var k conflictKey
	if c.Field != settledField || json.Unmarshal([]byte(c.Value), &k) != nil || k.Entity == "" || k.ID == "" || k.Field == "" || k.LoserDevice == "" {
		return ApplyResult{Unknown: 1}, nil
	}
	args := []any{k.Entity, k.ID, k.Field, k.LoserDevice, k.LoserHLC}
	if _, err := a.exec(sqlSettle, args...); err != nil {
		return ApplyResult{}, err
	}
	r, err := a.exec(sqlMarkSettled, args...)
	if err != nil {
		return ApplyResult{}, err
	}
	n, _ := r.RowsAffected()
	return ApplyResult{Applied: 1, Settled: int(n)}, nil
}

// settled reports whether a conflict about to be recorded was settled
// already (on another device, before its losing change reached this one).
func (a *applier) settled(entity, id, field, loseDev string, loseHLC hlc.Timestamp) (bool, error) {
	st, err := a.stmt(sqlIsSettled)
	if err != nil {
		return false, err
	}
	var ok bool
	err = st.QueryRow(entity, id, field, loseDev, int64(loseHLC)).Scan(&ok)
	return ok, err
}
