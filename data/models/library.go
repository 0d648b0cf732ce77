package models

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// MaxFileSize is the largest model file Load reads from a folder.
const MaxFileSize = 1 << 20

// Library is every model version that loaded: the bundled ones and those from
// folders. It does not change after Load and is safe for concurrent use.
type Library struct {
	byID map[string][]*Model // each sorted by version, oldest first
}

// Load reads every *.toml file in bundled (the app's own models; searched
// recursively, may be nil) and then in each of dirs (models a project lead
// distributes; not recursive). A folder that does not exist is skipped
// silently. A file that cannot be read, is not a regular file (a FIFO is never
// opened) or is invalid is skipped and reported; the same id and version twice
// with different content keeps the first (the bundled one, bundled models
// being read first) and reports the other. A folder file with the id of a
// bundled model and a higher version is used only if it says
// replaces_bundled = true (CodeBundledReplaced otherwise).
// Problems come back as *ProblemError values; none of them is fatal.
func Load(bundled fs.FS, dirs ...string) (*Library, []error) {
	l := &Library{byID: map[string][]*Model{}}
	var errs []error
	if bundled != nil {
		var names []string
		err := fs.WalkDir(bundled, ".", func(name string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				errs = append(errs, unreadable(name, err))
			case d.IsDir() && name != "." && strings.HasPrefix(d.Name(), "."):
				return fs.SkipDir
			case !d.IsDir() && isModelFile(d.Name()):
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, unreadable(".", err))
		}
		for _, name := range names {
			data, err := fs.ReadFile(bundled, name)
			if err != nil {
				errs = append(errs, unreadable(name, err))
				continue
			}
			errs = append(errs, l.add(name, data, true)...)
		}
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, unreadable(dir, err)) // entries may still hold what could be read
		}
		for _, e := range entries {
			if e.IsDir() || !isModelFile(e.Name()) {
				continue
			}
			name := filepath.Join(dir, e.Name())
			if err := regular.Check(name, e); err != nil {
				errs = append(errs, unreadable(name, err)) // a FIFO would block the read for ever
				continue
			}
			data, err := readFile(name)
			if err != nil {
				errs = append(errs, unreadable(name, err))
				continue
			}
			errs = append(errs, l.add(name, data, false)...)
		}
	}
	for _, vs := range l.byID {
		slices.SortFunc(vs, func(a, b *Model) int { return a.Version - b.Version })
	}
	return l, errs
}

// isModelFile says whether a file name is a model file: *.toml, not hidden
// (which also skips macOS's "._name.toml" companions and editors' lock files).
func isModelFile(name string) bool {
	return !strings.HasPrefix(name, ".") && strings.EqualFold(filepath.Ext(name), ".toml")
}

// readFile reads a model file: a regular file only, opened without blocking.
func readFile(name string) ([]byte, error) {
	f, err := regular.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d KiB", MaxFileSize>>10)
	}
	return data, nil
}

func unreadable(name string, err error) *ProblemError {
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error() // the path is already in File
	}
	return &ProblemError{File: name, Problem: CodeFileUnreadable, Detail: map[string]any{"reason": reason}}
}

// add parses one file and adds its model, returning its problems.
func (l *Library) add(name string, data []byte, bundled bool) []error {
	m, loc, probs := parse(name, data)
	if len(probs) > 0 {
		return probs.Unwrap()
	}
	m.Bundled = bundled
	for _, o := range l.byID[m.ID] {
		if o.Version != m.Version {
			continue
		}
		if sameContent(o, m) {
			return nil // the same model twice, e.g. a bundled file copied to a folder
		}
		return []error{&ProblemError{File: name, Line: loc.line(pth{"version"}), Problem: CodeModelConflict,
			Detail: map[string]any{"id": m.ID, "version": m.Version, "kept": o.File}}}
	}
	if !bundled && !m.ReplacesBundled {
		// A file in a folder outranks the app's own model only when it says
		// so: a stray or hostile file must not take over a bundled model.
		if top := l.newestBundled(m.ID); top > 0 && m.Version > top {
			return []error{&ProblemError{File: name, Line: loc.line(pth{"version"}), Problem: CodeBundledReplaced,
				Detail: map[string]any{"id": m.ID, "version": m.Version, "bundled": top}}}
		}
	}
	l.byID[m.ID] = append(l.byID[m.ID], m)
	return nil
}

// newestBundled is the highest bundled version of id, 0 if none.
func (l *Library) newestBundled(id string) int {
	top := 0
	for _, o := range l.byID[id] {
		if o.Bundled {
			top = max(top, o.Version)
		}
	}
	return top
}

// sameContent compares two models, ignoring where they were loaded from.
func sameContent(a, b *Model) bool {
	x, y := *a, *b
	x.File, y.File, x.Bundled, y.Bundled, x.ReplacesBundled, y.ReplacesBundled = "", "", false, false, false, false
	// The credits say where a model comes from, not what it asks: a copy
	// made before a credit line was added is still the same model.
	x.Source, x.URL, x.Author, x.License, x.LicenseURL, x.Adapted = "", "", "", "", "", false
	y.Source, y.URL, y.Author, y.License, y.LicenseURL, y.Adapted = "", "", "", "", "", false
	return reflect.DeepEqual(x, y)
}

// Latest returns the highest version of a model: the one new assessments use.
func (l *Library) Latest(id string) (*Model, bool) {
	if l == nil {
		return nil, false
	}
	vs := l.byID[id]
	if len(vs) == 0 {
		return nil, false
	}
	return vs[len(vs)-1], true
}

// Version returns one version of a model: the one an assessment was made with.
func (l *Library) Version(id string, version int) (*Model, bool) {
	for _, m := range l.Versions(id) {
		if m.Version == version {
			return m, true
		}
	}
	return nil, false
}

// Versions returns every loaded version of a model, oldest first.
func (l *Library) Versions(id string) []*Model {
	if l == nil {
		return nil
	}
	return slices.Clone(l.byID[id])
}

// All returns the latest version of every model, sorted by id.
func (l *Library) All() []*Model {
	if l == nil {
		return nil
	}
	out := make([]*Model, 0, len(l.byID))
	for _, vs := range l.byID {
		out = append(out, vs[len(vs)-1])
	}
	slices.SortFunc(out, func(a, b *Model) int { return strings.Compare(a.ID, b.ID) })
	return out
}
