package guide

import (
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryLanguageHasTheSameSections fails when a section is missing in
// a language, or has another order number or no title there.
func TestEveryLanguageHasTheSameSections(t *testing.T) {
	want := files0(Sections("en"))
	if len(want) < 10 {
		t.Fatalf("the English guide has %d sections: %v", len(want), want)
	}
	for _, lang := range Languages {
		secs := Sections(lang)
		if got := files0(secs); !slices.Equal(got, want) {
			t.Errorf("%s has the sections %v, English %v", lang, got, want)
		}
		for _, s := range secs {
			if s.Title == "" || s.Title == s.ID || !strings.HasPrefix(s.Markdown, "# ") {
				t.Errorf("%s/%s: the page must start with its title, \"# …\"", lang, s.File)
			}
		}
	}
}

func files0(secs []Section) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.File)
	}
	return out
}

var (
	// mdLink is a Markdown link or picture: ![alt](target) or [text](target).
	mdLink = regexp.MustCompile(`(!?)\[([^\]]*)\]\(([^)\s]+)\)`)
)

// TestLinksAndPicturesPointSomewhere fails when a link between sections
// names a section that does not exist, a link is neither a section nor a
// web address, or a picture is missing or of another language.
func TestLinksAndPicturesPointSomewhere(t *testing.T) {
	for _, lang := range Languages {
		for _, s := range Sections(lang) {
			where := lang + "/" + s.File
			for _, m := range mdLink.FindAllStringSubmatch(s.Markdown, -1) {
				picture, target := m[1] == "!", m[3]
				switch {
				case picture:
					if !strings.HasPrefix(path.Base(target), lang+"-") {
						t.Errorf("%s: picture %s is not in %s", where, target, lang)
					}
					if _, err := os.Stat(path.Join(lang, target)); err != nil {
						t.Errorf("%s: picture %s: %v", where, target, err)
					}
					if strings.TrimSpace(m[2]) == "" {
						t.Errorf("%s: picture %s has no description", where, target)
					}
				case strings.HasPrefix(target, "https://"):
				default:
					id, ok := SectionID(target)
					if !ok {
						t.Errorf("%s: link %s is neither a section nor an https address", where, target)
						continue
					}
					if _, ok := Find(lang, id); !ok {
						t.Errorf("%s: link %s names no section", where, target)
					}
					if !strings.HasPrefix(target, "guide:") {
						if _, err := os.Stat(path.Join(lang, strings.SplitN(target, "#", 2)[0])); err != nil {
							t.Errorf("%s: link %s: no such file (GitHub could not follow it)", where, target)
						}
					}
				}
			}
		}
	}
}

// TestSectionIDReadsLinks pins what counts as a link to a section.
func TestSectionIDReadsLinks(t *testing.T) {
	for target, want := range map[string]string{
		"08-conflicts.md":        "conflicts",
		"./08-conflicts.md#keep": "conflicts",
		"guide:sync":             "sync",
		"12-troubleshooting.md":  "troubleshooting",
		"first-start.md":         "first-start",
	} {
		if got, ok := SectionID(target); !ok || got != want {
			t.Errorf("SectionID(%q) = %q, %v; want %q", target, got, ok, want)
		}
	}
	for _, target := range []string{"https://syncthing.net/", "../../screenshots/sv-today.png", "../indicators.md", "mailto:a@b", "guide:", ".md"} {
		if id, ok := SectionID(target); ok {
			t.Errorf("SectionID(%q) = %q, want no section", target, id)
		}
	}
}

// TestUnknownLanguageGetsEnglish: the app asks in its own language, which
// may one day be one the guide lacks.
func TestUnknownLanguageGetsEnglish(t *testing.T) {
	if got, want := files0(Sections("fi")), files0(Sections("en")); !slices.Equal(got, want) {
		t.Fatalf("fi: %v", got)
	}
	if s, ok := Find("sv", "sync"); !ok || !strings.Contains(s.Markdown, "Synk") {
		t.Fatalf("Find(sv, sync) = %+v, %v", s, ok)
	}
}
