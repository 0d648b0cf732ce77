package app

import (
	"encoding/json"
	pngpkg "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/ui"
)

func TestRelationCommands(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	cluster := c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380", "--kind", "cluster")
	firm := c.id("org", "add", "--name", "Krokoms Kvarn AB", "--municipality", "2309")
	region := c.id("org", "add", "--name", "Trøndelag fylkeskommune", "--municipality", "5006", "--kind", "region")
	member := c.id("relation", "add", "--from", firm, "--to", cluster, "--kind", "member-of", "--start", "2026-02-01")
	funded := c.id("relation", "add", "--from", cluster, "--to", region, "--kind", "funded-by")
	c.ok("relation", "edit", member, "--end", "2026-12-31", "--notes", "Medlemsavgift betald")

	rows := c.list("relation", "list")
	if len(rows) != 2 || rows[0]["id"] != member || rows[1]["id"] != funded {
		t.Fatalf("relation list: %v", rows)
	}
	if m := rows[0]; m["from"] != firm || m["to"] != cluster || m["kind"] != "member-of" || m["end"] != "2026-12-31" ||
		m["from_name"] != "Krokoms Kvarn AB" || m["cross_border"] != false || m["notes"] != "Medlemsavgift betald" {
		t.Fatalf("the membership: %v", m)
	}
	if rows[1]["cross_border"] != true {
		t.Fatalf("a Swedish cluster funded by a Norwegian county crosses the border: %v", rows[1])
	}
	if got := c.list("relation", "list", "--org", region); len(got) != 1 || got[0]["id"] != funded {
		t.Fatalf("relation list --org (either end): %v", got)
	}
	c.env["LANG"] = "sv_SE.UTF-8"
	if out := c.ok("relation", "list"); !strings.Contains(out, "medlem i") || !strings.Contains(out, "finansieras av") {
		t.Fatalf("relation list in Swedish:\n%s", out)
	}
	c.env["LANG"] = "nb_NO.UTF-8"
	if out := c.ok("relation", "list"); !strings.Contains(out, "finansieres av") {
		t.Fatalf("relation list in Norwegian:\n%s", out)
	}
	delete(c.env, "LANG")
	c.ok("relation", "delete", funded)
	if got := c.list("relation", "list"); len(got) != 1 {
		t.Fatalf("after delete: %v", got)
	}

	before := c.dump()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"relation", "add", "--to", cluster, "--kind", "member-of"}, 2, "--from is required."},
		{[]string{"relation", "add", "--from", firm, "--to", cluster}, 2, "--kind is required."},
		{[]string{"relation", "add", "--from", firm, "--to", cluster, "--kind", "enemy-of"}, 2, `"enemy-of" is not a valid value for --kind.`},
		{[]string{"relation", "add", "--from", firm, "--to", firm, "--kind", "partner-of"}, 1, "cannot be related to itself"},
		{[]string{"relation", "add", "--from", firm, "--to", missingID, "--kind", "partner-of"}, 1, "does not exist or has been deleted"},
		{[]string{"relation", "add", "--from", firm, "--to", cluster, "--kind", "partner-of", "--start", "2026-06-01", "--end", "2026-05-01"}, 1, "before the start"},
		{[]string{"relation", "add", "--from", firm, "--to", cluster, "--kind", "partner-of", "--start", "someday"}, 1, "Start: "},
		{[]string{"relation", "edit", missingID, "--kind", "partner-of"}, 1, "No relation with id"},
		{[]string{"relation", "edit", member}, 2, ""},
		{[]string{"relation", "delete", funded}, 1, "No relation with id"},
		{[]string{"relation", "list", "--org", missingID}, 1, "No organisation with id"},
	} {
		out, errOut, code := c.run(tc.args...)
		want := []string{tc.want}
		if tc.want == "" {
			want = nil
		}
		assertFailure(t, tc.args, "en", tc.code, out, errOut, code, want)
	}
	if after := c.dump(); after != before {
		t.Fatalf("a refused command changed the data:\n%s\n%s", before, after)
	}
}

