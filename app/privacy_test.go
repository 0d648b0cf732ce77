package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
)

// soleTrader is the personnummer a Swedish sole trader uses as org number.
const soleTrader = "811218-9876"

// Outside the organisation's own page, a sole trader's personnummer is
// shown masked: in the list, its JSON, the duplicates, the indicator
// exports and the client report. `ilsa dump` is the full state (a backup
// of the records) and keeps it.
func TestSoleTradersNumberIsMaskedInListsAndExports(t *testing.T) {
	c := newCLI(t)
	id := c.id("org", "add", "--name", "Anna Berg Snickeri", "--orgnr", soleTrader, "--country", "SE", "--municipality", "2321")
	// A second record of the same sole trader: the duplicates list names the number.
	if _, errOut, code := c.run("org", "add", "--name", "Anna Bergs Snickeri", "--orgnr", soleTrader, "--country", "SE"); code != 0 || !strings.Contains(errOut, "same org number") {
		t.Fatalf("second record: exit %d, %q", code, errOut)
	}
	c.id("org", "add", "--name", "Storsjö Trä AB", "--orgnr", "556036-0793")
	c.id("visit", "add", "--org", id, "--date", "2026-03-02", "--minutes", "60")

	table := c.ok("org", "list")
	if !strings.Contains(table, "811218-****") || !strings.Contains(table, "556036-0793") {
		t.Errorf("org list:\n%s", table)
	}
	for _, r := range c.list("org", "list") {
		if r["name"] == "Storsjö Trä AB" && r["orgnr"] != "5560360793" {
			t.Errorf("a company's number in JSON: %v", r["orgnr"])
		}
		if strings.HasPrefix(r["name"].(string), "Anna") && r["orgnr"] != "811218****" {
			t.Errorf("a sole trader's number in JSON: %v", r["orgnr"])
		}
	}
	dir := t.TempDir()
	csv, xlsx, pdf := filepath.Join(dir, "i.csv"), filepath.Join(dir, "i.xlsx"), filepath.Join(dir, "c.pdf")
	c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", csv)
	c.ok("report", "indicators", "--from", "2026-01-01", "--to", "2026-06-30", "--out", xlsx)
	c.ok("report", "client", "--org", id, "--out", pdf)
	outputs := map[string]string{"duplicates": c.ok("duplicates", "--json")}
	for _, f := range []string{csv, xlsx, pdf} {
		b, _ := os.ReadFile(f)
		outputs[f] = string(b)
	}
	for what, out := range outputs {
		if strings.Contains(out, "9876") {
			t.Errorf("%s holds the personnummer's last digits", what)
		}
	}
	b, _ := os.ReadFile(pdf)
	if text := pdfdoctest.Text(t, b); !strings.Contains(text, "811218-****") || strings.Contains(text, "9876") {
		t.Error("the client report does not name the number masked")
	}
	if !strings.Contains(c.dump(), "8112189876") {
		t.Error("the dump lost the number")
	}
}
