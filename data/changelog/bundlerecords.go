package changelog

import (
	"database/sql"
)

// keyStatus says whether a bundle's key (device, range) was seen before,
// and with which checksum.
type keyStatus int

const (
	statusNew keyStatus = iota
	statusSame
	statusOtherHash
)

// bundleStatus looks the bundle's key up among those seen before.
func bundleStatus(tx *sql.Tx, m BundleMeta) (keyStatus, error) {
	rows, err := tx.Query(`SELECT hash FROM sync_bundles WHERE device = ? AND first_seq = ? AND last_seq = ?`,
		m.Device, int64(m.FirstSeq), int64(m.LastSeq))
	if err != nil {
		return statusNew, err
	}
	defer rows.Close()
	st := statusNew
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return statusNew, err
		}
		if h == m.Hash {
			return statusSame, nil
		}
		// An export carries no range: two exports of one device are simply
		// two bundles, not a clash.
		if m.Kind != "export" {
			st = statusOtherHash
		}
	}
	return st, rows.Err()
}

// RecordWritten remembers a bundle this device wrote into folder, so the
// next sync writes only what came after it.
func (e *Engine) RecordWritten(m BundleMeta, folder string) error {
	return e.WriteLocal(func(tx LocalTx) error {
		return recordBundle(tx.tx, m, BundleWritten, "", folder, int(m.Count), e.now().UnixMilli())
	})
}

func recordBundle(tx *sql.Tx, m BundleMeta, status, reason, folder string, changes int, now int64) error {
	_, err := tx.Exec(`INSERT INTO sync_bundles(device, first_seq, last_seq, hash, kind, file, folder, status, changes, imported_at, reason)
		VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(device, first_seq, last_seq, hash) DO UPDATE SET
		status = excluded.status, file = excluded.file, folder = excluded.folder, reason = excluded.reason`,
		m.Device, int64(m.FirstSeq), int64(m.LastSeq), m.Hash, m.Kind, m.File, folder, status, changes, now, reason)
	return err
}
