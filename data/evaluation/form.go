// Package evaluation holds the project's questionnaires as data: the TOML
// form format (docs/evaluations.md), its strict parser, the library of
// bundled and distributed forms, the check of a respondent's answers
// against a form, and the summary of many responses. It knows no SQL.
package evaluation

import (
	"slices"

	"eu.ilsa.coach/ilsa/data/models"
)

// Kind is what sort of answer a question takes.
type Kind string

const (
	KindLikert   Kind = "likert"   // 1..5, the ends labelled
	KindSingle   Kind = "single"   // one of the choices
	KindMultiple Kind = "multiple" // any of the choices
	KindScale    Kind = "scale"    // 0..10, the ends labelled
	KindText     Kind = "text"     // free text
)

// Kinds lists the question kinds.
var Kinds = []Kind{KindLikert, KindSingle, KindMultiple, KindScale, KindText}

// Limits of the format and of answers. They keep a stranger's file or
// response from costing memory or screen space no questionnaire needs.
const (
	MaxIDLength    = 64
	MaxVersion     = 1_000_000
	MaxQuestions   = 100
	MaxChoices     = 20
	MaxTextLength  = 1000 // characters of a question's, choice's or title's text in one language
	MaxAnswerChars = 4000 // characters of a free-text answer
	MaxFileSize    = 256 << 10
	LikertMin      = 1
	LikertMax      = 5
	ScaleMin       = 0
	ScaleMax       = 10
)

// Text is one text in sv, nb and en.
type Text = models.Text

// Form is one version of one questionnaire.
type Form struct {
	ID          string
	Version     int
	Title       Text
	Description Text // may be empty
	// BeforeAfter marks a form answered before and after the project's
	// activities: each response says which (domain.Response.Timing) and the
	// results compare the two groups.
	BeforeAfter bool
	Questions   []Question
	Bundled     bool   // one of the app's own forms
	File        string // the file it was read from
}

// Question is one question of a form.
type Question struct {
	ID       string
	Kind     Kind
	Text     Text
	Required bool
	Low      Text     // likert and scale: what the lowest value means
	High     Text     // likert and scale: what the highest value means
	Choices  []Choice // single and multiple
}

// Choice is one answer a single or multiple choice question offers.
type Choice struct {
	ID   string
	Text Text
}

// Question returns the question with the given id.
func (f *Form) Question(id string) (*Question, bool) {
	for i := range f.Questions {
		if f.Questions[i].ID == id {
			return &f.Questions[i], true
		}
	}
	return nil, false
}

// Choice returns the choice with the given id.
func (q *Question) Choice(id string) (Choice, bool) {
	i := slices.IndexFunc(q.Choices, func(c Choice) bool { return c.ID == id })
	if i < 0 {
		return Choice{}, false
	}
	return q.Choices[i], true
}

// Range is the lowest and highest value of a likert or scale question.
func (q *Question) Range() (lo, hi int64) {
	if q.Kind == KindScale {
		return ScaleMin, ScaleMax
	}
	return LikertMin, LikertMax
}

// Numeric reports whether the question's answers are numbers, which have a mean.
func (q *Question) Numeric() bool { return q.Kind == KindLikert || q.Kind == KindScale }
