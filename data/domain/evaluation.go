package domain

import (
	"slices"

	"eu.ilsa.coach/ilsa/data/evaluation"
)

// EntityResponse is one respondent's answers to a questionnaire.
const EntityResponse = "response"

func init() {
	entityFields[EntityResponse] = append(slices.Clone(commonFields),
		Field{"answers", FieldText}, Field{"visit_id", FieldText}, Field{"joint_id", FieldText},
		Field{"date", FieldDate}, Field{"timing", FieldText}, Field{"gender", FieldText},
		Field{"age_band", FieldText}, Field{"country", FieldText})
}

// Timing says whether a response to a before/after form was given before
// or after the project's activities.
type Timing string

const (
	TimingNone   Timing = ""
	TimingBefore Timing = "before"
	TimingAfter  Timing = "after"
)

// Timings lists the values of a before/after form's response.
var Timings = []Timing{TimingBefore, TimingAfter}

// AgeBand is a respondent's age, coarse enough to identify no one.
type AgeBand string

// AgeBands lists the values a respondent can pick ("" first: not given).
var AgeBands = []AgeBand{"", "under-30", "30-49", "50-64", "65-plus"}

// Response is one respondent's answers to one questionnaire version, given
// at a visit (a workshop) or a joint action, or neither. It holds nothing
// that identifies the respondent: gender, age band and country are
// optional, for the equality follow-up. A response is never edited, only
// deleted.
type Response struct {
	Meta
	Answers evaluation.Answers
	VisitID string
	JointID string
	Date    string // YYYY-MM-DD
	Timing  Timing // forms with before_after only
	Gender  Gender
	AgeBand AgeBand
	Country Country // "" when not given
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (r *Response) Fields() map[string]any {
	return map[string]any{"answers": r.Answers.Encode(), "visit_id": r.VisitID, "joint_id": r.JointID,
		"date": r.Date, "timing": string(r.Timing), "gender": string(r.Gender), "age_band": string(r.AgeBand),
		"country": string(r.Country)}
}

// Normalise checks a response against the form version it answers: the
// answers the form accepts, a date, at most one of visit and joint action,
// a timing exactly when the form is answered before and after, and the
// optional follow-up values from their lists.
func (r *Response) Normalise(form *evaluation.Form) error {
	trim(&r.VisitID)
	trim(&r.JointID)
	r.Answers.Form, r.Answers.Version = form.ID, form.Version
	r.Answers.Values = form.Normalise(r.Answers.Values)
	p := checkFields(EntityResponse, r.Fields())
	if err := form.Check(r.Answers.Values); err != nil {
		p.add(err)
	}
	p.add(ValidateDate("date", r.Date, true))
	if r.VisitID != "" && r.JointID != "" {
		p.add(invalid("joint_id", "evaluation.one_activity"))
	}
	if form.BeforeAfter {
		p.add(OneOf("timing", r.Timing, Timings))
	} else if r.Timing != TimingNone {
		p.add(invalid("timing", "evaluation.no_timing"))
	}
	p.add(OneOf("gender", r.Gender, Genders))
	p.add(OneOf("age_band", r.AgeBand, AgeBands))
	if r.Country != "" && !r.Country.Valid() {
		p.add(invalid("country", "country.unknown", "value", string(r.Country)))
	}
	return p.err()
}
