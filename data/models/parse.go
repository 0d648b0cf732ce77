package models

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

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
	modelKeys     = []string{"id", "version", "replaces_bundled", "kind", "levels", "source", "url", "author", "license", "license_url", "adapted", "name", "description", "dimensions"}
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
	m.URL = c.link(doc, "url", top)
	if a, ok := c.str(doc, nil, "author", top, false); ok {
		m.Author = strings.TrimSpace(a)
	}
	if l, ok := c.str(doc, nil, "license", top, false); ok {
		m.License = strings.TrimSpace(l)
	}
	m.LicenseURL = c.link(doc, "license_url", top)
	m.Adapted = c.boolean(doc, "adapted", top)
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

// link reads the optional http(s) address at key.
func (c *checker) link(doc map[string]any, key string, x ctx) string {
	u, ok := c.str(doc, nil, key, x, false)
	if !ok {
		return ""
	}
	if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		c.add(pth{key}, x, CodeURLInvalid, "value", u)
		return ""
	}
	return u
}

// boolean reads the optional true/false at key.
func (c *checker) boolean(doc map[string]any, key string, x ctx) bool {
	v, present := doc[key]
	if !present {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		c.add(pth{key}, x, CodeTypeInvalid, "key", key, "want", "boolean", "got", tomlType(v))
	}
	return b
}
