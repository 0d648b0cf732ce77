package models

import (
	"fmt"
	"strconv"
	"strings"
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
