package changelog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/google/uuid"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// Import applies one bundle in one transaction: the changes src yields
// until io.EOF, and the record that this bundle was imported. If src fails
// (a damaged file: *BundleReadError) or the context is cancelled, nothing is
// applied and nothing recorded, so the next sync does the whole bundle
// again; the same holds for a checksum other than meta.HashPrefix promised
// (*ChecksumMismatchError). Memory does not grow with the bundle: changes
// are applied as they are read. progress, if not nil, is called now and
// then with the number of changes read.
func (e *Engine) Import(ctx context.Context, meta BundleMeta, src ChangeReader, progress func(read int)) (ImportResult, error) {
	var res ImportResult
	if meta.Device == "" {
		return res, errors.New("import: bundle without device")
	}
	if meta.Hash != "" && !strings.HasPrefix(meta.Hash, meta.HashPrefix) {
		return res, &ChecksumMismatchError{Want: meta.HashPrefix, Got: meta.Hash}
	}
	if err := e.refuseWrite(); err != nil {
		return res, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()

	// A big bundle touches many pages in one transaction; with SQLite's
	// default 2 MB page cache they spill into the WAL again and again. The
	// cache is bounded, so memory stays flat however large the bundle.
	if _, err := tx.Exec(`PRAGMA cache_size = -65536`); err != nil {
		return res, err
	}
	if _, err := e.syncWithLog(tx); err != nil { // another process may have written
		return res, err
	}
	if meta.Hash != "" {
		status, err := bundleStatus(tx, meta)
		if err != nil {
			return res, err
		}
		switch status {
		case statusSame:
			res.AlreadyImported = true
			return res, nil
		case statusOtherHash:
			res.SameKeyOtherHash = true
		}
	}

	a := e.newApplier(tx, e.clock)
	a.freshOK = true
	defer a.close()
	if meta.Count >= deferFTSMin {
		if err := a.trackWritten(e); err != nil {
			return res, err
		}
		if err := a.deferFTS(); err != nil {
			return res, err
		}
	}
	if a.erased, err = loadErased(tx); err != nil {
		return res, err
	}
	own := e.DeviceID()
	im := importer{a: a, own: own, now: e.now().UnixMilli()}
	if meta.Kind == "log" && meta.FirstSeq > 0 {
		// A bundle whose range this device has never seen needs no
		// duplicate check per change: the common case, and the fast one.
		// Its log entries are then written as runs (changeruns.go).
		logged, err := rangeLogged(tx, meta.Device, meta.FirstSeq, meta.LastSeq)
		if err != nil {
			return res, err
		}
		im.fresh = !logged
		a.useRuns = im.fresh
	}
	// Changes are read a window ahead, so that whether their records are
	// known is asked in a few queries per window (prefetchKnown) rather than
	// one per record, and on a goroutine of their own (readAhead), so that
	// decoding the bundle overlaps applying it. The windows bound memory.
	ra := startReadAhead(ctx, src.Next)
	defer ra.close()
	for {
		w, err := ra.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportResult{}, err
		}
		if err := a.prefetchKnown(w.changes); err != nil {
			return ImportResult{}, err
		}
		for i, c := range w.changes {
			if err := ctx.Err(); err != nil {
				return ImportResult{}, err
			}
			a.pre = &w.prep[i] // consumed by applyLogged
			err := im.change(c, &res)
			a.pre = nil
			if err != nil {
				return ImportResult{}, err
			}
			if len(a.statsDirty) >= spillDirtyAt {
				if err := a.spillDirty(); err != nil {
					return ImportResult{}, err
				}
			}
			res.Read++
			if progress != nil && res.Read%2000 == 0 {
				progress(res.Read)
			}
		}
	}
	if meta.Hash == "" {
		// Read in one pass: the checksum is known only now. The key is
		// looked up inside the transaction, as above.
		if meta.Hash = src.Sum(); !strings.HasPrefix(meta.Hash, meta.HashPrefix) {
			return ImportResult{}, &ChecksumMismatchError{Want: meta.HashPrefix, Got: meta.Hash}
		}
		status, err := bundleStatus(tx, meta)
		if err != nil {
			return ImportResult{}, err
		}
		switch status {
		case statusSame: // imported meanwhile: undo the work, which changed nothing
			return ImportResult{AlreadyImported: true}, nil
		case statusOtherHash:
			res.SameKeyOtherHash = true
		}
	}
	if err := im.flush(); err != nil {
		return ImportResult{}, err
	}
	if err := a.finish(); err != nil {
		return ImportResult{}, err
	}
	st, reason := BundleImported, ""
	if res.SameKeyOtherHash && res.Clones == 0 {
		// Every change was one this device holds, or the same with an
		// erased value: its author rewrote the bundle after an erasure.
		res.SameKeyOtherHash, res.Rewritten = false, true
	}
	if res.SameKeyOtherHash {
		st, reason = BundleQuarantined, ReasonSameKeyOtherHash
	}
	if err := recordBundle(tx, meta, st, reason, "", res.Read, im.now); err != nil {
		return ImportResult{}, err
	}
	newDevice := ""
	if im.ownCloned {
		// Another installation writes under our id: from now on this one
		// writes under a fresh id, and keeps exporting the old id's changes.
		id, err := uuid.NewV7()
		if err != nil {
			return ImportResult{}, err
		}
		newDevice = id.String()
		if err := setLocal(tx, localDevice, newDevice); err != nil {
			return ImportResult{}, err
		}
		if err := setLocal(tx, localRetiredPrefix+own, fmt.Sprint(im.now)); err != nil {
			return ImportResult{}, err
		}
	}
	if err := setLocal(tx, localLastHLC, e.clock.Last().String()); err != nil {
		return ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, err
	}
	e.committed(true)
	if a.erasedAny {
		// Best effort: committed already; sync purges again before it
		// reports the erasure complete.
		_ = e.purge()
	}
	if newDevice != "" {
		e.device.Store(&newDevice)
		e.nextSeq = 1
		res.NewDeviceID = newDevice
	} else if im.maxOwnSeq >= e.nextSeq {
		// Our own changes came back (a database restored from a backup):
		// never hand out their numbers again.
		e.nextSeq = im.maxOwnSeq + 1
	}
	if progress != nil {
		progress(res.Read)
	}
	return res, nil
}

