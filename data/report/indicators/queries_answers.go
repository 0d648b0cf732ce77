package indicators

import (
	"context"
	"database/sql"
	"fmt"

	"eu.ilsa.coach/ilsa/data/domain"
)

// AnswerRow is one answer of a finished assessment, with what the funder
// report needs of the assessment itself.
type AnswerRow struct {
	AssessmentID string
	OrgID        string // as stored (not yet resolved through merges)
	ModelID      string
	Date         string
	CreatedAt    int64 // tie-break between assessments of one day
	Dimension    string
	Level        *int
	Applies      bool
}

// readAnswers returns the live answers of live, done assessments dated up
// to to (inclusive; "" for no end), oldest assessment first.
func readAnswers(ctx context.Context, db *sql.DB, to string) ([]AnswerRow, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.QueryContext(ctx, `SELECT a.id, a.org_id, a.model_id, a.date, a.created_at, n.dimension, n.level, n.applies
		FROM assessments a JOIN assessment_answers n ON n.assessment_id = a.id AND n.deleted = 0
		WHERE a.deleted = 0 AND a.status = ? AND a.date <= ?
		ORDER BY a.date, a.created_at, a.id, n.dimension`, string(domain.AssessmentDone), to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AnswerRow
	for rows.Next() {
		var a AnswerRow
		var level sql.NullInt64
		if err := rows.Scan(&a.AssessmentID, &a.OrgID, &a.ModelID, &a.Date, &a.CreatedAt, &a.Dimension, &level, &a.Applies); err != nil {
			return nil, err
		}
		if level.Valid {
			n := int(level.Int64)
			a.Level = &n
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// scanInts copies the leading integer columns of a scanned row into n
// (NULL reads as 0).
func scanInts(vals []any, n []int64, table string) error {
	for i := range n {
		switch x := vals[i].(type) {
		case int64:
			n[i] = x
		case nil:
		default:
			return fmt.Errorf("%s: column %d: unexpected %T", table, i+1, vals[i])
		}
	}
	return nil
}
