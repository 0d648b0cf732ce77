package models

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Problem codes: stable, language-free names of what is wrong with a model
// file, so that the CLI and the GUI can say it in the user's language from
// the code and ProblemError.Detail. ProblemError.Error gives it in English.
const (
	CodeSyntax             = "syntax"              // not valid TOML; detail: message
	CodeKeyUnknown         = "key.unknown"         // a key the format does not have; detail: key
	CodeKeyMissing         = "key.missing"         // a required key is absent; detail: key
	CodeTypeInvalid        = "type.invalid"        // wrong TOML type; detail: key, want, got
	CodeValueEmpty         = "value.empty"         // a required value is blank (or no dimensions); detail: key
	CodeIDInvalid          = "id.invalid"          // not lowercase letters, digits and dashes; detail: id
	CodeIDDuplicate        = "id.duplicate"        // a dimension id used twice; detail: id, first_line
	CodeVersionInvalid     = "version.invalid"     // version outside 1..MaxVersion; detail: value
	CodeKindInvalid        = "kind.invalid"        // not scale, canvas or checklist; detail: value
	CodeLevelsInvalid      = "levels.invalid"      // a scale's levels outside 2..10; detail: value, min, max
	CodeLevelsUnexpected   = "levels.unexpected"   // levels on a canvas or checklist; detail: kind
	CodeLevelRange         = "level.range"         // a level number outside 1..levels; detail: max (0 = unknown)
	CodeLevelDuplicate     = "level.duplicate"     // the same level twice in a dimension; detail: first_line
	CodeLevelMissing       = "level.missing"       // a gap in a dimension's levels; detail: missing ([]int), max
	CodeTranslationMissing = "translation.missing" // a text without one of sv, nb, en; detail: lang, field
	CodeURLInvalid         = "url.invalid"         // url not an http(s) address; detail: value
	CodeFileUnreadable     = "file.unreadable"     // Load could not read a file or folder; detail: reason
	CodeModelConflict      = "model.conflict"      // Load found the same id and version with other content; detail: id, version, kept
	CodeBundledReplaced    = "model.bundled"       // a folder file would replace a bundled model without replaces_bundled = true; detail: id, version, bundled
)

// Limits of the format.
const (
	MinLevels   = 2  // fewest levels a scale may have
	MaxLevels   = 10 // most levels a scale may have
	MaxIDLength = 64 // longest model or dimension id
	// MaxVersion is the highest version a model may have: far more than
	// anyone publishes, and low enough that no file can take a version
	// from which no later update could ever outrank it.
	MaxVersion = 1_000_000
)

// ProblemError is one problem in one model file. Line is the line (from 1) of
// the offending key or table; 0 when no line can be named (a required
// top-level key that is absent, a file that cannot be read). Problem is one of
// the Code constants; Detail holds its parameters and where in the model it
// is: "dimension" (the dimension's id) or "dimension_index" (1-based, when it
// has no id), and "level" (the level number) or "level_index" (1-based).
type ProblemError struct {
	File    string
	Line    int
	Problem string
	Detail  map[string]any
}

// Error reads like
// `innovation-readiness.toml:42: dimension "customer" level 3: missing nb translation`.
func (e *ProblemError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	} else {
		b.WriteString("model")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if w := e.where(); w != "" {
		b.WriteString(w)
		b.WriteString(": ")
	}
	b.WriteString(e.message())
	return b.String()
}

// where names the dimension and level the problem is in.
func (e *ProblemError) where() string {
	var parts []string
	if id := e.detailString("dimension"); id != "" {
		parts = append(parts, fmt.Sprintf("dimension %q", id))
	} else if i := e.detailInt("dimension_index"); i > 0 {
		parts = append(parts, fmt.Sprintf("dimension #%d", i))
	}
	if _, ok := e.Detail["level"]; ok {
		parts = append(parts, fmt.Sprintf("level %d", e.detailInt("level")))
	} else if i := e.detailInt("level_index"); i > 0 {
		parts = append(parts, fmt.Sprintf("level entry #%d", i))
	}
	return strings.Join(parts, " ")
}

