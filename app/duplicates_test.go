package app

import (
	"strings"
	"testing"
)

func TestDuplicatesAndMergeOnTheCommandLine(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Svensson", "--country", "SE")
	keep := c.id("org", "add", "--name", "Fjällbygg AB", "--municipality", "2321")
	dup := c.id("org", "add", "--name", "Fjällbyg AB", "--municipality", "2321", "--employees", "14")
	c.id("contact", "add", "--org", dup, "--name", "Maja Berg")
	c.id("visit", "add", "--org", dup, "--date", "2026-10-01")

	pairs := c.list("duplicates")
	if len(pairs) != 1 || pairs[0]["reason"] != "name" {
		t.Fatalf("duplicates: %v", pairs)
	}
	c.env["LANG"] = "sv_SE.UTF-8"
	if out := c.ok("duplicates"); !strings.Contains(out, "Nästan samma namn i samma kommun") {
		t.Errorf("duplicates in Swedish: %q", out)
	}
	before := c.dump()
	if _, errOut, code := c.run("org", "merge", keep); code != 2 || !strings.Contains(errOut, "ange id") {
		t.Errorf("one id: exit %d, %q", code, errOut)
	}
	if _, errOut, code := c.run("org", "merge", keep, keep); code != 1 || !strings.Contains(errOut, "sig själv") {
		t.Errorf("itself: exit %d, %q", code, errOut)
	}
	if c.dump() != before {
		t.Fatal("a failed merge changed the data")
	}
	out := c.ok("org", "merge", keep, dup)
	if !strings.Contains(out, "2 poster flyttade (1 kontakter, 1 besök") {
		t.Errorf("merge said %q", out)
	}
	orgs := c.list("org", "list")
	if len(orgs) != 1 || orgs[0]["id"] != keep || orgs[0]["employees"] != float64(14) || orgs[0]["visits"] != float64(1) {
		t.Fatalf("after the merge: %v", orgs)
	}
	if pairs := c.list("duplicates"); len(pairs) != 0 {
		t.Errorf("still flagged: %v", pairs)
	}
}

func TestActionLinkedToADimensionOnTheCommandLine(t *testing.T) {
	c := newCLI(t)
	org := c.id("org", "add", "--name", "Åre Cykel AB")
	c.id("action", "add", "--org", org, "--text", "Boka patentrådgivning", "--dimension", "innovation-readiness/ipr")
	doc := c.dumpDoc()
	if a := doc["actions"]; len(a) != 1 || a[0]["model_id"] != "innovation-readiness" || a[0]["dimension"] != "ipr" {
		t.Fatalf("stored %v", doc["actions"])
	}
	if _, errOut, code := c.run("action", "add", "--org", org, "--text", "x", "--dimension", "innovation-readiness/weather"); code != 2 ||
		!strings.Contains(errOut, "weather") {
		t.Errorf("unknown dimension: exit %d, %q", code, errOut)
	}
}
