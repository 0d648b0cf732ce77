package app

import (
	"strings"
	"testing"
)

// A visit records its organisations' sizes from their headcounts; --size
// corrects them, for all of them or for one; a size that is not a class, or
// names an organisation not on the visit, is a wrong command line.
func TestVisitSizeAtTheTime(t *testing.T) {
	c := newCLI(t)
	small := c.id("org", "add", "--name", "Åre Trä AB", "--kind", "sme", "--employees", "14")
	none := c.id("org", "add", "--name", "Fjällbryggeriet", "--kind", "sme")
	v := c.id("visit", "add", "--org", small, "--org", none, "--date", "2026-03-02")
	sizes := func() map[string]any {
		t.Helper()
		for _, row := range c.list("visit", "list") {
			if row["id"] == v {
				return row["sizes"].(map[string]any)
			}
		}
		t.Fatalf("visit %s not listed", v)
		return nil
	}
	if got := sizes(); len(got) != 2 || got[small] != "small" || got[none] != "" {
		t.Errorf("recorded sizes %v, want %s small and %s unknown", got, small, none)
	}
	c.ok("visit", "edit", v, "--size", none+"=micro")
	if got := sizes(); got[small] != "small" || got[none] != "micro" {
		t.Errorf("after --size ID=micro: %v", got)
	}
	c.ok("visit", "edit", v, "--size", "unknown")
	if got := sizes(); got[small] != "" || got[none] != "" {
		t.Errorf("after --size unknown: %v", got)
	}
	for _, bad := range []string{"huge", "", "=micro", "micro=micro", "0190c4c0-not-on-the-visit=small", none + "=", none + "=large=large", "Micro"} {
		out, errOut, code := c.run("visit", "edit", v, "--size", bad)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "--size") {
			t.Errorf("--size %q: exit %d, stdout %q, stderr %q; want exit 2 naming --size", bad, code, out, errOut)
		}
	}
}