// A relation recorded on one laptop reaches a colleague's through the
// shared folder, and an edit there comes back.
func TestRelationsSyncBetweenAdvisors(t *testing.T) {
	a, b, shared := twoAdvisors(t)
	firm := a.id("org", "add", "--name", "Krokoms Kvarn AB", "--municipality", "2309")
	hage := a.id("org", "add", "--name", "Nasjonalparken Næringshage", "--municipality", "5025", "--kind", "incubator")
	rel := a.id("relation", "add", "--from", firm, "--to", hage, "--kind", "supported-by")
	a.ok("sync", "--folder", shared)
	b.ok("sync", "--folder", shared)
	rows := b.list("relation", "list", "--org", hage)
	if len(rows) != 1 || rows[0]["id"] != rel || rows[0]["kind"] != "supported-by" || rows[0]["cross_border"] != true {
		t.Fatalf("the colleague's list: %v", rows)
	}
	b.ok("relation", "edit", rel, "--start", "2026-04-01")
	b.ok("sync", "--folder", shared)
	a.ok("sync", "--folder", shared)
	if got := a.list("relation", "list"); got[0]["start"] != "2026-04-01" {
		t.Fatalf("the edit did not come back: %v", got)
	}
	if a.dump() != b.dump() {
		t.Fatal("the two laptops differ after syncing")
	}
}

func TestMapCommand(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	cluster := c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380", "--kind", "cluster")
	firm := c.id("org", "add", "--name", "Krokoms Kvarn AB", "--municipality", "2309", "--kind", "sme")
	hage := c.id("org", "add", "--name", "Nasjonalparken Næringshage", "--municipality", "5025", "--kind", "incubator")
	c.id("relation", "add", "--from", firm, "--to", cluster, "--kind", "member-of", "--start", "2025-05-01")
	c.id("relation", "add", "--from", cluster, "--to", hage, "--kind", "partner-of", "--start", "2026-02-01")

	dir := t.TempDir()
	png := filepath.Join(dir, "karta.png")
	out := c.ok("map", "--out", png, "--project-start", "2026-01-01", "--json")
	var fig struct {
		Actors      int              `json:"actors"`
		ByKind      []map[string]any `json:"actors_by_kind"`
		Relations   int              `json:"relations"`
		CrossBorder int              `json:"cross_border_relations"`
		NewlyLinked *int             `json:"newly_linked_actors"`
	}
	if err := json.Unmarshal([]byte(out), &fig); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if fig.Actors != 3 || fig.Relations != 2 || fig.CrossBorder != 1 || fig.NewlyLinked == nil || *fig.NewlyLinked != 2 || len(fig.ByKind) != 3 {
		t.Fatalf("figures: %s", out)
	}
	f, err := os.Open(png)
	if err != nil {
		t.Fatal(err)
	}
	img, err := pngpkg.Decode(f)
	f.Close()
	if err != nil || img.Bounds().Dx() != ui.MapExportWidth {
		t.Fatalf("the picture: %v %v", err, img.Bounds())
	}
	// Without a project start (none set), the newly linked are not counted.
	if out := c.ok("map", "--json", "--country", "NO"); !strings.Contains(out, `"actors": 1`) || strings.Contains(out, "newly_linked") {
		t.Fatalf("Norway's figures without a start: %s", out)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"map"}, 2, "--out FILE.png"},
		{[]string{"map", "--json", "--country", "DK"}, 2, `"DK" is not a valid value for --country.`},
		{[]string{"map", "--json", "--kind", "bank"}, 2, `"bank" is not a valid value for --kind.`},
		{[]string{"map", "--out", dir}, 1, "is a folder"},
		{[]string{"map", "--out", filepath.Join(dir, "no", "such", "x.png")}, 1, ""},
		{[]string{"map", "--json", "--project-start", "1st of May"}, 1, ""},
	} {
		out, errOut, code := c.run(tc.args...)
		var want []string
		if tc.want != "" {
			want = []string{tc.want}
		}
		assertFailure(t, tc.args, "en", tc.code, out, errOut, code, want)
	}
}
