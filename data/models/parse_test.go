package models

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// validScale is a complete scale model; the trailing comments number the
// lines, which the invalid cases below edit one at a time (edit keeps the
// numbering, so every expected line can be read off here).
const validScale = `id = "demo-scale"                                                        # 1
version = 1                                                              # 2
kind = "scale"                                                           # 3
levels = 3                                                               # 4
source = "Written for the tests of package models."                      # 5
url = "https://example.org/demo"                                         # 6
name = { sv = "Demoskala", nb = "Demoskala", en = "Demo scale" }         # 7
description = { sv = "En skala.", nb = "Ein skala.", en = "A scale." }   # 8
                                                                         # 9
[[dimensions]]                                                           # 10
id = "customer"                                                          # 11
name = { sv = "Kund", nb = "Kunde", en = "Customer" }                    # 12
description = { sv = "Kunden.", nb = "Kunden.", en = "The customer." }   # 13
[[dimensions.levels]]                                                    # 14
level = 1                                                                # 15
sv = "Kund ett"                                                          # 16
nb = "Kunde en"                                                          # 17
en = "Customer one"                                                      # 18
[[dimensions.levels]]                                                    # 19
level = 2                                                                # 20
sv = "Kund två"                                                          # 21
nb = "Kunde to"                                                          # 22
en = "Customer two"                                                      # 23
[[dimensions.levels]]                                                    # 24
level = 3                                                                # 25
sv = "Kund tre"                                                          # 26
nb = "Kunde tre"                                                         # 27
en = "Customer three"                                                    # 28
                                                                         # 29
[[dimensions]]                                                           # 30
id = "team"                                                              # 31
name = { sv = "Team", nb = "Team", en = "Team" }                         # 32
description = { sv = "Laget.", nb = "Laget.", en = "The team." }         # 33
levels = [                                                               # 34
  { level = 1, sv = "Team ett", nb = "Team en", en = "Team one" },       # 35
  { level = 2, sv = "Team två", nb = "Team to", en = "Team two" },       # 36
  { level = 3, sv = "Team tre", nb = "Team tre", en = "Team three" },    # 37
]                                                                        # 38
`

const validCanvas = `id = "demo-canvas"
version = 2
kind = "canvas"
source = "After a canvas; block descriptions written by the ILSA project."
name = { sv = "Duk", nb = "Lerret", en = "Canvas" }
description = { sv = "Block att fylla i.", nb = "Blokker å fylle ut.", en = "Blocks to fill in." }

[[dimensions]]
id = "customer-segments"
name = { sv = "Kundsegment", nb = "Kundesegmenter", en = "Customer segments" }
description = { sv = "Vilka kunderna är.", nb = "Hvem kundene er.", en = "Who the customers are." }

[[dimensions]]
id = "value-propositions"
name = { sv = "Värdeerbjudande", nb = "Verdiforslag", en = "Value propositions" }
description = { sv = "Vad de får.", nb = "Hva de får.", en = "What they get." }
`

// validChecklist uses TOML 1.1 multi-line inline tables, multi-line strings,
// quoted keys and comments in odd places.
const validChecklist = `# A checklist with "quotes" and [[brackets]] in a comment
"id" = 'demo-checklist'
version = 7 # [not a table]
kind = "checklist"
source = """
Generic; written by the ILSA project.
"""
name = {
  sv = "Lista",   # trailing comments
  nb = "Liste",
  en = "Checklist",
}
description.sv = "Punkter att bocka av."
description.nb = "Punkter å krysse av."
description.en = '''Items to tick [off].'''

[[dimensions]]
id = "goal-1"
name = { sv = "Ingen fattigdom", nb = "Utrydde fattigdom", en = "No poverty" }
description = { sv = "Mål 1.", nb = "Mål 1.", en = "Goal 1." }
`