func (e *ProblemError) message() string {
	key := e.detailString("key")
	switch e.Problem {
	case CodeSyntax:
		return "syntax error: " + e.detailString("message")
	case CodeKeyUnknown:
		return fmt.Sprintf("unknown key %q", key)
	case CodeKeyMissing:
		return fmt.Sprintf("missing required key %q", key)
	case CodeTypeInvalid:
		return fmt.Sprintf("%q must be %s, not %s", key,
			withArticle(e.detailString("want")), withArticle(e.detailString("got")))
	case CodeValueEmpty:
		if key == "dimensions" {
			return "a model needs at least one [[dimensions]] table"
		}
		return fmt.Sprintf("%q must not be empty", key)
	case CodeIDInvalid:
		return fmt.Sprintf("id %q is not valid: use lowercase letters a-z, digits and single dashes, at most %d characters",
			e.detailString("id"), MaxIDLength)
	case CodeIDDuplicate:
		return fmt.Sprintf("duplicate dimension id %q (first used on line %d)", e.detailString("id"), e.detailInt("first_line"))
	case CodeVersionInvalid:
		return fmt.Sprintf("version must be between 1 and %d, not %d", MaxVersion, e.detailInt("value"))
	case CodeKindInvalid:
		return fmt.Sprintf("kind %q is not one of \"scale\", \"canvas\", \"checklist\"", e.detailString("value"))
	case CodeLevelsInvalid:
		return fmt.Sprintf("levels must be between %d and %d, not %d", MinLevels, MaxLevels, e.detailInt("value"))
	case CodeLevelsUnexpected:
		return fmt.Sprintf("a %s model has no levels", e.detailString("kind"))
	case CodeLevelRange:
		if max := e.detailInt("max"); max > 0 {
			return fmt.Sprintf("level number must be between 1 and %d", max)
		}
		return "level number must be 1 or higher"
	case CodeLevelDuplicate:
		return fmt.Sprintf("duplicate level (first on line %d)", e.detailInt("first_line"))
	case CodeLevelMissing:
		missing, _ := e.Detail["missing"].([]int)
		nums := make([]string, len(missing))
		for i, n := range missing {
			nums[i] = strconv.Itoa(n)
		}
		s := "missing level "
		if len(missing) > 1 {
			s = "missing levels "
		}
		return s + strings.Join(nums, ", ") + fmt.Sprintf(" (every dimension needs levels 1 to %d)", e.detailInt("max"))
	case CodeTranslationMissing:
		s := fmt.Sprintf("missing %s translation", e.detailString("lang"))
		if f := e.detailString("field"); f != "" {
			s += " of " + f
		}
		return s
	case CodeURLInvalid:
		return fmt.Sprintf("url %q is not a web address (http:// or https://)", e.detailString("value"))
	case CodeFileUnreadable:
		return "cannot read: " + e.detailString("reason")
	case CodeModelConflict:
		return fmt.Sprintf("model %q version %d is also in %s with different content; that one is used (give this file a higher version)",
			e.detailString("id"), e.detailInt("version"), e.detailString("kept"))
	case CodeBundledReplaced:
		return fmt.Sprintf("model %q is one of the app's own models (version %d); version %d from a folder replaces it only if the file says replaces_bundled = true",
			e.detailString("id"), e.detailInt("bundled"), e.detailInt("version"))
	}
	return e.Problem
}

func (e *ProblemError) detailString(k string) string {
	s, _ := e.Detail[k].(string)
	return s
}

func (e *ProblemError) detailInt(k string) int {
	switch v := e.Detail[k].(type) {
	case int:
		return v
	case int64:
		return int(v)
	}
	return 0
}

func withArticle(w string) string {
	if w == "" {
		return "something else"
	}
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

// Problems is every problem found in one model file, in line order. Parse
// returns it as its error; errors.As finds the first *ProblemError in it.
type Problems []*ProblemError

func (ps Problems) Error() string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap gives errors.Is and errors.As access to each problem.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// Parse reads one model file. name is used in problems and as Model.File.
// It returns either the model or, as the error, every problem it found
// (Problems, each a *ProblemError).
func Parse(name string, data []byte) (*Model, error) {
	m, _, probs := parse(name, data)
	if len(probs) > 0 {
		return nil, probs
	}
	return m, nil
}

// parse is Parse that also returns where the keys are, for Load's problems.
func parse(name string, data []byte) (*Model, *locator, Problems) {
	if line := tooDeep(data); line > 0 {
		return nil, nil, Problems{{File: name, Line: line, Problem: CodeSyntax,
			Detail: map[string]any{"message": fmt.Sprintf("nested or dotted more than %d levels deep", maxDepth)}}}
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		p := &ProblemError{File: name, Problem: CodeSyntax, Detail: map[string]any{"message": err.Error()}}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line = pe.Position.Line
			p.Detail["message"] = pe.Message
		}
		return nil, nil, Problems{p}
	}
	c := &checker{file: name, loc: locate(data)}
	m := c.model(doc)
	if len(c.probs) > 0 {
		sort.SliceStable(c.probs, func(i, j int) bool { return c.probs[i].Line < c.probs[j].Line })
		return nil, c.loc, c.probs
	}
	m.File = name
	return m, c.loc, nil
}

