package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
)

// filesHolding lists the files under dirs whose bytes hold any of values.
func filesHolding(t *testing.T, values []string, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range values {
				if bytes.Contains(b, []byte(v)) {
					out = append(out, fmt.Sprintf("%s holds %q", p, v))
				}
			}
			return nil
		})
	}
	return out
}

// Through the command line, three advisors on one shared folder: after
// `ilsa contact erase` and `ilsa sync` on every computer, no file of any of
// them (database, write-ahead log, backups) and none in the shared folder
// holds the person's name, e-mail or phone number. The same check through
// the exchange API, with the bundles decoded and the team's encryption
// on, is data/exchange TestErasureLeavesNoByteInAnyFolder.
func TestContactEraseReachesEveryComputer(t *testing.T) {
	folder := t.TempDir()
	devices := []*cli{newCLI(t), newCLI(t), newCLI(t)}
	for i, d := range devices {
		d.ok("init", "--advisor", fmt.Sprintf("Advisor %d", i), "--country", "SE")
	}
	a := devices[0]
	// Plain text in the files: bundles are compressed, so short values are
	// written out in full and a long name repeats.
	person := []string{"Ingrid Vänsterbacka", "ingrid.vansterbacka@example.se", "+4670555123"}
	org := a.id("org", "add", "--name", "Fjällbryggan AB", "--country", "SE")
	contact := a.id("contact", "add", "--org", org, "--name", person[0], "--email", person[1], "--phone", person[2])
	syncAll := func() {
		for _, d := range devices {
			d.ok("sync", "--folder", folder)
		}
	}
	syncAll()
	for _, d := range devices {
		d.ok("backup")
	}
	dirs := []string{folder}
	for _, d := range devices {
		dirs = append(dirs, d.dir)
	}
	if len(filesHolding(t, person, dirs[1:]...)) == 0 {
		t.Fatal("the person is in no data folder before the erasure: the check could not fail")
	}
	if out := a.ok("contact", "erase", contact); !strings.Contains(out, "erased") {
		t.Errorf("contact erase said %q", out)
	}
	syncAll()
	if left := filesHolding(t, person, dirs...); len(left) > 0 {
		t.Errorf("after the erasure and a sync on every computer:\n%s", strings.Join(left, "\n"))
	}
	syncAll()
	if out := a.ok("contact", "list", "--org", org); strings.Contains(out, contact) {
		t.Errorf("the erased contact is still listed:\n%s", out)
	}
}

func TestEraseAndExportCommandsExitAsUsual(t *testing.T) {
	c := newCLI(t)
	org := c.id("org", "add", "--name", "Storsjö Trä AB", "--orgnr", "556036-0793", "--country", "SE")
	sole := c.id("org", "add", "--name", "Anna Berg Snickeri", "--orgnr", soleTrader, "--country", "SE")
	contact := c.id("contact", "add", "--org", org, "--name", "Kari Nordmann", "--email", "kari@example.no", "--phone", "+47 900 12 345")
	c.id("visit", "add", "--org", org, "--date", "2026-03-02", "--minutes", "60", "--notes", "Kari Nordmann visade limträbalkar")

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"contact", "erase"}, 2, "id"},
		{[]string{"contact", "erase", contact, "extra"}, 2, "extra"},
		{[]string{"contact", "erase", "no-such-id"}, 1, "no-such-id"},
		{[]string{"org", "erase", org}, 1, "no personal data"},
		{[]string{"contact", "export", contact, "--out", filepath.Join(t.TempDir(), "kari.txt")}, 2, ".json or .pdf"},
		{[]string{"contact", "export", contact}, 2, "out"},
		{[]string{"contact", "export", "no-such-id", "--out", filepath.Join(t.TempDir(), "x.json")}, 1, "no-such-id"},
	} {
		out, errOut, code := c.run(tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("ilsa %s: exit %d, stderr %q, stdout %q; want exit %d naming %q", strings.Join(tc.args, " "), code, errOut, out, tc.code, tc.want)
		}
	}

	dir := t.TempDir()
	jsonFile, pdfFile := filepath.Join(dir, "kari.json"), filepath.Join(dir, "kari.pdf")
	c.ok("contact", "export", contact, "--out", jsonFile)
	var got struct {
		Contact  map[string]any   `json:"contact"`
		History  []map[string]any `json:"history"`
		Mentions []map[string]any `json:"mentions"`
	}
	b, err := os.ReadFile(jsonFile)
	if err != nil || json.Unmarshal(b, &got) != nil {
		t.Fatalf("export JSON: %v\n%s", err, b)
	}
	if got.Contact["email"] != "kari@example.no" || len(got.History) < 3 || len(got.Mentions) != 1 {
		t.Errorf("export: %s", b)
	}
	c.ok("contact", "export", contact, "--out", pdfFile)
	pdf, err := os.ReadFile(pdfFile)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfdoctest.Text(t, pdf)
	for _, want := range []string{"Everything about this person", "kari@example.no", "+47 900 12 345", "limträbalkar"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}

	c.ok("org", "erase", sole)
	if out := c.ok("org", "list", "--json"); strings.Contains(out, "811218") {
		t.Errorf("the erased personnummer is still listed: %s", out)
	}
	c.ok("contact", "erase", contact)
	c.ok("contact", "export", contact, "--out", jsonFile)
	if b, _ := os.ReadFile(jsonFile); bytes.Contains(b, []byte("kari@example.no")) || !bytes.Contains(b, []byte(`"erased": true`)) {
		t.Errorf("export after the erasure: %s", b)
	}
}
