package exchange

import (
	"context"
	"errors"
	"fmt"
	"io"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// expectation is what a bundle's place in the folder says about it; nil for
// a file given by the user.
type expectation struct {
	device string
	name   parsedName
}

// fileOutcome is what importing one file did: an import, or a report.
type fileOutcome struct {
	header   bundle.Header
	sum      string
	imported changelog.ImportResult
	done     bool // the import transaction committed
	report   *FileReport
	failed   bool // the file could not be imported: remembered, not read again until it changes
}

// importFile imports one bundle file in one transaction, streaming, and
// checks it whole on the way (header, every record, count, checksum, and that
// it is what its name and directory say); a file that fails is reported,
// never applied in part: the transaction is rolled back.
//
// Normally the file is read once, applied as it is read, and its checksum
// proved at the end, before commit. A bundle whose key (device, seq range)
// was seen before, or whose header does not match its place, is first
// verified whole and then imported (two passes), so a duplicate is not
// applied just to be rolled back, and a damaged file is reported as damaged
// before it is reported as misplaced.
func importFile(ctx context.Context, st *data.Store, path string, exp *expectation, opt Options, progress func(int)) (fileOutcome, error) {
	f, r, err := openBundle(path, opt)
	if err != nil {
		return pendingOutcome(path, err), nil
	}
	defer f.Close()
	h := r.Header()
	if why := opt.crypt.signerProblem(h, r.Envelope()); exp != nil && why != "" {
		// Not signed as the device it names was first seen signing.
		return fileOutcome{header: h, failed: true, report: &FileReport{Path: path, Action: ActionQuarantined, Reason: why,
			Detail: h.Device}}, nil
	}
	if exp != nil && headerMismatch(h, exp) != "" {
		return importFileVerified(ctx, st, path, exp, opt, progress)
	}
	if known, err := st.BundleKeyKnown(ctx, h.Device, h.FirstSeq, h.LastSeq); err != nil {
		return fileOutcome{}, err
	} else if known {
		return importFileVerified(ctx, st, path, exp, opt, progress)
	}
	// Read in one pass: the store takes the checksum from the reader at the
	// end, and refuses it unless it begins as the file's name says.
	meta := changelog.BundleMeta{Device: h.Device, FirstSeq: h.FirstSeq, LastSeq: h.LastSeq,
		Kind: h.Kind, File: path, Count: h.Count}
	if exp != nil {
		meta.HashPrefix = exp.name.hash
	}
	return importStream(ctx, st, path, r, meta, progress)
}

// importFileVerified is importFile in two passes: verify the whole file,
// check it against its place, then stream it into one transaction.
func importFileVerified(ctx context.Context, st *data.Store, path string, exp *expectation, opt Options, progress func(int)) (fileOutcome, error) {
	var out fileOutcome
	vf, err := opt.Open(path)
	if err != nil {
		return pendingOutcome(path, err), nil
	}
	h, sum, err := bundle.VerifyWith(vf, opt.crypt.bundleKeys())
	vf.Close()
	if err != nil {
		return pendingOutcome(path, err), nil
	}
	out.header, out.sum = h, sum
	if exp != nil {
		why := headerMismatch(h, exp)
		if why == "" && sum[:bundle.HashPrefixLen] != exp.name.hash {
			why = "named for other content"
		}
		if why != "" {
			out.report = &FileReport{Path: path, Action: ActionQuarantined, Reason: ReasonNameMismatch, Detail: why}
			return out, nil
		}
	}
	// Second pass: stream into one transaction. The reader checks everything
	// again, so a file that changed in between still cannot apply in part.
	f, r, err := openBundle(path, opt)
	if err != nil {
		return pendingOutcome(path, err), nil
	}
	defer f.Close()
	meta := changelog.BundleMeta{Device: h.Device, FirstSeq: h.FirstSeq, LastSeq: h.LastSeq, Hash: sum, Kind: h.Kind, File: path, Count: h.Count}
	return importStream(ctx, st, path, r, meta, progress)
}

// importStream applies the changes r reads in one transaction.
func importStream(ctx context.Context, st *data.Store, path string, r *bundle.Reader, meta changelog.BundleMeta, progress func(int)) (fileOutcome, error) {
	var out fileOutcome
	h := r.Header()
	res, err := st.ImportChanges(ctx, meta, r, progress)
	if err != nil {
		var mismatch *changelog.ChecksumMismatchError
		var readErr *changelog.BundleReadError
		if errors.As(err, &mismatch) {
			// Sound, but not what its name says: rolled back, quarantined.
			out.header, out.sum = h, mismatch.Got
			out.report = &FileReport{Path: path, Action: ActionQuarantined, Reason: ReasonNameMismatch, Detail: "named for other content"}
			return out, nil
		}
		if errors.As(err, &readErr) && ctx.Err() == nil {
			return pendingOutcome(path, readErr.Err), nil // the file failed while streaming: rolled back, retried later
		}
		if fileFault(ctx, err) {
			return pendingOutcome(path, &refusedError{err}), nil // rolled back; the other files go on
		}
		return out, err // this computer's database or the context: stop here
	}
	out.header, out.sum = h, meta.Hash
	if meta.Hash == "" {
		out.sum = r.Sum()
	}
	out.imported, out.done = res, true
	if res.SameKeyOtherHash {
		out.report = &FileReport{Path: path, Action: ActionQuarantined, Reason: ReasonSameKeyOtherHash,
			Detail: fmt.Sprintf("%s %d..%d", h.Device, h.FirstSeq, h.LastSeq)}
	}
	return out, nil
}

// headerMismatch says how a bundle's header contradicts its place ("" if not).
func headerMismatch(h bundle.Header, exp *expectation) string {
	switch {
	case h.Kind != bundle.KindLog:
		return "an export in a device directory"
	case h.Device != exp.device:
		return fmt.Sprintf("device %s in the directory of %s", h.Device, exp.device)
	case h.FirstSeq != exp.name.first:
		return fmt.Sprintf("named for seq %d, starts at %d", exp.name.first, h.FirstSeq)
	}
	return ""
}

// pendingOutcome is a file that failed: reported, and remembered as failed.
func pendingOutcome(path string, err error) fileOutcome {
	reason := fileReason(err)
	return fileOutcome{failed: true, report: &FileReport{Path: path, Action: failedAction(reason), Reason: reason, Detail: err.Error()}}
}

// ImportFiles imports bundle files given by the user (exports from e-mail or
// a USB stick, or bundles copied by hand), each in one transaction. Importing
// a file again does nothing. Files that cannot be imported are reported in
// Result.Files; the error is only for a failing database or a cancelled
// context.
func ImportFiles(ctx context.Context, st *data.Store, paths []string, opt Options) (Result, error) {
	opt.fill()
	res := Result{Device: st.DeviceID(), Written: []BundleInfo{}, Imported: []BundleInfo{}, Files: []FileReport{}, Gaps: []Gap{}}
	var err error
	if opt.crypt, err = loadCrypt(ctx, st, opt); err != nil {
		return res, err
	}
	prog := newProgress(opt.Progress)
	for _, p := range paths {
		prog.addTotal(p, opt)
	}
	for _, p := range paths {
		out, err := importFile(ctx, st, p, nil, opt, prog.step)
		if err != nil {
			return res, err
		}
		prog.finish()
		collect(&res, p, out)
	}
	if err := rehome(ctx, st, &res); err != nil {
		return res, err
	}
	res.countLocked()
	res.Device = st.DeviceID()
	return res, nil
}

// collect adds one file's outcome to the result; false when not imported.
func collect(res *Result, path string, out fileOutcome) bool {
	if out.report != nil {
		res.Files = append(res.Files, *out.report)
	}
	if !out.done {
		return false
	}
	if out.imported.AlreadyImported {
		res.Skipped++
		return false
	}
	res.addImport(out.imported)
	res.Imported = append(res.Imported, BundleInfo{Device: out.header.Device, FirstSeq: out.header.FirstSeq,
		LastSeq: out.header.LastSeq, Changes: out.imported.Read, File: path})
	return true
}

// headerCount reads the change count a bundle announces (for progress).
func headerCount(path string, opt Options) (int64, bool) {
	f, r, err := openBundle(path, opt)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	return int64(r.Header().Count), true
}

// openFile is the default Options.Open: a regular file only, opened without
// blocking, so a FIFO or a device under a bundle's name cannot hang a sync.
func openFile(path string) (io.ReadCloser, error) { return regular.Open(path) }

// openBundle opens a bundle file and reads its header; the caller closes
// the file (on an error it is closed already).
func openBundle(path string, opt Options) (io.Closer, *bundle.Reader, error) {
	f, err := opt.Open(path)
	if err != nil {
		return nil, nil, err
	}
	r, err := bundle.Open(f, opt.crypt.bundleKeys())
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, r, nil
}
