package changelog

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// pendingErasure is an erasure applied in this transaction, whose stored
// copies are blanked in finish, once every queued write is in the tables.
type pendingErasure struct {
	e  erasure
	at hlc.Timestamp
}

// applyErasure applies an erasure or a device's report that it completed
// one. The erasure itself blanks later changes of this transaction at once
// (a.erased) and what is stored when the transaction finishes.
func (a *applier) applyErasure(c Change) (ApplyResult, error) {
	if entity, id, device, at, ok := parseDone(c); ok {
		_, err := a.exec(`INSERT INTO erasures_done(entity, id, device, hlc) VALUES(?,?,?,?)
			ON CONFLICT(entity, id, device) DO UPDATE SET hlc = max(hlc, excluded.hlc)`, entity, id, device, at)
		return ApplyResult{Applied: 1}, err
	}
	e, ok := parseErasure(c)
	if !ok {
		return ApplyResult{Unknown: 1}, nil
	}
	a.erased = a.erased.add(e.Entity, e.ID, e.Fields, c.HLC)
	a.erasures = append(a.erasures, pendingErasure{e, c.HLC})
	return ApplyResult{Applied: 1}, nil
}

// eraseNow blanks what the erasures of this transaction cover; finish calls
// it after writing everything queued.
func (a *applier) eraseNow() error {
	if len(a.erasures) == 0 {
		return nil
	}
	// Freed cells and pages are overwritten with zeros from here on, so the
	// erased bytes do not stay behind in free space (Engine.purge does the
	// rest after commit).
	if _, err := a.tx.Exec(`PRAGMA secure_delete = ON`); err != nil {
		return err
	}
	for _, p := range a.erasures {
		if err := eraseRecord(a.tx, p.e.Entity, p.e.ID, p.e.Fields, p.at); err != nil {
			return err
		}
	}
	a.erasures = nil
	a.erasedAny = true
	a.runCache = runCache{}
	return nil
}

