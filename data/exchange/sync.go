package exchange

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	gosync "sync"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// running serialises syncs in one process (the app's automatic sync and a
// "Sync now" click); lockDatabase does it between processes.
var running gosync.Mutex

// fileKey is what a bundle's place in the folder names: device, first seq
// and checksum prefix. A file whose key is known is not opened again, which
// keeps a sync with nothing new fast however many bundles the folder holds.
type fileKey struct {
	device string
	first  uint64
	hash   string
}

type candidate struct {
	path string
	exp  expectation
	size int64
	mod  int64
}

// Sync exchanges changes with a shared folder: it imports bundles found in
// this device's own directories that it did not write (a cloned
// installation, or its own bundle from before a crash), then every unseen
// bundle of every other device, in seq order per device, each in one
// transaction; moves records of merged organisations (RehomeMerged); and
// last writes this device's new changes, those moves included, as a bundle
// into its own directory. It never deletes anything. A missing, unreadable
// or wiped folder stops it with an *Error; problems with single files are
// reported in Result.Files and the rest goes on, and a folder it cannot
// write into in Result.NotWritten (the sync was partial).
func Sync(ctx context.Context, st *data.Store, folder string, opt Options) (Result, error) {
	running.Lock()
	defer running.Unlock()
	opt.fill()
	res := Result{Device: st.DeviceID(), Written: []BundleInfo{}, Imported: []BundleInfo{}, Files: []FileReport{}, Gaps: []Gap{}}
	unlock, err := lockDatabase(ctx, st, opt.Waiting)
	if err != nil {
		return res, err
	}
	defer unlock()
	abs, err := filepath.Abs(folder)
	if err != nil {
		return res, &Error{Code: CodeFolderMissing, Path: folder, Err: err}
	}
	if err := checkFolder(abs); err != nil {
		return res, err
	}
	root := devicesRoot(abs)
	own, err := st.OwnDevices(ctx)
	if err != nil {
		return res, err
	}
	if opt.Reseed {
		if err := st.ForgetWritten(ctx, abs); err != nil {
			return res, err
		}
	} else if wrote, err := st.WroteTo(ctx, abs); err != nil {
		return res, err
	} else if wrote && !hasBundles(root, own) {
		// We wrote here before and our bundles are gone: the folder was
		// wiped, replaced or not mounted. Writing now would hide that.
		return res, &Error{Code: CodeFolderEmptied, Path: abs}
	}

	if opt.crypt, err = loadCrypt(ctx, st, opt); err != nil {
		return res, err
	}
	s := &syncer{st: st, folder: abs, opt: opt, res: &res, seen: map[fileKey]string{}, ranges: map[string][]span{}}
	if err := s.loadState(ctx); err != nil {
		return res, err
	}
	mine, others, err := s.scan(root, own)
	if err != nil {
		return res, err
	}
	s.prog = newProgress(opt.Progress)
	for _, c := range append(slices.Clone(mine), others...) {
		s.prog.addTotal(c.path, opt)
	}
	for _, c := range mine {
		if err := s.importOne(ctx, c, true); err != nil {
			return res, err
		}
	}
	for _, c := range others {
		if err := s.importOne(ctx, c, false); err != nil {
			return res, err
		}
	}
	if err := st.ClearPending(ctx, s.gone()...); err != nil {
		return res, err
	}
	if err := rehome(ctx, st, &res); err != nil {
		return res, err
	}
	if err := s.completeErasures(ctx); err != nil {
		return res, err
	}
	// Written last, so the records the imports moved onto a merged
	// organisation's survivor reach the others with this sync, not the next.
	if err := s.writeOwn(ctx); err != nil {
		return res, err
	}
	res.Gaps = s.gaps(own)
	res.countLocked()
	res.Device = st.DeviceID()
	return res, nil
}

// rehome moves records made offline for an organisation that was merged
// meanwhile onto the one it was merged into: every import path does it, so
// the app, the command line and tests all end alike.
func rehome(ctx context.Context, st *data.Store, res *Result) error {
	if len(res.Imported) == 0 {
		return nil
	}
	n, err := st.RehomeMerged(ctx)
	res.Rehomed = n
	return err
}

