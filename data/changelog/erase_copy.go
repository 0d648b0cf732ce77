package changelog

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Erasure is one erasure as this database keeps it: the record, the fields,
// the clock up to which their values are erased, and the devices that report
// it complete (their own copies erased, ErasureDone).
type Erasure struct {
	Entity, ID string
	Fields     []string
	HLC        hlc.Timestamp
	Done       []string // devices, sorted
}

// Erasures lists the erasures q's database has applied, oldest first.
func Erasures(ctx context.Context, q *sql.DB) ([]Erasure, error) {
	rows, err := q.QueryContext(ctx, `SELECT e.entity, e.id, e.fields, e.hlc,
		IFNULL((SELECT json_group_array(device) FROM (SELECT device FROM erasures_done d
			WHERE d.entity = e.entity AND d.id = e.id AND d.hlc >= e.hlc ORDER BY device)), '[]')
		FROM erasures e ORDER BY e.hlc, e.entity, e.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Erasure
	for rows.Next() {
		var e Erasure
		var fields, done string
		var at int64
		if err := rows.Scan(&e.Entity, &e.ID, &fields, &at, &done); err != nil {
			return nil, err
		}
		e.HLC = hlc.Timestamp(at)
		if err := json.Unmarshal([]byte(fields), &e.Fields); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(done), &e.Done); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// DoneBy reports whether device reported the erasure complete.
func (e Erasure) DoneBy(device string) bool { return slices.Contains(e.Done, device) }

// ErasedSeqs lists the numbers of device's changes whose values the
// erasures blanked: the bundles holding them must be written again.
func ErasedSeqs(ctx context.Context, db *sql.DB, device string, erasures []Erasure) ([]uint64, error) {
	var seqs []uint64
	for _, e := range erasures {
		rows, err := db.QueryContext(ctx, `SELECT seq, field FROM changes WHERE device = ?1 AND entity = ?2 AND id = ?3 AND (hlc <= ?4 OR base < ?4)`,
			device, e.Entity, e.ID, int64(e.HLC))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var seq int64
			var field string
			if err := rows.Scan(&seq, &field); err != nil {
				rows.Close()
				return nil, err
			}
			if slices.Contains(e.Fields, field) {
				seqs = append(seqs, uint64(seq))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		runs, err := db.QueryContext(ctx, `SELECT first_seq, data FROM change_runs WHERE device = ? AND instr(data, ?) > 0`, device, []byte(e.ID))
		if err != nil {
			return nil, err
		}
		for runs.Next() {
			var first int64
			var data []byte
			if err := runs.Scan(&first, &data); err != nil {
				runs.Close()
				return nil, err
			}
			changes, err := decodeRun(device, uint64(first), data, nil)
			if err != nil {
				runs.Close()
				return nil, err
			}
			for _, c := range changes {
				if c.Entity == e.Entity && c.ID == e.ID && covers(e.HLC, c.HLC, c.Base) && slices.Contains(e.Fields, c.Field) {
					seqs = append(seqs, c.Seq)
				}
			}
		}
		runs.Close()
		if err := runs.Err(); err != nil {
			return nil, err
		}
	}
	slices.Sort(seqs)
	return slices.Compact(seqs), nil
}

// EraseCopy applies erasures to another database file of this app (a
// backup): the same blanking as on the live database (eraseRecord), with
// secure_delete on, then VACUUM, so the copy keeps no erased byte. The
// erasures are recorded in the copy too: restored, it blanks old values that
// arrive again.
func EraseCopy(ctx context.Context, db *sql.DB, erasures []Erasure) error {
	if _, err := db.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(migration0023); err != nil {
		return err
	}
	for _, e := range erasures {
		if err := eraseRecord(tx, e.Entity, e.ID, e.Fields, e.HLC); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `VACUUM`)
	return err
}

// migration0023 makes the erasure tables in a copy from before them
// (the statements of data/migrations/0023, which use IF NOT EXISTS).
const migration0023 = `CREATE TABLE IF NOT EXISTS erasures (entity TEXT NOT NULL, id TEXT NOT NULL, fields TEXT NOT NULL,
	hlc INTEGER NOT NULL, PRIMARY KEY (entity, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS erasures_done (entity TEXT NOT NULL, id TEXT NOT NULL, device TEXT NOT NULL,
	hlc INTEGER NOT NULL, PRIMARY KEY (entity, id, device)) WITHOUT ROWID;`

// Purge clears the database's files of erased bytes (VACUUM, and the
// write-ahead log checkpointed and truncated) when the purge after an
// erasing transaction of this engine did not finish; sync calls it before
// a device reports an erasure complete. A purge copies the whole file
// (seconds for hundreds of megabytes), so it is not repeated for nothing.
func (e *Engine) Purge() error {
	if err := e.refuseWrite(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.unpurged {
		return nil
	}
	return e.purge()
}
