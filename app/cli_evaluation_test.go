package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvaluationCommands(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	org := c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380")
	visit := c.id("visit", "add", "--org", org, "--date", "2026-03-14")

	forms := c.list("evaluation", "forms")
	if len(forms) != 2 || forms[0]["id"] != "capacity-self-assessment" || forms[1]["id"] != "workshop-evaluation" ||
		forms[0]["before_after"] != true {
		t.Fatalf("evaluation forms: %v", forms)
	}
	for i, overall := range []string{"5", "4", "4"} {
		args := []string{"evaluation", "add", "--form", "workshop-evaluation", "--visit", visit, "--date", "2026-03-14",
			"--answer", "overall=" + overall, "--answer", "takeaways=ideas,methods", "--answer", "role=public", "--gender", "woman", "--country", "NO"}
		if i == 0 {
			args = append(args, "--answer", "best=Fikat, och att få prata med Trøndelag")
		}
		c.id(args...)
	}
	for _, level := range []string{"2", "2", "4", "5"} {
		timing := "before"
		if level > "3" {
			timing = "after"
		}
		c.id("evaluation", "add", "--form", "capacity-self-assessment", "--timing", timing, "--answer", "models-methods="+level,
			"--answer", "customer-needs=3", "--answer", "tailoring=3", "--answer", "innovation-system="+level, "--answer", "inclusion=3")
	}

	var res struct {
		Respondents int
		Questions   []struct {
			ID           string
			Count        int
			Mean         *float64
			Distribution []struct {
				Value string
				Count int
			}
			Texts []string
		}
		ByGender    []any `json:"by_gender"`
		BeforeAfter *struct {
			Change map[string]float64
		} `json:"before_after"`
	}
	out := c.ok("evaluation", "results", "--form", "workshop-evaluation", "--visit", visit, "--json")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	q := res.Questions[0]
	if res.Respondents != 3 || q.ID != "overall" || q.Distribution[3].Count != 2 || q.Distribution[4].Count != 1 ||
		len(res.Questions[6].Texts) != 1 || res.ByGender != nil {
		t.Fatalf("results: %s", out)
	}
	takeaways := res.Questions[4]
	if takeaways.Distribution[0].Value != "methods" || takeaways.Distribution[0].Count != 3 || takeaways.Distribution[1].Count != 0 {
		t.Fatalf("multiple choice: %+v", takeaways)
	}
	out = c.ok("evaluation", "results", "--form", "capacity-self-assessment", "--json")
	res.BeforeAfter = nil
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.BeforeAfter == nil || res.BeforeAfter.Change["models-methods"] != 2.5 {
		t.Fatalf("before/after: %s", out)
	}
	c.env["LANG"] = "nb_NO.UTF-8"
	if out := c.ok("evaluation", "results", "--form", "workshop-evaluation"); !strings.Contains(out, "Evaluering av workshop: 3 respondenter") ||
		!strings.Contains(out, "Hvor fornøyd er du med workshopen som helhet?") {
		t.Fatalf("results in Norwegian:\n%s", out)
	}
	delete(c.env, "LANG")

	before := c.dump()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"evaluation", "add", "--answer", "overall=3"}, 2, "--form is required."},
		{[]string{"evaluation", "add", "--form", "no-such-form"}, 2, `no questionnaire "no-such-form"`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall"}, 2, "is not QUESTION-ID=VALUE"},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "salary=3"}, 2, "is not QUESTION-ID=VALUE"},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=very"}, 2, "takes a whole number"},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=3", "--answer", "overall=4"}, 2, "answered twice"},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=3", "--gender", "robot"}, 2, `"robot" is not a valid value for --gender.`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=3", "--country", "DK"}, 2, `"DK" is not a valid value for --country.`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=3", "--visit", visit, "--joint", visit}, 2, "not both"},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=6"}, 1, `The answer to "overall" is not one the question takes.`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "role=spy", "--answer", "overall=3"}, 1, `The answer to "role"`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "useful=3"}, 1, `"overall" must be answered`},
		{[]string{"evaluation", "add", "--form", "workshop-evaluation", "--answer", "overall=3", "--visit", missingID}, 1, "does not exist or has been deleted"},
		{[]string{"evaluation", "add", "--form", "capacity-self-assessment", "--answer", "models-methods=3"}, 1, "Before or after: "},
		{[]string{"evaluation", "results", "--form", "workshop-evaluation", "--from", "yesterday"}, 2, `"yesterday" is not a valid value for --from.`},
		{[]string{"evaluation", "results"}, 2, "--form is required."},
	} {
		out, errOut, code := c.run(tc.args...)
		assertFailure(t, tc.args, "en", tc.code, out, errOut, code, []string{tc.want})
	}
	if after := c.dump(); after != before {
		t.Fatalf("a refused command changed the data:\n%s\n%s", before, after)
	}
}

// TestABrokenFormFileCostsOnlyItself: a colleague's buggy questionnaire in
// the forms folder is reported in the user's language and skipped; the
// others are listed.
func TestABrokenFormFileCostsOnlyItself(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	dir := filepath.Join(c.dir, FormsDirName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	good := `id = "pilot-feedback"
version = 1
title = { sv = "Återkoppling", nb = "Tilbakemelding", en = "Feedback" }
[[questions]]
id = "useful"
kind = "scale"
text = { sv = "Nytta?", nb = "Nytte?", en = "Useful?" }
low = { sv = "Ingen", nb = "Ingen", en = "None" }
high = { sv = "Stor", nb = "Stor", en = "Great" }
`
	os.WriteFile(filepath.Join(dir, "good.toml"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.toml"), []byte(strings.Replace(good, `"pilot-feedback"`, `"broken-form"`, 1)+"colour = 1\n"), 0o644)
	c.env["LANG"] = "sv_SE.UTF-8"
	out, errOut, code := c.run("evaluation", "forms", "--json")
	if code != 0 || !strings.Contains(errOut, `frågeformulärsfil hoppades över:`) || !strings.Contains(errOut, `broken.toml`) ||
		!strings.Contains(errOut, "okänd nyckel \"colour\"") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, `"pilot-feedback"`) || strings.Contains(out, `"broken-form"`) {
		t.Fatalf("forms: %s", out)
	}
	if out, _, code := c.run("evaluation", "add", "--form", "pilot-feedback", "--answer", "useful=7"); code != 0 || len(out) != 37 {
		t.Fatalf("a response to the lead's form: exit %d, %q", code, out)
	}
}