// checkFolder refuses a folder that is not there: a USB stick not plugged
// in or a network share not mounted must not look like an empty folder.
func checkFolder(abs string) error {
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Code: CodeFolderMissing, Path: abs}
	case err != nil:
		return &Error{Code: CodeFolderUnreadable, Path: abs, Err: err}
	case !fi.IsDir():
		return &Error{Code: CodeFolderNotDir, Path: abs}
	}
	return nil
}

// hasBundles reports whether any of the devices' directories holds a bundle.
func hasBundles(root string, devices []string) bool {
	for _, d := range devices {
		entries, _ := os.ReadDir(filepath.Join(root, d))
		for _, e := range entries {
			if _, why := parseName(e.Name()); why == "" {
				return true
			}
		}
	}
	return false
}

// span is a seq range of one device's log bundles seen.
type span struct{ first, last uint64 }

type syncer struct {
	st      *data.Store
	folder  string
	opt     Options
	res     *Result
	prog    *progress
	seen    map[fileKey]string // status of bundles imported, written or quarantined
	ranges  map[string][]span  // log ranges seen, per device, for the gap report
	pending map[string]data.PendingFile
	present map[string]bool // pending files still in the folder
}

func (s *syncer) loadState(ctx context.Context) error {
	recs, err := s.st.Bundles(ctx)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if r.Kind != bundle.KindLog || len(r.Hash) < bundle.HashPrefixLen {
			continue
		}
		k := fileKey{r.Device, r.FirstSeq, r.Hash[:bundle.HashPrefixLen]}
		if old, ok := s.seen[k]; !ok || old == changelog.BundleQuarantined {
			s.seen[k] = r.Status
		}
		if r.Status != changelog.BundleQuarantined {
			s.ranges[r.Device] = append(s.ranges[r.Device], span{r.FirstSeq, r.LastSeq})
		}
	}
	s.pending, err = s.st.PendingFiles(ctx)
	s.present = map[string]bool{}
	return err
}

// scan lists the device directories: bundles to import (own directories
// apart), and a report for everything else.
func (s *syncer) scan(root string, own []string) (mine, others []candidate, err error) {
	dirs, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil // a new folder: nothing to import yet
	}
	if err != nil {
		return nil, nil, &Error{Code: CodeFolderUnreadable, Path: root, Err: err}
	}
	for _, d := range dirs {
		dpath := filepath.Join(root, d.Name())
		if !d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			s.report(dpath, ActionIgnored, ignoreReason(d.Name()), "")
			continue
		}
		files, err := os.ReadDir(dpath)
		if err != nil {
			s.report(dpath, ActionPending, ReasonUnreadable, err.Error())
			continue
		}
		isOwn := slices.Contains(own, d.Name())
		for _, f := range files {
			name := f.Name()
			path := filepath.Join(dpath, name)
			if name == DeviceFile {
				s.checkDeviceFile(path, d.Name())
				continue
			}
			pn, why := parseName(name)
			if why == "" && f.IsDir() {
				why = ReasonUnknownFile
			} else if why == "" && regular.Check(path, f) != nil {
				why = ReasonNotRegular // a FIFO would block the read for ever
			}
			if why != "" {
				s.report(path, ActionIgnored, why, "")
				continue
			}
			if st, ok := s.seen[fileKey{d.Name(), pn.first, pn.hash}]; ok {
				if st == changelog.BundleQuarantined {
					s.report(path, ActionQuarantined, ReasonSameKeyOtherHash, "")
				} else {
					s.res.Skipped++
				}
				continue
			}
			info, err := f.Info()
			if err != nil {
				continue // gone since the listing
			}
			c := candidate{path: path, exp: expectation{device: d.Name(), name: pn}, size: info.Size(), mod: info.ModTime().UnixNano()}
			if p, ok := s.pending[path]; ok {
				s.present[path] = true
				if !retryAlways(p.Reason) && p.Size == c.size && p.MTime == c.mod {
					// Unchanged since it failed: it would fail the same way.
					s.report(path, failedAction(p.Reason), p.Reason, "")
					continue
				}
			}
			if isOwn {
				mine = append(mine, c)
			} else {
				others = append(others, c)
			}
		}
	}
	order := func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.exp.device, b.exp.device), cmp.Compare(a.exp.name.first, b.exp.name.first),
			cmp.Compare(a.exp.name.hash, b.exp.name.hash))
	}
	slices.SortFunc(mine, order)
	slices.SortFunc(others, order)
	return mine, others, nil
}

