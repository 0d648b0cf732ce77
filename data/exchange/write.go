package exchange

import (
	"context"
	"io"
	"iter"
	"os"
	"path/filepath"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/atomicfile"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// writeOwn writes device's changes after what this installation already
// wrote into folder, as one log bundle per contiguous run (normally one).
func writeOwn(ctx context.Context, st *data.Store, folder, device string, opt Options) ([]BundleInfo, error) {
	dir := filepath.Join(devicesRoot(folder), device)
	var out []BundleInfo
	for {
		after, err := st.ExportedSeq(ctx, device, folder)
		if err != nil {
			return out, err
		}
		var info data.LogInfo
		var written BundleInfo
		err = st.ChangeLog(ctx, device, after, func(li data.LogInfo, changes iter.Seq2[changelog.Change, error]) error {
			info = li
			if li.Count == 0 {
				return nil
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return unwritable(dir, err)
			}
			h := bundle.Header{Kind: bundle.KindLog, Device: device, FirstSeq: li.FirstSeq, LastSeq: li.LastSeq,
				Count: li.Count, Created: opt.Now().UTC(), App: opt.App}
			name, sum, err := writeFile(dir, h, changes, opt, opt.crypt.seal(), func(sum string) string { return BundleName(li.FirstSeq, sum) })
			if err != nil {
				return err
			}
			meta := changelog.BundleMeta{Device: device, FirstSeq: li.FirstSeq, LastSeq: li.LastSeq, Hash: sum,
				Kind: bundle.KindLog, File: name, Count: li.Count}
			written = BundleInfo{Device: device, FirstSeq: li.FirstSeq, LastSeq: li.LastSeq, Changes: int(li.Count), File: name}
			return st.RecordWritten(ctx, meta, folder)
		})
		if err != nil {
			return out, err
		}
		if info.Count == 0 {
			return out, nil
		}
		out = append(out, written)
		if !info.More {
			return out, nil
		}
	}
}

// writeFile streams a bundle into dir under a temporary name, makes it
// durable, and renames it to its final name, which depends on the checksum
// (atomicfile): a reader never sees a half-written bundle under a bundle name.
//
// Every failure of the folder (cannot create, write, sync or rename: a
// read-only folder, a full disk) is an *Error with CodeFolderUnwritable;
// any other error comes from reading the changes (the database).
func writeFile(dir string, h bundle.Header, changes iter.Seq2[changelog.Change, error], opt Options, seal *bundle.Seal, name func(sum string) string) (string, string, error) {
	p, err := atomicfile.New(dir, tmpPrefix+"*.tmp", opt.CreateTemp)
	if err != nil {
		return "", "", unwritable(dir, err)
	}
	defer p.Discard()
	fw := &folderWriter{w: p}
	sum, err := writeBundle(fw, h, changes, seal)
	if fw.err != nil {
		return "", "", unwritable(dir, fw.err)
	}
	if err != nil {
		return "", "", err
	}
	final := filepath.Join(dir, name(sum))
	if err := p.Commit(final); err != nil {
		return "", "", unwritable(dir, err)
	}
	return final, sum, nil
}

// unwritable is a failure to write into the folder at path.
func unwritable(path string, err error) error {
	return &Error{Code: CodeFolderUnwritable, Path: path, Err: err}
}

// folderWriter remembers the first error writing the file returned, which
// the bundle writer passes on like any other.
type folderWriter struct {
	w   io.Writer
	err error
}

func (f *folderWriter) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// writeBundle writes a plain bundle, or an encrypted one when seal is set.
func writeBundle(w io.Writer, h bundle.Header, changes iter.Seq2[changelog.Change, error], seal *bundle.Seal) (string, error) {
	var bw *bundle.Writer
	var err error
	if seal != nil {
		bw, err = bundle.NewSealedWriter(w, h, *seal)
	} else {
		bw, err = bundle.NewWriter(w, h)
	}
	if err != nil {
		return "", err
	}
	for c, err := range changes {
		if err != nil {
			return "", err
		}
		if err := bw.Write(c); err != nil {
			return "", err
		}
	}
	if err := bw.Close(); err != nil {
		return "", err
	}
	return bw.Sum(), nil
}

// Export writes one bundle with everything this device knows — every
// device's changes, by device then seq — for e-mail or a USB stick. It
// returns the header and checksum written.
func Export(ctx context.Context, st *data.Store, w io.Writer, opt Options) (bundle.Header, string, error) {
	opt.fill()
	var h bundle.Header
	var sum string
	err := st.ChangeLog(ctx, "", 0, func(li data.LogInfo, changes iter.Seq2[changelog.Change, error]) error {
		h = bundle.Header{Kind: bundle.KindExport, Device: st.DeviceID(), Count: li.Count, Created: opt.Now().UTC(), App: opt.App}
		var err error
		sum, err = writeBundle(w, h, changes, nil)
		return err
	})
	h.Format = bundle.Version
	return h, sum, err
}

// ExportFile writes Export into path through a temporary file and a rename,
// so a half-written export never carries the final name.
func ExportFile(ctx context.Context, st *data.Store, path string, opt Options) (bundle.Header, error) {
	opt.fill()
	p, err := atomicfile.New(filepath.Dir(path), tmpPrefix+"*.tmp", opt.CreateTemp)
	if err != nil {
		return bundle.Header{}, err
	}
	defer p.Discard()
	h, _, err := Export(ctx, st, p, opt)
	if err == nil {
		err = p.Commit(path)
	}
	return h, err
}
