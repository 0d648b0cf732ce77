package evaluation

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"eu.ilsa.coach/ilsa/data/internal/regular"
)

//go:embed forms/*.toml
var bundledFiles embed.FS

// Library is every form version that loaded. It does not change after
// Load and is safe for concurrent use.
type Library struct {
	byID map[string][]*Form // each sorted by version, oldest first
}

var (
	bundledOnce sync.Once
	bundled     *Library
)

// Bundled is the library of the app's own forms alone: the same on every
// computer running this version, so the check of a response from elsewhere
// (which may only use it) gives the same answer everywhere.
func Bundled() *Library {
	bundledOnce.Do(func() {
		bundled = &Library{byID: map[string][]*Form{}}
		if errs := bundled.addBundled(); len(errs) > 0 {
			panic(fmt.Sprintf("evaluation: a bundled form is invalid: %v", errs))
		}
	})
	return bundled
}

// Load reads the bundled forms and then every *.toml file directly in each
// of dirs (forms a project lead distributes). A missing folder is skipped;
// a file that cannot be read or is invalid is skipped and reported, and the
// others still load. A folder file never replaces a bundled form's version
// nor outranks it (CodeBundledReplaced): a stray or hostile file in a shared
// folder cannot change the app's own questionnaires.
func Load(dirs ...string) (*Library, []error) {
	l := &Library{byID: map[string][]*Form{}}
	errs := l.addBundled()
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			if !os.IsNotExist(err) {
				errs = append(errs, unreadable(dir, err))
			}
			continue
		}
		for _, e := range entries {
			if e.IsDir() || !isFormFile(e.Name()) {
				continue
			}
			name := filepath.Join(dir, e.Name())
			data, err := readFile(name)
			if err != nil {
				errs = append(errs, unreadable(name, err))
				continue
			}
			errs = append(errs, l.add(name, data, false)...)
		}
	}
	for _, fs := range l.byID {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Version < fs[j].Version })
	}
	return l, errs
}

func (l *Library) addBundled() []error {
	var errs []error
	names, _ := fs.Glob(bundledFiles, "forms/*.toml")
	for _, name := range names {
		data, _ := bundledFiles.ReadFile(name)
		errs = append(errs, l.add(strings.TrimPrefix(name, "forms/"), data, true)...)
	}
	for _, fs := range l.byID {
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Version < fs[j].Version })
	}
	return errs
}

// isFormFile: *.toml, not hidden (editors' lock files, macOS's "._" files).
func isFormFile(name string) bool {
	return !strings.HasPrefix(name, ".") && strings.EqualFold(filepath.Ext(name), ".toml")
}

// readFile reads a regular file only, opened without blocking, at most MaxFileSize.
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

func unreadable(name string, err error) *Problem {
	reason := err.Error()
	if pe, ok := err.(*fs.PathError); ok {
		reason = pe.Err.Error()
	}
	return &Problem{File: name, Code: CodeFileUnreadable, Detail: map[string]any{"reason": reason}}
}

func (l *Library) add(name string, data []byte, isBundled bool) []error {
	f, probs := parse(name, data)
	if len(probs) > 0 {
		errs := make([]error, len(probs))
		for i, p := range probs {
			errs[i] = p
		}
		return errs
	}
	f.Bundled = isBundled
	for _, o := range l.byID[f.ID] {
		if o.Version != f.Version {
			continue
		}
		if sameContent(o, f) {
			return nil
		}
		return []error{&Problem{File: name, Code: CodeFormConflict, Detail: map[string]any{"id": f.ID, "version": f.Version}}}
	}
	if !isBundled && slices.ContainsFunc(l.byID[f.ID], func(o *Form) bool { return o.Bundled }) {
		return []error{&Problem{File: name, Code: CodeBundledReplaced, Detail: map[string]any{"id": f.ID}}}
	}
	l.byID[f.ID] = append(l.byID[f.ID], f)
	return nil
}

func sameContent(a, b *Form) bool {
	x, y := *a, *b
	x.File, y.File, x.Bundled, y.Bundled = "", "", false, false
	return reflect.DeepEqual(x, y)
}

// Latest is the newest version of a form.
func (l *Library) Latest(id string) (*Form, bool) {
	if l == nil || len(l.byID[id]) == 0 {
		return nil, false
	}
	v := l.byID[id]
	return v[len(v)-1], true
}

// Version is one version of a form.
func (l *Library) Version(id string, version int) (*Form, bool) {
	if l == nil {
		return nil, false
	}
	for _, f := range l.byID[id] {
		if f.Version == version {
			return f, true
		}
	}
	return nil, false
}

// All is the newest version of every form, by id.
func (l *Library) All() []*Form {
	if l == nil {
		return nil
	}
	out := make([]*Form, 0, len(l.byID))
	for id := range l.byID {
		f, _ := l.Latest(id)
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
