package app

import (
	"strings"
	"testing"
)

// The second wave from the command line: an innovation actor records whom
// it reached; an enterprise cannot, and nothing changes when refused.
func TestReachCommands(t *testing.T) {
	c := newCLI(t)
	hub := c.id("org", "add", "--name", "Nasjonalparken Næringshage", "--kind", "incubator")
	sme := c.id("org", "add", "--name", "Lierne Laks AS", "--kind", "sme")
	id := c.id("reach", "add", "--actor", hub, "--org", sme, "--others", "11", "--date", "2026-09-10",
		"--notes", "Workshop om BMC")
	l := c.list("reach", "list", "--actor", hub, "--json")
	if len(l) != 1 || l[0]["id"] != id || l[0]["reached"] != float64(12) || l[0]["date"] != "2026-09-10" {
		t.Fatalf("reach list: %v", l)
	}
	before := c.dump()
	c.env["LANG"] = "nb_NO.UTF-8"
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"reach", "add", "--actor", sme, "--others", "3"}, 1, "Bare en innovasjonsaktør"},
		{[]string{"reach", "add", "--actor", hub}, 1, "Oppgi bedriftene som ble nådd"},
		{[]string{"reach", "add", "--actor", hub, "--others", "-1"}, 1, "0"},
		{[]string{"reach", "add", "--others", "3"}, 2, "--actor"},
		{[]string{"reach", "add", "--actor", hub, "--others", "many"}, 2, "many"},
	} {
		_, errOut, code := c.run(bad.args...)
		if code != bad.code || !strings.Contains(errOut, bad.want) {
			t.Errorf("ilsa %s: exit %d %q, want %d and %q", strings.Join(bad.args, " "), code, errOut, bad.code, bad.want)
		}
	}
	if c.dump() != before {
		t.Error("a refused command changed the data")
	}
	if out := c.ok("reach", "list"); !strings.Contains(out, "Nasjonalparken Næringshage") || !strings.Contains(out, "12") {
		t.Errorf("the table:\n%s", out)
	}
}
