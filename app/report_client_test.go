package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportClient(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Rådgivare")
	org := c.id("org", "add", "--name", "Åsa-Östra Äppelmusteri AB", "--country", "SE", "--municipality", "2380")
	c.id("visit", "add", "--org", org, "--date", "2026-10-01", "--notes", "Genomgång av kundintervjuer")
	c.id("assess", "--org", org, "--model", "innovation-readiness", "--level", "customer=3", "--level", "team=4", "--date", "2026-10-01")
	dir := t.TempDir()

	out := filepath.Join(dir, "rapport.pdf")
	stdout := c.ok("--lang", "sv", "report", "client", "--org", org, "--out", out)
	if !strings.HasPrefix(stdout, "Skrev "+out+" (") || !strings.HasSuffix(stdout, "sidor)\n") && !strings.HasSuffix(stdout, "sida)\n") {
		t.Errorf("stdout %q", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("report not written: %v", err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}

	// --lang after the command chooses the report's language; messages
	// stay in the session's (English here).
	nb := filepath.Join(dir, "nb.pdf")
	if stdout := c.ok("report", "client", "--org", org, "--lang", "nb", "--out", nb); !strings.HasPrefix(stdout, "Wrote "+nb) {
		t.Errorf("stdout %q", stdout)
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown org", []string{"report", "client", "--org", "nope", "--out", filepath.Join(dir, "x.pdf")}, exitError, "nope"},
		{"missing folder", []string{"report", "client", "--org", org, "--out", filepath.Join(dir, "missing", "x.pdf")}, exitError, "does not exist"},
		{"out is a folder", []string{"report", "client", "--org", org, "--out", dir}, exitError, "is a folder"},
		{"no --org", []string{"report", "client", "--out", filepath.Join(dir, "x.pdf")}, exitUsage, "--org"},
		{"no --out", []string{"report", "client", "--org", org}, exitUsage, "--out"},
		{"bad --lang", []string{"report", "client", "--org", org, "--lang", "de", "--out", filepath.Join(dir, "x.pdf")}, exitUsage, "de"},
		{"extra argument", []string{"report", "client", "--org", org, "--out", filepath.Join(dir, "x.pdf"), "more"}, exitUsage, "more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := c.run(tc.args...)
			if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") > 2 {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q", code, tc.code, stdout, stderr)
			}
		})
	}
	// Failed runs leave no file and no temporary file behind.
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "nb.pdf rapport.pdf" {
		t.Errorf("folder holds %v, want only the two reports", names)
	}
}
