package data

import (
	"context"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

// CreateResponse checks one respondent's answers against the form version
// they answer and stores them; the visit or joint action it is attached to
// must be live. There is no update: a response is never edited.
func (s *Store) CreateResponse(ctx context.Context, r *domain.Response, form *evaluation.Form) error {
	if err := r.Normalise(form); err != nil {
		return err
	}
	r.ID = ""
	edits := s.createEdits(domain.EntityResponse, r)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		if r.VisitID != "" {
			if err := requireLive(tx, domain.EntityVisit, "visit_id", r.VisitID); err != nil {
				return nil, err
			}
		}
		if r.JointID != "" {
			if err := requireLive(tx, domain.EntityJoint, "joint_id", r.JointID); err != nil {
				return nil, err
			}
		}
		return edits, nil
	})
	return err
}

// DeleteResponse marks a response deleted.
func (s *Store) DeleteResponse(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityResponse, id, true)
}

// ResponseQuery selects responses to one form. Zero fields filter nothing
// (but FormID, which is required).
type ResponseQuery struct {
	FormID  string
	VisitID string
	JointID string
	From    string // YYYY-MM-DD, inclusive
	To      string // YYYY-MM-DD, inclusive
}

func (q ResponseQuery) where() (string, []any) {
	// the terms of the partial index responses_form, so it is used
	where := []string{"deleted = 0", "json_valid(answers)", "json_extract(answers, '$.form') = ?"}
	args := []any{q.FormID}
	for _, c := range []struct {
		cond, arg string
	}{{"visit_id = ?", q.VisitID}, {"joint_id = ?", q.JointID}, {"date >= ?", q.From}, {"date <= ?", q.To}} {
		if c.arg != "" {
			where = append(where, c.cond)
			args = append(args, c.arg)
		}
	}
	return strings.Join(where, " AND "), args
}

// Responses lists the live responses to a form, oldest first.
func (s *Store) Responses(ctx context.Context, q ResponseQuery) ([]domain.Response, error) {
	where, args := q.where()
	rows, err := s.r.QueryContext(ctx, `SELECT id, created_at, updated_at, answers, visit_id, joint_id, date, timing,
		gender, age_band, country FROM responses WHERE `+where+` ORDER BY date, created_at, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Response
	for rows.Next() {
		var r domain.Response
		var created, updated int64
		var answers string
		if err := rows.Scan(&r.ID, &created, &updated, &answers, &r.VisitID, &r.JointID, &r.Date, &r.Timing,
			&r.Gender, &r.AgeBand, &r.Country); err != nil {
			return nil, err
		}
		r.CreatedAt, r.UpdatedAt = msTime(created), msTime(updated)
		r.Answers, _ = evaluation.Decode(answers) // the results check it against its form
		out = append(out, r)
	}
	return out, rows.Err()
}

// EvaluationResults sums up the responses to the newest version of form
// (lib gives each response's version) that q selects. It reads only what
// the results use.
func (s *Store) EvaluationResults(ctx context.Context, lib *evaluation.Library, form *evaluation.Form, q ResponseQuery) (evaluation.Results, error) {
	q.FormID = form.ID
	where, args := q.where()
	rows, err := s.r.QueryContext(ctx, `SELECT answers, timing, gender, country FROM responses WHERE `+where, args...)
	if err != nil {
		return evaluation.Results{}, err
	}
	defer rows.Close()
	var respondents []evaluation.Respondent
	for rows.Next() {
		var r evaluation.Respondent
		var answers string
		if err := rows.Scan(&answers, &r.Timing, &r.Gender, &r.Country); err != nil {
			return evaluation.Results{}, err
		}
		r.Answers, _ = evaluation.Decode(answers) // Summarise checks it against its form
		respondents = append(respondents, r)
	}
	if err := rows.Err(); err != nil {
		return evaluation.Results{}, err
	}
	return evaluation.Summarise(form, func(v int) (*evaluation.Form, bool) { return lib.Version(form.ID, v) }, respondents), nil
}
