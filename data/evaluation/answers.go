package evaluation

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Answers is one respondent's answers to one form version, as stored and
// synced: the form travels with the answers, so a response is checked as a
// whole against the form it answers (the value of the synced field
// "answers"). Values are int64 (likert, scale), string (single choice,
// free text) or []string (multiple choice, in the form's order).
type Answers struct {
	Form    string         `json:"form"`
	Version int            `json:"version"`
	Values  map[string]any `json:"values"`
}

// Encode is the canonical JSON of the answers (keys sorted).
func (a Answers) Encode() string {
	if a.Values == nil {
		a.Values = map[string]any{}
	}
	b, err := json.Marshal(a)
	if err != nil {
		panic(fmt.Sprintf("evaluation: cannot encode answers: %v", err))
	}
	return string(b)
}

// Decode reads the stored value. It accepts only the shape Encode writes:
// an object with form, version and values, each value a whole number, a
// string or a list of strings.
func Decode(s string) (Answers, error) {
	var raw struct {
		Form    *string         `json:"form"`
		Version *int            `json:"version"`
		Values  *map[string]any `json:"values"`
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.DisallowUnknownFields()
	if err := d.Decode(&raw); err != nil || raw.Form == nil || raw.Version == nil || raw.Values == nil || *raw.Values == nil || d.More() {
		return Answers{}, answerErr("", "shape")
	}
	values := *raw.Values
	if len(values) > MaxQuestions {
		return Answers{}, answerErr("", "shape")
	}
	for k, v := range values {
		val, ok := decodeValue(v)
		if !ok {
			return Answers{}, answerErr(truncate(k), "value")
		}
		values[k] = val
	}
	return Answers{Form: *raw.Form, Version: *raw.Version, Values: values}, nil
}

// decodeValue turns a decoded JSON value into an answer's: a whole number
// as int64, a string, a list of strings.
func decodeValue(v any) (any, bool) {
	switch x := v.(type) {
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
			return nil, false
		}
		return int64(x), true
	case string:
		return x, true
	case []any:
		l := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			l[i] = s
		}
		return l, true
	}
	return nil, false
}

// AnswerError is an answer a form does not accept. Question is empty when
// the problem is the whole response's.
type AnswerError struct {
	Question string
	Code     string // shape, form, question, value, required, timing
}

func answerErr(q, code string) *AnswerError { return &AnswerError{Question: q, Code: code} }

func (e *AnswerError) Error() string {
	if e.Question == "" {
		return "answers: " + e.Code
	}
	return fmt.Sprintf("answer %q: %s", e.Question, e.Code)
}

// answerKeys are the message keys of the answer codes.
var answerKeys = map[string]string{
	"shape":    "error.evaluation.shape",
	"form":     "error.evaluation.form",
	"question": "error.evaluation.question",
	"value":    "error.evaluation.value",
	"required": "error.evaluation.required",
}

// MessageKey gives the translation key and its parameters (translations.Keyed).
func (e *AnswerError) MessageKey() (string, []any) {
	return answerKeys[e.Code], []any{"Question", e.Question}
}

// Check reports the first answer the form would not accept: a question it
// does not have, a value out of its range or not one of its choices, a
// text too long or with control characters, a required question left
// unanswered. An empty text or list counts as unanswered; Normalise drops
// them first.
func (f *Form) Check(values map[string]any) error {
	if len(values) > len(f.Questions) {
		return answerErr("", "shape")
	}
	for _, id := range sortedKeys(values) {
		q, ok := f.Question(id)
		if !ok {
			return answerErr(truncate(id), "question")
		}
		if !q.accepts(values[id]) {
			return answerErr(id, "value")
		}
	}
	for _, q := range f.Questions {
		if _, ok := values[q.ID]; q.Required && !ok {
			return answerErr(q.ID, "required")
		}
	}
	return nil
}

// accepts is Check without saying what is wrong: the results' test of
// each response, in no particular order.
func (f *Form) accepts(values map[string]any) bool {
	if len(values) > len(f.Questions) {
		return false
	}
	n := 0
	for i := range f.Questions {
		q := &f.Questions[i]
		v, ok := values[q.ID]
		switch {
		case ok && !q.accepts(v):
			return false
		case ok:
			n++
		case q.Required:
			return false
		}
	}
	return n == len(values) // no answer to a question the form lacks
}

func (q *Question) accepts(v any) bool {
	switch q.Kind {
	case KindLikert, KindScale:
		n, ok := v.(int64)
		lo, hi := q.Range()
		return ok && n >= lo && n <= hi
	case KindSingle:
		s, ok := v.(string)
		_, known := q.Choice(s)
		return ok && known
	case KindMultiple:
		l, ok := v.([]string)
		if !ok || len(l) == 0 {
			return false
		}
		for i, s := range l {
			if _, known := q.Choice(s); !known || slices.Contains(l[:i], s) {
				return false
			}
		}
		return true
	case KindText:
		s, ok := v.(string)
		return ok && acceptableText(s)
	}
	return false
}

// CheckShape is the check of answers to a form this program does not have
// (a project lead's file not yet received): ids, and values of a shape and
// size some form could accept.
func CheckShape(values map[string]any) error {
	if len(values) > MaxQuestions {
		return answerErr("", "shape")
	}
	for _, id := range sortedKeys(values) {
		if !ValidID(id) {
			return answerErr(truncate(id), "question")
		}
		ok := false
		switch v := values[id].(type) {
		case int64:
			ok = v >= min(LikertMin, ScaleMin) && v <= max(LikertMax, ScaleMax)
		case string:
			ok = acceptableText(v)
		case []string:
			ok = len(v) > 0 && len(v) <= MaxChoices && !slices.ContainsFunc(v, func(s string) bool { return !ValidID(s) })
		}
		if !ok {
			return answerErr(id, "value")
		}
	}
	return nil
}

// acceptableText: not empty, at most MaxAnswerChars, no control character
// but line breaks and tabs.
func acceptableText(s string) bool {
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxAnswerChars {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' })
}

// Normalise trims free texts, drops unanswered questions (an empty text or
// list) and puts a multiple choice in the form's order.
func (f *Form) Normalise(values map[string]any) map[string]any {
	out := make(map[string]any, len(values))
	for id, v := range values {
		switch x := v.(type) {
		case string:
			x = strings.ReplaceAll(strings.TrimSpace(x), "\r\n", "\n")
			if x == "" {
				continue
			}
			v = x
		case []string:
			if len(x) == 0 {
				continue
			}
			if q, ok := f.Question(id); ok {
				x = slices.Clone(x)
				slices.SortStableFunc(x, func(a, b string) int { return q.choiceIndex(a) - q.choiceIndex(b) })
			}
			v = x
		case int:
			v = int64(x)
		}
		out[id] = v
	}
	return out
}

func (q *Question) choiceIndex(id string) int {
	i := slices.IndexFunc(q.Choices, func(c Choice) bool { return c.ID == id })
	if i < 0 {
		return len(q.Choices)
	}
	return i
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
