package data

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// EvaluationActivity is a visit or joint action where a questionnaire was
// answered, with how many responses it has: the results can be read per
// activity.
type EvaluationActivity struct {
	VisitID, JointID string // one of them
	Label            string // the visit's date and organisations, or the joint action's title
	Date             string // YYYY-MM-DD: the visit's date, or the first response's
	Responses        int
}

// EvaluationActivities lists the activities with live responses to form
// formID, the newest first.
func (s *Store) EvaluationActivities(ctx context.Context, formID string) ([]EvaluationActivity, error) {
	where, args := ResponseQuery{FormID: formID}.where()
	rows, err := s.r.QueryContext(ctx, `SELECT visit_id, joint_id, MIN(date), COUNT(*) FROM responses
		WHERE `+where+` AND (visit_id <> '' OR joint_id <> '') GROUP BY visit_id, joint_id`, args...)
	if err != nil {
		return nil, err
	}
	var out []EvaluationActivity
	for rows.Next() {
		var a EvaluationActivity
		if err := rows.Scan(&a.VisitID, &a.JointID, &a.Date, &a.Responses); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		a := &out[i]
		if a.JointID != "" {
			if j, err := s.JointAction(ctx, a.JointID); err == nil {
				a.Label = j.Title
			}
			continue
		}
		v, err := s.Visit(ctx, a.VisitID)
		if err != nil {
			continue // deleted since: its responses still count in the whole
		}
		a.Date = v.Date
		orgs, err := s.OrganisationsByID(ctx, v.OrgIDs)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, id := range v.OrgIDs {
			if o, ok := orgs[id]; ok {
				names = append(names, o.Name)
			}
		}
		a.Label = strings.Join(names, ", ")
	}
	kept := out[:0]
	for _, a := range out {
		if a.Label != "" {
			kept = append(kept, a)
		}
	}
	sortActivities(kept)
	return kept, nil
}

// sortActivities puts the newest first, then by label.
func sortActivities(as []EvaluationActivity) {
	slices.SortStableFunc(as, func(a, b EvaluationActivity) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.Label, b.Label))
	})
}
