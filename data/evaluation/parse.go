package evaluation

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Parse reads one form file. name is used in problems and as Form.File.
// It returns the form, or every problem found (each a *Problem, joined).
func Parse(name string, data []byte) (*Form, error) {
	f, probs := parse(name, data)
	if len(probs) > 0 {
		errs := make([]error, len(probs))
		for i, p := range probs {
			errs[i] = p
		}
		return nil, errors.Join(errs...)
	}
	return f, nil
}

// Problems returns the *Problem values of an error from Parse or Load.
func Problems(err error) []*Problem {
	var out []*Problem
	var p *Problem
	if errors.As(err, &p) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				out = append(out, Problems(e)...)
			}
			return out
		}
		return []*Problem{p}
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether id is a form, question or choice id: lowercase
// letters, digits and single dashes, at most MaxIDLength characters.
func ValidID(id string) bool { return len(id) <= MaxIDLength && idPattern.MatchString(id) }

var languages = []string{"sv", "nb", "en"}

// maxDepth bounds nesting: a form needs three levels; the toml package
// takes quadratic time on deeply nested input.
const maxDepth = 16

type checker struct {
	file     string
	question string // the question being checked, for problems
	probs    []*Problem
}

func (c *checker) add(code string, kv ...any) {
	p := &Problem{File: c.file, Question: c.question, Code: code, Detail: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		p.Detail[kv[i].(string)] = kv[i+1]
	}
	c.probs = append(c.probs, p)
}

func parse(name string, data []byte) (*Form, []*Problem) {
	c := &checker{file: name}
	if len(data) > MaxFileSize {
		c.add(CodeFileUnreadable, "reason", fmt.Sprintf("larger than %d KiB", MaxFileSize>>10))
		return nil, c.probs
	}
	if !utf8.Valid(data) {
		c.add(CodeSyntax, "message", "not UTF-8")
		return nil, c.probs
	}
	if line := tooDeep(data); line > 0 {
		c.probs = append(c.probs, &Problem{File: name, Line: line, Code: CodeSyntax,
			Detail: map[string]any{"message": fmt.Sprintf("nested more than %d levels deep", maxDepth)}})
		return nil, c.probs
	}
	var doc map[string]any
	if _, err := toml.Decode(string(data), &doc); err != nil {
		p := &Problem{File: name, Code: CodeSyntax, Detail: map[string]any{"message": err.Error()}}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Detail["message"] = pe.Position.Line, pe.Message
		}
		return nil, []*Problem{p}
	}
	f := c.form(doc)
	if len(c.probs) > 0 {
		return nil, c.probs
	}
	f.File = name
	return f, nil
}

// tooDeep returns the first line where brackets nest deeper than maxDepth
// (outside strings and comments), or 0.
func tooDeep(data []byte) int {
	depth, line := 0, 1
	var quote byte
	for i := 0; i < len(data); i++ {
		b := data[i]
		switch {
		case b == '\n':
			line++
			quote = 0 // brackets inside a multi-line string count, which only errs on the safe side
		case quote != 0:
			if b == '\\' && quote == '"' {
				i++
			} else if b == quote {
				quote = 0
			}
		case b == '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case b == '"' || b == '\'':
			quote = b
		case b == '[' || b == '{':
			if depth++; depth > maxDepth {
				return line
			}
		case b == ']' || b == '}':
			depth--
		}
	}
	return 0
}

var formKeys = []string{"id", "version", "title", "description", "before_after", "questions"}
var questionKeys = []string{"id", "kind", "text", "required", "low", "high", "choices"}
var choiceKeys = []string{"id", "text"}

func (c *checker) unknown(t map[string]any, allowed []string) {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			c.add(CodeKeyUnknown, "key", k)
		}
	}
}

func (c *checker) form(doc map[string]any) *Form {
	c.unknown(doc, formKeys)
	f := &Form{}
	f.ID = c.id(doc, "id")
	if v, ok := doc["version"]; !ok {
		c.add(CodeKeyMissing, "key", "version")
	} else if n, ok := v.(int64); !ok {
		c.add(CodeTypeInvalid, "key", "version")
	} else if n < 1 || n > MaxVersion {
		c.add(CodeVersionInvalid, "value", n)
	} else {
		f.Version = int(n)
	}
	f.Title = c.text(doc, "title", true)
	f.Description = c.text(doc, "description", false)
	f.BeforeAfter = c.boolean(doc, "before_after")
	qs := c.tables(doc, "questions")
	if len(qs) > MaxQuestions {
		c.add(CodeTooMany, "key", "questions", "max", MaxQuestions)
		return f
	}
	seen := map[string]bool{}
	for i, q := range qs {
		c.question = fmt.Sprintf("#%d", i+1)
		if id, ok := q["id"].(string); ok && ValidID(id) {
			c.question = id
		}
		qu := c.questionOf(q)
		if qu.ID != "" {
			if seen[qu.ID] {
				c.add(CodeIDDuplicate, "id", qu.ID)
			}
			seen[qu.ID] = true
		}
		f.Questions = append(f.Questions, qu)
	}
	c.question = ""
	return f
}

