package exchange_test

// How the convergence test syncs its devices: publishing bundles into the
// shared folder, delivering them (whole or cut short), and checking each
// sync's result.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/exchange"
)

// syncDevice runs the real sync of d against its own copy of the folder
// (which moves records of merged organisations after importing), publishes the
// bundles it wrote, and checks what it reported. It returns whether anything
// happened (written, imported, rehomed).
func (w *cvWorld) syncDevice(d *cvDevice, final bool) bool {
	w.t.Helper()
	res, err := exchange.Sync(ctx, d.s, d.folder, exchange.Options{App: "convergence"})
	if err != nil {
		w.fatalf("%s: sync: %v", d.name, err)
	}
	w.stats.syncs++
	w.stats.imports += len(res.Imported)
	w.checkResult(d, res, final)
	n := res.Rehomed
	w.stats.rehomed += n
	w.publish(d)
	w.logf("%s sync: wrote %d, imported %d, skipped %d, applied %d, conflicts %d, future %d, pending %d, rehomed %d",
		d.name, len(res.Written), len(res.Imported), res.Skipped, res.Applied, res.Conflicts, res.FutureHLC, pendingCount(res), n)
	return len(res.Written) > 0 || len(res.Imported) > 0 || n > 0
}

func pendingCount(res exchange.Result) int {
	n := 0
	for _, f := range res.Files {
		if f.Action == exchange.ActionPending {
			n++
		}
	}
	return n
}

// checkResult: no clones, nothing quarantined, junk ignored, and a bundle
// name left pending only while the engine has delivered a truncated copy.
func (w *cvWorld) checkResult(d *cvDevice, res exchange.Result, final bool) {
	w.t.Helper()
	if res.Clones != 0 || res.NewDeviceID != "" || res.Unknown != 0 {
		w.fatalf("%s: unexpected clones/new id/unknown: %+v", d.name, res)
	}
	for _, f := range res.Files {
		name := filepath.Base(f.Path)
		if cvBundleName.MatchString(name) {
			fi, known := w.index[filepath.Base(filepath.Dir(f.Path))+"/"+name]
			if f.Action != exchange.ActionPending || f.Reason != exchange.ReasonTruncated || !known ||
				w.state[[2]int{fi, w.devIndex(d)}] != cvTruncated || final {
				w.fatalf("%s: bundle %s reported %s %s (%s), engine state %d", d.name, f.Path, f.Action, f.Reason, f.Detail,
					w.state[[2]int{fi, w.devIndex(d)}])
			}
			continue
		}
		if f.Action != exchange.ActionIgnored || !w.junk[name] {
			w.fatalf("%s: file %s reported %s %s (%s)", d.name, f.Path, f.Action, f.Reason, f.Detail)
		}
		if f.Reason != exchange.ReasonEngineTemp && f.Reason != exchange.ReasonEngineConflict {
			w.fatalf("%s: junk %s ignored for %s", d.name, name, f.Reason)
		}
	}
	if final && len(res.Gaps) > 0 {
		w.fatalf("%s: gaps after everything was delivered: %+v", d.name, res.Gaps)
	}
}

func (w *cvWorld) devIndex(d *cvDevice) int { return slices.Index(w.devs, d) }

// publish registers the bundles d wrote into its own directory, for the
// engine to carry to the others.
func (w *cvWorld) publish(d *cvDevice) {
	w.t.Helper()
	entries, err := os.ReadDir(d.dir(d.id))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	w.must(err, "list own directory")
	for _, e := range entries {
		key := d.id + "/" + e.Name()
		if _, ok := w.index[key]; ok || !cvBundleName.MatchString(e.Name()) {
			continue
		}
		body, err := os.ReadFile(filepath.Join(d.dir(d.id), e.Name()))
		w.must(err, "read bundle")
		w.index[key] = len(w.files)
		w.files = append(w.files, &cvFile{author: w.devIndex(d), dev: d.id, name: e.Name(), body: body})
	}
}