// maxDepth bounds the nesting of arrays and tables and the dots on one line
// (outside strings and comments). A model file needs a handful; the toml
// package takes quadratic time on deeper input, so that a 1 MiB file of
// brackets or a key of thousands of dotted parts would stall Load.
const maxDepth = 32

// tooDeep returns the first line that goes beyond maxDepth, or 0.
func tooDeep(data []byte) int {
	s := &scanner{src: string(data), line: 1}
	depth, dots, line := 0, 0, 1
	for !s.eof() {
		if s.line != line {
			line, dots = s.line, 0
		}
		switch s.src[s.pos] {
		case '#':
			for !s.eof() && s.src[s.pos] != '\n' {
				s.pos++
			}
		case '"', '\'':
			s.str()
		case '[', '{':
			depth++
			s.pos++
		case ']', '}':
			depth--
			s.pos++
		case '.':
			dots++
			s.pos++
		default:
			s.advance()
		}
		if depth > maxDepth || dots > maxDepth {
			return s.line
		}
	}
	return 0
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validID(id string) bool { return len(id) <= MaxIDLength && idPattern.MatchString(id) }

// The keys of each table of the format.
var (
	modelKeys     = []string{"id", "version", "replaces_bundled", "kind", "levels", "source", "url", "name", "description", "dimensions"}
	dimensionKeys = []string{"id", "name", "description", "levels"}
	levelKeys     = []string{"level", "sv", "nb", "en"}
)

// checker turns the decoded TOML document into a Model, collecting every
// problem with the line of the key or table it is about.
type checker struct {
	file  string
	loc   *locator
	probs Problems
}

// ctx is where in the model a check is: which dimension and which level.
type ctx struct {
	dim        string // the dimension's id, when it has one
	dimIndex   int    // 1-based; 0 outside dimensions
	level      int64  // the level's number, when hasLevel
	hasLevel   bool
	levelIndex int // 1-based; 0 outside levels
}

// add records a problem about the key or table at p; kv are detail pairs.
func (c *checker) add(p pth, x ctx, code string, kv ...any) {
	d := make(map[string]any, len(kv)/2+2)
	for i := 0; i+1 < len(kv); i += 2 {
		d[kv[i].(string)] = kv[i+1]
	}
	if x.dimIndex > 0 {
		if x.dim != "" {
			d["dimension"] = x.dim
		} else {
			d["dimension_index"] = x.dimIndex
		}
	}
	if x.levelIndex > 0 {
		if x.hasLevel {
			d["level"] = int(x.level)
		} else {
			d["level_index"] = x.levelIndex
		}
	}
	c.probs = append(c.probs, &ProblemError{File: c.file, Line: c.loc.line(p), Problem: code, Detail: d})
}

func (c *checker) model(doc map[string]any) *Model {
	m := &Model{}
	var top ctx
	c.unknown(doc, nil, modelKeys, top)

	if id, ok := c.str(doc, nil, "id", top, true); ok {
		if validID(id) {
			m.ID = id
		} else {
			c.add(pth{"id"}, top, CodeIDInvalid, "id", id)
		}
	}
	if v, ok := c.integer(doc, nil, "version", top, true); ok {
		if v >= 1 && v <= MaxVersion {
			m.Version = int(v)
		} else {
			c.add(pth{"version"}, top, CodeVersionInvalid, "value", int(v))
		}
	}
	if v, present := doc["replaces_bundled"]; present {
		if b, ok := v.(bool); ok {
			m.ReplacesBundled = b
		} else {
			c.add(pth{"replaces_bundled"}, top, CodeTypeInvalid, "key", "replaces_bundled", "want", "boolean", "got", tomlType(v))
		}
	}
	kindKnown := false
	if k, ok := c.str(doc, nil, "kind", top, true); ok {
		if Kind(k).Valid() {
			m.Kind, kindKnown = Kind(k), true
		} else {
			c.add(pth{"kind"}, top, CodeKindInvalid, "value", k)
		}
	}
	_, hasLevels := doc["levels"]
	switch {
	case m.Kind == KindScale:
		if v, ok := c.integer(doc, nil, "levels", top, true); ok {
			if v >= MinLevels && v <= MaxLevels {
				m.Levels = int(v)
			} else {
				c.add(pth{"levels"}, top, CodeLevelsInvalid, "value", int(v), "min", MinLevels, "max", MaxLevels)
			}
		}
	case kindKnown && hasLevels:
		c.add(pth{"levels"}, top, CodeLevelsUnexpected, "kind", string(m.Kind))
	case hasLevels: // unknown kind: check the type only
		c.integer(doc, nil, "levels", top, false)
	}
	m.Source = c.required(doc, nil, "source", top)
	if u, ok := c.str(doc, nil, "url", top, false); ok {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			c.add(pth{"url"}, top, CodeURLInvalid, "value", u)
		} else {
			m.URL = u
		}
	}
	m.Name = c.text(doc, nil, "name", top)
	m.Description = c.text(doc, nil, "description", top)

	dims, ok := c.tables(doc, nil, "dimensions", top, true)
	if ok && len(dims) == 0 {
		c.add(pth{"dimensions"}, top, CodeValueEmpty, "key", "dimensions")
	}
	firstLine := map[string]int{} // dimension id → line where it was first used
	for i, d := range dims {
		if d == nil {
			continue
		}
		p := pth{"dimensions"}.at(i)
		x := ctx{dimIndex: i + 1}
		if id, ok := d["id"].(string); ok && id != "" {
			x.dim = id
		}
		c.unknown(d, p, dimensionKeys, x)
		dim := Dimension{}
		if id, ok := c.str(d, p, "id", x, true); ok {
			line := c.loc.line(p.key("id"))
			switch first, dup := firstLine[id]; {
			case !validID(id):
				c.add(p.key("id"), x, CodeIDInvalid, "id", id)
			case dup:
				c.add(p.key("id"), x, CodeIDDuplicate, "id", id, "first_line", first)
			default:
				firstLine[id] = line
				dim.ID = id
			}
		}
		dim.Name = c.text(d, p, "name", x)
		dim.Description = c.text(d, p, "description", x)
		_, has := d["levels"]
		switch {
		case m.Kind == KindScale:
			lv, _ := c.tables(d, p, "levels", x, false)
			dim.Levels = c.levels(lv, p, x, m.Levels)
		case kindKnown && has:
			c.add(p.key("levels"), x, CodeLevelsUnexpected, "kind", string(m.Kind))
		case has: // unknown kind: check what can be checked
			lv, _ := c.tables(d, p, "levels", x, false)
			c.levels(lv, p, x, 0)
		}
		m.Dimensions = append(m.Dimensions, dim)
	}
	return m
}

