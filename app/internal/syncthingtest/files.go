package syncthingtest

// Reading and comparing the instances' shared folders.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Tree lists the regular files under root (relative slash paths, sorted)
// with their contents, leaving out Syncthing's marker and temporary files.
func Tree(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // renamed while walking
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == ".stfolder" || name == ".stversions") {
				return filepath.SkipDir
			}
			return nil
		}
		if IsTemp(name) || !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out, err
}

// IsTemp reports whether name is a file Syncthing writes while pulling.
func IsTemp(name string) bool {
	return (strings.HasPrefix(name, ".syncthing.") || strings.HasPrefix(name, "~syncthing~")) && strings.HasSuffix(name, ".tmp")
}

// WaitFiles waits until every path (relative, slash-separated, under the
// shared folder) that exists in from's folder exists with the same bytes in
// every other instance's folder. It scans from's folder first. Syncthing
// renames a file to its real name only once all of it has arrived and been
// verified, so an equal file under its real name is a complete file.
func WaitFiles(t testing.TB, from *Instance, paths []string, to ...*Instance) {
	t.Helper()
	if len(paths) == 0 {
		t.Fatal("WaitFiles: no paths")
	}
	want := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join(from.Folder, filepath.FromSlash(p)))
		if err != nil {
			t.Fatalf("WaitFiles: %s's own file: %v", from.Name, err)
		}
		want[p] = b
	}
	if err := from.Scan(); err != nil {
		t.Logf("syncthing %s: scan: %v (the watcher will find it)", from.Name, err)
	}
	Eventually(t, SyncTimeout, fmt.Sprintf("%d file(s) from %s delivered", len(paths), from.Name), func() (bool, string) {
		for _, in := range to {
			for p, w := range want {
				got, err := os.ReadFile(filepath.Join(in.Folder, filepath.FromSlash(p)))
				if err != nil {
					return false, fmt.Sprintf("%s: %v", in.Name, err)
				}
				if !bytes.Equal(got, w) {
					return false, fmt.Sprintf("%s: %s has %d bytes, not %s's %d", in.Name, p, len(got), from.Name, len(w))
				}
			}
		}
		return true, ""
	})
}

// WaitSameTree waits until all instances' shared folders hold the same
// files with the same bytes (Tree), after scanning each.
func WaitSameTree(t testing.TB, insts ...*Instance) {
	t.Helper()
	for _, in := range insts {
		if err := in.Scan(); err != nil {
			t.Logf("syncthing %s: scan: %v", in.Name, err)
		}
	}
	Eventually(t, SyncTimeout, "shared folders identical", func() (bool, string) {
		first, err := Tree(insts[0].Folder)
		if err != nil {
			return false, err.Error()
		}
		for _, in := range insts[1:] {
			tr, err := Tree(in.Folder)
			if err != nil {
				return false, err.Error()
			}
			if d := diff(first, tr); d != "" {
				return false, fmt.Sprintf("%s vs %s: %s", insts[0].Name, in.Name, d)
			}
		}
		return InSync(insts...)
	})
}

func diff(a, b map[string][]byte) string {
	var out []string
	for p, x := range a {
		y, ok := b[p]
		switch {
		case !ok:
			out = append(out, "only first: "+p)
		case !bytes.Equal(x, y):
			out = append(out, "differs: "+p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			out = append(out, "only second: "+p)
		}
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}
