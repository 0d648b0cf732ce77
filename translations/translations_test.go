package translations

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

func loadFile(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func placeholders(v any) []string {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case map[string]any:
		for _, form := range x {
			if fs, ok := form.(string); ok {
				s += fs
			}
		}
	}
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// TestEveryLanguageHasEveryKey fails when a key is missing or empty in any
// language, or when a translation uses other placeholders than English.
func TestEveryLanguageHasEveryKey(t *testing.T) {
	en := loadFile(t, "en.json")
	for _, l := range []string{"sv", "nb"} {
		other := loadFile(t, l+".json")
		for k, v := range en {
			ov, ok := other[k]
			if !ok {
				t.Errorf("%s.json lacks %q", l, k)
				continue
			}
			if s, ok := ov.(string); ok && strings.TrimSpace(s) == "" {
				t.Errorf("%s.json: %q is empty", l, k)
			}
			if m, ok := ov.(map[string]any); ok {
				if _, has := m["other"]; !has {
					t.Errorf("%s.json: plural %q has no \"other\" form", l, k)
				}
			}
			if a, b := placeholders(v), placeholders(ov); !slices.Equal(a, b) {
				t.Errorf("%s.json: %q uses placeholders %v, English %v", l, k, b, a)
			}
		}
		for k := range other {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.json has %q, which en.json lacks", l, k)
			}
		}
	}
}

// keyPattern is what a message key looks like in Go source.
var keyPattern = regexp.MustCompile(`^(cli|error|field|entity|ui|nav|country|visit_type|phase|kind|model_kind|leader|gender|size|sustainability)\.[a-z0-9_.-]+$`)

// codePackages hand out problem codes ("country.unknown", "kind.invalid"),
// never message keys; their literals are not keys.
var codePackages = map[string]bool{"../data": true, "../data/changelog": true, "../data/domain": true, "../data/models": true}

// sourceLiterals collects the string literals of the project's non-test Go
// files, except those of codePackages.
func sourceLiterals(t *testing.T) map[string][]string {
	t.Helper()
	root := ".."
	out := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "bin" || d.Name() == "build") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || codePackages[filepath.Dir(path)] {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		// In maps from problem codes to keys ("choice": "error.choice") the
		// map key is a code, not a message key.
		codes := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.BasicLit); ok {
					if _, ok := kv.Value.(*ast.BasicLit); ok {
						codes[k] = true
					}
				}
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && !codes[lit] {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out[s] = append(out[s], path)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeysInCodeExistAndKeysInFilesAreUsed fails when the code asks for a
// key no file has, or a file keeps a key no code asks for.
func TestKeysInCodeExistAndKeysInFilesAreUsed(t *testing.T) {
	en := loadFile(t, "en.json")
	lits := sourceLiterals(t)
	for lit, where := range lits {
		if keyPattern.MatchString(lit) {
			if _, ok := en[lit]; !ok {
				t.Errorf("%s uses key %q, missing from the translations", where[0], lit)
			}
		}
	}
	for k := range en {
		if _, ok := lits[k]; !ok {
			t.Errorf("key %q is in the translations but no code uses it", k)
		}
	}
}

// TestEveryValidationCodeHasAMessage reads the codes the packages of
// validationDirs hand out.
func TestEveryValidationCodeHasAMessage(t *testing.T) {
	re := regexp.MustCompile(`invalid\("[^"]*", "([^"]+)"`)
	found := 0
	for _, dir := range validationDirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
				continue
			}
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				found++
				if _, ok := errorKeys[m[1]]; !ok {
					t.Errorf("%s/%s: code %q has no message", strings.TrimPrefix(dir, "../"), e.Name(), m[1])
				}
			}
		}
	}
	if found == 0 {
		t.Error("no invalid(field, code) call found: the pattern or the folders are out of date")
	}
}

// validationDirs hand out validation codes through invalid(field, code):
// the values' own rules, and the problems only the store can see.
var validationDirs = []string{"../data/domain", "../data", "../data/changelog"}

// fyneEnglish is Fyne's own English message file, read from the module
// Fyne is built from: the ids Fyne translates.
func fyneEnglish(t *testing.T) map[string]any {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("finding Fyne's module: %v", err)
	}
	return fyneFile(t, os.DirFS(strings.TrimSpace(string(out))), "lang/translations/base.en.json")
}

