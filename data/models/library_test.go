package models

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func bundledFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, content := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

// codes lists the problem codes of Load's errors, failing on any error that
// is not a *ProblemError.
func codes(t *testing.T, errs []error) []string {
	t.Helper()
	var out []string
	for _, err := range errs {
		var pe *ProblemError
		if !errors.As(err, &pe) {
			t.Fatalf("%T %v is not a *ProblemError", err, err)
		}
		out = append(out, pe.Problem)
	}
	return out
}

func TestLoadVersions(t *testing.T) {
	v2 := edit(validScale, map[int]string{2: "version = 2", 6: "replaces_bundled = true", 18: `en = "Customer one, reworded"`})
	dir := t.TempDir()
	v2path := write(t, dir, "demo-scale.toml", v2)
	bundled := bundledFS(map[string]string{
		"models/demo-scale.toml":  validScale,
		"models/demo-canvas.toml": validCanvas,
		"models/README.md":        "not a model",
	})

	lib, errs := Load(bundled, dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	latest, ok := lib.Latest("demo-scale")
	if !ok || latest.Version != 2 || latest.Bundled || latest.File != v2path ||
		latest.Dimensions[0].Levels[0].Text.EN != "Customer one, reworded" {
		t.Errorf("Latest = %+v, %v", latest, ok)
	}
	v1, ok := lib.Version("demo-scale", 1)
	if !ok || v1.Version != 1 || !v1.Bundled || v1.File != "models/demo-scale.toml" ||
		v1.Dimensions[0].Levels[0].Text.EN != "Customer one" {
		t.Errorf("Version 1 = %+v, %v", v1, ok)
	}
	if _, ok := lib.Version("demo-scale", 3); ok {
		t.Error("version 3 found")
	}
	if _, ok := lib.Latest("nothing"); ok {
		t.Error("Latest(nothing) found")
	}
	var versions []int
	for _, m := range lib.Versions("demo-scale") {
		versions = append(versions, m.Version)
	}
	if !reflect.DeepEqual(versions, []int{1, 2}) {
		t.Errorf("Versions = %v", versions)
	}
	var all []string
	for _, m := range lib.All() {
		all = append(all, fmt.Sprintf("%s@%d", m.ID, m.Version))
	}
	if !reflect.DeepEqual(all, []string{"demo-canvas@2", "demo-scale@2"}) {
		t.Errorf("All = %v", all)
	}
}

func TestLoadVersionOrderDoesNotDependOnFileOrder(t *testing.T) {
	// v3 in the bundle, v1 and v2 in two folders, listed newest first.
	a, b := t.TempDir(), t.TempDir()
	write(t, a, "demo-scale.toml", edit(validScale, map[int]string{2: "version = 2"}))
	write(t, b, "demo-scale.toml", validScale)
	lib, errs := Load(bundledFS(map[string]string{"demo-scale.toml": edit(validScale, map[int]string{2: "version = 3"})}), a, b)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	vs := lib.Versions("demo-scale")
	if len(vs) != 3 || vs[0].Version != 1 || vs[1].Version != 2 || vs[2].Version != 3 {
		t.Errorf("Versions = %+v", vs)
	}
	if m, _ := lib.Latest("demo-scale"); m.Version != 3 || !m.Bundled {
		t.Errorf("Latest = %+v", m)
	}
}

func TestLoadMissingFolderIsFine(t *testing.T) {
	lib, errs := Load(nil, filepath.Join(t.TempDir(), "not-there"), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(lib.All()) != 0 {
		t.Errorf("All = %v", lib.All())
	}
}

func TestLoadSkipsAndReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "demo-canvas.toml", validCanvas)
	garbage := write(t, dir, "garbage.toml", "\x00\x01PK\x03\x04 binary junk ]]]")
	broken := write(t, dir, "broken.toml", edit(validScale, map[int]string{17: `nb = ""`}))
	write(t, dir, "notes.txt", "ignored")
	write(t, dir, "._demo-canvas.toml", "\x00\x05\x16\x07 macOS resource fork") // hidden: ignored
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "old"), "demo-scale.toml", validScale) // not recursive
	big := write(t, dir, "huge.toml", "# "+strings.Repeat("x", MaxFileSize)+"\n")

	lib, errs := Load(nil, dir)
	if got, want := codes(t, errs), []string{CodeTranslationMissing, CodeSyntax, CodeFileUnreadable}; !reflect.DeepEqual(got, want) {
		t.Fatalf("codes = %v, want %v\n%v", got, want, errs)
	}
	for i, file := range []string{broken, garbage, big} {
		if pe := errs[i].(*ProblemError); pe.File != file {
			t.Errorf("problem %d is about %q, want %q", i, pe.File, file)
		}
	}
	if pe := errs[0].(*ProblemError); pe.Line != 17 {
		t.Errorf("line = %d, want 17", pe.Line)
	}
	if !strings.Contains(errs[2].Error(), "larger than 1024 KiB") {
		t.Errorf("too large: %v", errs[2])
	}
	if m, ok := lib.Latest("demo-canvas"); !ok || m.Bundled {
		t.Errorf("demo-canvas = %+v, %v", m, ok)
	}
	if _, ok := lib.Latest("demo-scale"); ok {
		t.Error("a broken or nested model was loaded")
	}
}

