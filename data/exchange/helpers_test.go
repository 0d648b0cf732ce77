package exchange_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
)

var ctx = context.Background()

// device is one installation in a test: its store and its data folder.
type device struct {
	t    *testing.T
	s    *data.Store
	clk  *datatest.Clock
	path string
}

func newDevice(t *testing.T) *device {
	t.Helper()
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s, clk := datatest.OpenAt(t, path)
	return &device{t: t, s: s, clk: clk, path: path}
}

func (d *device) sync(folder string) exchange.Result {
	d.t.Helper()
	res, err := exchange.Sync(ctx, d.s, folder, exchange.Options{App: "test"})
	if err != nil {
		d.t.Fatalf("sync: %v", err)
	}
	return res
}

func (d *device) dump() string { return datatest.Dump(d.t, d.s) }

func (d *device) org(name string) domain.Organisation { return datatest.Org(d.t, d.s, name, "") }

func (d *device) setNotes(id, notes string) {
	d.t.Helper()
	o, err := d.s.Organisation(ctx, id)
	if err != nil {
		d.t.Fatal(err)
	}
	o.Notes = notes
	if err := d.s.UpdateOrganisation(ctx, &o); err != nil {
		d.t.Fatal(err)
	}
}

func (d *device) notes(id string) string {
	d.t.Helper()
	o, err := d.s.Organisation(ctx, id)
	if err != nil {
		d.t.Fatal(err)
	}
	return o.Notes
}

// bundles lists the bundle files in a device's directory, in name order.
func bundles(t *testing.T, folder, dev string) []string {
	t.Helper()
	dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), dev)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), exchange.BundleExt) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// deliver copies files into folder's directory of dev, as a sync engine would.
func deliver(t *testing.T, folder, dev string, files ...string) {
	t.Helper()
	dir := filepath.Join(folder, filepath.FromSlash(exchange.DevicesDir), dev)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func reasons(res exchange.Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Files {
		out[filepath.Base(f.Path)] = f.Action + " " + f.Reason
	}
	return out
}

func mustEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s: got %v, want %v", what, got, want)
	}
}

// cloneOf copies a's database into a new installation, as a disk image of a
// laptop would: same device id, same log.
func cloneOf(t *testing.T, a *device) *device {
	t.Helper()
	a.s.Close()
	dst := filepath.Join(t.TempDir(), data.DBFileName)
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(a.path + suffix)
		if err != nil {
			continue
		}
		if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a.reopen()
	s, clk := datatest.OpenAt(t, dst)
	return &device{t: t, s: s, clk: clk, path: dst}
}

// reopen closes and opens the store again, as a restarted app would.
func (d *device) reopen() {
	d.t.Helper()
	d.s.Close()
	s, clk := datatest.OpenAt(d.t, d.path)
	clk.Set(d.clk.Now())
	d.s, d.clk = s, clk
}
