package data

import (
	"context"
	"database/sql"
	"iter"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// LogInfo describes a slice of the change log about to be read.
type LogInfo struct {
	Count             uint64
	FirstSeq, LastSeq uint64 // of the one device asked for; 0 for all devices
	More              bool   // the device has changes after LastSeq (past a gap)
}

// ChangeLog reads log entries from one consistent snapshot: fn gets how many
// there are and an iterator over them, so a bundle header announcing the
// count can be written before the changes are streamed. Nothing is held in
// memory but the row being read.
//
// With device "", it reads every device's entries with seq > after, ordered
// by device then seq. With a device, it reads that device's first contiguous
// run of seqs after after (a log bundle's range has no holes); LogInfo.More
// says whether entries beyond a gap remain for another call.
func (s *Store) ChangeLog(ctx context.Context, device string, after uint64, fn func(LogInfo, iter.Seq2[changelog.Change, error]) error) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var info LogInfo
	var first, last uint64
	info.Count, first, last, err = logSpan(ctx, tx, device, after)
	if err != nil {
		return err
	}
	upTo := uint64(0)
	if device != "" && info.Count > 0 {
		runEnd, err := logRunEnd(ctx, tx, device, first)
		if err != nil {
			return err
		}
		info.FirstSeq, info.LastSeq = first, runEnd
		info.More = runEnd < last
		info.Count = info.LastSeq - info.FirstSeq + 1
		upTo = runEnd
	}
	return fn(info, s.eng.Read(ctx, tx, device, after, upTo))
}