func TestLoadFolderThatIsAFile(t *testing.T) {
	file := write(t, t.TempDir(), "models", "not a folder")
	_, errs := Load(nil, file)
	if got := codes(t, errs); !reflect.DeepEqual(got, []string{CodeFileUnreadable}) {
		t.Fatalf("codes = %v", got)
	}
	if pe := errs[0].(*ProblemError); pe.File != file || pe.Line != 0 {
		t.Errorf("problem = %+v", pe)
	}
}

func TestLoadConflict(t *testing.T) {
	dir := t.TempDir()
	// Same id and version as the bundled one, other content: the bundled one stays.
	changed := write(t, dir, "demo-scale.toml", edit(validScale, map[int]string{18: `en = "Something else"`}))
	// An identical copy (other formatting) of a bundled model is no conflict.
	write(t, dir, "demo-canvas.toml", "# a copy\n"+validCanvas)

	lib, errs := Load(bundledFS(map[string]string{
		"demo-scale.toml":  validScale,
		"demo-canvas.toml": validCanvas,
	}), dir)
	if got := codes(t, errs); !reflect.DeepEqual(got, []string{CodeModelConflict}) {
		t.Fatalf("codes = %v\n%v", got, errs)
	}
	pe := errs[0].(*ProblemError)
	if pe.File != changed || pe.Line != 2 || pe.Detail["kept"] != "demo-scale.toml" ||
		pe.Detail["id"] != "demo-scale" || pe.Detail["version"] != 1 {
		t.Errorf("conflict = %+v", pe)
	}
	if want := changed + `:2: model "demo-scale" version 1 is also in demo-scale.toml with different content; that one is used (give this file a higher version)`; pe.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", pe.Error(), want)
	}
	for _, id := range []string{"demo-scale", "demo-canvas"} {
		if vs := lib.Versions(id); len(vs) != 1 || !vs[0].Bundled {
			t.Errorf("%s: versions %+v", id, vs)
		}
	}
}

func TestNilLibrary(t *testing.T) {
	var l *Library
	if _, ok := l.Latest("x"); ok {
		t.Error("Latest")
	}
	if _, ok := l.Version("x", 1); ok {
		t.Error("Version")
	}
	if l.All() != nil || l.Versions("x") != nil {
		t.Error("All or Versions")
	}
}

// TestFolderModelReplacesBundledOnlyWhenItSaysSo: a file in a folder with
// the id of a bundled model and a higher version is refused unless it says
// replaces_bundled = true; older versions (for old assessments) and a copy
// of the bundled file need no such word. A version no update could outrank
// is refused whatever the file says.
func TestFolderModelReplacesBundledOnlyWhenItSaysSo(t *testing.T) {
	bundled := bundledFS(map[string]string{"demo-scale.toml": edit(validScale, map[int]string{2: "version = 2"})})
	for _, tc := range []struct {
		name, file string
		latest     int
		codes      []string
	}{
		{"without the word", edit(validScale, map[int]string{2: "version = 3"}), 2, []string{CodeBundledReplaced}},
		{"with the word", edit(validScale, map[int]string{2: "version = 3", 6: "replaces_bundled = true"}), 3, nil},
		{"saying false", edit(validScale, map[int]string{2: "version = 3", 6: "replaces_bundled = false"}), 2, []string{CodeBundledReplaced}},
		{"an older version", validScale, 2, nil},
		{"a copy of the bundled file", edit(validScale, map[int]string{2: "version = 2"}), 2, nil},
		{"the highest version there is", edit(validScale, map[int]string{2: "version = 9223372036854775807", 6: "replaces_bundled = true"}),
			2, []string{CodeVersionInvalid}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "demo-scale.toml", tc.file)
			lib, errs := Load(bundled, dir)
			if got := codes(t, errs); !reflect.DeepEqual(got, tc.codes) {
				t.Fatalf("problems %v, want %v: %v", got, tc.codes, errs)
			}
			if m, _ := lib.Latest("demo-scale"); m.Version != tc.latest {
				t.Fatalf("latest is version %d, want %d", m.Version, tc.latest)
			}
		})
	}
	// A model no bundled model has needs no word.
	dir := t.TempDir()
	write(t, dir, "demo-canvas.toml", validCanvas)
	if _, errs := Load(bundled, dir); len(errs) != 0 {
		t.Fatal(errs)
	}
}