// eraseRecord blanks the fields of the record (entity, id) stamped at or
// before at wherever the database keeps them — the log (changes and runs),
// the conflicts, the row (when its value is that old), the drafts and the
// full-text index — and records the erasure, so values arriving later are
// blanked too. It is the one erasing code, for the live database and for
// backups (EraseCopy).
func eraseRecord(tx *sql.Tx, entity, id string, fields []string, at hlc.Timestamp) error {
	spec, ok := entities[entity]
	if !ok {
		return nil
	}
	if err := recordErasure(tx, entity, id, fields, at); err != nil {
		return err
	}
	// One pass over the log (it has no index by record: erasures are rare,
	// and an index would cost every import).
	fieldList, _ := json.Marshal(fields)
	if _, err := tx.Exec(`UPDATE changes SET value = ?1 WHERE entity = ?2 AND id = ?3
		AND field IN (SELECT value FROM json_each(?4)) AND (hlc <= ?5 OR base < ?5) AND value <> ?1`,
		BlankValue, entity, id, string(fieldList), int64(at)); err != nil {
		return err
	}
	if err := eraseInRuns(tx, entity, id, fields, at); err != nil {
		return err
	}
	for _, f := range fields {
		// A conflict keeps values, not their bases: a value is erased when
		// it is that old, or when the log (blanked above) no longer holds it.
		if _, err := tx.Exec(`UPDATE conflicts SET
			winner_value = CASE WHEN winner_hlc <= ?4 OR winner_value NOT IN (SELECT value FROM changes c
				WHERE c.entity = ?1 AND c.id = ?2 AND c.field = ?3) THEN ?5 ELSE winner_value END,
			loser_value = CASE WHEN loser_hlc <= ?4 OR loser_value NOT IN (SELECT value FROM changes c
				WHERE c.entity = ?1 AND c.id = ?2 AND c.field = ?3) THEN ?5 ELSE loser_value END
			WHERE entity = ?1 AND id = ?2 AND field = ?3`, entity, id, f, int64(at), BlankValue); err != nil {
			return err
		}
	}
	clocks, err := recordClocks(tx, entity, id)
	if err != nil {
		return err
	}
	for _, c := range clocks {
		if covers(at, c.hlc, c.base) && slices.Contains(fields, c.field) {
			if _, err := tx.Exec(`UPDATE `+spec.table+` SET `+c.field+` = '' WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	if _, err := tx.Exec(`DELETE FROM drafts WHERE key = ?`, draftKey(entity)+id); err != nil {
		return err
	}
	if entity == domain.EntityOrganisation {
		// The row's update replaced its document; merging every segment
		// drops the old tokens the contentless index still held.
		if _, err := tx.Exec(`INSERT INTO org_fts(org_fts) VALUES('optimize')`); err != nil {
			return err
		}
	}
	return nil
}

// draftKey is how the forms name the draft of a record of entity
// (ui/drafts.go): "org:<id>", "contact:<id>".
func draftKey(entity string) string {
	if entity == domain.EntityOrganisation {
		return "org:"
	}
	return entity + ":"
}

// recordErasure keeps the erasure in `erasures`, merged with an earlier one
// of the same record.
func recordErasure(tx *sql.Tx, entity, id string, fields []string, at hlc.Timestamp) error {
	var old string
	var oldAt int64
	err := tx.QueryRow(`SELECT fields, hlc FROM erasures WHERE entity = ? AND id = ?`, entity, id).Scan(&old, &oldAt)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	all := slices.Clone(fields)
	var prev []string
	if old != "" && json.Unmarshal([]byte(old), &prev) == nil {
		for _, f := range prev {
			if !slices.Contains(all, f) {
				all = append(all, f)
			}
		}
	}
	slices.Sort(all)
	b, _ := json.Marshal(all)
	_, err = tx.Exec(`INSERT INTO erasures(entity, id, fields, hlc) VALUES(?,?,?,?)
		ON CONFLICT(entity, id) DO UPDATE SET fields = excluded.fields, hlc = max(hlc, excluded.hlc)`,
		entity, id, string(b), max(int64(at), oldAt))
	return err
}

// eraseInRuns blanks the erased values inside the packed runs: each run
// whose bytes hold the record's id is decoded, blanked and written again.
func eraseInRuns(tx *sql.Tx, entity, id string, fields []string, at hlc.Timestamp) error {
	type run struct {
		device string
		first  int64
		data   []byte
	}
	rows, err := tx.Query(`SELECT device, first_seq, data FROM change_runs WHERE instr(data, ?) > 0`, []byte(id))
	if err != nil {
		return err
	}
	var found []run
	for rows.Next() {
		var r run
		if err := rows.Scan(&r.device, &r.first, &r.data); err != nil {
			rows.Close()
			return err
		}
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	set := erasedSet{}.add(entity, id, fields, at)
	for _, r := range found {
		changes, err := decodeRun(r.device, uint64(r.first), r.data, nil)
		if err != nil {
			return err
		}
		changed := false
		var w runWriter
		for i := range changes {
			if set.blank(&changes[i]) {
				changed = true
			}
			w.add(changes[i])
		}
		if !changed {
			continue
		}
		if _, err := tx.Exec(`UPDATE change_runs SET data = ? WHERE device = ? AND first_seq = ?`, w.buf, r.device, r.first); err != nil {
			return err
		}
	}
	return nil
}

// purge removes what an erasure left in the database's files after its
// commit: VACUUM writes the whole database anew, so no free page or free
// space in a page keeps an erased value (secure_delete only zeroes what is
// freed from then on), and the checkpoint copies it into the file and
// truncates the write-ahead log, whose older frames still held the values.
func (e *Engine) purge() error {
	e.unpurged = true
	if _, err := e.w.Exec(`VACUUM`); err != nil {
		return err
	}
	if _, err := e.w.Exec(`PRAGMA secure_delete = OFF`); err != nil {
		return err
	}
	// The store's checkpointer may be copying the commit meanwhile (then
	// SQLite reports busy at once, without waiting): try again shortly.
	for try := 0; ; try++ {
		var busy, logFrames, done int
		if err := e.w.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
			return err
		}
		if busy == 0 {
			e.unpurged = false
			return nil
		}
		if try == 100 {
			return fmt.Errorf("erase: the write-ahead log could not be truncated (%d of %d frames copied): another connection holds it", done, logFrames)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
