package exchange_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/exchange/team"
	"eu.ilsa.coach/ilsa/data/hlc"
)

func init() { team.ScryptWorkFactor = 10 }

const passphrase = "Storsjön i februari"

func (d *device) keyDir() string { return filepath.Dir(d.path) }

func (d *device) createTeam(folder string) {
	d.t.Helper()
	if _, err := team.Create(folder, d.keyDir(), passphrase, time.Now()); err != nil {
		d.t.Fatal(err)
	}
}

func (d *device) join(folder, pass string) {
	d.t.Helper()
	if _, err := team.Join(folder, d.keyDir(), pass); err != nil {
		d.t.Fatal(err)
	}
}

func (d *device) named(advisor string) *device {
	d.t.Helper()
	if err := d.s.SetProfile(data.Profile{Advisor: advisor, Organisation: "Region Jämtland Härjedalen", Country: "SE", Done: true}); err != nil {
		d.t.Fatal(err)
	}
	return d
}

// filesContaining lists the files under dir whose bytes contain s.
func filesContaining(t *testing.T, dir, s string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte(s)) {
				out = append(out, p)
			}
		}
		return nil
	})
	return out
}

func TestTeamBundlesAndNamesAreEncryptedAndStillSync(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t).named("Åsa Lindqvist"), newDevice(t).named("Ola Nordmann")
	a.createTeam(folder)
	b.join(folder, passphrase)
	o := a.org("Fjällbär Ekonomisk Förening")
	a.setNotes(o.ID, "ringde Kari Ås, 070-123 45 67")
	a.sync(folder)
	res := b.sync(folder)
	if len(res.Files) != 0 || len(res.Imported) != 1 {
		t.Fatalf("member's sync: %+v", res)
	}
	mustEqual(t, "notes on b", b.notes(o.ID), "ringde Kari Ås, 070-123 45 67")
	a.sync(folder)
	for _, secret := range []string{"Fjällbär", "070-123 45 67", "Åsa Lindqvist", "Ola Nordmann", "Jämtland"} {
		if got := filesContaining(t, folder, secret); len(got) > 0 {
			t.Errorf("%q readable in the shared folder: %v", secret, got)
		}
	}
	mustEqual(t, "advisor named for a member", exchange.AdvisorOf(folder, b.keyDir(), a.s.DeviceID()), "Åsa Lindqvist")
	mustEqual(t, "advisor named for an outsider", exchange.AdvisorOf(folder, t.TempDir(), a.s.DeviceID()), "")
	for _, p := range bundles(t, folder, a.s.DeviceID()) {
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", p, fi.Mode())
		}
	}
	if fi, err := os.Stat(filepath.Join(a.keyDir(), team.KeyringFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("local keys: %v %v", fi, err)
	}
}

func TestDeviceOutsideTheTeamKeepsEncryptedFilesForLater(t *testing.T) {
	folder := t.TempDir()
	a, c := newDevice(t), newDevice(t)
	a.createTeam(folder)
	oa := a.org("Krokom Trä AB")
	a.sync(folder)
	oc := c.org("Meråker Fisk AS")
	for range 2 { // and again: not silently skipped as "seen"
		res := c.sync(folder)
		if res.NoTeamKey != 1 || len(res.Imported) != 0 || reasons(res)[filepath.Base(bundles(t, folder, a.s.DeviceID())[0])] != "pending "+exchange.ReasonNoTeamKey {
			t.Fatalf("outsider's sync: %+v", res)
		}
	}
	// Unencrypted and encrypted devices coexist: the member reads the outsider.
	a.sync(folder)
	if _, err := a.s.Organisation(ctx, oc.ID); err != nil {
		t.Fatalf("member did not get the outsider's plain changes: %v", err)
	}
	c.join(folder, passphrase)
	res := c.sync(folder)
	if res.NoTeamKey != 0 || len(res.Files) != 0 {
		t.Fatalf("after joining: %+v", res)
	}
	if _, err := c.s.Organisation(ctx, oa.ID); err != nil {
		t.Fatalf("nothing lost: %v", err)
	}
	a.sync(folder)
	mustEqual(t, "both have everything", c.dump(), a.dump())
}