// logSpan counts the log entries (both tables) with seq > after of device
// ("" every device), with their smallest and largest seq.
func logSpan(ctx context.Context, tx *sql.Tx, device string, after uint64) (n, first, last uint64, err error) {
	where, args := `seq > ?`, []any{int64(after)}
	if device != "" {
		where += ` AND device = ?`
		args = append(args, device)
	}
	var c1, c2 int64
	var f1, l1, f2, l2 sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), MIN(seq), MAX(seq) FROM changes WHERE `+where, args...).
		Scan(&c1, &f1, &l1); err != nil {
		return 0, 0, 0, err
	}
	// A run partly at or before after counts from after+1.
	rwhere := strings.Replace(where, "seq > ?", "last_seq > ?1", 1)
	rwhere = strings.Replace(rwhere, "device = ?", "device = ?2", 1)
	if err := tx.QueryRowContext(ctx, `SELECT IFNULL(SUM(last_seq - MAX(first_seq, ?1 + 1) + 1), 0),
		MIN(MAX(first_seq, ?1 + 1)), MAX(last_seq) FROM change_runs WHERE `+rwhere, args...).
		Scan(&c2, &f2, &l2); err != nil {
		return 0, 0, 0, err
	}
	n = uint64(c1 + c2)
	switch {
	case f1.Valid && f2.Valid:
		first, last = uint64(min(f1.Int64, f2.Int64)), uint64(max(l1.Int64, l2.Int64))
	case f1.Valid:
		first, last = uint64(f1.Int64), uint64(l1.Int64)
	case f2.Valid:
		first, last = uint64(f2.Int64), uint64(l2.Int64)
	}
	return n, first, last, nil
}

// logRunEnd is the last seq of the contiguous stretch of device's log
// entries that starts at from (which is in the log), across both tables.
func logRunEnd(ctx context.Context, tx *sql.Tx, device string, from uint64) (uint64, error) {
	end := from
	for {
		// A run holding end+1 (or end itself) extends the stretch to its last seq.
		var last sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MAX(last_seq) FROM change_runs WHERE device = ? AND first_seq <= ? AND last_seq > ?`,
			device, int64(end+1), int64(end)).Scan(&last); err != nil {
			return 0, err
		}
		if last.Valid {
			end = uint64(last.Int64)
			continue
		}
		// Rows from end+1 on: the stretch goes on to the first row whose successor is no row.
		var next bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM changes WHERE device = ? AND seq = ?)`,
			device, int64(end+1)).Scan(&next); err != nil {
			return 0, err
		}
		if !next {
			return end, nil
		}
		var rowEnd int64
		if err := tx.QueryRowContext(ctx, `SELECT seq FROM changes c WHERE device = ? AND seq >= ?
			AND NOT EXISTS (SELECT 1 FROM changes n WHERE n.device = c.device AND n.seq = c.seq + 1)
			ORDER BY seq LIMIT 1`, device, int64(end+1)).Scan(&rowEnd); err != nil {
			return 0, err
		}
		end = uint64(rowEnd)
	}
}

// BundleRecord is one row of what sync has done with bundles.
type BundleRecord struct {
	changelog.BundleMeta
	Folder     string
	Status     string // changelog.BundleImported, changelog.BundleWritten or changelog.BundleQuarantined
	Reason     string
	Changes    int
	ImportedAt int64 // Unix ms
}

// Bundles lists every bundle imported, written or quarantined (a few
// thousand short rows: the sync's seen-set, read once per sync).
func (s *Store) Bundles(ctx context.Context) ([]BundleRecord, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT device, first_seq, last_seq, hash, kind, file, folder, status, reason, changes, imported_at FROM sync_bundles`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BundleRecord
	for rows.Next() {
		var r BundleRecord
		var f, l int64
		if err := rows.Scan(&r.Device, &f, &l, &r.Hash, &r.Kind, &r.File, &r.Folder, &r.Status, &r.Reason, &r.Changes, &r.ImportedAt); err != nil {
			return nil, err
		}
		r.FirstSeq, r.LastSeq = uint64(f), uint64(l)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RecordWritten remembers a bundle this device wrote into folder, so the next
// sync writes only what came after it.
func (s *Store) RecordWritten(ctx context.Context, m changelog.BundleMeta, folder string) error {
	return s.eng.RecordWritten(m, folder)
}

// ExportedSeq is the last seq of device this installation has written into
// folder (0: none), and whether it wrote anything there at all.
func (s *Store) ExportedSeq(ctx context.Context, device, folder string) (uint64, error) {
	var last sql.NullInt64
	err := s.r.QueryRowContext(ctx, `SELECT MAX(last_seq) FROM sync_bundles WHERE status = 'written' AND device = ? AND folder = ?`,
		device, folder).Scan(&last)
	return uint64(last.Int64), err
}

// WroteTo reports whether this installation has written bundles into folder.
func (s *Store) WroteTo(ctx context.Context, folder string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sync_bundles WHERE status = 'written' AND folder = ?`, folder).Scan(&n)
	return n > 0, err
}

// ForgetWritten forgets what was written into folder (a reseed after the
// folder was wiped writes everything again).
func (s *Store) ForgetWritten(ctx context.Context, folder string) error {
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		_, err := tx.Exec(`DELETE FROM sync_bundles WHERE status = 'written' AND folder = ?`, folder)
		return err
	})
}

// OwnDevices is this installation's device id followed by the ids it wrote
// under before a clone was found (their changes are still exported).
func (s *Store) OwnDevices(ctx context.Context) ([]string, error) {
	retired, err := changelog.RetiredDevices(ctx, s.r)
	if err != nil {
		return nil, err
	}
	return append([]string{s.DeviceID()}, retired...), nil
}

// PendingFile is a file sync could not import, remembered for a retry.
type PendingFile struct {
	Path      string
	Size      int64
	MTime     int64 // Unix ns
	Reason    string
	Attempts  int
	FirstSeen int64 // Unix ms
}

// PendingFiles lists the files waiting for a retry, by path.
func (s *Store) PendingFiles(ctx context.Context) (map[string]PendingFile, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT path, size, mtime, reason, attempts, first_seen FROM sync_pending`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]PendingFile{}
	for rows.Next() {
		var p PendingFile
		if err := rows.Scan(&p.Path, &p.Size, &p.MTime, &p.Reason, &p.Attempts, &p.FirstSeen); err != nil {
			return nil, err
		}
		out[p.Path] = p
	}
	return out, rows.Err()
}

// SetPending remembers (or updates) a file that failed.
func (s *Store) SetPending(ctx context.Context, p PendingFile) error {
	now := s.now().UnixMilli()
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		_, err := tx.Exec(`INSERT INTO sync_pending(path, size, mtime, reason, attempts, first_seen, last_seen) VALUES(?,?,?,?,1,?,?)
			ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, reason = excluded.reason,
			attempts = attempts + 1, last_seen = excluded.last_seen`, p.Path, p.Size, p.MTime, p.Reason, now, now)
		return err
	})
}

// ClearPending forgets files that are gone or were imported.
func (s *Store) ClearPending(ctx context.Context, paths ...string) error {
	if len(paths) == 0 {
		return nil
	}
	return s.eng.WriteLocal(func(tx changelog.LocalTx) error {
		for _, p := range paths {
			if _, err := tx.Exec(`DELETE FROM sync_pending WHERE path = ?`, p); err != nil {
				return err
			}
		}
		return nil
	})
}