func (s *syncer) report(path, action, reason, detail string) {
	s.res.Files = append(s.res.Files, FileReport{Path: path, Action: action, Reason: reason, Detail: detail})
}

// importOne imports one bundle of the folder and remembers the outcome.
func (s *syncer) importOne(ctx context.Context, c candidate, ownDir bool) error {
	out, err := importFile(ctx, s.st, c.path, &c.exp, s.opt, s.prog.step)
	if err != nil {
		return err
	}
	s.prog.finish()
	if out.failed {
		s.present[c.path] = true
		if err := s.st.SetPending(ctx, data.PendingFile{Path: c.path, Size: c.size, MTime: c.mod, Reason: out.report.Reason}); err != nil {
			return err
		}
	} else {
		delete(s.present, c.path)
		if _, was := s.pending[c.path]; was {
			if err := s.st.ClearPending(ctx, c.path); err != nil {
				return err
			}
		}
	}
	if !collect(s.res, c.path, out) {
		return nil
	}
	h := out.header
	if out.report == nil {
		s.ranges[h.Device] = append(s.ranges[h.Device], span{h.FirstSeq, h.LastSeq})
		if err := s.opt.crypt.pin(ctx, s.st, h); err != nil {
			return err
		}
	}
	if ownDir && out.report == nil && out.imported.Clones == 0 {
		// Our own bundle that we had not recorded (the process stopped
		// between the rename and the record): adopt it, so it is not
		// written again.
		meta := changelog.BundleMeta{Device: h.Device, FirstSeq: h.FirstSeq, LastSeq: h.LastSeq, Hash: out.sum,
			Kind: h.Kind, File: c.path, Count: h.Count}
		return s.st.RecordWritten(ctx, meta, s.folder)
	}
	return nil
}

// writeOwn writes the new changes of this device (and of ids it wrote under
// before a clone was found), and its device.json. A folder it cannot write
// into does not stop the sync: what could be imported was, and the result
// says what was not written (the next sync that can writes it).
func (s *syncer) writeOwn(ctx context.Context) error {
	own, err := s.st.OwnDevices(ctx)
	if err != nil {
		return err
	}
	root := devicesRoot(s.folder)
	for _, dev := range own {
		w, err := writeOwn(ctx, s.st, s.folder, dev, s.opt)
		s.res.Written = append(s.res.Written, w...)
		if pub := s.opt.crypt.publicKey(); pub != "" && len(w) > 0 {
			// Our own key, as the others will pin it.
			if err := s.opt.crypt.pin(ctx, s.st, bundle.Header{Device: dev, FirstSeq: w[0].FirstSeq, Signer: pub}); err != nil {
				return err
			}
		}
		if err != nil {
			return s.notWritten(err, ReasonChangesNotWritten, filepath.Join(root, dev))
		}
	}
	err = writeDeviceInfo(s.st, s.folder, own[0], s.opt)
	return s.notWritten(err, ReasonDeviceNotWritten, filepath.Join(root, own[0], DeviceFile))
}

// notWritten reports a folder that cannot be written (Result.NotWritten)
// and lets the sync finish; any other error stops it.
func (s *syncer) notWritten(err error, reason, path string) error {
	var e *Error
	if err == nil || !errors.As(err, &e) || e.Code != CodeFolderUnwritable {
		return err
	}
	s.res.NotWritten = &FileReport{Path: path, Action: ActionNotWritten, Reason: reason, Detail: e.Error()}
	return nil
}

// gone lists remembered failed files that are no longer in the folder.
func (s *syncer) gone() []string {
	var out []string
	for p := range s.pending {
		if !s.present[p] && strings.HasPrefix(p, s.folder+string(filepath.Separator)) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// gaps lists, per other device, the seq ranges below its newest bundle that
// no bundle seen has covered.
func (s *syncer) gaps(own []string) []Gap {
	out := []Gap{}
	devs := make([]string, 0, len(s.ranges))
	for d := range s.ranges {
		if !slices.Contains(own, d) {
			devs = append(devs, d)
		}
	}
	slices.Sort(devs)
	for _, d := range devs {
		spans := s.ranges[d]
		slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.first, b.first) })
		next := uint64(1)
		for _, sp := range spans {
			if sp.first > next {
				out = append(out, Gap{Device: d, From: next, To: sp.first - 1})
			}
			next = max(next, sp.last+1)
		}
	}
	return out
}
