package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The draft's evaluations chapter has each questionnaire answered in the
// period, and for the capacity self-assessment the means before and after
// and the change — the figures of `ilsa evaluation results`.
func TestReportProjectHasTheEvaluationsBeforeAndAfter(t *testing.T) {
	c := newCLI(t)
	c.env["LANG"] = "sv_SE.UTF-8"
	for _, r := range []struct{ timing, level, date string }{
		{"before", "2", "2026-02-01"}, {"before", "3", "2026-02-01"}, {"after", "4", "2026-05-01"},
		{"after", "5", "2026-05-01"}, {"after", "5", "2026-08-01"}, // the last after the period
	} {
		c.id("evaluation", "add", "--form", "capacity-self-assessment", "--timing", r.timing, "--date", r.date,
			"--answer", "models-methods="+r.level, "--answer", "customer-needs=3", "--answer", "tailoring=3",
			"--answer", "innovation-system="+r.level, "--answer", "inclusion=3")
	}
	out := filepath.Join(t.TempDir(), "draft.md")
	c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{
		"## Utvärderingar: kapacitet som mätts",
		"— 4 svarande",
		"Besvarad före aktiviteterna av 2, efter dem av 2",
		"| Jag förstår etablerade modeller och metoder för att leda innovationsprocesser. | 2,5 | 4,5 | +2,0 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the draft lacks %q:\n%s", want, md[strings.Index(md, "## Utv"):])
		}
	}

	empty := filepath.Join(t.TempDir(), "empty.md")
	c.ok("report", "project", "--from", "2027-01-01", "--to", "2027-06-30", "--out", empty)
	if b, _ := os.ReadFile(empty); !strings.Contains(string(b), "Ingen utvärdering besvarades under perioden.") {
		t.Errorf("an empty period's evaluations chapter:\n%s", b)
	}
}
