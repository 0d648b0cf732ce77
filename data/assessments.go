package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"

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

// answerID is deterministic, so the same dimension edited on two devices is
// the same record, merged field by field.
func answerID(assessmentID, dimension string) string { return assessmentID + "/" + dimension }

func (a *Assessment) fields() map[string]any {
	return map[string]any{"org_id": a.OrgID, "visit_id": a.VisitID, "model_id": a.ModelID,
		"model_version": a.ModelVersion, "date": a.Date, "status": string(a.Status), "comment": a.Comment}
}

// answerRecord adapts an Answer of an assessment to the write path.
type answerRecord struct {
	*Answer
	assessmentID string
}

func (r answerRecord) fields() map[string]any {
	var level, target any
	if r.Level != nil {
		level = *r.Level
	}
	if r.Target != nil {
		target = *r.Target
	}
	return map[string]any{"assessment_id": r.assessmentID, "dimension": r.Dimension, "level": level,
		"text": r.Text, "applies": r.Applies, "comment": r.Comment, "target": target, "target_due": r.TargetDue}
}

// Normalise checks an assessment against the model version it uses.
func (a *Assessment) Normalise(m *models.Model) error {
	trim(&a.Comment)
	normaliseLineEnds(&a.Comment)
	p := checkFields(EntityAssessment, a.fields())
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
	p.add(oneOf("status", a.Status, []AssessmentStatus{AssessmentDraft, AssessmentDone}))
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
		p.add(checkSingleLine(field, ans.Comment))
		p.add(ValidateDate(field, ans.TargetDue, false))
		p.add(checkLen(field, ans.Text, maxNotesLen))
	}
	return p.err()
}

// SaveAssessment creates (a.ID == "") or updates an assessment and its
// answers in one transaction, checked against the model version m it uses.
func (s *Store) SaveAssessment(ctx context.Context, a *Assessment, m *models.Model) error {
	if err := a.Normalise(m); err != nil {
		return err
	}
	creating := a.ID == ""
	var edits []fieldEdit
	if creating {
		edits = s.createEdits(EntityAssessment, a)
	}
	_, err := s.commitLocal(ctx, func(tx *sql.Tx) ([]fieldEdit, error) {
		if err := requireLive(tx, EntityOrganisation, "org", a.OrgID); err != nil {
			return nil, err
		}
		if a.VisitID != "" {
			if err := requireLive(tx, EntityVisit, "visit", a.VisitID); err != nil {
				return nil, err
			}
		}
		if !creating {
			stored, err := scanAssessment(tx.QueryRow(assessmentByID, a.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return nil, &domain.NotFoundError{Entity: EntityAssessment, ID: a.ID}
			}
			if err != nil {
				return nil, err
			}
			e, err := updateEdits(tx, EntityAssessment, a, &stored)
			if err != nil {
				return nil, err
			}
			edits = append(edits, e...)
		}
		for i := range a.Answers {
			ans := &a.Answers[i]
			rec := answerRecord{ans, a.ID}
			ans.ID = answerID(a.ID, ans.Dimension)
			stored, err := scanAnswer(tx.QueryRow(answerByID, ans.ID))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				edits = append(edits, s.createEdits(EntityAnswer, rec)...)
			case err != nil:
				return nil, err
			default:
				e, err := updateEdits(tx, EntityAnswer, rec, answerRecord{&stored, a.ID})
				if err != nil {
					return nil, err
				}
				edits = append(edits, e...)
			}
		}
		return edits, nil
	})
	return err
}

const (
	assessmentColumns = `id, created_at, updated_at, org_id, visit_id, model_id, model_version, date, status, comment`
	assessmentByID    = `SELECT ` + assessmentColumns + ` FROM assessments WHERE id = ? AND deleted = 0`
	answerColumns     = `id, dimension, level, text, applies, comment, target, target_due`
	answerByID        = `SELECT ` + answerColumns + ` FROM assessment_answers WHERE id = ? AND deleted = 0`
)

func scanAssessment(sc rowScanner) (Assessment, error) {
	var a Assessment
	var created, updated int64
	err := sc.Scan(&a.ID, &created, &updated, &a.OrgID, &a.VisitID, &a.ModelID, &a.ModelVersion, &a.Date, &a.Status, &a.Comment)
	a.CreatedAt, a.UpdatedAt = msTime(created), msTime(updated)
	return a, err
}

func scanAnswer(sc rowScanner) (Answer, error) {
	var a Answer
	var level, target sql.NullInt64
	err := sc.Scan(&a.ID, &a.Dimension, &level, &a.Text, &a.Applies, &a.Comment, &target, &a.TargetDue)
	if level.Valid {
		n := int(level.Int64)
		a.Level = &n
	}
	if target.Valid {
		n := int(target.Int64)
		a.Target = &n
	}
	return a, err
}

// Assessment reads one live assessment with its answers.
func (s *Store) Assessment(ctx context.Context, id string) (Assessment, error) {
	a, err := scanAssessment(s.r.QueryRowContext(ctx, assessmentByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &domain.NotFoundError{Entity: EntityAssessment, ID: id}
	}
	if err != nil {
		return a, err
	}
	a.Seen = seenClock(s.r, EntityAssessment, id)
	rows, err := s.r.QueryContext(ctx, `SELECT `+answerColumns+` FROM assessment_answers
		WHERE assessment_id = ? AND deleted = 0 ORDER BY dimension`, id)
	if err != nil {
		return a, err
	}
	defer rows.Close()
	for rows.Next() {
		ans, err := scanAnswer(rows)
		if err != nil {
			return a, err
		}
		a.Answers = append(a.Answers, ans)
	}
	return a, rows.Err()
}

// Assessments lists an organisation's live assessments, oldest first (the
// order progress is read in), with their answers.
func (s *Store) Assessments(ctx context.Context, orgID string) ([]Assessment, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM assessments WHERE org_id = ? AND deleted = 0
		ORDER BY date, created_at, id`, orgID)
	if err != nil {
		return nil, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	out := make([]Assessment, 0, len(ids))
	for _, id := range ids {
		a, err := s.Assessment(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
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