// edit replaces whole lines of src (1-based) and keeps the line count.
func edit(src string, lines map[int]string) string {
	ls := strings.Split(src, "\n")
	for n, s := range lines {
		if strings.Contains(s, "\n") {
			panic("edit: a replacement must be one line")
		}
		ls[n-1] = s
	}
	return strings.Join(ls, "\n")
}

// blank empties lines from..to.
func blank(from, to int) map[int]string {
	m := map[int]string{}
	for n := from; n <= to; n++ {
		m[n] = ""
	}
	return m
}

func TestParseValid(t *testing.T) {
	m, err := Parse("demo-scale.toml", []byte(validScale))
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != "demo-scale" || m.Version != 1 || m.Kind != KindScale || m.Levels != 3 ||
		m.File != "demo-scale.toml" || m.URL != "https://example.org/demo" || m.Bundled {
		t.Errorf("model = %+v", m)
	}
	if len(m.Dimensions) != 2 || m.Dimensions[0].ID != "customer" || m.Dimensions[1].ID != "team" {
		t.Fatalf("dimensions = %+v", m.Dimensions)
	}
	for _, d := range m.Dimensions {
		if len(d.Levels) != 3 {
			t.Fatalf("%s: %d levels", d.ID, len(d.Levels))
		}
		for i, l := range d.Levels {
			if l.Level != i+1 {
				t.Errorf("%s: level %d at index %d", d.ID, l.Level, i)
			}
		}
	}
	d, ok := m.Dimension("customer")
	if !ok {
		t.Fatal("no dimension customer")
	}
	if l, ok := d.Level(2); !ok || l.Text != (Text{SV: "Kund två", NB: "Kunde to", EN: "Customer two"}) {
		t.Errorf("level 2 = %+v, %v", l, ok)
	}
	if _, ok := d.Level(4); ok {
		t.Error("level 4 exists")
	}
	if got := m.Dimensions[1].Levels[2].Text.In("nb_NO.UTF-8"); got != "Team tre" {
		t.Errorf("In(nb_NO.UTF-8) = %q", got)
	}

	c, err := Parse("demo-canvas.toml", []byte(validCanvas))
	if err != nil {
		t.Fatal(err)
	}
	if c.Kind != KindCanvas || c.Levels != 0 || c.Version != 2 || len(c.Dimensions) != 2 || c.Dimensions[0].Levels != nil {
		t.Errorf("canvas = %+v", c)
	}

	l, err := Parse("demo-checklist.toml", []byte(validChecklist))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "demo-checklist" || l.Kind != KindChecklist || l.Version != 7 ||
		l.Source != "Generic; written by the ILSA project." || l.Description.EN != "Items to tick [off]." {
		t.Errorf("checklist = %+v", l)
	}
}

func TestParseLevelsInAnyOrder(t *testing.T) {
	src := edit(validScale, map[int]string{15: "level = 3", 25: "level = 1"})
	m, err := Parse("x.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lv := m.Dimensions[0].Levels
	if lv[0].Level != 1 || lv[0].Text.EN != "Customer three" || lv[2].Level != 3 || lv[2].Text.EN != "Customer one" {
		t.Errorf("levels = %+v", lv)
	}
}

// problem is what a case expects: a code on a line.
type problem struct {
	code string
	line int
}

func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %T %v is not Problems", err, err)
	}
	out := make([]problem, len(ps))
	for i, p := range ps {
		out[i] = problem{p.Problem, p.Line}
	}
	return out
}

