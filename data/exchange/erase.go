package exchange

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// completeErasures finishes, on this device, every erasure it has applied
// but not yet reported complete: each of its own bundles in the folder that
// held an erased value is written again from the log (where the values are
// blank now) under its new checksum's name, and the old file removed — the
// only files a device ever removes besides its temporary ones, and only in
// its own directory; then the backups (Options.EraseBackups), the database
// files (Store.PurgeErased), and last the synced report that this device is
// done, which the write step that follows carries to the others.
func (s *syncer) completeErasures(ctx context.Context) error {
	erasures, err := s.st.Erasures(ctx)
	if err != nil {
		return err
	}
	me := s.st.DeviceID()
	var todo []changelog.Erasure
	for _, e := range erasures {
		if !e.DoneBy(me) {
			todo = append(todo, e)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	own, err := s.st.OwnDevices(ctx)
	if err != nil {
		return err
	}
	written, err := s.st.Bundles(ctx)
	if err != nil {
		return err
	}
	for _, dev := range own {
		seqs, err := s.st.ErasedSeqs(ctx, dev, todo)
		if err != nil {
			return err
		}
		for _, b := range written {
			if b.Device != dev || b.Status != changelog.BundleWritten || b.Folder != s.folder || !holdsAny(seqs, b.FirstSeq, b.LastSeq) {
				continue
			}
			if err := s.rewrite(ctx, b.BundleMeta); err != nil {
				// Not complete: tried again at the next sync.
				return s.notWritten(err, ReasonChangesNotWritten, filepath.Join(devicesRoot(s.folder), dev))
			}
			s.res.Rewritten++
		}
	}
	if s.opt.EraseBackups != nil {
		if err := s.opt.EraseBackups(ctx, todo); err != nil {
			return err
		}
	}
	if err := s.st.PurgeErased(ctx); err != nil {
		return err
	}
	s.res.ErasuresCompleted = len(todo)
	return s.st.RecordErasuresDone(ctx, todo)
}

// holdsAny reports whether a seq of the sorted seqs lies in first..last.
func holdsAny(seqs []uint64, first, last uint64) bool {
	i, _ := slices.BinarySearch(seqs, first)
	return i < len(seqs) && seqs[i] <= last
}

// rewrite writes this device's bundle old again from the log, records it
// and removes the old file. The range, and so every change's (device, seq),
// stays, and so does the envelope: a bundle written plain before this
// device joined a team stays plain, since the others take a plain bundle
// numbered after the first one a device signed for a forgery (docs/sync.md,
// "Signatures"); an encrypted one is encrypted and signed as this device
// writes now.
func (s *syncer) rewrite(ctx context.Context, old changelog.BundleMeta) error {
	dir := filepath.Join(devicesRoot(s.folder), old.Device)
	oldPath := filepath.Join(dir, BundleName(old.FirstSeq, old.Hash))
	count := old.LastSeq - old.FirstSeq + 1
	h := bundle.Header{Kind: bundle.KindLog, Device: old.Device, FirstSeq: old.FirstSeq, LastSeq: old.LastSeq,
		Count: count, Created: s.opt.Now().UTC(), App: s.opt.App}
	seal := s.opt.crypt.seal()
	if wasPlain(oldPath) {
		seal = nil
	}
	name, sum, err := writeFile(dir, h, s.st.LogRange(ctx, old.Device, old.FirstSeq, old.LastSeq), s.opt, seal,
		func(sum string) string { return BundleName(old.FirstSeq, sum) })
	if err != nil {
		return err
	}
	m := changelog.BundleMeta{Device: old.Device, FirstSeq: old.FirstSeq, LastSeq: old.LastSeq, Hash: sum,
		Kind: bundle.KindLog, File: name, Count: count}
	if err := s.st.ReplaceWritten(ctx, old, m, s.folder); err != nil {
		return err
	}
	if sum == old.Hash {
		return nil
	}
	err = os.Remove(oldPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return unwritable(dir, err)
	}
	return nil
}

// wasPlain reports whether the bundle file at path has the plain envelope
// (byte 9 is 0); a file that cannot be read counts as not plain.
func wasPlain(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [10]byte
	_, err = io.ReadFull(f, head[:])
	return err == nil && head[9] == 0
}

// ErasureState is how far one erasure has come: on how many of the devices
// that write into the shared folder it is complete.
type ErasureState struct {
	Entity, ID string
	At         time.Time // when it was made
	Done       int       // devices that report it complete
	Devices    int       // devices with a directory in the folder (at least Done)
}

// ErasureStates says, for every erasure st has applied, on how many of the
// folder's devices it is complete. A device counts once it has written into
// the folder; an id a device no longer writes under (retired after a
// restore or a clone) counts as well, so the figure errs on "not yet".
func ErasureStates(ctx context.Context, st interface {
	Erasures(context.Context) ([]changelog.Erasure, error)
	DeviceID() string
}, folder string) ([]ErasureState, error) {
	er, err := st.Erasures(ctx)
	if err != nil || len(er) == 0 {
		return nil, err
	}
	devices := map[string]bool{st.DeviceID(): true} // this one, also before it first wrote there
	if folder != "" {
		entries, _ := os.ReadDir(devicesRoot(folder))
		for _, e := range entries {
			if e.IsDir() {
				devices[e.Name()] = true
			}
		}
	}
	out := make([]ErasureState, len(er))
	for i, e := range er {
		all := len(devices)
		for _, d := range e.Done {
			if !devices[d] {
				all++ // done, but not in this folder
			}
		}
		out[i] = ErasureState{Entity: e.Entity, ID: e.ID, At: e.HLC.Time(), Done: len(e.Done), Devices: all}
	}
	return out, nil
}
