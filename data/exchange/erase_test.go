package exchange_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/exchange/team"
	"filippo.io/age"
)

// syncErasing is a sync as the app runs it: erasures reach the backups too.
func (d *device) syncErasing(folder string) exchange.Result {
	d.t.Helper()
	dir := filepath.Dir(d.path)
	res, err := exchange.Sync(ctx, d.s, folder, exchange.Options{App: "test",
		EraseBackups: func(ctx context.Context, er []changelog.Erasure) error { return backup.Erase(ctx, dir, er) }})
	if err != nil {
		d.t.Fatalf("sync: %v", err)
	}
	return res
}

// THE CHECK of issue 15 §2: after an erasure and a sync round on every
// device, no byte of the person is left in the shared folder or in any
// device's data folder (database, write-ahead log, backups), with the team's
// encryption off and on.
func TestErasureLeavesNoByteInAnyFolder(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			folder := t.TempDir()
			a, b, c := newDevice(t), newDevice(t), newDevice(t)
			devices := []*device{a, b, c}
			if encrypted {
				a.createTeam(folder)
				b.join(folder, passphrase)
				c.join(folder, passphrase)
			}
			name, email, phone, phone2 := "Ingrid Vänsterbacka", "ingrid.v@example.se", "070-555 12 34", "+46 63 987 65"
			person := []string{name, email, phone, phone2}
			org := a.org("Fjällbryggan AB")
			ct := domain.Contact{OrgID: org.ID, Name: name, Email: email, Phone: phone}
			if err := a.s.CreateContact(ctx, &ct); err != nil {
				t.Fatal(err)
			}
			round := func() {
				for _, d := range devices {
					d.syncErasing(folder)
				}
			}
			round()
			// b's own bundles hold the person too: b changed the phone.
			got, err := b.s.Contact(ctx, ct.ID)
			if err != nil {
				t.Fatal(err)
			}
			got.Phone = phone2
			if err := b.s.UpdateContact(ctx, &got); err != nil {
				t.Fatal(err)
			}
			round()
			for _, d := range devices {
				if _, err := backup.Now(ctx, d.s, filepath.Dir(d.path), d.clk.Now()); err != nil {
					t.Fatal(err)
				}
			}
			where := []string{folder}
			for _, d := range devices {
				where = append(where, filepath.Dir(d.path))
			}
			holding := func() []string {
				var out []string
				for _, dir := range where {
					for _, v := range person {
						for _, f := range filesContaining(t, dir, v) {
							out = append(out, fmt.Sprintf("%s holds %q", f, v))
						}
					}
				}
				return out
			}
			// A bundle is compressed (and maybe encrypted): its values are
			// read back with a member's keys, not only searched as bytes.
			keyring, err := team.LoadKeyring(a.keyDir())
			if err != nil {
				t.Fatal(err)
			}
			keys := func(h bundle.Header) (age.Identity, error) { return keyring.Identity(h.KeyGen), nil }
			inBundles := func() []string {
				var out []string
				filepath.WalkDir(folder, func(p string, e os.DirEntry, err error) error {
					if err != nil || !strings.HasSuffix(p, exchange.BundleExt) {
						return err
					}
					f, err := os.Open(p)
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					r, err := bundle.Open(f, keys)
					if err != nil {
						t.Fatalf("%s: %v", p, err)
					}
					for {
						ch, err := r.Next()
						if err == io.EOF {
							break
						}
						if err != nil {
							t.Fatalf("%s: %v", p, err)
						}
						for _, v := range person {
							if strings.Contains(ch.Value, v) {
								out = append(out, fmt.Sprintf("%s carries %q", p, v))
							}
						}
					}
					return nil
				})
				return out
			}
			if len(holding()) == 0 || len(inBundles()) == 0 {
				t.Fatal("the person is nowhere before the erasure: the check could not fail")
			}

			if err := a.s.EraseContact(ctx, ct.ID); err != nil {
				t.Fatal(err)
			}
			round()
			if left := append(holding(), inBundles()...); len(left) > 0 {
				t.Errorf("after an erasure and a sync round on every device:\n%s", strings.Join(left, "\n"))
			}
			// The reports that each device is done travel with the next round.
			round()
			for i, d := range devices {
				er, err := d.s.Erasures(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(er) != 1 || len(er[0].Done) != 3 {
					t.Errorf("device %d: erasures %+v; want one, done on 3 devices", i, er)
				}
				if res := d.syncErasing(folder); len(res.Files) != 0 || res.Clones != 0 {
					t.Errorf("device %d: a sync after the erasure reports %+v", i, res.Files)
				}
			}
			if a.dump() != b.dump() || b.dump() != c.dump() {
				t.Error("the devices' dumps differ after the erasure")
			}
		})
	}
}

// A bundle written plain before its device joined a team is rewritten
// plain: the others take a plain bundle numbered after the device's first
// signed one for a forgery, so a newcomer reading the folder must still
// import every bundle.
func TestRewrittenBundleKeepsItsEnvelope(t *testing.T) {
	folder := t.TempDir()
	a := newDevice(t)
	org := a.org("Fjällbryggan AB")
	ct := domain.Contact{OrgID: org.ID, Name: "Ingrid Vänsterbacka", Email: "ingrid.v@example.se"}
	if err := a.s.CreateContact(ctx, &ct); err != nil {
		t.Fatal(err)
	}
	a.syncErasing(folder)
	a.createTeam(folder)
	a.org("Storsjö Trä AB")
	a.syncErasing(folder)
	if err := a.s.EraseContact(ctx, ct.ID); err != nil {
		t.Fatal(err)
	}
	if res := a.syncErasing(folder); res.Rewritten != 1 {
		t.Fatalf("rewritten %d bundles, want the first", res.Rewritten)
	}
	files := bundles(t, folder, a.s.DeviceID())
	head, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if head[9] != 0 {
		t.Errorf("the first bundle was plain and is now envelope %d", head[9])
	}
	b := newDevice(t)
	b.join(folder, passphrase)
	res := b.syncErasing(folder)
	if len(res.Files) != 0 {
		t.Errorf("a newcomer's sync reports %+v", res.Files)
	}
	if a.dump() != b.dump() {
		t.Error("the newcomer's dump differs")
	}
}
