package data

import (
	"context"
	"database/sql"
	"errors"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// answerID is deterministic, so the same dimension edited on two devices is
// the same record, merged field by field.
func answerID(assessmentID, dimension string) string { return assessmentID + "/" + dimension }

// answerRecord adapts an Answer of an assessment to the write path.
type answerRecord struct {
	*domain.Answer
	assessmentID string
}

func (r answerRecord) Fields() map[string]any {
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

// SaveAssessment creates (a.ID == "") or updates an assessment and its
// answers in one transaction, checked against the model version m it uses.
func (s *Store) SaveAssessment(ctx context.Context, a *domain.Assessment, m *models.Model) error {
	if err := a.Normalise(m); err != nil {
		return err
	}
	creating := a.ID == ""
	var edits []changelog.Edit
	if creating {
		edits = s.createEdits(domain.EntityAssessment, a)
	}
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		if err := requireLive(tx, domain.EntityOrganisation, "org", a.OrgID); err != nil {
			return nil, err
		}
		if a.VisitID != "" {
			if err := requireLive(tx, domain.EntityVisit, "visit", a.VisitID); err != nil {
				return nil, err
			}
		}
		if !creating {
			stored, err := scanAssessment(tx.QueryRow(assessmentByID, a.ID))
			if errors.Is(err, sql.ErrNoRows) {
				return nil, &domain.NotFoundError{Entity: domain.EntityAssessment, ID: a.ID}
			}
			if err != nil {
				return nil, err
			}
			e := updateEdits(domain.EntityAssessment, a, &stored)
			edits = append(edits, e...)
		}
		for i := range a.Answers {
			ans := &a.Answers[i]
			rec := answerRecord{ans, a.ID}
			ans.ID = answerID(a.ID, ans.Dimension)
			stored, err := scanAnswer(tx.QueryRow(answerByID, ans.ID))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				edits = append(edits, s.createEdits(domain.EntityAnswer, rec)...)
			case err != nil:
				return nil, err
			default:
				e := updateEdits(domain.EntityAnswer, rec, answerRecord{&stored, a.ID})
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

func scanAssessment(sc rowScanner) (domain.Assessment, error) {
	var a domain.Assessment
	var created, updated int64
	err := sc.Scan(&a.ID, &created, &updated, &a.OrgID, &a.VisitID, &a.ModelID, &a.ModelVersion, &a.Date, &a.Status, &a.Comment)
	a.CreatedAt, a.UpdatedAt = msTime(created), msTime(updated)
	return a, err
}

func scanAnswer(sc rowScanner) (domain.Answer, error) {
	var a domain.Answer
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
func (s *Store) Assessment(ctx context.Context, id string) (domain.Assessment, error) {
	a, err := scanAssessment(s.r.QueryRowContext(ctx, assessmentByID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &domain.NotFoundError{Entity: domain.EntityAssessment, ID: id}
	}
	if err != nil {
		return a, err
	}
	a.Seen = changelog.SeenClock(s.r, domain.EntityAssessment, id)
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
func (s *Store) Assessments(ctx context.Context, orgID string) ([]domain.Assessment, error) {
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
	out := make([]domain.Assessment, 0, len(ids))
	for _, id := range ids {
		a, err := s.Assessment(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