// levels checks the [[dimensions.levels]] tables of the dimension at dim.
// n is the number of levels of the scale (0 when not known: then only what
// does not depend on it is checked). It returns the levels in order.
func (c *checker) levels(tables []map[string]any, dim pth, x ctx, n int) []Level {
	var out []Level
	firstLine := map[int64]int{} // level number → line where it was first given
	for j, t := range tables {
		if t == nil {
			continue
		}
		p := dim.key("levels").at(j)
		lx := x
		lx.levelIndex = j + 1
		num, numOK := t["level"].(int64)
		if numOK {
			lx.level, lx.hasLevel = num, true
		}
		c.unknown(t, p, levelKeys, lx)
		c.integer(t, p, "level", lx, true)
		var text Text
		for _, lang := range Languages {
			s, _ := c.str(t, p, lang, lx, false)
			s = strings.TrimSpace(s)
			if s == "" {
				c.add(p.key(lang), lx, CodeTranslationMissing, "lang", lang)
			}
			text.set(lang, s)
		}
		if !numOK {
			continue
		}
		line := c.loc.line(p.key("level"))
		switch first, dup := firstLine[num]; {
		case num < 1 || (n > 0 && num > int64(n)):
			c.add(p.key("level"), lx, CodeLevelRange, "max", n)
		case dup:
			c.add(p.key("level"), lx, CodeLevelDuplicate, "first_line", first)
		default:
			firstLine[num] = line
			out = append(out, Level{Level: int(num), Text: text})
		}
	}
	if n > 0 {
		var missing []int
		for k := 1; k <= n; k++ {
			if _, ok := firstLine[int64(k)]; !ok {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			c.add(dim, x, CodeLevelMissing, "missing", missing, "max", n)
		}
	}
	slices.SortFunc(out, func(a, b Level) int { return a.Level - b.Level })
	return out
}

// unknown reports the keys of t (the table at p) that are not in allowed.
func (c *checker) unknown(t map[string]any, p pth, allowed []string, x ctx) {
	keys := make([]string, 0, len(t))
	for k := range t {
		if !slices.Contains(allowed, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.add(p.key(k), x, CodeKeyUnknown, "key", p.key(k).display())
	}
}

// str returns the string at key in t (the table at p); ok says it is there
// and is a string. A missing required key and a wrong type are reported.
func (c *checker) str(t map[string]any, p pth, key string, x ctx, required bool) (s string, ok bool) {
	v, present := t[key]
	if !present {
		if required {
			c.add(p.key(key), x, CodeKeyMissing, "key", p.key(key).display())
		}
		return "", false
	}
	if s, ok = v.(string); !ok {
		c.add(p.key(key), x, CodeTypeInvalid, "key", p.key(key).display(), "want", "string", "got", tomlType(v))
	}
	return s, ok
}

// required returns the trimmed, non-empty string at key, reporting it when
// missing, blank or not a string.
func (c *checker) required(t map[string]any, p pth, key string, x ctx) string {
	s, ok := c.str(t, p, key, x, true)
	s = strings.TrimSpace(s)
	if ok && s == "" {
		c.add(p.key(key), x, CodeValueEmpty, "key", p.key(key).display())
	}
	return s
}

// integer is str for integers.
func (c *checker) integer(t map[string]any, p pth, key string, x ctx, required bool) (n int64, ok bool) {
	v, present := t[key]
	if !present {
		if required {
			c.add(p.key(key), x, CodeKeyMissing, "key", p.key(key).display())
		}
		return 0, false
	}
	if n, ok = v.(int64); !ok {
		c.add(p.key(key), x, CodeTypeInvalid, "key", p.key(key).display(), "want", "integer", "got", tomlType(v))
	}
	return n, ok
}

// text reads a required { sv = "…", nb = "…", en = "…" } table.
func (c *checker) text(t map[string]any, p pth, key string, x ctx) Text {
	var out Text
	v, present := t[key]
	q := p.key(key)
	if !present {
		c.add(q, x, CodeKeyMissing, "key", q.display())
		return out
	}
	tt, ok := v.(map[string]any)
	if !ok {
		c.add(q, x, CodeTypeInvalid, "key", q.display(), "want", "table", "got", tomlType(v))
		return out
	}
	c.unknown(tt, q, Languages, x)
	for _, lang := range Languages {
		s, _ := c.str(tt, q, lang, x, false)
		s = strings.TrimSpace(s)
		if s == "" {
			c.add(q.key(lang), x, CodeTranslationMissing, "lang", lang, "field", key)
		}
		out.set(lang, s)
	}
	return out
}

// tables returns the array of tables at key; an element that is not a table
// is reported and left nil so that indexes keep matching the file.
func (c *checker) tables(t map[string]any, p pth, key string, x ctx, required bool) ([]map[string]any, bool) {
	v, present := t[key]
	q := p.key(key)
	if !present {
		if required {
			c.add(q, x, CodeKeyMissing, "key", q.display())
		}
		return nil, false
	}
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, len(v))
		for i, e := range v {
			if tt, ok := e.(map[string]any); ok {
				out[i] = tt
			} else {
				c.add(q.at(i), x, CodeTypeInvalid, "key", q.display(), "want", "table", "got", tomlType(e))
			}
		}
		return out, true
	}
	c.add(q, x, CodeTypeInvalid, "key", q.display(), "want", "array of tables", "got", tomlType(v))
	return nil, false
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		return "date-time"
	case map[string]any:
		return "table"
	case []map[string]any:
		return "array of tables"
	case []any:
		return "array"
	}
	return "date-time" // toml.LocalDate and friends
}

