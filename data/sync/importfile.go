package sync

import (
	"context"
	"fmt"
	"io"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/sync/bundle"
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
	imported data.ImportResult
	done     bool // the import transaction committed
	report   *FileReport
}

// importFile checks a bundle whole (header, every record, checksum, and that
// it is what its name and directory say) before opening a transaction, then
// imports it in one transaction, streaming. A file that fails is reported,
// never applied in part.
func importFile(ctx context.Context, st *data.Store, path string, exp *expectation, opt Options, progress func(int)) (fileOutcome, error) {
	var out fileOutcome
	pending := func(err error) (fileOutcome, error) {
		out.report = &FileReport{Path: path, Action: ActionPending, Reason: fileReason(err), Detail: err.Error()}
		return out, nil
	}
	f, err := opt.Open(path)
	if err != nil {
		return pending(err)
	}
	h, sum, err := bundle.Verify(f)
	f.Close()
	if err != nil {
		return pending(err)
	}
	out.header, out.sum = h, sum
	if exp != nil {
		var why string
		switch {
		case h.Kind != bundle.KindLog:
			why = "an export in a device directory"
		case h.Device != exp.device:
			why = fmt.Sprintf("device %s in the directory of %s", h.Device, exp.device)
		case h.FirstSeq != exp.name.first:
			why = fmt.Sprintf("named for seq %d, starts at %d", exp.name.first, h.FirstSeq)
		case sum[:bundle.HashPrefixLen] != exp.name.hash:
			why = "named for other content"
		}
		if why != "" {
			out.report = &FileReport{Path: path, Action: ActionQuarantined, Reason: ReasonNameMismatch, Detail: why}
			return out, nil
		}
	}
	// Second pass: stream into one transaction. The reader checks everything
	// again, so a file that changed in between still cannot apply in part.
	f, err = opt.Open(path)
	if err != nil {
		return pending(err)
	}
	defer f.Close()
	r, err := bundle.NewReader(f)
	if err != nil {
		return pending(err)
	}
	meta := data.BundleMeta{Device: h.Device, FirstSeq: h.FirstSeq, LastSeq: h.LastSeq, Hash: sum, Kind: h.Kind, File: path, Count: h.Count}
	var readErr error
	next := func() (data.Change, error) {
		c, err := r.Next()
		if err != nil && err != io.EOF {
			readErr = err
		}
		return c, err
	}
	res, err := st.ImportChanges(ctx, meta, next, progress)
	if err != nil {
		if readErr != nil && ctx.Err() == nil {
			return pending(readErr) // the file failed while streaming: rolled back, retried later
		}
		return out, err // the database or the context: stop here
	}
	out.imported, out.done = res, true
	if res.SameKeyOtherHash {
		out.report = &FileReport{Path: path, Action: ActionQuarantined, Reason: ReasonSameKeyOtherHash,
			Detail: fmt.Sprintf("%s %d..%d", h.Device, h.FirstSeq, h.LastSeq)}
	}
	return out, nil
}

// ImportFiles imports bundle files given by the user (exports from e-mail or
// a USB stick, or bundles copied by hand), each in one transaction. Importing
// a file again does nothing. Files that cannot be imported are reported in
// Result.Files; the error is only for a failing database or a cancelled
// context.
func ImportFiles(ctx context.Context, st *data.Store, paths []string, opt Options) (Result, error) {
	opt.fill()
	res := Result{Device: st.DeviceID(), Written: []BundleInfo{}, Imported: []BundleInfo{}, Files: []FileReport{}, Gaps: []Gap{}}
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
	f, err := opt.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	r, err := bundle.NewReader(f)
	if err != nil {
		return 0, false
	}
	return int64(r.Header().Count), true
}
