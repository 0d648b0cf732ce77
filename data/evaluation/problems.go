package evaluation

import (
	"fmt"
	"strings"
)

// Problem codes: what is wrong with a form file, stable and language-free.
const (
	CodeSyntax             = "syntax"              // not valid TOML; detail: message
	CodeKeyUnknown         = "key.unknown"         // detail: key
	CodeKeyMissing         = "key.missing"         // detail: key
	CodeTypeInvalid        = "type.invalid"        // detail: key
	CodeValueEmpty         = "value.empty"         // a required text or list is empty; detail: key
	CodeIDInvalid          = "id.invalid"          // detail: id
	CodeIDDuplicate        = "id.duplicate"        // detail: id
	CodeVersionInvalid     = "version.invalid"     // outside 1..MaxVersion
	CodeKindInvalid        = "question_kind"       // detail: value
	CodeTranslationMissing = "translation.missing" // detail: key, lang
	CodeTooMany            = "too_many"            // detail: key, max
	CodeTooLong            = "too_long"            // detail: key, max
	CodeUnexpected         = "unexpected"          // a key the question's kind does not take; detail: key
	CodeFileUnreadable     = "file.unreadable"     // detail: reason
	CodeFormConflict       = "form.conflict"       // same id and version, other content; detail: id, version
	CodeBundledReplaced    = "form.bundled"        // a folder file outranking a bundled form; detail: id
)

// problemKeys are the message keys of the problem codes.
var problemKeys = map[string]string{
	CodeSyntax:             "error.form.syntax",
	CodeKeyUnknown:         "error.form.key_unknown",
	CodeKeyMissing:         "error.form.key_missing",
	CodeTypeInvalid:        "error.form.type_invalid",
	CodeValueEmpty:         "error.form.value_empty",
	CodeIDInvalid:          "error.form.id_invalid",
	CodeIDDuplicate:        "error.form.id_duplicate",
	CodeVersionInvalid:     "error.form.version_invalid",
	CodeKindInvalid:        "error.form.kind_invalid",
	CodeTranslationMissing: "error.form.translation_missing",
	CodeTooMany:            "error.form.too_many",
	CodeTooLong:            "error.form.too_long",
	CodeUnexpected:         "error.form.unexpected",
	CodeFileUnreadable:     "error.form.unreadable",
	CodeFormConflict:       "error.form.conflict",
	CodeBundledReplaced:    "error.form.bundled",
}

// Problem is one problem with one form file. Line is given for syntax
// errors only; Question names the question (its id, or "#3" for the third
// when it has no usable id) the problem is in.
type Problem struct {
	File     string
	Line     int
	Question string
	Code     string
	Detail   map[string]any
}

// Where is the file, line and question the problem is in:
// "workshop.toml:12" or "workshop.toml [overall]".
func (p *Problem) Where() string {
	w := p.File
	if p.Line > 0 {
		w += fmt.Sprintf(":%d", p.Line)
	}
	if p.Question != "" {
		w += " [" + p.Question + "]"
	}
	return w
}

// Error says the problem in English, for logs and tests; MessageKey says
// it in the user's language.
func (p *Problem) Error() string {
	var kv []string
	for _, k := range []string{"key", "id", "value", "lang", "max", "message", "reason", "version"} {
		if v, ok := p.Detail[k]; ok {
			kv = append(kv, fmt.Sprintf("%s=%v", k, v))
		}
	}
	return p.Where() + ": " + p.Code + " " + strings.Join(kv, " ")
}

// MessageKey gives the translation key and its parameters (translations.Keyed).
func (p *Problem) MessageKey() (string, []any) {
	params := []any{"Where", p.Where()}
	for k, v := range p.Detail {
		params = append(params, strings.ToUpper(k[:1])+k[1:], v)
	}
	return problemKeys[p.Code], params
}
