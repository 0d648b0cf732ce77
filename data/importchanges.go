package data

import (
	"context"
	"database/sql"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// ImportChanges applies one bundle in one transaction: the changes src
// yields until io.EOF, and the record that this bundle was imported. If src
// fails (a damaged file: *BundleReadError) or the context is cancelled,
// nothing is applied and nothing recorded, so the next sync does the whole
// bundle again; the same holds for a checksum other than meta.HashPrefix
// promised (*ChecksumMismatchError). Memory does not grow with the bundle:
// changes are applied as they are read. progress, if not nil, is called now
// and then with the number of changes read.
func (s *Store) ImportChanges(ctx context.Context, meta changelog.BundleMeta, src changelog.ChangeReader, progress func(read int)) (changelog.ImportResult, error) {
	return s.eng.Import(ctx, meta, src, progress)
}

// Changes returns the log entries of device with seq > after, in seq order
// (device "" means every device), at most limit (0: all).
func (s *Store) Changes(ctx context.Context, device string, after uint64, limit int) ([]changelog.Change, error) {
	// Both tables of the log (changelog/changeruns.go), from one snapshot.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var out []changelog.Change
	for c, err := range s.eng.Read(ctx, tx, device, after, 0) {
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out, nil
}

// BundleKeyKnown reports whether a bundle with this device and seq range was
// imported, written or quarantined before (with any checksum).
func (s *Store) BundleKeyKnown(ctx context.Context, device string, firstSeq, lastSeq uint64) (bool, error) {
	var known bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM sync_bundles WHERE device = ? AND first_seq = ? AND last_seq = ?)`,
		device, int64(firstSeq), int64(lastSeq)).Scan(&known)
	return known, err
}