func TestParseInvalid(t *testing.T) {
	noDims := strings.Join(strings.Split(validScale, "\n")[:9], "\n")
	cases := []struct {
		name string
		src  string
		want []problem
		msg  string // the first problem's Error(), when given
	}{
		{"missing translation of a level", edit(validScale, map[int]string{17: `nb = "  "`}),
			[]problem{{CodeTranslationMissing, 17}},
			`demo-scale.toml:17: dimension "customer" level 1: missing nb translation`},
		{"absent translation key points at the level table", edit(validScale, map[int]string{27: ""}),
			[]problem{{CodeTranslationMissing, 24}},
			`demo-scale.toml:24: dimension "customer" level 3: missing nb translation`},
		{"missing translation of a dimension name", edit(validScale, map[int]string{32: `name = { sv = "Team", en = "Team" }`}),
			[]problem{{CodeTranslationMissing, 32}},
			`demo-scale.toml:32: dimension "team": missing nb translation of name`},
		{"missing translation in an inline level", edit(validScale, map[int]string{36: `{ level = 2, sv = "", nb = "Team to", en = "Team two" },`}),
			[]problem{{CodeTranslationMissing, 36}},
			`demo-scale.toml:36: dimension "team" level 2: missing sv translation`},
		{"missing translation of the model description", edit(validScale, map[int]string{8: `description = { sv = "En skala.", nb = "Ein skala.", en = "" }`}),
			[]problem{{CodeTranslationMissing, 8}},
			`demo-scale.toml:8: missing en translation of description`},
		{"level gap", edit(validScale, blank(19, 23)),
			[]problem{{CodeLevelMissing, 10}},
			`demo-scale.toml:10: dimension "customer": missing level 2 (every dimension needs levels 1 to 3)`},
		{"no levels at all", edit(validScale, blank(34, 38)),
			[]problem{{CodeLevelMissing, 30}},
			`demo-scale.toml:30: dimension "team": missing levels 1, 2, 3 (every dimension needs levels 1 to 3)`},
		{"duplicate level", edit(validScale, map[int]string{25: "level = 2"}),
			[]problem{{CodeLevelMissing, 10}, {CodeLevelDuplicate, 25}}, ""},
		{"level above the scale", edit(validScale, map[int]string{37: `{ level = 4, sv = "Team tre", nb = "Team tre", en = "Team three" },`}),
			[]problem{{CodeLevelMissing, 30}, {CodeLevelRange, 37}}, ""},
		{"level zero", edit(validScale, map[int]string{15: "level = 0"}),
			[]problem{{CodeLevelMissing, 10}, {CodeLevelRange, 15}}, ""},
		{"level not an integer", edit(validScale, map[int]string{20: `level = "2"`}),
			[]problem{{CodeLevelMissing, 10}, {CodeTypeInvalid, 20}},
			``},
		{"level entry not a table", edit(validScale, map[int]string{36: `"two",`}),
			[]problem{{CodeLevelMissing, 30}, {CodeTypeInvalid, 36}}, ""},
		{"duplicate dimension id", edit(validScale, map[int]string{31: `id = "customer"`}),
			[]problem{{CodeIDDuplicate, 31}},
			`demo-scale.toml:31: dimension "customer": duplicate dimension id "customer" (first used on line 11)`},
		{"dimension id not well-formed", edit(validScale, map[int]string{11: `id = "Customer"`}),
			[]problem{{CodeIDInvalid, 11}}, ""},
		{"dimension without id", edit(validScale, map[int]string{11: ""}),
			[]problem{{CodeKeyMissing, 10}},
			`demo-scale.toml:10: dimension #1: missing required key "id"`},
		{"model id not well-formed", edit(validScale, map[int]string{1: `id = "demo--scale"`}),
			[]problem{{CodeIDInvalid, 1}}, ""},
		{"unknown top-level key", edit(validScale, map[int]string{9: `colour = "red"`}),
			[]problem{{CodeKeyUnknown, 9}},
			`demo-scale.toml:9: unknown key "colour"`},
		{"unknown key in a level", edit(validScale, map[int]string{29: "weight = 2"}),
			[]problem{{CodeKeyUnknown, 29}},
			`demo-scale.toml:29: dimension "customer" level 3: unknown key "weight"`},
		{"unknown language", edit(validScale, map[int]string{12: `name = { sv = "Kund", nb = "Kunde", en = "Customer", de = "Kunde" }`}),
			[]problem{{CodeKeyUnknown, 12}},
			`demo-scale.toml:12: dimension "customer": unknown key "name.de"`},
		{"keys are case-sensitive", edit(validScale, map[int]string{1: `ID = "demo-scale"`}),
			[]problem{{CodeKeyMissing, 0}, {CodeKeyUnknown, 1}},
			`demo-scale.toml: missing required key "id"`},
		{"wrong kind", edit(validScale, map[int]string{3: `kind = "matrix"`}),
			[]problem{{CodeKindInvalid, 3}},
			`demo-scale.toml:3: kind "matrix" is not one of "scale", "canvas", "checklist"`},
		{"kind of the wrong type", edit(validScale, map[int]string{3: `kind = 3`}),
			[]problem{{CodeTypeInvalid, 3}},
			`demo-scale.toml:3: "kind" must be a string, not an integer`},
		{"levels on a canvas", edit(validScale, map[int]string{3: `kind = "canvas"`}),
			[]problem{{CodeLevelsUnexpected, 4}, {CodeLevelsUnexpected, 14}, {CodeLevelsUnexpected, 34}},
			`demo-scale.toml:4: a canvas model has no levels`},
		{"levels on a checklist item", edit(validChecklist, map[int]string{21: "[[dimensions.levels]]"}),
			[]problem{{CodeLevelsUnexpected, 21}}, ""},
		{"scale without levels", edit(validScale, map[int]string{4: ""}),
			[]problem{{CodeKeyMissing, 0}}, ""},
		{"too many levels", edit(validScale, map[int]string{4: "levels = 11"}),
			[]problem{{CodeLevelsInvalid, 4}}, ""},
		{"version zero", edit(validScale, map[int]string{2: "version = 0"}),
			[]problem{{CodeVersionInvalid, 2}}, ""},
		{"version far too high", edit(validScale, map[int]string{2: "version = 9223372036854775807"}),
			[]problem{{CodeVersionInvalid, 2}},
			`demo-scale.toml:2: version must be between 1 and 1000000, not 9223372036854775807`},
		{"version one over the maximum", edit(validScale, map[int]string{2: "version = 1000001"}),
			[]problem{{CodeVersionInvalid, 2}}, ""},
		{"replaces_bundled not true or false", edit(validScale, map[int]string{6: `replaces_bundled = "yes"`}),
			[]problem{{CodeTypeInvalid, 6}}, `demo-scale.toml:6: "replaces_bundled" must be a boolean, not a string`},
		{"version as a string", edit(validScale, map[int]string{2: `version = "1"`}),
			[]problem{{CodeTypeInvalid, 2}}, ""},
		{"version missing", edit(validScale, map[int]string{2: ""}),
			[]problem{{CodeKeyMissing, 0}}, ""},
		{"blank source", edit(validScale, map[int]string{5: `source = " "`}),
			[]problem{{CodeValueEmpty, 5}}, ""},
		{"url not a web address", edit(validScale, map[int]string{6: `url = "javascript:alert(1)"`}),
			[]problem{{CodeURLInvalid, 6}}, ""},
		{"name missing", edit(validScale, map[int]string{7: ""}),
			[]problem{{CodeKeyMissing, 0}}, ""},
		{"name as a plain string", edit(validScale, map[int]string{32: `name = "Team"`}),
			[]problem{{CodeTypeInvalid, 32}}, ""},
		{"no dimensions", noDims,
			[]problem{{CodeKeyMissing, 0}}, ""},
		{"empty dimensions", noDims + "\ndimensions = []\n",
			[]problem{{CodeValueEmpty, 10}}, ""},
		{"syntax error", edit(validScale, map[int]string{22: `nb = "Kunde to`}),
			[]problem{{CodeSyntax, 22}}, ""},
		{"key defined twice", edit(validScale, map[int]string{23: `sv = "again"`}),
			[]problem{{CodeSyntax, 23}}, ""},
		{"not UTF-8", edit(validScale, map[int]string{26: "sv = \"Kund tre \xff\""}),
			[]problem{{CodeSyntax, 26}}, ""},
		{"nested too deeply", edit(validScale, map[int]string{9: "x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40)}),
			[]problem{{CodeSyntax, 9}}, ""},
		{"key with too many dots", edit(validScale, map[int]string{29: strings.Repeat("a.", 40) + "b = 1"}),
			[]problem{{CodeSyntax, 29}}, ""},
		{"several problems, in line order", edit(validScale, map[int]string{3: `kind = "matrix"`, 17: `nb = ""`, 9: "x = 1"}),
			[]problem{{CodeKindInvalid, 3}, {CodeKeyUnknown, 9}, {CodeTranslationMissing, 17}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Parse("demo-scale.toml", []byte(c.src))
			if err == nil {
				t.Fatalf("accepted: %+v", m)
			}
			if m != nil {
				t.Error("a model came back with the error")
			}
			if got := problemsOf(t, err); !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems = %v, want %v\n%v", got, c.want, err)
			}
			var pe *ProblemError
			if !errors.As(err, &pe) {
				t.Fatal("errors.As finds no *ProblemError")
			}
			if c.msg != "" && pe.Error() != c.msg {
				t.Errorf("Error() = %q\n          want %q", pe.Error(), c.msg)
			}
		})
	}
}

// TestParsePathologicalInput: the toml package takes quadratic time on deep
// nesting and long dotted keys; Parse refuses them first, so a 1 MiB file of
// them is rejected at once.
func TestParsePathologicalInput(t *testing.T) {
	n := MaxFileSize / 4
	for _, src := range []string{
		"a = " + strings.Repeat("[", n) + strings.Repeat("]", n),
		"a = " + strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n),
		strings.Repeat("a.", n) + "b = 1",
		"[" + strings.Repeat("a.", n) + "b]",
	} {
		start := time.Now()
		_, err := Parse("x.toml", []byte(src))
		if got := problemsOf(t, err); !reflect.DeepEqual(got, []problem{{CodeSyntax, 1}}) {
			t.Errorf("problems = %v", got)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	}
}

func TestProblemDetail(t *testing.T) {
	_, err := Parse("f.toml", []byte(edit(validScale, map[int]string{22: `nb = ""`})))
	var pe *ProblemError
	if !errors.As(err, &pe) {
		t.Fatal(err)
	}
	want := map[string]any{"lang": "nb", "dimension": "customer", "level": 2}
	if !reflect.DeepEqual(pe.Detail, want) {
		t.Errorf("Detail = %#v, want %#v", pe.Detail, want)
	}

	_, err = Parse("f.toml", []byte(edit(validScale, blank(19, 28))))
	if !errors.As(err, &pe) {
		t.Fatal(err)
	}
	if got := pe.Detail["missing"]; !reflect.DeepEqual(got, []int{2, 3}) {
		t.Errorf("missing = %#v", got)
	}

	_, err = Parse("f.toml", []byte(edit(validScale, map[int]string{20: `level = 2.5`})))
	ps := problemsOf(t, err)
	if len(ps) != 2 || !strings.Contains(err.Error(), `f.toml:20: dimension "customer" level entry #2: "level" must be an integer, not a float`) {
		t.Errorf("error = %v", err)
	}
}

func TestTextIn(t *testing.T) {
	x := Text{SV: "hej", NB: "hei", EN: "hello"}
	for lang, want := range map[string]string{
		"sv": "hej", "sv_SE.UTF-8": "hej", "nb": "hei", "no": "hei", "nn-NO": "hei", "NB": "hei",
		"en": "hello", "de": "hello", "": "hello",
	} {
		if got := x.In(lang); got != want {
			t.Errorf("In(%q) = %q, want %q", lang, got, want)
		}
	}
	if got := (Text{EN: "only"}).In("sv"); got != "only" {
		t.Errorf("fallback = %q", got)
	}
}

// TestLocatorMatchesToml checks the line scanner against the toml package:
// it must see the same keys in the same order.
func TestLocatorMatchesToml(t *testing.T) {
	for _, src := range []string{validScale, validCanvas, validChecklist,
		"a = [[1, {b = 2}], 3]\n[x.y]\nz = 1\n[x]\nw = {a.b = 1}\n",
		"[[d]]\n[[d.l]]\nq = 1\n[d.m]\nr = 1\n[[d]]\n[[d.l]]\nq = 2\n",
		"\"a.b\" = 1\n'c' . \"d\\u00e5\" = 2\ns = \"\"\"x\"\"\"\"\"\nt = '''\n]]'''\n",
	} {
		checkLocator(t, []byte(src))
	}
	loc := locate([]byte(validScale))
	for p, want := range map[string]int{
		pth{"id"}.String():                                             1,
		pth{"name", "nb"}.String():                                     7,
		pth{"dimensions"}.String():                                     10,
		pth{"dimensions"}.at(1).String():                               30,
		pth{"dimensions"}.at(0).key("levels").at(2).String():           24,
		pth{"dimensions"}.at(1).key("levels").at(2).String():           37,
		pth{"dimensions"}.at(1).key("levels").String():                 34,
		pth{"dimensions"}.at(0).key("levels").at(1).key("en").String(): 23,
	} {
		if got := loc.lines[p]; got != want {
			t.Errorf("line of %q = %d, want %d", p, got, want)
		}
	}
}

// checkLocator compares locate's keys with toml's MetaData.Keys for a
// document the toml package accepts.
func checkLocator(t *testing.T, data []byte) {
	t.Helper()
	var doc map[string]any
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		return
	}
	want := md.Keys()
	got := locate(data).keys
	same := len(got) == len(want)
	for i := 0; same && i < len(got); i++ {
		same = reflect.DeepEqual([]string(want[i]), got[i])
	}
	if !same {
		t.Errorf("locate keys\n %q\ntoml keys\n %q\nin\n%s", got, want, data)
	}
}

