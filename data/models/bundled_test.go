package models

import (
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/assets"
)

// TestBundledModels: every model file shipped in assets/models parses, is
// named after its id, and is complete in three languages; the library every
// installation ships with is there with its agreed structure.
func TestBundledModels(t *testing.T) {
	sub, err := fs.Sub(assets.Models, "models")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(sub, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("assets/models holds no model files: the app would start without its library")
	}

	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(sub, name)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Parse(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if want := m.ID + ".toml"; path.Base(name) != want {
				t.Errorf("file is named %s; a model file is named after its id: %s", name, want)
			}
			// Every bundled model says where it comes from, who made it
			// and under which licence its texts are shipped, with a link.
			if m.Source == "" || m.Author == "" || m.License == "" || m.LicenseURL == "" {
				t.Errorf("credits incomplete: source %q, author %q, license %q, license_url %q", m.Source, m.Author, m.License, m.LicenseURL)
			}
			texts := 0
			// translated: a sentence that reads the same in two languages
			// was most likely not translated (names may well coincide:
			// "Team", "IP").
			translated := func(what string, x Text) {
				t.Helper()
				texts++
				for _, l := range Languages {
					if x.get(l) == "" {
						t.Errorf("%s: no %s text", what, l)
					}
				}
				if x.SV == x.EN || x.NB == x.EN || x.SV == x.NB {
					t.Errorf("%s is the same in two languages: %+v", what, x)
				}
			}
			for _, l := range Languages {
				if m.Name.get(l) == "" {
					t.Errorf("name: no %s text", l)
				}
			}
			translated("description", m.Description)
			for _, d := range m.Dimensions {
				for _, l := range Languages {
					if d.Name.get(l) == "" {
						t.Errorf("dimension %s name: no %s text", d.ID, l)
					}
				}
				translated("dimension "+d.ID+" description", d.Description)
				if m.Kind == KindScale && len(d.Levels) != m.Levels {
					t.Errorf("dimension %s has %d levels, want %d", d.ID, len(d.Levels), m.Levels)
				}
				for _, lv := range d.Levels {
					translated("dimension "+d.ID+" level "+strconv.Itoa(lv.Level), lv.Text)
				}
			}
			t.Logf("%s v%d: %s, %d dimensions, %d sentences checked for translation", m.ID, m.Version, m.Kind, len(m.Dimensions), texts)
		})
	}

	lib, errs := Load(sub)
	for _, err := range errs {
		t.Error(err)
	}
	// The shipped library: kind, number of dimensions and levels where the
	// agreed structure fixes them (0 = not fixed). Assessments from other
	// devices name these models, so their shape must not drift.
	for _, want := range []struct {
		id     string
		kind   Kind
		dims   int
		levels int
	}{
		{"innovation-readiness", KindScale, 6, 9},
		{"technology-readiness", KindScale, 0, 9},
		{"innovation-management-maturity", KindScale, 7, 5},
		{"innovation-pentathlon", "", 5, 0},
		{"business-model-canvas", KindCanvas, 9, 0},
		{"pestel", "", 6, 0},
		{"agenda-2030", KindChecklist, 17, 0},
	} {
		m, ok := lib.Latest(want.id)
		switch {
		case !ok:
			t.Errorf("bundled model %s is missing", want.id)
		case !m.Bundled:
			t.Errorf("%s: not marked bundled", want.id)
		case want.kind != "" && m.Kind != want.kind:
			t.Errorf("%s: kind %s, want %s", want.id, m.Kind, want.kind)
		case want.dims > 0 && len(m.Dimensions) != want.dims:
			t.Errorf("%s: %d dimensions, want %d", want.id, len(m.Dimensions), want.dims)
		case want.levels > 0 && m.Levels != want.levels:
			t.Errorf("%s: %d levels, want %d", want.id, m.Levels, want.levels)
		}
	}
}

// TestDocsExample: the complete example in docs/models.md is a valid model.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/models.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```toml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("no ```toml block in docs/models.md")
	}
	m, err := Parse("export-readiness.toml", []byte(block))
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "export-readiness" || m.Levels != 3 || len(m.Dimensions[0].Levels) != 3 {
		t.Errorf("example = %+v", m)
	}
}