func (c *checker) questionOf(t map[string]any) Question {
	c.unknown(t, questionKeys)
	q := Question{ID: c.id(t, "id"), Text: c.text(t, "text", true), Required: c.boolean(t, "required")}
	if v, ok := t["kind"]; !ok {
		c.add(CodeKeyMissing, "key", "kind")
	} else if s, ok := v.(string); !ok {
		c.add(CodeTypeInvalid, "key", "kind")
	} else if !slices.Contains(Kinds, Kind(s)) {
		c.add(CodeKindInvalid, "value", s)
	} else {
		q.Kind = Kind(s)
	}
	ends := q.Kind == KindLikert || q.Kind == KindScale
	choices := q.Kind == KindSingle || q.Kind == KindMultiple
	for _, k := range []string{"low", "high"} {
		if _, has := t[k]; has && !ends && q.Kind != "" {
			c.add(CodeUnexpected, "key", k)
		}
	}
	if ends {
		q.Low, q.High = c.text(t, "low", true), c.text(t, "high", true)
	}
	if _, has := t["choices"]; has && !choices && q.Kind != "" {
		c.add(CodeUnexpected, "key", "choices")
	}
	if choices {
		cs := c.tables(t, "choices")
		if len(cs) > MaxChoices {
			c.add(CodeTooMany, "key", "choices", "max", MaxChoices)
			return q
		}
		if len(cs) < 2 {
			c.add(CodeValueEmpty, "key", "choices")
		}
		for _, ct := range cs {
			c.unknown(ct, choiceKeys)
			ch := Choice{ID: c.id(ct, "id"), Text: c.text(ct, "text", true)}
			if ch.ID != "" && slices.ContainsFunc(q.Choices, func(o Choice) bool { return o.ID == ch.ID }) {
				c.add(CodeIDDuplicate, "id", ch.ID)
			}
			q.Choices = append(q.Choices, ch)
		}
	}
	return q
}

func (c *checker) id(t map[string]any, key string) string {
	v, ok := t[key]
	if !ok {
		c.add(CodeKeyMissing, "key", key)
		return ""
	}
	s, ok := v.(string)
	if !ok {
		c.add(CodeTypeInvalid, "key", key)
		return ""
	}
	if !ValidID(s) {
		c.add(CodeIDInvalid, "id", truncate(s))
		return ""
	}
	return s
}

// text reads { sv = "…", nb = "…", en = "…" }: every language, nothing else.
func (c *checker) text(t map[string]any, key string, required bool) Text {
	v, ok := t[key]
	if !ok {
		if required {
			c.add(CodeKeyMissing, "key", key)
		}
		return Text{}
	}
	m, ok := v.(map[string]any)
	if !ok {
		c.add(CodeTypeInvalid, "key", key)
		return Text{}
	}
	for k := range m {
		if !slices.Contains(languages, k) {
			c.add(CodeKeyUnknown, "key", key+"."+truncate(k))
		}
	}
	var out Text
	for _, lang := range languages {
		raw, has := m[lang]
		s, isStr := raw.(string)
		s = strings.TrimSpace(s)
		switch {
		case !has || isStr && s == "":
			c.add(CodeTranslationMissing, "key", key, "lang", lang)
		case !isStr:
			c.add(CodeTypeInvalid, "key", key+"."+lang)
		case utf8.RuneCountInString(s) > MaxTextLength:
			c.add(CodeTooLong, "key", key+"."+lang, "max", MaxTextLength)
		default:
			switch lang {
			case "sv":
				out.SV = s
			case "nb":
				out.NB = s
			case "en":
				out.EN = s
			}
		}
	}
	return out
}

func (c *checker) boolean(t map[string]any, key string) bool {
	v, ok := t[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		c.add(CodeTypeInvalid, "key", key)
	}
	return b
}

// tables reads an array of tables, which must have at least one.
func (c *checker) tables(t map[string]any, key string) []map[string]any {
	v, ok := t[key]
	if !ok {
		c.add(CodeKeyMissing, "key", key)
		return nil
	}
	list, ok := v.([]map[string]any)
	if !ok {
		c.add(CodeTypeInvalid, "key", key)
		return nil
	}
	if len(list) == 0 {
		c.add(CodeValueEmpty, "key", key)
	}
	return list
}

// truncate keeps a stranger's long value out of a problem's sentence.
func truncate(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
