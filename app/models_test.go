package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
)

func TestModelsListShowsTheBundledLibraryInTheUsersLanguage(t *testing.T) {
	c := newCLI(t)
	out := c.ok("--lang", "sv", "models", "list")
	for _, want := range []string{"innovation-readiness", "technology-readiness", "innovation-management-maturity",
		"innovation-pentathlon", "business-model-canvas", "pestel", "agenda-2030", "inbyggd", "skala", "checklista"} {
		if !strings.Contains(out, want) {
			t.Errorf("models list (sv) lacks %q:\n%s", want, out)
		}
	}
	models := c.list("models", "list", "--json")
	if len(models) != 7 {
		t.Fatalf("%d models listed", len(models))
	}
	// Each model is credited: the canvas by its authors and its licence,
	// with the note that its texts were adapted.
	if !strings.Contains(out, "Upphov: Alexander Osterwalder, Strategyzer AG. Licens: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). Texterna är bearbetade") {
		t.Errorf("models list (sv) does not credit the Business Model Canvas:\n%s", out)
	}
	for _, m := range models {
		if m["id"] == "business-model-canvas" && (m["license"] != "CC BY-SA 3.0" || m["author"] != "Alexander Osterwalder, Strategyzer AG" || m["adapted"] != true) {
			t.Errorf("models list --json: the canvas's credits are %v", m)
		}
		if m["license"] == "" || m["license_url"] == "" {
			t.Errorf("models list --json: %v has no licence", m["id"])
		}
	}
}

func TestModelsFromTheDataFolderAddVersionsAndBadFilesAreSkipped(t *testing.T) {
	c := newCLI(t)
	c.ok("org", "list") // creates the data folder
	dir := filepath.Join(c.dir, ModelsDirName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	newer := `id = "pestel"
version = 2
replaces_bundled = true
kind = "canvas"
source = "PESTEL analysis (general method)"
name = { sv = "PESTEL 2", nb = "PESTEL 2", en = "PESTEL 2" }
description = { sv = "Omvärld", nb = "Omverden", en = "Environment" }

[[dimensions]]
id = "political"
name = { sv = "Politiska", nb = "Politiske", en = "Political" }
description = { sv = "Beslut", nb = "Vedtak", en = "Decisions" }
`
	if err := os.WriteFile(filepath.Join(dir, "pestel-v2.toml"), []byte(newer), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.toml"), []byte("id = \"x\"\nversion = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := c.run("models", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "broken.toml:2") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("the broken file should be reported once, with its line: %q", stderr)
	}
	if !strings.Contains(stdout, "PESTEL 2") || !strings.Contains(stdout, "pestel-v2.toml") {
		t.Errorf("the newer version from the folder is not the one listed:\n%s", stdout)
	}
	os.Remove(filepath.Join(dir, "broken.toml"))
	for _, m := range c.list("models", "list", "--json") {
		if m["id"] == "pestel" {
			if m["version"] != float64(2) || len(m["versions"].([]any)) != 2 {
				t.Errorf("pestel: %v", m)
			}
		}
	}
}

func TestAssessRecordsLevelsWithTheNewestModelVersion(t *testing.T) {
	c := newCLI(t)
	org := c.id("org", "add", "--name", "Namsskogan Natur AS")
	id := c.id("assess", "--org", org, "--model", "innovation-readiness", "--level", "customer=3",
		"--level", "team=5", "--date", "2026-11-20")
	doc := c.dumpDoc()
	if len(doc["assessments"]) != 1 || doc["assessments"][0]["id"] != id || doc["assessments"][0]["model_version"] != float64(1) {
		t.Fatalf("assessments: %v", doc["assessments"])
	}
	if len(doc["assessment_answers"]) != 2 {
		t.Fatalf("answers: %v", doc["assessment_answers"])
	}
	before := c.dump()
	for _, args := range [][]string{
		{"assess", "--org", org, "--model", "no-such-model", "--level", "customer=3"},
		{"assess", "--org", org, "--model", "innovation-readiness", "--level", "customer=12"},
		{"assess", "--org", org, "--model", "innovation-readiness", "--level", "weather=2"},
		{"assess", "--org", org, "--model", "innovation-readiness", "--level", "customer"},
		{"assess", "--org", org, "--model", "innovation-readiness"},
	} {
		if _, stderr, code := c.run(args...); code == 0 || !strings.HasPrefix(stderr, "ilsa: ") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if c.dump() != before {
		t.Fatal("a refused assessment changed the database")
	}
}

// Model files a project lead puts in the shared folder's ilsa/v1/models
// are loaded once this device syncs with that folder.
func TestModelsFromTheSharedFolder(t *testing.T) {
	c := newCLI(t)
	shared := t.TempDir()
	c.ok("sync", "--folder", shared)
	dir := filepath.Join(shared, "ilsa", "v1", "models")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "region.toml"), []byte(leadModel), 0o644); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range c.list("models", "list") {
		if m["id"] == "region-readiness" {
			found = true
		}
	}
	if !found {
		out, errOut, _ := c.run("models", "list")
		t.Fatalf("the shared folder's model is not listed:\n%s\n%s", out, errOut)
	}
}

// A model a project lead shares after the window opened reaches the
// client report and the funder exports once the window's next sync
// reloads the library, not only the screens: they read the same library.
func TestTheWindowsReportsKnowAModelSharedAfterStart(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Rådgivare", "--country", "SE")
	org := c.id("org", "add", "--name", "Delad Modell AB", "--country", "SE")
	shared := t.TempDir()
	c.ok("sync", "--folder", shared)
	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opts := windowOptions(st, c.dir, func() time.Time { return fixedNow }, nil)

	dir := filepath.Join(shared, "ilsa", "v1", "models")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "region.toml"), []byte(leadModel), 0o644); err != nil {
		t.Fatal(err)
	}
	c.id("assess", "--org", org, "--model", "region-readiness", "--level", "network=2", "--date", "2026-11-02")

	report := func() string {
		out := filepath.Join(t.TempDir(), "rapport.pdf")
		if _, err := opts.ClientReport(context.Background(), org, "sv", out); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return pdfdoctest.Text(t, b)
	}
	if strings.Contains(report(), "Regional mognad") {
		t.Fatal("the window knew the model before any reload: the test shows nothing")
	}
	if _, ran, err := opts.Sync.SyncNow(true, nil, nil, nil); !ran || err != nil {
		t.Fatalf("the window's sync: ran %v, %v", ran, err)
	}
	if text := report(); !strings.Contains(text, "Regional mognad") || !strings.Contains(text, "Nätverk") {
		t.Errorf("after the reload the client report still lacks the shared model:\n%s", text)
	}
	if _, ok := opts.Reports.(funderReports).lib.Current().Latest("region-readiness"); !ok {
		t.Error("the funder exports' library lacks the shared model after the reload")
	}
}

// leadModel is a model file a project lead shares: a three-level scale.
const leadModel = `id = "region-readiness"
version = 1
kind = "scale"
levels = 3
source = "Project lead, ILSA"
name = { sv = "Regional mognad", nb = "Regional modenhet", en = "Regional readiness" }
description = { sv = "Test", nb = "Test", en = "Test" }

[[dimensions]]
id = "network"
name = { sv = "Nätverk", nb = "Nettverk", en = "Network" }
description = { sv = "N", nb = "N", en = "N" }
levels = [
  { level = 1, sv = "Ett", nb = "En", en = "One" },
  { level = 2, sv = "Två", nb = "To", en = "Two" },
  { level = 3, sv = "Tre", nb = "Tre", en = "Three" },
]
`
