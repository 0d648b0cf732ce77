package app

import (
	"strings"
	"testing"
)

func TestJointActionCommands(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	se := c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380")
	no := c.id("org", "add", "--name", "Nasjonalparken Næringshage", "--municipality", "5025")
	pilot := c.id("joint", "add", "--kind", "pilot", "--title", "Gränslös turism", "--org", se, "--org", no,
		"--start", "2026-02-01", "--model", "bmc", "--notes", "Paket över gränsen")
	plan := c.id("joint", "add", "--kind", "plan", "--title", "Plan för genomförandeprojektet", "--org", se)
	c.ok("joint", "edit", pilot, "--date", "2026-05-30", "--outcome", "Två nya paket")

	rows := c.list("joint", "list")
	if len(rows) != 2 || rows[0]["id"] != plan || rows[1]["id"] != pilot {
		t.Fatalf("joint list: %v", rows)
	}
	p := rows[1]
	if p["status"] != "completed" || p["date"] != "2026-05-30" || p["cross_border"] != true || p["outcome"] != "Två nya paket" ||
		len(p["orgs"].([]any)) != 2 || p["models"].([]any)[0] != "bmc" {
		t.Fatalf("the completed pilot: %v", p)
	}
	if rows[0]["cross_border"] != false || rows[0]["status"] != "planned" {
		t.Fatalf("the plan: %v", rows[0])
	}
	if got := c.list("joint", "list", "--org", no); len(got) != 1 || got[0]["id"] != pilot {
		t.Fatalf("joint list --org: %v", got)
	}
	if got := c.list("joint", "list", "--kind", "plan"); len(got) != 1 || got[0]["id"] != plan {
		t.Fatalf("joint list --kind plan: %v", got)
	}
	c.env["LANG"] = "sv_SE.UTF-8"
	if out := c.ok("joint", "list"); !strings.Contains(out, "Genomförd") || !strings.Contains(out, "Strategi eller handlingsplan") ||
		!strings.Contains(out, "Peak Innovation, Nasjonalparken Næringshage") {
		t.Fatalf("joint list in Swedish:\n%s", out)
	}
	delete(c.env, "LANG")
	c.ok("joint", "delete", plan)
	if got := c.list("joint", "list"); len(got) != 1 {
		t.Fatalf("after delete: %v", got)
	}

	before := c.dump()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"joint", "add", "--title", "X", "--org", se}, 2, "--kind is required."},
		{[]string{"joint", "add", "--kind", "pilot", "--org", se}, 2, "--title is required."},
		{[]string{"joint", "add", "--kind", "party", "--title", "X", "--org", se}, 2, `"party" is not a valid value for --kind.`},
		{[]string{"joint", "add", "--kind", "pilot", "--title", "X", "--org", se, "--status", "done"}, 2, `"done" is not a valid value for --status.`},
		{[]string{"joint", "list", "--kind", "meeting"}, 2, `"meeting" is not a valid value for --kind.`},
		{[]string{"joint", "add", "--kind", "pilot", "--title", "X", "--org", missingID}, 1, "does not exist or has been deleted"},
		{[]string{"joint", "add", "--kind", "pilot", "--title", "X", "--org", se, "--status", "completed"}, 1, "Date: "},
		{[]string{"joint", "add", "--kind", "pilot", "--title", "X", "--org", se, "--start", "2026-06-01", "--date", "2026-05-01"}, 1, "before the start"},
		{[]string{"joint", "edit", missingID, "--title", "Y"}, 1, "No joint action with id"},
		{[]string{"joint", "delete", plan}, 1, "No joint action with id"},
	} {
		out, errOut, code := c.run(tc.args...)
		assertFailure(t, tc.args, "en", tc.code, out, errOut, code, []string{tc.want})
	}
	if after := c.dump(); after != before {
		t.Fatalf("a refused command changed the data:\n%s\n%s", before, after)
	}
}

// A joint action recorded on one laptop reaches a colleague's through the
// shared folder, partners and all, and an edit there comes back.
func TestJointActionsSyncBetweenAdvisors(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	se := a.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380")
	no := a.id("org", "add", "--name", "Nasjonalparken Næringshage", "--municipality", "5025")
	pilot := a.id("joint", "add", "--kind", "pilot", "--title", "Gränslös turism", "--org", se, "--org", no)
	a.ok("sync", "--folder", shared)
	b.ok("sync", "--folder", shared)
	rows := b.list("joint", "list")
	if len(rows) != 1 || rows[0]["id"] != pilot || rows[0]["cross_border"] != true || len(rows[0]["orgs"].([]any)) != 2 {
		t.Fatalf("the colleague's list: %v", rows)
	}
	b.ok("joint", "edit", pilot, "--date", "2026-05-30")
	b.ok("sync", "--folder", shared)
	a.ok("sync", "--folder", shared)
	if got := a.list("joint", "list"); got[0]["status"] != "completed" || got[0]["date"] != "2026-05-30" {
		t.Fatalf("the edit did not come back: %v", got)
	}
	if a.dump() != b.dump() {
		t.Fatal("the two laptops differ after syncing")
	}
}