// pth is a path to a key or table in a TOML document: key names and array
// indexes (see at).
type pth []string

const indexMark = "\x00"

func (p pth) key(k string) pth { return append(p[:len(p):len(p)], k) }
func (p pth) at(i int) pth     { return append(p[:len(p):len(p)], indexMark+strconv.Itoa(i)) }
func (p pth) String() string   { return strings.Join(p, "\x1f") }

// display is the key as a user writes it inside its table: the part of the
// path after the last array index, e.g. "name.sv".
func (p pth) display() string {
	i := len(p)
	for i > 0 && !strings.HasPrefix(p[i-1], indexMark) {
		i--
	}
	return toml.Key(p[i:]).String()
}

// locator knows the line of every key and table in a TOML document.
type locator struct {
	lines map[string]int // pth.String() → line where it first appears
	keys  [][]string     // the keys in document order, as toml.MetaData.Keys lists them
}

// line returns the line of p, or of the nearest enclosing table or key when
// p itself is not in the file (a missing key); 0 when none is.
func (l *locator) line(p pth) int {
	if l == nil {
		return 0
	}
	for i := len(p); i > 0; i-- {
		if n, ok := l.lines[p[:i].String()]; ok {
			return n
		}
	}
	return 0
}

// locate scans a TOML document that the toml package has accepted and
// records the line of each key, table and array element. toml v1.6.0 keeps
// key positions to itself, hence this small scanner. It relies on the input
// being valid TOML, but never panics or loops on any input.
func locate(data []byte) *locator {
	s := &scanner{
		src:    strings.TrimPrefix(string(data), "\ufeff"),
		line:   1,
		loc:    &locator{lines: map[string]int{}},
		arrays: map[string]int{},
	}
	s.document()
	return s.loc
}

