// Package guide is ILSA Coach's user guide: Markdown pages in Swedish,
// Norwegian Bokmål and English, embedded so the program carries its help
// offline. The same files are read on GitHub, so links between sections are
// ordinary relative links (`[Conflicts](08-conflicts.md)`) and screenshots
// point into docs/screenshots; the help screen turns the links into jumps
// between sections and leaves the pictures out (see README.md).
package guide

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed sv/*.md nb/*.md en/*.md
var files embed.FS

// Languages the guide is written in; every one has the same sections.
var Languages = []string{"sv", "nb", "en"}

// Section is one page of the guide in one language.
type Section struct {
	// ID names the section in every language: the file name without its
	// order number and .md ("08-conflicts.md" is "conflicts").
	ID string
	// File is the page's file name within its language folder.
	File string
	// Title is the text of the page's first-level heading.
	Title string
	// Markdown is the whole page, its heading included.
	Markdown string
}

// Sections are the guide's pages in lang, in reading order (the order
// number of their file names). An unknown language gets English.
func Sections(lang string) []Section {
	if !isLanguage(lang) {
		lang = "en"
	}
	names, err := fs.Glob(files, lang+"/*.md")
	if err != nil {
		return nil // the pattern is constant and valid
	}
	sort.Strings(names)
	out := make([]Section, 0, len(names))
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			continue
		}
		file := path.Base(name)
		id, _ := SectionID(file)
		md := string(b)
		out = append(out, Section{ID: id, File: file, Title: title(md, id), Markdown: md})
	}
	return out
}

// Find is the section id in lang, if the guide has it.
func Find(lang, id string) (Section, bool) {
	for _, s := range Sections(lang) {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// SectionID reads a link's target as a section of the guide: a page's
// file name ("08-conflicts.md", "./08-conflicts.md#keep", as the pages
// link to each other) or "guide:conflicts". ok is false for anything else
// (web addresses, pictures).
func SectionID(target string) (id string, ok bool) {
	if rest, found := strings.CutPrefix(target, "guide:"); found {
		return rest, rest != ""
	}
	if strings.Contains(target, ":") || strings.Contains(target, "/") && !strings.HasPrefix(target, "./") {
		return "", false
	}
	target = strings.TrimPrefix(target, "./")
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target = target[:i]
	}
	name, found := strings.CutSuffix(target, ".md")
	if !found || name == "" {
		return "", false
	}
	// Drop the order number: "08-conflicts" → "conflicts".
	if i := strings.IndexByte(name, '-'); i > 0 && strings.Trim(name[:i], "0123456789") == "" {
		name = name[i+1:]
	}
	return name, name != ""
}

func isLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// title is the first "# " heading of a page, else its id.
func title(md, id string) string {
	for _, line := range strings.Split(md, "\n") {
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return strings.TrimSpace(t)
		}
	}
	return id
}
