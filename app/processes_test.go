package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/translations"
)

// cliProcess runs ilsa args in a process of its own (the test binary acting
// as the command, see TestMain) and returns stdout, stderr and the exit code.
func cliProcess(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), envRunAsCLI+"=1", "LANG=en_GB.UTF-8", "LANGUAGE=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("start ilsa %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// Several processes add and edit organisations in one data folder at once,
// as the desktop app and the command line (or two terminals) may. Every id a
// process printed must be stored with every field, every edit must be
// there, `check` must agree, and an export must carry all of it to another
// data folder.
func TestProcessesOnOneDataFolderLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	dir := filepath.Join(t.TempDir(), "data")
	if _, e, code := cliProcess(t, "--data", dir, "init", "--advisor", "Kari Nordmann", "--country", "NO"); code != 0 {
		t.Fatalf("init: %s", e)
	}
	const workers, rounds = 4, 8
	type made struct{ id, name, notes string }
	var mu sync.Mutex
	var all []made
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				name := fmt.Sprintf("Verksted %d-%d AS", w, i)
				out, e, code := cliProcess(t, "--data", dir, "org", "add", "--name", name, "--country", "NO")
				if code != 0 {
					t.Errorf("org add %s: exit %d: %s", name, code, e)
					return
				}
				id := strings.TrimSpace(out)
				notes := fmt.Sprintf("besøk %d-%d", w, i)
				if _, e, code := cliProcess(t, "--data", dir, "org", "edit", id, "--notes", notes); code != 0 {
					t.Errorf("org edit %s: exit %d: %s", id, code, e)
					return
				}
				mu.Lock()
				all = append(all, made{id, name, notes})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if len(all) != workers*rounds {
		t.Fatalf("%d organisations made, want %d", len(all), workers*rounds)
	}

	c := &cli{t: t, dir: dir, env: map[string]string{}}
	stored := c.ok("dump")
	for _, m := range all {
		for _, want := range []string{m.id, m.name, m.notes} {
			if !strings.Contains(stored, want) {
				t.Errorf("printed %s (%s) but the dump lacks %q", m.id, m.name, want)
			}
		}
	}
	if strings.Contains(stored, `"created_at": 0`) || strings.Contains(stored, `"created_at":0`) {
		t.Errorf("an organisation was stored without its creation time:\n%s", stored)
	}
	if out, e, code := c.run("check"); code != 0 {
		t.Errorf("check: exit %d: %s %s", code, out, e)
	}

	bundle := filepath.Join(t.TempDir(), "all.bundle")
	c.ok("export", "--out", bundle)
	other := &cli{t: t, dir: filepath.Join(t.TempDir(), "other"), env: map[string]string{}}
	other.ok("init", "--advisor", "Erik Lund", "--country", "SE")
	other.ok("import", bundle)
	if got := other.ok("dump"); got != stored {
		t.Errorf("the export did not carry everything: dumps differ\nhere:\n%s\nthere:\n%s", stored, got)
	}
}

// While a window is open on a data folder, a second start of the app on the
// same folder does not open a second window: it asks the first to come to
// the front and says so. The command line still works beside the window.
func TestASecondWindowOnOneDataFolderRaisesTheFirst(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	env := map[string]string{"LANG": "sv_SE.UTF-8"}
	var secondOut, secondErr string
	var secondCode int
	var secondOpened bool
	var cliCode int
	var out bytes.Buffer
	code := RunWith([]string{"--data", dir}, Env{
		Stdout: &out, Stderr: &out, Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return fixedNow },
		OpenGUI: func(*data.Store, *translations.Localizer, string) error {
			// The first window is open: start the app again.
			secondOut, secondErr, secondCode, secondOpened = runGUI(t, env, "--data", dir)
			_, _, cliCode = run(t, env, "--data", dir, "org", "list")
			return nil
		},
	})
	if code != 0 {
		t.Fatalf("first window: exit %d: %s", code, out.String())
	}
	if secondOpened || secondCode != 0 || secondOut != "" {
		t.Errorf("second start: opened %v, exit %d, stdout %q", secondOpened, secondCode, secondOut)
	}
	if want := "ILSA Coach är redan öppet med datamappen " + dir; !strings.Contains(secondErr, want) {
		t.Errorf("second start said %q, want %q", secondErr, want)
	}
	if cliCode != 0 {
		t.Errorf("the command line beside the window: exit %d", cliCode)
	}
	// Once the window is closed, the app opens again.
	if _, e, code, opened := runGUI(t, env, "--data", dir); code != 0 || !opened {
		t.Errorf("after the first window closed: exit %d, opened %v, %s", code, opened, e)
	}
}
