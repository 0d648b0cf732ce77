package changelog

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Runs of the change log (migration 0011, change_runs). An import of a log
// bundle whose range is new to this device writes its log entries as runs:
// up to runChunk contiguous changes of one device in one row, in a compact
// encoding, instead of one `changes` row each. Every reader of the log reads
// both tables; a (device, seq) is in at most one of them, because a run is
// written only for a range neither holds, and every other write of a log
// entry (apply, importer.logged) first looks the (device, seq) up in the runs.
//
// The blob holds change i (seq = first_seq + i) as:
//
//	zigzag varint (hlc − previous hlc), uvarint base,
//	uvarint len(entity)+1 (0: the previous entity), entity,
//	uvarint len(id)+1 (0: the previous id), id,
//	uvarint len(field), field, uvarint len(value), value

// runChunk is how many changes one run holds at most: it bounds the memory
// of writing and reading one, and what a lookup of one seq decodes.
const runChunk = 1024

// runMaxBytes ends a run early when its blob has grown this large, so a run
// of long values stays far below SQLite's blob limit (1e9 bytes) and memory.
const runMaxBytes = 4 << 20

// runWriter gathers the log entries of a fresh import into runs.
type runWriter struct {
	device          string
	first, next     uint64 // seqs of the run being built; next = last + 1
	n               int
	buf             []byte
	prevHLC         int64
	prevEnt, prevID string
}

func (w *runWriter) add(c Change) {
	if w.n == 0 {
		w.device, w.first, w.next = c.Device, c.Seq, c.Seq
		w.prevHLC, w.prevEnt, w.prevID = 0, "", ""
		w.buf = w.buf[:0]
	}
	w.buf = binary.AppendVarint(w.buf, int64(c.HLC)-w.prevHLC)
	w.prevHLC = int64(c.HLC)
	w.buf = binary.AppendUvarint(w.buf, uint64(c.Base))
	w.buf = appendRunStr(w.buf, c.Entity, &w.prevEnt)
	w.buf = appendRunStr(w.buf, c.ID, &w.prevID)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(c.Field)))
	w.buf = append(w.buf, c.Field...)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(c.Value)))
	w.buf = append(w.buf, c.Value...)
	w.next++
	w.n++
}

func appendRunStr(b []byte, s string, prev *string) []byte {
	if s == *prev && s != "" {
		return append(b, 0)
	}
	*prev = s
	b = binary.AppendUvarint(b, uint64(len(s))+1)
	return append(b, s...)
}

// fits says whether c continues the run being built.
func (w *runWriter) fits(c Change) bool {
	return w.n == 0 || (c.Device == w.device && c.Seq == w.next && w.n < runChunk && len(w.buf) < runMaxBytes)
}

var errBadRun = errors.New("change_runs: damaged run")

// decodeRun appends the changes of a run of device starting at first to out.
func decodeRun(device string, first uint64, blob []byte, out []Change) ([]Change, error) {
	var prevHLC int64
	var prevEnt, prevID string
	str := func() (string, bool) {
		n, k := binary.Uvarint(blob)
		if k <= 0 || uint64(len(blob)-k) < n {
			return "", false
		}
		s := string(blob[k : k+int(n)])
		blob = blob[k+int(n):]
		return s, true
	}
	prevStr := func(prev *string) bool {
		n, k := binary.Uvarint(blob)
		if k <= 0 || (n > 0 && uint64(len(blob)-k) < n-1) {
			return false
		}
		blob = blob[k:]
		if n == 0 {
			return *prev != ""
		}
		*prev = string(blob[:n-1])
		blob = blob[n-1:]
		return true
	}
	seq := first
	for len(blob) > 0 {
		d, k := binary.Varint(blob)
		if k <= 0 {
			return out, errBadRun
		}
		blob = blob[k:]
		prevHLC += d
		b, k := binary.Uvarint(blob)
		if k <= 0 {
			return out, errBadRun
		}
		blob = blob[k:]
		if !prevStr(&prevEnt) || !prevStr(&prevID) {
			return out, errBadRun
		}
		field, ok := str()
		if !ok {
			return out, errBadRun
		}
		value, ok := str()
		if !ok {
			return out, errBadRun
		}
		out = append(out, Change{Device: device, Seq: seq, HLC: hlc.Timestamp(prevHLC), Base: hlc.Timestamp(b),
			Entity: prevEnt, ID: prevID, Field: field, Value: value})
		seq++
	}
	return out, nil
}

// flushRun writes the run being built.
func (a *applier) flushRun() error {
	w := &a.runs
	if w.n == 0 {
		return nil
	}
	_, err := a.exec(`INSERT INTO change_runs(device, first_seq, last_seq, data) VALUES(?,?,?,?)`,
		w.device, int64(w.first), int64(w.next-1), w.buf)
	w.n = 0
	return err
}

