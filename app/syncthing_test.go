package app

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/app/internal/syncthingtest"
	"eu.ilsa.coach/ilsa/data/exchange"
)

// TestSyncthingConvergesTwoDevices checks the sync the way advisors run it,
// end to end: two real Syncthing instances on loopback share one folder,
// two ILSA Coach data folders sync through it with `ilsa sync --folder`,
// and end with the same `ilsa dump`. The files a sync engine leaves behind (a Syncthing temporary
// file and a conflict copy, both holding a valid bundle of a third device)
// are reported as ignored and never imported.
func TestSyncthingConvergesTwoDevices(t *testing.T) {
	t.Parallel()
	start := time.Now()
	stA, stB := syncthingtest.NewPair(t)
	t.Logf("Syncthing A and B up and paired in %v", time.Since(start).Round(time.Millisecond))

	// Device A: a profile, an organisation and a visit; sync.
	devA := newCLI(t)
	devA.ok("init", "--advisor", "Anna Berg", "--organisation", "Mittuniversitetet", "--country", "se")
	org := devA.id("org", "add", "--name", "Östersunds Glas AB", "--orgnr", "556036-0793", "--municipality", "2380")
	visit := devA.id("visit", "add", "--org", org, "--date", "2026-11-20", "--type", "digital", "--minutes", "60",
		"--notes", "Export to Norway")
	resA := stSync(devA, stA.Folder)
	if len(resA.Written) != 1 || len(resA.Imported) != 0 || len(resA.Files) != 0 {
		t.Fatalf("A's first sync: %+v, want one bundle written, nothing imported or reported", resA)
	}
	deviceA := resA.Device
	syncthingtest.WaitFiles(t, stA, stSharedFiles(resA), stB)
	t.Logf("A's bundle delivered to B at %v", time.Since(start).Round(time.Millisecond))

	// What a sync engine leaves in the folder must never be read. A third
	// device's valid bundle ("Ghost AB") becomes a real Syncthing conflict
	// copy: A and B, disconnected, write different files under its name
	// (A's, a half-synced-looking stub, is newer and wins; B's becomes the
	// copy, in both folders). Syncthing never carries its temporary files
	// and they exist only while a file is pulled, so one is planted in B's
	// folder: the same bundle under a `.syncthing.*.tmp` name.
	ghostBundle, ghostDevice := stGhost(t)
	ghostRel := path.Join(exchange.DevicesDir, ghostDevice, ghostBundle.name)
	stub := ghostBundle.bytes[:len(ghostBundle.bytes)/2]
	conflictRel := syncthingtest.MakeConflict(t, stA, stB, ghostRel, stub, ghostBundle.bytes)
	ghostDir := filepath.Join(stB.Folder, filepath.FromSlash(path.Dir(ghostRel)))
	tmpName := ".syncthing." + ghostBundle.name + ".tmp"
	if err := os.WriteFile(filepath.Join(ghostDir, tmpName), ghostBundle.bytes, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("Syncthing made the conflict copy %s at %v", path.Base(conflictRel), time.Since(start).Round(time.Millisecond))

	// Device B syncs with its copy of the folder and sees A's records.
	devB := newCLI(t)
	devB.ok("init", "--advisor", "Ola Nordmann", "--organisation", "Trøndelag fylkeskommune", "--country", "no")
	resB := stSync(devB, stB.Folder)
	if len(resB.Imported) != 1 || resB.Imported[0].Device != deviceA || resB.Applied == 0 {
		t.Fatalf("B's first sync imported %+v (applied %d), want A's one bundle", resB.Imported, resB.Applied)
	}
	stWantReported(t, "B's first sync", resB, map[string][2]string{
		filepath.Join(ghostDir, tmpName):                           {exchange.ActionIgnored, exchange.ReasonEngineTemp},
		filepath.Join(stB.Folder, filepath.FromSlash(conflictRel)): {exchange.ActionIgnored, exchange.ReasonEngineConflict},
		filepath.Join(stB.Folder, filepath.FromSlash(ghostRel)):    {exchange.ActionPending, exchange.ReasonTruncated},
	})
	if o := byID(devB.list("org", "list"), org); o == nil || o["name"] != "Östersunds Glas AB" {
		t.Fatalf("B's org list after sync: %v, want A's organisation %s", o, org)
	}
	if v := byID(devB.list("visit", "list"), visit); v == nil {
		t.Fatalf("B's visit list after sync lacks A's visit %s", visit)
	}

	// B edits the organisation and adds a contact; sync B; Syncthing carries
	// the bundle to A; sync A.
	devB.ok("org", "edit", org, "--name", "Östersunds Glasbruk AB", "--employees", "15")
	contact := devB.id("contact", "add", "--org", org, "--name", "Karin Ek", "--role", "CEO", "--email", "karin@example.se")
	resB = stSync(devB, stB.Folder)
	if len(resB.Written) != 1 || len(resB.Imported) != 0 {
		t.Fatalf("B's second sync: written %+v, imported %+v, want one bundle written, nothing imported", resB.Written, resB.Imported)
	}
	syncthingtest.WaitFiles(t, stB, stSharedFiles(resB), stA)
	syncthingtest.WaitSameTree(t, stA, stB)
	t.Logf("B's bundle delivered to A at %v", time.Since(start).Round(time.Millisecond))

	resA = stSync(devA, stA.Folder)
	if len(resA.Imported) != 1 || resA.Imported[0].Device != resB.Device || len(resA.Written) != 0 || resA.Conflicts != 0 {
		t.Fatalf("A's second sync: %+v, want B's bundle imported, nothing written, no conflict", resA)
	}
	stWantReported(t, "A's second sync", resA, map[string][2]string{
		filepath.Join(stA.Folder, filepath.FromSlash(conflictRel)): {exchange.ActionIgnored, exchange.ReasonEngineConflict},
		filepath.Join(stA.Folder, filepath.FromSlash(ghostRel)):    {exchange.ActionPending, exchange.ReasonTruncated},
	})
	if o := byID(devA.list("org", "list"), org); o == nil || o["name"] != "Östersunds Glasbruk AB" || o["employees"] != 15.0 {
		t.Errorf("A's org after sync: %v, want B's edit", o)
	}
	if c := byID(devA.list("contact", "list"), contact); c == nil || c["name"] != "Karin Ek" {
		t.Errorf("A's contact list lacks B's contact %s: %v", contact, c)
	}

	// Both data folders saw the same changes: the same dump, byte for byte,
	// and nothing of the ghost's.
	dumpA, dumpB := devA.dump(), devB.dump()
	if dumpA != dumpB {
		t.Errorf("ilsa dump differs after syncing through Syncthing:\nA: %s\nB: %s", dumpA, dumpB)
	}
	for _, d := range []string{dumpA, dumpB} {
		if strings.Contains(d, "Ghost AB") || strings.Contains(d, ghostDevice) {
			t.Errorf("a file Syncthing left behind was imported: dump holds the ghost device's record\n%s", d)
		}
	}

	// Once more each way: nothing new anywhere, still identical.
	for _, dev := range []struct {
		c      *cli
		folder string
	}{{devB, stB.Folder}, {devA, stA.Folder}} {
		if r := stSync(dev.c, dev.folder); len(r.Written) != 0 || len(r.Imported) != 0 {
			t.Errorf("a sync with nothing new wrote %+v and imported %+v", r.Written, r.Imported)
		}
	}
	if devA.dump() != devB.dump() {
		t.Error("ilsa dump differs after a sync with nothing new")
	}
	t.Logf("converged in %v", time.Since(start).Round(time.Millisecond))
}

// stSync runs `ilsa sync --folder DIR --json` and decodes its result.
func stSync(c *cli, folder string) exchange.Result {
	c.t.Helper()
	out := c.ok("sync", "--folder", folder, "--json")
	var r exchange.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		c.t.Fatalf("ilsa sync --json: %v\n%s", err, out)
	}
	return r
}

