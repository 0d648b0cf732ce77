package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/translations"
)

// fixedNow is "today" for every run: 27 November 2026.
var fixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// runGUI runs ilsa with args and an environment made only of env (the real
// process environment is never read), and reports whether the desktop app
// would have opened.
func runGUI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int, opened bool) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = RunWith(args, Env{
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return fixedNow },
		OpenGUI: func(s *data.Store, tr *translations.Localizer, dataDir string) error {
			if s == nil || tr == nil || dataDir == "" {
				t.Errorf("OpenGUI(%v, %v, %q): want an open store, a localizer and the data folder", s, tr, dataDir)
			}
			opened = true
			return nil
		},
	})
	return out.String(), errOut.String(), code, opened
}

// run runs ilsa like runGUI and fails the test if a command opened the desktop app.
func run(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	stdout, stderr, code, opened := runGUI(t, env, args...)
	if opened {
		t.Errorf("ilsa %s opened the desktop app", strings.Join(args, " "))
	}
	return stdout, stderr, code
}

// cli is one data folder and one environment to run commands against.
type cli struct {
	t   *testing.T
	dir string
	env map[string]string
}

// newCLI returns a cli on a fresh (not yet created) data folder, with an
// empty environment: messages come in English unless a test says otherwise.
func newCLI(t *testing.T) *cli {
	return &cli{t: t, dir: filepath.Join(t.TempDir(), "ilsa-data"), env: map[string]string{}}
}

// run runs ilsa --data DIR args...
func (c *cli) run(args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	return run(c.t, c.env, append([]string{"--data", c.dir}, args...)...)
}

// ok runs a command that must succeed silently on stderr and returns stdout.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run(args...)
	if code != 0 || errOut != "" {
		c.t.Fatalf("ilsa %s: exit %d, stderr %q, stdout %q", strings.Join(args, " "), code, errOut, out)
	}
	return out
}

// id runs an add command, checks that it printed only the new id (one line,
// a UUIDv7) and returns it.
func (c *cli) id(args ...string) string {
	c.t.Helper()
	out := c.ok(args...)
	id, found := strings.CutSuffix(out, "\n")
	if !found || strings.Contains(id, "\n") {
		c.t.Fatalf("ilsa %s printed %q, want the new id alone on one line", strings.Join(args, " "), out)
	}
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 || u.String() != id {
		c.t.Fatalf("ilsa %s printed %q, want a UUIDv7 (%v)", strings.Join(args, " "), id, err)
	}
	return id
}

// list runs a --json list command and decodes its array of objects.
func (c *cli) list(args ...string) []map[string]any {
	c.t.Helper()
	out := c.ok(append(args, "--json")...)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		c.t.Fatalf("ilsa %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
	if rows == nil {
		c.t.Fatalf("ilsa %s --json printed %q, want an array (also when empty)", strings.Join(args, " "), out)
	}
	return rows
}

// dump returns `ilsa dump`.
func (c *cli) dump() string {
	c.t.Helper()
	return c.ok("dump")
}

// dumpDoc decodes `ilsa dump` into its entity arrays.
func (c *cli) dumpDoc() map[string][]map[string]any {
	c.t.Helper()
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(c.dump()), &doc); err != nil {
		c.t.Fatalf("dump is not a JSON document of arrays: %v", err)
	}
	return doc
}

// ids returns the "id" of each row, in order.
func ids(rows []map[string]any) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		id, _ := r["id"].(string)
		out = append(out, id)
	}
	return out
}

// byID finds the row with this id (nil if absent).
func byID(rows []map[string]any, id string) map[string]any {
	for _, r := range rows {
		if r["id"] == id {
			return r
		}
	}
	return nil
}

// sameSet reports whether got and want hold the same ids, in any order.
func sameSet(got, want []string) bool {
	got, want = slices.Clone(got), slices.Clone(want)
	slices.Sort(got)
	slices.Sort(want)
	return slices.Equal(got, want)
}

func lines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

// --- the desktop app, version ----------------------------------------------

