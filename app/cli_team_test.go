package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/team"
)

func init() { team.ScryptWorkFactor = 10 }

func (c *cli) withPassphrase(p string) *cli {
	c.env[PassphraseEnv] = p
	return c
}

func (c *cli) teamStatus(shared string) exchange.TeamStatus {
	c.t.Helper()
	var st exchange.TeamStatus
	if err := json.Unmarshal([]byte(c.ok("team", "status", "--folder", shared, "--json")), &st); err != nil {
		c.t.Fatal(err)
	}
	return st
}

// sharedContains lists the files under the shared folder holding s as bytes.
func sharedContains(t *testing.T, shared, s string) []string {
	var out []string
	filepath.WalkDir(shared, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(s)) {
				out = append(out, p)
			}
		}
		return nil
	})
	return out
}

func TestTeamCreateJoinSyncEncrypted(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	a.withPassphrase("Storsjöodjuret 1894").ok("team", "create", "--folder", shared)
	a.id("org", "add", "--name", "Storsjö Trä AB")
	b.id("org", "add", "--name", "Lierne Fisk AS")
	a.ok("sync", "--folder", shared)

	// b has not joined: its own data stays, a's file is kept for later.
	out := b.ok("sync", "--folder", shared)
	if !strings.Contains(out, "1 colleague's files are encrypted — join the team") {
		t.Errorf("outsider's sync printed %q", out)
	}
	if st := b.teamStatus(shared); st.Joined || st.Team == "" || st.Generation != 1 {
		t.Errorf("outsider's status: %+v", st)
	}

	// A wrong passphrase is a clear error and changes nothing.
	_, errOut, code := b.withPassphrase("fel fras, helt fel").run("team", "join", "--folder", shared)
	if code != 1 || !strings.Contains(errOut, "passphrase does not open") {
		t.Fatalf("wrong passphrase: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(b.dir, team.KeyringFile)); err == nil {
		t.Fatal("a wrong passphrase left keys behind")
	}
	out = b.withPassphrase("Storsjöodjuret 1894").ok("team", "join", "--folder", shared)
	if !strings.Contains(out, "key generation 1") {
		t.Errorf("join printed %q", out)
	}
	b.ok("sync", "--folder", shared)
	a.ok("sync", "--folder", shared)
	if a.dump() != b.dump() {
		t.Error("ilsa dump differs after both joined and synced")
	}
	for _, s := range []string{"Storsjö Trä", "Lierne Fisk", "Anna Berg", "Ola Nordmann"} {
		if got := sharedContains(t, shared, s); len(got) > 0 {
			t.Errorf("%q readable in the shared folder: %v", s, got)
		}
	}
	st := a.teamStatus(shared)
	if !st.Joined || len(st.Devices) != 2 || !st.Devices[0].Member || !st.Devices[1].Member {
		t.Fatalf("status: %+v", st)
	}
	names := st.Devices[0].Advisor + "," + st.Devices[1].Advisor
	if names != "Anna Berg,Ola Nordmann" {
		t.Errorf("members named %q", names)
	}
	text := a.ok("team", "status", "--folder", shared)
	if !strings.Contains(text, "This computer is in the team") || !strings.Contains(text, "Ola Nordmann") {
		t.Errorf("status printed %q", text)
	}

	// Rotation: b keeps working with its key and is told to join again.
	a.withPassphrase("Ny fras för 2027").ok("team", "rotate", "--folder", shared)
	a.id("org", "add", "--name", "Efter rotationen AB")
	a.ok("sync", "--folder", shared)
	if out := b.ok("sync", "--folder", shared); !strings.Contains(out, "use a newer team key — join again") {
		t.Errorf("sync without the new key printed %q", out)
	}
	if st := b.teamStatus(shared); st.Held != 1 || st.Generation != 2 {
		t.Errorf("status without the new key: %+v", st)
	}
	b.withPassphrase("Ny fras för 2027").ok("team", "join", "--folder", shared)
	b.ok("sync", "--folder", shared)
	a.ok("sync", "--folder", shared)
	if a.dump() != b.dump() {
		t.Error("ilsa dump differs after the rotation")
	}
}

func TestTeamCommandErrors(t *testing.T) {
	a, _, shared := twoAdvisors(t)
	// No passphrase: not in the environment, and the tests' stdin is no terminal.
	_, errOut, code := a.run("team", "create", "--folder", shared)
	if code != 1 || !strings.Contains(errOut, PassphraseEnv) {
		t.Errorf("no passphrase: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(shared, filepath.FromSlash(team.Dir))); err == nil {
		t.Error("a failed create wrote into the folder")
	}
	a.withPassphrase("kort")
	if _, errOut, code = a.run("team", "create", "--folder", shared); code != 1 || !strings.Contains(errOut, "at least 8") {
		t.Errorf("short passphrase: exit %d, %q", code, errOut)
	}
	a.withPassphrase("lång nog lösenfras")
	if _, errOut, code = a.run("team", "join", "--folder", shared); code != 1 || !strings.Contains(errOut, "has no team") {
		t.Errorf("join without a team: exit %d, %q", code, errOut)
	}
	if _, errOut, code = a.run("team", "create"); code != 2 || !strings.Contains(errOut, "--folder") {
		t.Errorf("no --folder: exit %d, %q", code, errOut)
	}
	missing := filepath.Join(shared, "not-there")
	if _, _, code = a.run("team", "status", "--folder", missing); code != 1 {
		t.Errorf("missing folder: exit %d", code)
	}
	a.ok("team", "create", "--folder", shared)
	if _, errOut, code = a.run("team", "create", "--folder", shared); code != 1 || !strings.Contains(errOut, "already has a team") {
		t.Errorf("second create: exit %d, %q", code, errOut)
	}
	// In Swedish.
	b := newCLI(t)
	b.ok("init", "--advisor", "Åsa")
	b.env["LANG"] = "sv_SE.UTF-8"
	b.withPassphrase("fel fras, helt fel")
	if _, errOut, code = b.run("team", "join", "--folder", shared); code != 1 || !strings.Contains(errOut, "Lösenfrasen öppnar inte") {
		t.Errorf("wrong passphrase in Swedish: exit %d, %q", code, errOut)
	}
}