// deliver copies file fi into device di's folder: whole (through a temporary
// name and a rename, as Syncthing does) or, when truncated, a prefix under
// the final name (a half-synced copy, as a plain file copy or an SMB share
// shows it).
func (w *cvWorld) deliver(fi, di int, truncated bool) {
	w.t.Helper()
	f, d := w.files[fi], w.devs[di]
	dir := d.dir(f.dev)
	w.must(os.MkdirAll(dir, 0o755), "mkdir")
	dst := filepath.Join(dir, f.name)
	st := w.state[[2]int{fi, di}]
	if truncated {
		cut := w.rng.IntN(len(f.body))
		w.must(os.WriteFile(dst, f.body[:cut], 0o644), "write truncated")
		w.state[[2]int{fi, di}] = cvTruncated
		w.stats.truncated++
		w.logf("engine: %s/%s → %s truncated at %d of %d bytes", w.devs[f.author].name, f.name, d.name, cut, len(f.body))
		return
	}
	tmp := filepath.Join(dir, ".syncthing."+f.name+".tmp")
	w.must(os.WriteFile(tmp, f.body, 0o644), "write temp")
	if w.rng.IntN(8) == 0 {
		// The engine leaves a stray copy of its temporary file behind.
		stray := fmt.Sprintf(".syncthing.%s.%d.tmp", f.name, w.rng.IntN(1000))
		w.must(os.WriteFile(filepath.Join(dir, stray), f.body[:len(f.body)/2], 0o644), "write stray")
		w.junk[stray] = true
	}
	w.must(os.Rename(tmp, dst), "rename")
	if st == cvFull {
		w.stats.redelivered++
	}
	w.state[[2]int{fi, di}] = cvFull
	w.logf("engine: %s/%s → %s (was %d)", w.devs[f.author].name, f.name, d.name, st)
}

// engineStep delivers a few random files to random devices: some truncated
// first, some again.
func (w *cvWorld) engineStep() {
	var todo, done [][2]int
	for fi, f := range w.files {
		for di := range w.devs {
			if di == f.author {
				continue
			}
			if w.state[[2]int{fi, di}] == cvFull {
				done = append(done, [2]int{fi, di})
			} else {
				todo = append(todo, [2]int{fi, di})
			}
		}
	}
	for range 1 + w.rng.IntN(6) {
		if len(done) > 0 && w.rng.IntN(8) == 0 {
			p := done[w.rng.IntN(len(done))]
			w.deliver(p[0], p[1], false) // the same file delivered twice
			continue
		}
		if len(todo) == 0 {
			return
		}
		i := w.rng.IntN(len(todo))
		p := todo[i]
		if w.state[p] == cvNone && w.rng.IntN(4) == 0 {
			w.deliver(p[0], p[1], true)
			continue
		}
		w.deliver(p[0], p[1], false)
		todo = slices.Delete(todo, i, i+1)
		done = append(done, p)
	}
}

// deliverAll brings every file whole to every device.
func (w *cvWorld) deliverAll() {
	for fi, f := range w.files {
		for di := range w.devs {
			if di != f.author && w.state[[2]int{fi, di}] != cvFull {
				w.deliver(fi, di, false)
			}
		}
	}
}

// plantJunk leaves what sync engines leave behind in a device directory:
// Syncthing temporary files and conflict copies (with a real bundle's
// content, so reading one would show).
func (w *cvWorld) plantJunk() {
	if len(w.files) == 0 {
		return
	}
	f := w.files[w.rng.IntN(len(w.files))]
	d := w.dev()
	author := w.devs[w.rng.IntN(len(w.devs))].id
	dir := d.dir(author)
	w.must(os.MkdirAll(dir, 0o755), "mkdir")
	var name string
	body := f.body
	if w.rng.IntN(2) == 0 {
		name = fmt.Sprintf(".syncthing.%s.%d.tmp", f.name, w.rng.IntN(1000))
		body = body[:w.rng.IntN(len(body))]
	} else {
		name = strings.TrimSuffix(f.name, exchange.BundleExt) + ".sync-conflict-20261201-101010-ABCDEFG" + exchange.BundleExt
	}
	w.must(os.WriteFile(filepath.Join(dir, name), body, 0o644), "write junk")
	w.junk[name] = true
	w.stats.junk++
	w.logf("engine: junk %s in %s's folder, directory of %s", name, d.name, author)
}