func TestOnlyNoCommandOpensTheApp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	out, errOut, code, opened := runGUI(t, nil, "--data", dir)
	if code != 0 || !opened || out != "" || errOut != "" {
		t.Errorf("ilsa --data DIR: exit %d, opened %v, stdout %q, stderr %q; want the app opened", code, opened, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, data.DBFileName)); err != nil {
		t.Errorf("the app was not opened on a database in %s: %v", dir, err)
	}
	// The app does not open on a data folder it refuses.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code, opened := runGUI(t, nil, "--data", file); code != 1 || opened || errOut == "" {
		t.Errorf("ilsa --data FILE: exit %d, opened %v, stderr %q", code, opened, errOut)
	}
	// Every command, the successful ones included, runs without the app
	// (run fails the test if the app opens).
	for _, args := range [][]string{{"help"}, {"version"}, {"check"}, {"dump"}, {"org", "list"}, {"nonsense"}} {
		run(t, nil, append([]string{"--data", dir}, args...)...)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"--lang", "sv", "version"}} {
		out, errOut, code := run(t, nil, args...)
		if code != 0 || errOut != "" || out != "ILSA Coach "+Version+"\n" {
			t.Errorf("ilsa %v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if !strings.HasPrefix(Version, "0.") || strings.Count(Version, ".") != 2 {
		t.Errorf("Version = %q, want a semantic version", Version)
	}
}

// --- the data folder --------------------------------------------------------

func TestDataFolderFromEnvironment(t *testing.T) {
	fromEnv := filepath.Join(t.TempDir(), "env")
	fromFlag := filepath.Join(t.TempDir(), "flag")
	env := map[string]string{"ILSA_DATA": fromEnv}

	out, errOut, code := run(t, env, "org", "add", "--name", "Via the environment")
	if code != 0 || errOut != "" {
		t.Fatalf("org add with ILSA_DATA: exit %d, stderr %q", code, errOut)
	}
	envID := strings.TrimSpace(out)
	out, errOut, code = run(t, env, "--data", fromFlag, "org", "add", "--name", "Via the flag")
	if code != 0 || errOut != "" {
		t.Fatalf("org add with --data and ILSA_DATA: exit %d, stderr %q", code, errOut)
	}
	flagID := strings.TrimSpace(out)

	envCLI, flagCLI := &cli{t: t, dir: fromEnv, env: map[string]string{}}, &cli{t: t, dir: fromFlag, env: map[string]string{}}
	if got := ids(envCLI.list("org", "list")); !slices.Equal(got, []string{envID}) {
		t.Errorf("ILSA_DATA folder holds %v, want only [%s]", got, envID)
	}
	if got := ids(flagCLI.list("org", "list")); !slices.Equal(got, []string{flagID}) {
		t.Errorf("--data folder holds %v, want only [%s]: --data must win over ILSA_DATA", got, flagID)
	}
	// And ILSA_DATA is read when listing too.
	out, _, _ = run(t, env, "org", "list", "--json")
	if !strings.Contains(out, envID) || strings.Contains(out, flagID) {
		t.Errorf("org list with ILSA_DATA = %q", out)
	}
}

func TestDataFolderRefused(t *testing.T) {
	synced := t.TempDir()
	if err := os.Mkdir(filepath.Join(synced, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		dir  string
		lang string
		want []string
	}{
		{"syncthing en", filepath.Join(synced, "work", "ilsa"), "en", []string{"synced by Syncthing", synced, "--data"}},
		{"syncthing sv", filepath.Join(synced, "ilsa"), "sv", []string{"synkas av Syncthing", synced}},
		{"syncthing nb", synced, "nb", []string{"synkroniseres av Syncthing", synced}},
		{"file en", file, "en", []string{file + " is a file, not a folder."}},
		{"file sv", file, "sv", []string{file + " är en fil, inte en mapp."}},
		{"file nb", file, "nb", []string{file + " er en fil, ikke en mappe."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, args := range [][]string{{"init", "--advisor", "Anna"}, {"org", "add", "--name", "X"}, {"check"}, {"dump"}} {
				out, errOut, code := run(t, nil, append([]string{"--data", tc.dir, "--lang", tc.lang}, args...)...)
				assertFailure(t, args, tc.lang, 1, out, errOut, code, tc.want)
			}
			// Nothing was created inside the synced folder, and the file is untouched.
			entries, _ := os.ReadDir(synced)
			if len(entries) != 1 || entries[0].Name() != ".stfolder" {
				t.Errorf("the synced folder now holds %v", entries)
			}
			if b, _ := os.ReadFile(file); string(b) != "not a folder" {
				t.Errorf("the file was changed: %q", b)
			}
		})
	}
}
