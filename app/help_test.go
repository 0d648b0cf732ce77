package app

import (
	"flag"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/translations"
)

// intros is how "ilsa help" begins in each language.
var intros = map[string]string{
	"en": "Without a command, the desktop app opens.",
	"sv": "Utan kommando öppnas skrivbordsappen.",
	"nb": "Uten kommando åpnes skrivebordsappen.",
}

// declaredFlags are the flags command c parses.
func declaredFlags(c command) []*flag.Flag {
	fs := newFlags(c.name())
	c.flags(fs)
	var out []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) { out = append(out, f) })
	return out
}

// helpEntry is the part of the overview about the command called name: from
// its line to the next command's.
func helpEntry(out, name string) string {
	var entry []string
	for _, l := range lines(out) {
		isCommand := strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "   ")
		switch {
		case isCommand && (l == "  "+name || strings.HasPrefix(l, "  "+name+" ")):
			entry = append(entry, l)
		case isCommand && entry != nil:
			return strings.Join(entry, "\n")
		case entry != nil:
			entry = append(entry, l)
		}
	}
	return strings.Join(entry, "\n")
}

// TestHelpListsEveryCommandAndFlag: "ilsa help", in every language and
// however it is asked for, names every command of the table with its
// summary and every flag it takes.
func TestHelpListsEveryCommandAndFlag(t *testing.T) {
	for _, tc := range []struct {
		lang string
		env  map[string]string
		args []string
	}{
		{"en", nil, []string{"help"}},
		{"en", nil, []string{"--help"}},
		{"en", nil, []string{"-h"}},
		{"sv", nil, []string{"--lang", "sv", "help"}},
		{"sv", map[string]string{"LANG": "sv_SE.UTF-8"}, []string{"--help"}},
		{"nb", nil, []string{"--lang", "nb", "--help"}},
		{"nb", map[string]string{"LANG": "nb_NO.UTF-8"}, []string{"help"}},
	} {
		out, errOut, code := run(t, tc.env, tc.args...)
		if code != 0 || errOut != "" {
			t.Errorf("ilsa %v: exit %d, stderr %q", tc.args, code, errOut)
		}
		if !strings.Contains(out, intros[tc.lang]) || !strings.Contains(out, "ilsa [--data ") || !strings.Contains(out, "[--lang sv|nb|en]") {
			t.Errorf("ilsa %v (env %v) begins %q, want the %s introduction with --data and --lang", tc.args, tc.env, firstLine(out), tc.lang)
		}
		tr := translations.New(tc.lang)
		for _, c := range commands {
			entry := helpEntry(out, c.name())
			if entry == "" {
				t.Errorf("ilsa %v: no line for %q", tc.args, c.name())
				continue
			}
			if !strings.Contains(entry, tr.T(c.help)) {
				t.Errorf("ilsa %v: %q lacks its summary %q:\n%s", tc.args, c.name(), tr.T(c.help), entry)
			}
			for _, f := range declaredFlags(c) {
				if !strings.Contains(entry, "--"+f.Name) {
					t.Errorf("ilsa %v: %q lacks --%s:\n%s", tc.args, c.name(), f.Name, entry)
				}
			}
		}
	}
}