type scanner struct {
	src    string
	pos    int
	line   int
	loc    *locator
	arrays map[string]int // indexed path of an array of tables → its elements so far
}

// spath is a path both with array indexes (for lines) and without (for keys).
type spath struct {
	at    pth
	plain []string
}

func (p spath) key(k string) spath {
	return spath{p.at.key(k), append(p.plain[:len(p.plain):len(p.plain)], k)}
}

func (p spath) index(i int) spath { return spath{p.at.at(i), p.plain} }

func (s *scanner) eof() bool { return s.pos >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.pos]
}

func (s *scanner) advance() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

func (s *scanner) mark(p pth, line int) {
	if _, ok := s.loc.lines[p.String()]; !ok {
		s.loc.lines[p.String()] = line
	}
}

// skipBlank skips spaces, tabs and comments, and newlines if nl.
func (s *scanner) skipBlank(nl bool) {
	for !s.eof() {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case c == '#':
			for !s.eof() && s.src[s.pos] != '\n' {
				s.pos++
			}
		case nl && (c == '\n' || c == '\r'):
			s.advance()
		default:
			return
		}
	}
}

func (s *scanner) document() {
	var table spath
	for {
		start := s.pos
		s.skipBlank(true)
		if s.eof() {
			return
		}
		line := s.line
		switch {
		case strings.HasPrefix(s.src[s.pos:], "[["):
			s.pos += 2
			table = s.header(s.keyParts(), line, true)
			s.skipBlank(false)
			if strings.HasPrefix(s.src[s.pos:], "]]") {
				s.pos += 2
			}
		case s.peek() == '[':
			s.pos++
			table = s.header(s.keyParts(), line, false)
			s.skipBlank(false)
			if s.peek() == ']' {
				s.pos++
			}
		default:
			s.keyValue(table)
		}
		if s.pos == start {
			return // not TOML after all: stop rather than loop
		}
	}
}

// header resolves a [table] or [[array]] header to its path: a key that names
// an array of tables means its last element.
func (s *scanner) header(parts []string, line int, array bool) spath {
	var p spath
	for i, k := range parts {
		p = p.key(k)
		n, isArray := s.arrays[p.at.String()]
		switch {
		case array && i == len(parts)-1:
			s.arrays[p.at.String()] = n + 1
			s.mark(p.at, line)
			p = p.index(n)
		case isArray && n > 0:
			p = p.index(n - 1)
		}
		s.mark(p.at, line)
	}
	s.loc.keys = append(s.loc.keys, p.plain)
	return p
}