func TestRotationKeepsOldBundlesReadableAndAsksForTheNewKey(t *testing.T) {
	folder := t.TempDir()
	lead, b := newDevice(t), newDevice(t)
	lead.createTeam(folder)
	b.join(folder, passphrase)
	o1 := lead.org("Före rotationen AB")
	lead.sync(folder)
	if _, err := team.Rotate(folder, lead.keyDir(), "ny lösenfras 2027", time.Now()); err != nil {
		t.Fatal(err)
	}
	o2 := lead.org("Efter rotationen AB")
	lead.sync(folder)
	res := b.sync(folder)
	if res.NewerKey != 1 || len(res.Imported) != 1 {
		t.Fatalf("member without the new key: %+v", res)
	}
	if _, err := b.s.Organisation(ctx, o1.ID); err != nil {
		t.Fatalf("old bundle not read: %v", err)
	}
	// b's own edits go on (with the key it has) and reach the lead.
	ob := b.org("Under tiden AS")
	b.sync(folder)
	lead.sync(folder)
	if _, err := lead.s.Organisation(ctx, ob.ID); err != nil {
		t.Fatalf("lead lost b's edit: %v", err)
	}
	b.join(folder, "ny lösenfras 2027")
	if res := b.sync(folder); res.NewerKey != 0 || len(res.Imported) != 1 {
		t.Fatalf("after joining again: %+v", res)
	}
	if _, err := b.s.Organisation(ctx, o2.ID); err != nil {
		t.Fatalf("new bundle not read: %v", err)
	}
	// A device that joins after the rotation reads both generations.
	late := newDevice(t)
	late.join(folder, "ny lösenfras 2027")
	if res := late.sync(folder); len(res.Files) != 0 {
		t.Fatalf("late member: %+v", res)
	}
	mustEqual(t, "late member has all", late.dump(), lead.dump())
}

// forge writes a log bundle under dev's name into folder, as someone else
// could: encrypted to the team (a member who knows the key) and signed with
// signer, or plain when seal is nil.
func forge(t *testing.T, folder, dev string, seq uint64, orgID, name string, seal *bundle.Seal) string {
	t.Helper()
	c := changelog.Change{Device: dev, Seq: seq, HLC: hlc.FromTime(time.Now().Add(time.Hour)), Entity: "organisation",
		ID: orgID, Field: "name", Value: `"` + name + `"`}
	h := bundle.Header{Kind: bundle.KindLog, Device: dev, FirstSeq: seq, LastSeq: seq, Count: 1, Created: time.Now()}
	var buf bytes.Buffer
	var w *bundle.Writer
	var err error
	if seal != nil {
		w, err = bundle.NewSealedWriter(&buf, h, *seal)
	} else {
		w, err = bundle.NewWriter(&buf, h)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(c); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), dev)
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, exchange.BundleName(seq, w.Sum()))
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (d *device) seal() *bundle.Seal {
	d.t.Helper()
	ring, err := team.LoadKeyring(d.keyDir())
	if err != nil {
		d.t.Fatal(err)
	}
	signer, err := d.s.SigningKey()
	if err != nil {
		d.t.Fatal(err)
	}
	k := ring.Current()
	return &bundle.Seal{Team: ring.Team, KeyGen: k.Generation, Recipient: k.Identity.Recipient(), Signer: signer}
}