// TestEveryCommandAndFlagIsDocumented: each command's own help, in en, sv
// and nb, has its summary and a line with a text for every flag; a flag
// that takes a value names it.
func TestEveryCommandAndFlagIsDocumented(t *testing.T) {
	for _, lang := range []string{"en", "sv", "nb"} {
		tr := translations.New(lang)
		for _, c := range commands {
			for key, what := range map[string]string{c.help: "summary", c.operands: "operands"} {
				if key != "" && (tr.T(key) == key || strings.TrimSpace(tr.T(key)) == "") {
					t.Errorf("%s: %q has no %s in %s (key %q)", lang, c.name(), what, lang, key)
				}
			}
			out, errOut, code := run(t, nil, append([]string{"--lang", lang, "help"}, c.path...)...)
			if code != 0 || errOut != "" || !strings.HasPrefix(out, "ilsa "+c.name()) {
				t.Errorf("ilsa --lang %s help %s: exit %d, stderr %q, begins %q", lang, c.name(), code, errOut, firstLine(out))
				continue
			}
			if !strings.Contains(out, "\n"+tr.T(c.help)+"\n") {
				t.Errorf("ilsa --lang %s help %s lacks the summary %q", lang, c.name(), tr.T(c.help))
			}
			ls := lines(out)
			for _, f := range declaredFlags(c) {
				text := tr.T(f.Usage)
				if f.Usage == "" || text == f.Usage {
					t.Errorf("%s: %s --%s has no help text (key %q)", lang, c.name(), f.Name, f.Usage)
					continue
				}
				_, isBool := f.Value.(interface{ IsBoolFlag() bool })
				if !isBool && !strings.HasPrefix(text, "`") {
					t.Errorf("%s: %s --%s takes a value, but its help %q does not name it (`VALUE` first)", lang, c.name(), f.Name, text)
				}
				i := 0
				for i < len(ls) && ls[i] != "  --"+f.Name && !strings.HasPrefix(ls[i], "  --"+f.Name+" ") {
					i++
				}
				if i+1 >= len(ls) || !strings.HasPrefix(ls[i+1], "      ") || strings.TrimSpace(ls[i+1]) == "" {
					t.Errorf("ilsa --lang %s help %s: no line explaining --%s:\n%s", lang, c.name(), f.Name, out)
				}
			}
		}
	}
}

// TestCommandHelp: "ilsa help visit add", "ilsa visit add --help" and
// "ilsa visit add -h" print the same help of that one command (exit 0); a
// group's help lists its commands; help for what does not exist is a usage
// error like any unknown command.
func TestCommandHelp(t *testing.T) {
	want, _, _ := run(t, nil, "help", "visit", "add")
	if !strings.HasPrefix(want, "ilsa visit add --org ID [--org ID ...] --date DATE") ||
		!strings.Contains(want, "\n  --cross-border\n      the visit was across the Swedish–Norwegian border\n") ||
		strings.Contains(want, "visit list") {
		t.Errorf("ilsa help visit add printed:\n%s", want)
	}
	for _, args := range [][]string{{"visit", "add", "--help"}, {"visit", "add", "-h"}, {"visit", "add", "--org", "x", "--help"}} {
		out, errOut, code := run(t, nil, args...)
		if code != 0 || errOut != "" || out != want {
			t.Errorf("ilsa %v: exit %d, stderr %q, stdout %q; want the help of visit add", args, code, errOut, firstLine(out))
		}
	}
	out, errOut, code := run(t, nil, "export", "-h")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "ilsa export --out FILE\n") {
		t.Errorf("ilsa export -h: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
	for _, args := range [][]string{{"help", "org"}, {"org", "--help"}} {
		out, errOut, code := run(t, nil, args...)
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "  org add --name NAME") || !strings.Contains(out, "\n  org merge KEEP-ID DUPLICATE-ID\n") ||
			strings.Contains(out, "visit add") || strings.Contains(out, intros["en"]) {
			t.Errorf("ilsa %v: exit %d, stderr %q, stdout:\n%s\nwant the org commands only", args, code, errOut, out)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "nonsense"}, `Unknown command "nonsense".`},
		{[]string{"help", "visit", "nonsense"}, `Unknown command "nonsense".`},
		{[]string{"help", "visit", "add", "extra"}, "Unexpected arguments: extra"},
		{[]string{"version", "extra"}, "Unexpected arguments: extra"},
	} {
		out, errOut, code := run(t, nil, tc.args...)
		assertFailure(t, tc.args, "en", 2, out, errOut, code, []string{tc.want})
	}
}
