package data

import (
	"context"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// CreateSubmission stores a submitted report. It is written once, every
// field included, and never edited (changelog's frozen entities); a
// correction is another submission of the same period.
func (s *Store) CreateSubmission(ctx context.Context, sub *domain.Submission) error {
	if err := sub.Normalise(); err != nil {
		return err
	}
	sub.ID = NewID()
	now := s.now().UTC()
	edits := []changelog.Edit{{Entity: domain.EntitySubmission, ID: sub.ID, Field: "created_at", Value: now.UnixMilli()}}
	vals := sub.Fields()
	for _, f := range domain.EntityFields(domain.EntitySubmission) {
		if v, ok := vals[f.Name]; ok {
			edits = append(edits, changelog.Edit{Entity: domain.EntitySubmission, ID: sub.ID, Field: f.Name, Value: v})
		}
	}
	if _, err := s.eng.CommitLocal(ctx, func(changelog.ReadTx) ([]changelog.Edit, error) { return edits, nil }); err != nil {
		return err
	}
	sub.CreatedAt = msTime(now.UnixMilli())
	return nil
}

const submissionColumns = `id, created_at, period_from, period_to, project_start, advisor, partner, note`

// Submissions lists the submitted reports, the newest first; with from and
// to given, only those of that period. Snapshots are not read (see
// SubmissionSnapshot): a list needs only their headers.
func (s *Store) Submissions(ctx context.Context, from, to string) ([]domain.Submission, error) {
	q := `SELECT ` + submissionColumns + ` FROM report_submissions WHERE deleted = 0`
	var args []any
	if from != "" || to != "" {
		q += ` AND period_from = ? AND period_to = ?`
		args = append(args, from, to)
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Submission
	for rows.Next() {
		var sub domain.Submission
		var created int64
		if err := rows.Scan(&sub.ID, &created, &sub.From, &sub.To, &sub.ProjectStart, &sub.Advisor, &sub.Partner, &sub.Note); err != nil {
			return nil, err
		}
		sub.CreatedAt = msTime(created)
		out = append(out, sub)
	}
	return out, rows.Err()
}

// SubmissionSnapshot reads the encoded snapshot of one submitted report.
func (s *Store) SubmissionSnapshot(ctx context.Context, id string) (string, error) {
	var snap string
	err := s.r.QueryRowContext(ctx, `SELECT snapshot FROM report_submissions WHERE id = ? AND deleted = 0`, id).Scan(&snap)
	if err != nil {
		return "", notFound(err, domain.EntitySubmission, id)
	}
	return snap, nil
}