// runLogged looks (device, seq) up in the runs: the change stored under it,
// if any. The run last read is kept, so a sequence of lookups in seq order
// (an export, a bundle imported again) decodes each run once.
func (a *applier) runLogged(device string, seq uint64) (Change, bool, error) {
	if a.runDevices == nil {
		a.runDevices = map[string]bool{}
		rows, err := a.tx.Query(`SELECT DISTINCT device FROM change_runs`)
		if err != nil {
			return Change{}, false, err
		}
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return Change{}, false, err
			}
			a.runDevices[d] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Change{}, false, err
		}
	}
	if !a.runDevices[device] {
		return Change{}, false, nil
	}
	rc := &a.runCache
	if rc.device != device || seq < rc.first || seq >= rc.first+uint64(len(rc.changes)) {
		var first, last int64
		var blob []byte
		err := a.tx.QueryRow(`SELECT first_seq, last_seq, data FROM change_runs WHERE device = ? AND first_seq <= ?
			ORDER BY first_seq DESC LIMIT 1`, device, int64(seq)).Scan(&first, &last, &blob)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && uint64(last) < seq) {
			return Change{}, false, nil
		}
		if err != nil {
			return Change{}, false, err
		}
		rc.changes, err = decodeRun(device, uint64(first), blob, rc.changes[:0])
		if err != nil {
			rc.changes = rc.changes[:0]
			return Change{}, false, fmt.Errorf("%s %d: %w", device, first, err)
		}
		rc.device, rc.first = device, uint64(first)
	}
	i := seq - rc.first
	if i >= uint64(len(rc.changes)) {
		return Change{}, false, nil
	}
	return rc.changes[i], true, nil
}

// runCache is the run runLogged read last.
type runCache struct {
	device  string
	first   uint64
	changes []Change
}

// rangeLogged reports whether any change of device with a seq in
// [first, last] is in the log (either table).
func rangeLogged(tx *sql.Tx, device string, first, last uint64) (bool, error) {
	var n bool
	err := tx.QueryRow(`SELECT EXISTS(SELECT 1 FROM changes WHERE device = ?1 AND seq BETWEEN ?2 AND ?3)
		OR EXISTS(SELECT 1 FROM change_runs WHERE device = ?1 AND first_seq <= ?3 AND last_seq >= ?2)`,
		device, int64(first), int64(last)).Scan(&n)
	return n, err
}

type queryerContext interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Read yields the log entries (both tables) with seq > after, and seq ≤
// upTo when upTo > 0, of device ("" every device), ordered by device, seq.
// It holds one run in memory at most.
func (e *Engine) Read(ctx context.Context, q queryerContext, device string, after, upTo uint64) iter.Seq2[Change, error] {
	return func(yield func(Change, error) bool) {
		rowsWhere, runsWhere, args := `seq > ?`, `last_seq > ?`, []any{int64(after)}
		if device != "" {
			rowsWhere += ` AND device = ?`
			runsWhere += ` AND device = ?`
			args = append(args, device)
		}
		if upTo > 0 {
			rowsWhere += ` AND seq <= ?`
			runsWhere += ` AND first_seq <= ?`
			args = append(args, int64(upTo))
		}
		rows, err := q.QueryContext(ctx, `SELECT device, seq, hlc, base, entity, id, field, value FROM changes WHERE `+
			rowsWhere+` ORDER BY device, seq`, args...)
		if err != nil {
			yield(Change{}, err)
			return
		}
		defer rows.Close()
		runs, err := q.QueryContext(ctx, `SELECT device, first_seq, data FROM change_runs WHERE `+
			runsWhere+` ORDER BY device, first_seq`, args...)
		if err != nil {
			yield(Change{}, err)
			return
		}
		defer runs.Close()
		var row Change
		rowOK := false
		nextRow := func() error {
			rowOK = rows.Next()
			if !rowOK {
				return rows.Err()
			}
			var sq, h, b int64
			if err := rows.Scan(&row.Device, &sq, &h, &b, &row.Entity, &row.ID, &row.Field, &row.Value); err != nil {
				return err
			}
			row.Seq, row.HLC, row.Base = uint64(sq), hlc.Timestamp(h), hlc.Timestamp(b)
			return nil
		}
		var run []Change // the rest of the current run
		nextRun := func() error {
			for len(run) == 0 {
				if !runs.Next() {
					return runs.Err()
				}
				var dev string
				var first int64
				var blob []byte
				if err := runs.Scan(&dev, &first, &blob); err != nil {
					return err
				}
				var err error
				if run, err = decodeRun(dev, uint64(first), blob, run[:0]); err != nil {
					return fmt.Errorf("%s %d: %w", dev, first, err)
				}
				for len(run) > 0 && run[0].Seq <= after {
					run = run[1:]
				}
				if upTo > 0 {
					for len(run) > 0 && run[len(run)-1].Seq > upTo {
						run = run[:len(run)-1]
					}
				}
			}
			return nil
		}
		if err := nextRow(); err != nil {
			yield(Change{}, err)
			return
		}
		if err := nextRun(); err != nil {
			yield(Change{}, err)
			return
		}
		for rowOK || len(run) > 0 {
			if err := ctx.Err(); err != nil {
				yield(Change{}, err)
				return
			}
			if len(run) > 0 && (!rowOK || run[0].Device < row.Device || (run[0].Device == row.Device && run[0].Seq < row.Seq)) {
				if !yield(run[0], nil) {
					return
				}
				run = run[1:]
				if len(run) == 0 {
					if err := nextRun(); err != nil {
						yield(Change{}, err)
						return
					}
				}
				continue
			}
			if !yield(row, nil) {
				return
			}
			if err := nextRow(); err != nil {
				yield(Change{}, err)
				return
			}
		}
	}
}
