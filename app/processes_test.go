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
