package app

import (
	"strings"
	"testing"
)

// The findings log from the command line: add prints the id, list finds by
// step and by words (folded), and bad input changes nothing.
func TestFindingCommands(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	org := c.id("org", "add", "--name", "Peak Innovation")
	joint := c.id("joint", "add", "--kind", "pilot", "--title", "Pilot", "--org", org)
	pilot := c.id("finding", "add", "--text", "Företagen vill ha korta träffar på plats", "--step", "pilot",
		"--org", org, "--joint", joint, "--model", "bmc", "--date", "2026-05-02")
	bench := c.id("finding", "add", "--text", "Innovasjonsløft kombinerer mentorer och nätverk", "--step", "benchmarking",
		"--kind", "benchmark", "--source", "Trøndelag fylkeskommune")

	all := c.list("finding", "list", "--json")
	if got := ids(all); len(got) != 2 || got[0] != bench || got[1] != pilot {
		t.Fatalf("finding list: %v, want the benchmarking step first", got)
	}
	p := byID(all, pilot)
	if p["step"] != "pilot" || p["kind"] != "finding" || p["author"] != "Anna Berg" || p["date"] != "2026-05-02" ||
		p["orgs"].([]any)[0] != org || p["joints"].([]any)[0] != joint {
		t.Errorf("the pilot finding: %v", p)
	}
	if got := ids(c.list("finding", "list", "--search", "TRAFFAR foretagen", "--json")); len(got) != 1 || got[0] != pilot {
		t.Errorf("search: %v", got)
	}
	if got := ids(c.list("finding", "list", "--step", "benchmarking", "--json")); len(got) != 1 || got[0] != bench {
		t.Errorf("by step: %v", got)
	}
	c.ok("finding", "edit", bench, "--step", "capacity")
	c.env["LANG"] = "sv_SE.UTF-8"
	if out := c.ok("finding", "list"); !strings.Contains(out, "Kapacitetsbyggande") || !strings.Contains(out, "Omvärldsexempel") {
		t.Errorf("the table in Swedish:\n%s", out)
	}

	before := c.dump()
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"finding", "add", "--text", "x", "--step", "step-6"}, 2, "step-6"},
		{[]string{"finding", "add", "--step", "pilot"}, 2, "--text"},
		{[]string{"finding", "add", "--text", "x", "--step", "pilot", "--kind", "rumour"}, 2, "rumour"},
		{[]string{"finding", "add", "--text", "x", "--step", "pilot", "--org", missingID}, 1, "finns inte"},
		{[]string{"finding", "add", "--text", "  ", "--step", "pilot"}, 1, "Lärdom"},
		{[]string{"finding", "add", "--text", "x", "--step", "pilot", "--date", "2026-02-30"}, 1, "Datum"},
		{[]string{"finding", "list", "--step", "later"}, 2, "later"},
	} {
		_, errOut, code := c.run(bad.args...)
		if code != bad.code || !strings.Contains(errOut, bad.want) {
			t.Errorf("ilsa %s: exit %d %q, want %d and %q", strings.Join(bad.args, " "), code, errOut, bad.code, bad.want)
		}
	}
	if c.dump() != before {
		t.Error("a refused command changed the data")
	}
	c.ok("finding", "delete", pilot)
	if got := ids(c.list("finding", "list", "--json")); len(got) != 1 {
		t.Errorf("after delete: %v", got)
	}
}
