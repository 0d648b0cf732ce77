package domain

import (
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/data/models"
)

// AssessmentStatus says whether an assessment is still being filled in.
type AssessmentStatus string

const (
	AssessmentDraft AssessmentStatus = "draft"
	AssessmentDone  AssessmentStatus = "done"
)

// Assessment is one application of a model with a client. It records the
// model's id and version, so it stays readable after the model changes.
type Assessment struct {
	Meta
	OrgID        string
	VisitID      string // optional: the visit it was made at
	ModelID      string
	ModelVersion int
	Date         string // YYYY-MM-DD
	Status       AssessmentStatus
	Comment      string
	Answers      []Answer // in the model's dimension order when read
}

// Answer is the answer for one dimension (scale), block (canvas) or item
// (checklist) of the model.
type Answer struct {
	Meta
	Dimension string
	Level     *int   // scale: 1..levels, nil while unanswered
	Text      string // canvas: the block's text
	Applies   bool   // checklist: the item applies
	Comment   string
	Target    *int   // scale: the level aimed at, with TargetDue
	TargetDue string // YYYY-MM-DD or ""
}

// Fields gives the assessment's synced fields by name, as the change log
// writes them (its answers are records of their own).
func (a *Assessment) Fields() map[string]any {
	return map[string]any{"org_id": a.OrgID, "visit_id": a.VisitID, "model_id": a.ModelID,
		"model_version": a.ModelVersion, "date": a.Date, "status": string(a.Status), "comment": a.Comment}
}

// Normalise checks an assessment against the model version it uses.
func (a *Assessment) Normalise(m *models.Model) error {
	trim(&a.Comment)
	normaliseLineEnds(&a.Comment)
	p := checkFields(EntityAssessment, a.Fields())
	if a.OrgID == "" {
		p.add(invalid("org", "required"))
	}
	if m == nil || m.ID != a.ModelID || m.Version != a.ModelVersion {
		p.add(invalid("model", "assessment.model", "model", a.ModelID, "version", a.ModelVersion))
		return p.err()
	}
	p.add(ValidateDate("date", a.Date, true))
	if a.Status == "" {
		a.Status = AssessmentDraft
	}
	p.add(OneOf("status", a.Status, []AssessmentStatus{AssessmentDraft, AssessmentDone}))
	seen := map[string]bool{}
	for i := range a.Answers {
		ans := &a.Answers[i]
		trim(&ans.Comment)
		normaliseLineEnds(&ans.Text)
		field := "answers." + ans.Dimension
		d, ok := m.Dimension(ans.Dimension)
		if !ok || seen[ans.Dimension] {
			p.add(invalid(field, "assessment.dimension", "dimension", ans.Dimension, "model", m.ID))
			continue
		}
		seen[ans.Dimension] = true
		_ = d
		inRange := func(n *int) bool { return n == nil || (*n >= 1 && *n <= m.Levels) }
		switch m.Kind {
		case models.KindScale:
			if !inRange(ans.Level) || !inRange(ans.Target) {
				p.add(invalid(field, "assessment.level", "dimension", ans.Dimension, "max", m.Levels))
			}
		default:
			if ans.Level != nil || ans.Target != nil {
				p.add(invalid(field, "assessment.level", "dimension", ans.Dimension, "max", 0))
			}
		}
		// The answer's fields are reported under its dimension, where the
		// form shows them.
		p.add(checkMultiLine(field, ans.Text))
		p.add(CheckSingleLine(field, ans.Comment))
		p.add(ValidateDate(field, ans.TargetDue, false))
		p.add(CheckLen(field, ans.Text, MaxNotesLen))
	}
	return p.err()
}

// ParseLevels reads "dimension=N" pairs (the command line's --level flags).
func ParseLevels(pairs []string) ([]Answer, error) {
	var out []Answer
	for _, p := range pairs {
		dim, val, ok := strings.Cut(p, "=")
		var n int
		if _, err := fmt.Sscanf(val, "%d", &n); !ok || err != nil || strings.TrimSpace(dim) == "" {
			return nil, invalid("level", "assessment.level_format", "value", p)
		}
		out = append(out, Answer{Dimension: strings.TrimSpace(dim), Level: &n})
	}
	return out, nil
}
