package app

import (
	"encoding/json"
	"strings"
	"testing"
)

// `ilsa licenses` names the program's own licence and every third-party
// module the program links, with its licence; --full gives the texts.
func TestLicensesListsEveryModuleWithItsLicence(t *testing.T) {
	out, errOut, code := run(t, nil, "--lang", "sv", "licenses")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"ILSA Coach " + Version, "EUPL-1.2", "Licens",
		"fyne.io/fyne/v2", "github.com/mattn/go-sqlite3", "Go standard library", "DejaVu fonts"} {
		if !strings.Contains(out, want) {
			t.Errorf("ilsa licenses lacks %q:\n%s", want, out)
		}
	}

	out, _, code = run(t, nil, "licenses", "--json", "--full")
	var got struct {
		License    string                                          `json:"license"`
		ThirdParty []struct{ Name, Version, License, Text string } `json:"third_party"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("--json: exit %d, %v", code, err)
	}
	if got.License != License || len(got.ThirdParty) < 20 {
		t.Fatalf("--json: licence %q, %d entries", got.License, len(got.ThirdParty))
	}
	for _, c := range got.ThirdParty {
		if c.License == "" || len(c.Text) < 200 {
			t.Errorf("%s: licence %q, text of %d bytes", c.Name, c.License, len(c.Text))
		}
		if c.Name == "fyne.io/fyne/v2" && (c.Version != "v2.7.1" || c.License != "BSD-3-Clause") {
			t.Errorf("fyne: %s %s", c.Version, c.License)
		}
	}
}
