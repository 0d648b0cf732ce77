package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// Submit a period, record a visit after it, and read the difference in
// the report's JSON; the list shows the submission.
func TestReportSubmitAndTheDifferenceSince(t *testing.T) {
	c := indicatorsCLI(t)
	c.ok("init", "--advisor", "Lena Lead", "--organisation", "Peak Innovation")
	id := c.id("report", "submit", "--from", "2026-01-01", "--to", "2026-06-30", "--note", "H1 to the secretariat")

	late := c.id("org", "add", "--name", "Sen Fisk AS", "--country", "NO", "--municipality", "5025", "--kind", "sme")
	visit := c.id("visit", "add", "--org", late, "--date", "2026-06-15", "--minutes", "30")

	var doc struct {
		Submitted struct {
			ID, By, Organisation, Note string
			Indicators                 map[string]struct {
				Value, Now     int
				Added, Removed []string
			}
			Why map[string]struct{ Entity, Reason, Name string }
		}
	}
	out := c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "-")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := doc.Submitted
	if s.ID != id || s.By != "Lena Lead" || s.Organisation != "Peak Innovation" || s.Note != "H1 to the secretariat" {
		t.Errorf("submitted = %+v", s)
	}
	rco01 := s.Indicators["RCO01"]
	if rco01.Value != 2 || rco01.Now != 3 || len(rco01.Added) != 2 || rco01.Added[0] != late || rco01.Added[1] != visit || len(rco01.Removed) != 0 {
		t.Errorf("RCO01 = %+v, want 2 → 3, the new organisation and its visit added", rco01)
	}
	if w := s.Why[visit]; w.Reason != "recorded_after" || w.Entity != "visit" {
		t.Errorf("why the visit: %+v", w)
	}
	if w := s.Why[late]; w.Name != "Sen Fisk AS" {
		t.Errorf("why the organisation: %+v", w)
	}
	// Another period, or a selection of this one, has no submission.
	for _, args := range [][]string{{"--from", "2026-01-01", "--to", "2026-06-29"}, {"--from", "2026-01-01", "--to", "2026-06-30", "--country", "SE"}} {
		out := c.ok(append([]string{"report", "indicators", "--out", "-"}, args...)...)
		if strings.Contains(out, `"submitted"`) {
			t.Errorf("%v shows a submission", args)
		}
	}

	var list []struct {
		ID, From, To, By, Note string
		Figures                map[string]int
	}
	if err := json.Unmarshal([]byte(c.ok("report", "submitted", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != id || list[0].From != "2026-01-01" || list[0].By != "Lena Lead" || list[0].Figures["RCO01"] != 2 || list[0].Figures["RCO84"] != 1 {
		t.Errorf("submitted --json = %+v", list)
	}
	table := c.ok("report", "submitted")
	if !strings.Contains(table, id) || !strings.Contains(table, "H1 to the secretariat") || !strings.Contains(table, "Lena Lead (Peak Innovation)") {
		t.Errorf("submitted:\n%s", table)
	}
}

// Wrong periods are usage errors (exit 2) in the reader's language, and
// nothing is submitted.
func TestReportSubmitWrongCommandLine(t *testing.T) {
	c := indicatorsCLI(t)
	for _, tc := range []struct {
		lang string
		args []string
		want string
	}{
		{"en", []string{"--from", "2026-02-30", "--to", "2026-06-30"}, "--from"},
		{"en", []string{"--from", "2026-01-01", "--to", "soon"}, "--to"},
		{"en", []string{"--from", "2026-07-01", "--to", "2026-06-30"}, "--from must not be later than --to"},
		{"sv", []string{"--from", "2026-07-01", "--to", "2026-06-30"}, "--from får inte vara senare än --to"},
		{"nb", []string{"--from", "2026-07-01", "--to", "2026-06-30"}, "--from kan ikke være senere enn --to"},
		{"en", []string{"--from", "2026-01-01"}, "--to"},
		{"en", []string{"--from", "2026-01-01", "--to", "2026-06-30", "--note", "\x1b[2J"}, ""},
	} {
		out, errOut, code := c.run(append([]string{"--lang", tc.lang, "report", "submit"}, tc.args...)...)
		wantCode := exitUsage
		if tc.want == "" {
			wantCode = 1 // a note no form would store: refused like any invalid value
		}
		if code != wantCode || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s %v: exit %d, stdout %q, stderr %q; want exit %d naming %q", tc.lang, tc.args, code, out, errOut, wantCode, tc.want)
		}
	}
	if out := c.ok("report", "submitted", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("after wrong command lines: %s", out)
	}
}