func (s *scanner) keyValue(table spath) {
	line := s.line
	parts := s.keyParts()
	if len(parts) == 0 {
		return
	}
	p := table
	for _, k := range parts {
		p = p.key(k)
		s.mark(p.at, line)
	}
	s.loc.keys = append(s.loc.keys, p.plain)
	s.skipBlank(false)
	if s.peek() == '=' {
		s.pos++
	}
	s.skipBlank(false)
	s.value(p)
}

// keyParts reads a possibly dotted, possibly quoted key.
func (s *scanner) keyParts() []string {
	var parts []string
	for {
		s.skipBlank(false)
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			parts = append(parts, s.str())
		case isBare(c):
			start := s.pos
			for !s.eof() && isBare(s.src[s.pos]) {
				s.pos++
			}
			parts = append(parts, s.src[start:s.pos])
		default:
			return parts
		}
		s.skipBlank(false)
		if s.peek() != '.' {
			return parts
		}
		s.pos++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *scanner) value(p spath) {
	switch s.peek() {
	case '{':
		s.pos++
		s.inlineTable(p)
	case '[':
		s.pos++
		s.array(p)
	case '"', '\'':
		s.str()
	default:
		for !s.eof() && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.pos])) {
			s.pos++
		}
	}
}

func (s *scanner) inlineTable(p spath) {
	for !s.eof() {
		start := s.pos
		s.skipBlank(true)
		switch s.peek() {
		case '}':
			s.pos++
			return
		case ',':
			s.pos++
			continue
		}
		line := s.line
		parts := s.keyParts()
		q := p
		for _, k := range parts {
			q = q.key(k)
			s.mark(q.at, line)
		}
		if len(parts) > 0 {
			s.loc.keys = append(s.loc.keys, q.plain)
		}
		s.skipBlank(true)
		if s.peek() == '=' {
			s.pos++
		}
		s.skipBlank(true)
		s.value(q)
		if s.pos == start {
			return
		}
	}
}

func (s *scanner) array(p spath) {
	for i := 0; !s.eof(); {
		start := s.pos
		s.skipBlank(true)
		switch s.peek() {
		case ']':
			s.pos++
			return
		case ',':
			s.pos++
			continue
		}
		q := p.index(i)
		s.mark(q.at, s.line)
		s.value(q)
		i++
		if s.pos == start {
			return
		}
	}
}

// str reads a string of any of TOML's four kinds and returns its value
// (escapes decoded for basic strings, which matters for quoted keys).
func (s *scanner) str() string {
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(s.src[s.pos:], q) {
			s.pos += 3
			start := s.pos
			for !s.eof() {
				if q[0] == '"' && s.src[s.pos] == '\\' {
					s.advance()
					if !s.eof() {
						s.advance()
					}
					continue
				}
				if strings.HasPrefix(s.src[s.pos:], q) {
					end := s.pos
					s.pos += 3
					for k := 0; k < 2 && s.peek() == q[0]; k++ { // up to two quotes before the closing ones
						s.pos++
						end++
					}
					return s.src[start:end]
				}
				s.advance()
			}
			return s.src[start:]
		}
	}
	quote := s.src[s.pos]
	s.pos++
	var b strings.Builder
	for !s.eof() {
		c := s.src[s.pos]
		switch {
		case c == quote:
			s.pos++
			return b.String()
		case c == '\n':
			return b.String() // unterminated: not valid TOML
		case c == '\\' && quote == '"':
			s.pos++
			s.escape(&b)
		default:
			b.WriteByte(c)
			s.pos++
		}
	}
	return b.String()
}

var (
	simpleEscapes = map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1b, '"': '"', '\\': '\\'}
	hexEscapes    = map[byte]int{'x': 2, 'u': 4, 'U': 8} // number of hex digits
)

// escape decodes the escape sequence after a backslash.
func (s *scanner) escape(b *strings.Builder) {
	if s.eof() {
		return
	}
	c := s.src[s.pos]
	s.pos++
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		return
	}
	digits := hexEscapes[c]
	if digits == 0 || s.pos+digits > len(s.src) {
		b.WriteByte(c)
		return
	}
	n, err := strconv.ParseUint(s.src[s.pos:s.pos+digits], 16, 32)
	if err != nil {
		b.WriteByte(c)
		return
	}
	s.pos += digits
	b.WriteRune(rune(n))
}