func TestForgedAndForeignBundlesAreRefusedAndTheRestImports(t *testing.T) {
	folder := t.TempDir()
	a, b, m := newDevice(t), newDevice(t), newDevice(t)
	a.createTeam(folder)
	b.join(folder, passphrase)
	m.join(folder, passphrase) // a member who turns against a
	o := a.org("Äkta namnet AB")
	a.sync(folder)
	b.sync(folder)
	aDev := a.s.DeviceID()

	// m writes a's next change, encrypted to the team, signed with m's key.
	forged := forge(t, folder, aDev, 2, o.ID, "Förfalskat AB", m.seal())
	// A non-member writes a plain bundle in a's name.
	plain := forge(t, folder, aDev, 3, o.ID, "Okrypterat förfalskat AB", nil)
	// A stranger's team, in the same folder.
	strangerFolder := t.TempDir()
	s := newDevice(t)
	s.createTeam(strangerFolder)
	foreign := forge(t, folder, "stranger-device", 1, o.ID, "Främmande AB", s.seal())
	// a's genuine next bundle, and a copy of it cut short under another device's name.
	a.setNotes(o.ID, "äkta anteckning")
	a.sync(folder)
	genuine := bundles(t, folder, aDev)
	raw, _ := os.ReadFile(genuine[len(genuine)-1])
	cut := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), "half-synced", filepath.Base(genuine[len(genuine)-1]))
	os.MkdirAll(filepath.Dir(cut), 0o755)
	os.WriteFile(cut, raw[:len(raw)*2/3], 0o644)

	for range 2 {
		res := b.sync(folder)
		got := reasons(res)
		for file, want := range map[string]string{
			forged:  "quarantined " + exchange.ReasonSignerChanged,
			plain:   "quarantined " + exchange.ReasonUnsigned,
			foreign: "pending " + exchange.ReasonOtherTeam,
		} {
			if got[filepath.Base(file)] != want {
				t.Errorf("%s: %q, want %q (%+v)", filepath.Base(file), got[filepath.Base(file)], want, res.Files)
			}
		}
		if r := got[filepath.Base(cut)]; !strings.HasPrefix(r, "pending ") || !strings.Contains(r, "damaged") && !strings.Contains(r, "truncated") {
			t.Errorf("cut bundle: %q", r)
		}
	}
	org, err := b.s.Organisation(ctx, o.ID)
	if err != nil || org.Name != "Äkta namnet AB" || org.Notes != "äkta anteckning" {
		t.Fatalf("what b has: %+v %v", org, err)
	}
}

func TestAStrangersTeamFilesOrAChangedDeviceKeyChangeNothing(t *testing.T) {
	folder := t.TempDir()
	a, b := newDevice(t), newDevice(t)
	a.createTeam(folder)
	b.join(folder, passphrase)
	a.org("Före bytet AB")
	a.sync(folder)
	b.sync(folder)
	// A stranger replaces the team's files with a team of their own.
	strangerFolder := t.TempDir()
	s := newDevice(t)
	s.createTeam(strangerFolder)
	for _, f := range []string{team.KeysFile, team.InfoFile} {
		raw, _ := os.ReadFile(filepath.Join(strangerFolder, filepath.FromSlash(team.Dir), f))
		os.WriteFile(filepath.Join(folder, filepath.FromSlash(team.Dir), f), raw, 0o644)
	}

	// The members go on with the key they unwrapped: b still reads a.
	o := a.org("Efter bytet AB")
	res := a.sync(folder)
	if len(res.Written) != 1 {
		t.Fatalf("a's sync: %+v", res)
	}
	// Then someone rewrites a's device.json, naming the stranger's signing key.
	aDev := a.s.DeviceID()
	djPath := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), aDev, exchange.DeviceFile)
	var dj map[string]any
	raw, _ := os.ReadFile(djPath)
	json.Unmarshal(raw, &dj)
	dj["sign_key"] = bundle.EncodeKey(s.seal().Signer.Public().(ed25519.PublicKey))
	raw, _ = json.Marshal(dj)
	os.WriteFile(djPath, raw, 0o644)
	res = b.sync(folder)
	if _, err := b.s.Organisation(ctx, o.ID); err != nil {
		t.Fatalf("b lost a's change after the team files were replaced: %v (%+v)", err, res.Files)
	}
	if reasons(res)[exchange.DeviceFile] != "quarantined "+exchange.ReasonSignerChanged {
		t.Errorf("a changed device key not reported: %+v", res.Files)
	}
	if got := filesContaining(t, folder, "Efter bytet"); len(got) > 0 {
		t.Errorf("written readable after the team files were replaced: %v", got)
	}
	signers, _ := b.s.Signers(ctx)
	pinned := map[string]string{}
	for d, g := range signers {
		pinned[d] = g.PublicKey
	}
	st, err := exchange.ReadTeamStatus(folder, b.keyDir(), b.s.DeviceID(), pinned)
	if err != nil || !st.OtherTeam {
		t.Fatalf("status after the stranger's files: %+v %v", st, err)
	}
	for _, d := range st.Devices {
		if d.Device == aDev && !d.SignerChanged {
			t.Errorf("a not marked as key changed: %+v", d)
		}
	}
}