func ExampleParse() {
	src := strings.Replace(validCanvas, `nb = "Verdiforslag", `, "", 1)
	_, err := Parse("demo-canvas.toml", []byte(src))
	fmt.Println(err)
	// Output: demo-canvas.toml:15: dimension "value-propositions": missing nb translation of name
}

// The credit keys are read as written; a licence link that is not an
// address and an "adapted" that is not true/false are problems with lines.
func TestCreditKeys(t *testing.T) {
	head := "id = \"m\"\nversion = 1\nkind = \"canvas\"\nsource = \"S\"\n"
	tail := "name = { sv = \"a\", nb = \"b\", en = \"c\" }\ndescription = { sv = \"a\", nb = \"b\", en = \"c\" }\n[[dimensions]]\nid = \"d\"\nname = { sv = \"a\", nb = \"b\", en = \"c\" }\ndescription = { sv = \"a\", nb = \"b\", en = \"c\" }\n"
	m, err := Parse("m.toml", []byte(head+"author = \" Ann Author \"\nlicense = \"CC BY-SA 3.0\"\nlicense_url = \"https://creativecommons.org/licenses/by-sa/3.0/\"\nadapted = true\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	if m.Author != "Ann Author" || m.License != "CC BY-SA 3.0" || m.LicenseURL != "https://creativecommons.org/licenses/by-sa/3.0/" || !m.Adapted {
		t.Errorf("credits read as %+v", m)
	}
	_, err = Parse("m.toml", []byte(head+"license_url = \"file:///etc/passwd\"\nadapted = \"yes\"\n"+tail))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Problem != CodeURLInvalid || ps[0].Line != 5 || ps[1].Problem != CodeTypeInvalid || ps[1].Line != 6 {
		t.Errorf("bad credits: %v", err)
	}
}
