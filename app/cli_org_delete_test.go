package app

import (
	"slices"
	"testing"
)

// "org delete --with-visits" deletes the organisation and the visits that
// were only its own; a visit shared with another organisation stays
// theirs. Without the flag (tested with the other errors) nothing goes.
func TestOrgDeleteWithVisits(t *testing.T) {
	c := newCLI(t)
	gone := c.id("org", "add", "--name", "Snåsa Smak AS")
	other := c.id("org", "add", "--name", "Fjällmejeriet AB")
	c.id("visit", "add", "--org", gone, "--date", "2026-03-02")
	shared := c.id("visit", "add", "--org", gone, "--org", other, "--date", "2026-04-02")

	if out := c.ok("org", "delete", "--with-visits", gone); out != "" {
		t.Errorf("org delete printed %q", out)
	}
	visits := c.list("visit", "list", "--json")
	if got := ids(visits); !slices.Equal(got, []string{shared}) {
		t.Fatalf("visits left: %v, want only the shared one", got)
	}
	if orgs, _ := byID(visits, shared)["orgs"].([]any); len(orgs) != 1 || orgs[0] != other {
		t.Errorf("the shared visit names %v, want only %s", byID(visits, shared)["orgs"], other)
	}
	if got := ids(c.list("org", "list", "--json")); !slices.Equal(got, []string{other}) {
		t.Errorf("organisations left: %v", got)
	}
}