// fyneFile reads one of Fyne's message files (ours or Fyne's own).
func fyneFile(t *testing.T, fsys fs.FS, name string) map[string]any {
	t.Helper()
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestOurFyneStringsAreFynesIDs fails when Fyne renames or drops a message
// we translate (after an upgrade): our word would silently stop showing.
func TestOurFyneStringsAreFynesIDs(t *testing.T) {
	en := fyneEnglish(t)
	if len(en) < 20 {
		t.Fatalf("Fyne's English file has only %d messages", len(en))
	}
	for _, name := range []string{"fyne/nb.json", "fyne/sv.json"} {
		for k := range fyneFile(t, FyneFiles, name) {
			if _, ok := en[k]; !ok {
				t.Errorf("%s translates %q, which Fyne's English file does not have", name, k)
			}
		}
	}
}

func TestNorwegianCoversFyneStrings(t *testing.T) {
	m := fyneFile(t, FyneFiles, "fyne/nb.json")
	for k := range fyneEnglish(t) {
		if _, ok := m[k]; !ok {
			t.Errorf("fyne/nb.json lacks %q", k)
		}
	}
	if m["Cancel"] != "Avbryt" || m["monday"] != "Mandag" {
		t.Errorf("unexpected Norwegian: Cancel=%v monday=%v", m["Cancel"], m["monday"])
	}
}

func TestDatesAndNumbersInEachReadersForm(t *testing.T) {
	d := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"sv": "2026-11-27", "nb": "27.11.2026", "en": "27 Nov 2026"} {
		l := New(lang)
		if got := l.Date(d); got != want {
			t.Errorf("%s date: %q want %q", lang, got, want)
		}
		back, err := l.ParseDate(want)
		if err != nil || !back.Equal(d) {
			t.Errorf("%s parse %q: %v %v", lang, want, back, err)
		}
	}
	if got := New("sv").Number(12345); got != "12\u00a0345" {
		t.Errorf("sv number %q", got)
	}
	if got := New("en").Number(-1234567); got != "−1,234,567" {
		t.Errorf("en number %q", got)
	}
}

func TestLanguageFromLocaleNames(t *testing.T) {
	for in, want := range map[string]string{"nb_NO.UTF-8": "nb", "no": "nb", "nn_NO": "nb", "sv_SE.UTF-8": "sv",
		"C.UTF-8": "en", "": "en", "de_DE": "en", "en_GB": "en"} {
		if got := Normalise(in); got != want {
			t.Errorf("Normalise(%q) = %q want %q", in, got, want)
		}
	}
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "nb_NO.UTF-8")
	if got := FromEnvironment(os.Getenv); got != "nb" {
		t.Errorf("LANG=nb_NO: %q", got)
	}
	t.Setenv("LANGUAGE", "sv:en")
	if got := FromEnvironment(os.Getenv); got != "sv" {
		t.Errorf("LANGUAGE=sv:en: %q", got)
	}
}

func TestErrorsReadInTheUsersLanguage(t *testing.T) {
	_, err := domain.ParseOrgNumber("556036-0794", "")
	sv := New("sv").Error(err)
	if !strings.Contains(sv, "Organisationsnummer") || !strings.Contains(sv, "Kontrollsiffran") {
		t.Errorf("sv: %q", sv)
	}
	nb := New("nb").Error(&domain.NotFoundError{Entity: domain.EntityOrganisation, ID: "x1"})
	if !strings.Contains(nb, "organisasjon") || !strings.Contains(nb, "x1") {
		t.Errorf("nb: %q", nb)
	}
	_, err = domain.ParseOrgNumber("988077917", domain.CountrySE)
	if en := New("en").Error(err); !strings.Contains(en, "Norway") {
		t.Errorf("country placeholder not translated: %q", en)
	}
	// Opening while a backup is restored into the folder.
	if sv := New("sv").Error(fmt.Errorf("open: %w", data.ErrInUse)); !strings.Contains(sv, "säkerhetskopia håller på att återställas") {
		t.Errorf("in use: %q", sv)
	}
}
