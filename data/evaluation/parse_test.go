package evaluation

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const validForm = `id = "demo"
version = 2
title = { sv = "Demo", nb = "Demo", en = "Demo" }

[[questions]]
id = "q1"
kind = "likert"
required = true
text = { sv = "Fråga", nb = "Spørsmål", en = "Question" }
low = { sv = "Lite", nb = "Lite", en = "Little" }
high = { sv = "Mycket", nb = "Mye", en = "Much" }

[[questions]]
id = "pick"
kind = "multiple"
text = { sv = "Välj", nb = "Velg", en = "Choose" }

[[questions.choices]]
id = "a"
text = { sv = "A", nb = "A", en = "A" }

[[questions.choices]]
id = "b"
text = { sv = "B", nb = "B", en = "B" }
`

func codesOf(err error) []string {
	var out []string
	for _, p := range Problems(err) {
		out = append(out, p.Code)
	}
	return out
}

func TestParseValidForm(t *testing.T) {
	f, err := Parse("demo.toml", []byte(validForm))
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != "demo" || f.Version != 2 || len(f.Questions) != 2 || f.Questions[1].Choices[1].ID != "b" ||
		f.Questions[0].Low.In("nb") != "Lite" || !f.Questions[0].Required {
		t.Errorf("parsed %+v", f)
	}
}

// TestParseRefusesBrokenForms: a colleague's typo or a stranger's file is
// refused with what is wrong, never half-read.
func TestParseRefusesBrokenForms(t *testing.T) {
	for name, c := range map[string]struct {
		edit func(string) string
		want string
	}{
		"unknown key":      {func(s string) string { return s + "\ncolour = \"red\"\n" }, CodeKeyUnknown},
		"typo in question": {func(s string) string { return strings.Replace(s, "required = true", "requird = true", 1) }, CodeKeyUnknown},
		"missing language": {func(s string) string { return strings.Replace(s, `nb = "Spørsmål", `, "", 1) }, CodeTranslationMissing},
		"extra language": {func(s string) string {
			return strings.Replace(s, `en = "Question"`, `en = "Question", de = "Frage"`, 1)
		}, CodeKeyUnknown},
		"duplicate question": {func(s string) string { return strings.Replace(s, `id = "pick"`, `id = "q1"`, 1) }, CodeIDDuplicate},
		"duplicate choice":   {func(s string) string { return strings.Replace(s, `id = "b"`, `id = "a"`, 1) }, CodeIDDuplicate},
		"bad kind":           {func(s string) string { return strings.Replace(s, `"likert"`, `"stars"`, 1) }, CodeKindInvalid},
		"likert without ends": {func(s string) string {
			return strings.Replace(s, `low = { sv = "Lite", nb = "Lite", en = "Little" }`, "", 1)
		}, CodeKeyMissing},
		"choices on likert": {func(s string) string { return strings.Replace(s, `kind = "multiple"`, `kind = "text"`, 1) }, CodeUnexpected},
		"version zero":      {func(s string) string { return strings.Replace(s, "version = 2", "version = 0", 1) }, CodeVersionInvalid},
		"version as text":   {func(s string) string { return strings.Replace(s, "version = 2", `version = "2"`, 1) }, CodeTypeInvalid},
		"bad id":            {func(s string) string { return strings.Replace(s, `id = "demo"`, `id = "Demo Form"`, 1) }, CodeIDInvalid},
		"no questions":      {func(s string) string { return s[:strings.Index(s, "[[questions]]")] }, CodeKeyMissing},
		"syntax":            {func(s string) string { return s + "\n[[questions\n" }, CodeSyntax},
		"one choice":        {func(s string) string { return s[:strings.LastIndex(s, "[[questions.choices]]")] }, CodeValueEmpty},
		"absurd text": {func(s string) string {
			return strings.Replace(s, `en = "Question"`, `en = "`+strings.Repeat("x", MaxTextLength+1)+`"`, 1)
		}, CodeTooLong},
		"too many questions": {func(s string) string {
			q := s[strings.Index(s, "[[questions]]"):strings.Index(s, "[[questions]]\nid = \"pick\"")]
			var b strings.Builder
			for i := range MaxQuestions + 1 {
				b.WriteString(strings.Replace(q, `id = "q1"`, `id = "q`+strings.Repeat("x", i%3)+string(rune('a'+i%26))+`"`, 1))
			}
			return s + b.String()
		}, CodeTooMany},
		"deep nesting": {func(s string) string { return s + "x = " + strings.Repeat("[", 5000) }, CodeSyntax},
		"too large":    {func(s string) string { return s + "#" + strings.Repeat("x", MaxFileSize) }, CodeFileUnreadable},
		"not utf-8":    {func(s string) string { return s + "# \xff\n" }, CodeSyntax},
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Parse("demo.toml", []byte(c.edit(validForm)))
			if f != nil || !slices.Contains(codesOf(err), c.want) {
				t.Errorf("got %v, %v; want a %s problem", f, err, c.want)
			}
			for _, p := range Problems(err) {
				if k, _ := p.MessageKey(); k == "" {
					t.Errorf("problem %s has no message", p.Code)
				}
			}
		})
	}
}

func TestBundledForms(t *testing.T) {
	lib := Bundled()
	for _, id := range []string{"workshop-evaluation", "capacity-self-assessment"} {
		f, ok := lib.Latest(id)
		if !ok || !f.Bundled {
			t.Fatalf("%s not bundled", id)
		}
		for _, q := range f.Questions {
			for _, lang := range []string{"sv", "nb", "en"} {
				if q.Text.In(lang) == "" {
					t.Errorf("%s %s: no %s text", id, q.ID, lang)
				}
			}
		}
	}
	capacity, _ := lib.Latest("capacity-self-assessment")
	if !capacity.BeforeAfter {
		t.Error("the capacity self-assessment must be answered before and after")
	}
	for _, q := range []string{"models-methods", "customer-needs", "tailoring", "innovation-system", "inclusion"} {
		if _, ok := capacity.Question(q); !ok {
			t.Errorf("capacity self-assessment lacks %s (expected results 1a–1d and inclusion)", q)
		}
	}
}

// TestLoadSkipsBadFilesAndKeepsTheRest: one broken file in the shared
// folder costs only itself; nobody takes over a bundled form.
func TestLoadSkipsBadFilesAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.toml", validForm)
	write("broken.toml", strings.Replace(validForm, `id = "demo"`, `id = "other"`+"\nfoo = 1", 1))
	write("hijack.toml", strings.Replace(validForm, `id = "demo"`, `id = "workshop-evaluation"`, 1))
	write("notes.txt", "not a form")
	lib, errs := Load(dir, filepath.Join(dir, "missing"))
	if _, ok := lib.Latest("demo"); !ok {
		t.Error("the good file did not load")
	}
	if _, ok := lib.Latest("other"); ok {
		t.Error("the broken file loaded")
	}
	if f, _ := lib.Latest("workshop-evaluation"); !f.Bundled {
		t.Error("a folder file replaced a bundled form")
	}
	var got []string
	for _, e := range errs {
		got = append(got, codesOf(e)...)
	}
	slices.Sort(got)
	if want := []string{CodeBundledReplaced, CodeKeyUnknown}; !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
}