// importWindow is how many changes an import reads ahead.
const importWindow = 512

// importer applies one bundle's changes through the applier, recognising
// duplicates and clones.
type importer struct {
	a         *applier
	own       string
	now       int64
	fresh     bool // no change of this bundle's range is in the log yet
	ownCloned bool
	maxOwnSeq uint64
}

func (im *importer) change(c Change, res *ImportResult) error {
	if c.Device == "" || c.Seq == 0 || c.ID == "" {
		return errors.New("import: change without device, sequence or id")
	}
	if c.Seq > MaxSeq {
		return &SeqRangeError{c.Device, c.Seq}
	}
	if c.Device == im.own {
		im.maxOwnSeq = max(im.maxOwnSeq, c.Seq)
	}
	if im.a.erased.blank(&c) {
		im.a.pre = nil // worked out for the value it no longer has
	}
	if !im.fresh {
		dup, err := im.logged(c, res)
		if err != nil || dup {
			return err
		}
	} else if err := im.a.logChange(c); err != nil {
		return err
	}
	r, err := im.a.applyLogged(c)
	res.add(r)
	return err
}

// logged inserts c into the log, or, when its (device, seq) is taken, tells
// a duplicate (true) from a clone, which it keeps under a derived device id.
func (im *importer) logged(c Change, res *ImportResult) (dup bool, err error) {
	old, inRun, err := im.a.runLogged(c.Device, c.Seq)
	if err != nil {
		return false, err
	}
	if !inRun {
		ins, err := im.a.exec(sqlInsertChange,
			c.Device, int64(c.Seq), int64(c.HLC), int64(c.Base), c.Entity, c.ID, c.Field, c.Value)
		if err != nil {
			return false, err
		}
		if n, _ := ins.RowsAffected(); n == 1 {
			return false, nil
		}
		var h, b int64
		if err := im.a.tx.QueryRow(`SELECT hlc, base, entity, id, field, value FROM changes WHERE device = ? AND seq = ?`,
			c.Device, int64(c.Seq)).Scan(&h, &b, &old.Entity, &old.ID, &old.Field, &old.Value); err != nil {
			return false, err
		}
		old.Device, old.Seq, old.HLC, old.Base = c.Device, c.Seq, hlc.Timestamp(h), hlc.Timestamp(b)
	}
	if old == c || erasedRewrite(old, c) {
		res.Duplicates++
		return true, nil
	}
	// The same (device, seq) with other content: two installations share a
	// device id. Keep this one too, under a name of its own.
	orig := c.Device
	c.Device = CloneDevice(c)
	if _, err := im.a.exec(`INSERT OR IGNORE INTO sync_clones(device, seq, derived, found_at) VALUES(?,?,?,?)`,
		orig, int64(c.Seq), c.Device, im.now); err != nil {
		return false, err
	}
	if orig == im.own {
		im.ownCloned = true
	}
	if _, inRun, err := im.a.runLogged(c.Device, c.Seq); err != nil || inRun {
		if inRun {
			res.Duplicates++ // this clone was rescued before
		}
		return inRun, err
	}
	ins, err := im.a.exec(sqlInsertChange,
		c.Device, int64(c.Seq), int64(c.HLC), int64(c.Base), c.Entity, c.ID, c.Field, c.Value)
	if err != nil {
		return false, err
	}
	if n, _ := ins.RowsAffected(); n == 0 {
		res.Duplicates++ // this clone was rescued before
		return true, nil
	}
	res.Clones++
	r, err := im.a.applyLogged(c)
	res.add(r)
	return true, err
}

func (im *importer) flush() error { return im.a.flushLog() }