// stSharedFiles lists, relative to the shared folder, the bundles a sync
// wrote and the writer's device.json.
func stSharedFiles(r exchange.Result) []string {
	var out []string
	for _, b := range r.Written {
		out = append(out, path.Join(exchange.DevicesDir, b.Device, filepath.Base(b.File)))
	}
	return append(out, path.Join(exchange.DevicesDir, r.Device, exchange.DeviceFile))
}

// stWantReported checks that each file was reported with its action and reason.
func stWantReported(t *testing.T, what string, r exchange.Result, want map[string][2]string) {
	t.Helper()
	for p, w := range want {
		found := false
		for _, f := range r.Files {
			if stSamePath(f.Path, p) {
				found = true
				if f.Action != w[0] || f.Reason != w[1] {
					t.Errorf("%s reported %s as %s (%s), want %s (%s)", what, p, f.Action, f.Reason, w[0], w[1])
				}
			}
		}
		if !found {
			t.Errorf("%s did not report %s (want %s, %s); files: %+v", what, p, w[0], w[1], r.Files)
		}
	}
}

func stSamePath(a, b string) bool {
	ea, err1 := filepath.EvalSymlinks(a)
	eb, err2 := filepath.EvalSymlinks(b)
	if err1 == nil && err2 == nil {
		return ea == eb
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

type stGhostFile struct {
	name  string
	bytes []byte
}

// stGhost makes a third device with one organisation, "Ghost AB", syncs it
// into a private folder, and returns its bundle and device id.
func stGhost(t *testing.T) (stGhostFile, string) {
	t.Helper()
	g := newCLI(t)
	g.ok("init", "--advisor", "Gustav Ghost")
	g.id("org", "add", "--name", "Ghost AB")
	folder := t.TempDir()
	r := stSync(g, folder)
	if len(r.Written) != 1 {
		t.Fatalf("ghost sync wrote %+v, want one bundle", r.Written)
	}
	p := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), r.Device, filepath.Base(r.Written[0].File))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return stGhostFile{name: filepath.Base(p), bytes: b}, r.Device
}
