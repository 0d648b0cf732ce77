package data

import (
	"context"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// CreateJointAction validates j and stores it; its partners and visits
// must exist.
func (s *Store) CreateJointAction(ctx context.Context, j *domain.JointAction) error {
	s.stampNew(&j.Partner, &j.Side)
	if err := j.Normalise(); err != nil {
		return err
	}
	j.ID = ""
	edits := s.createEdits(domain.EntityJoint, j)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		return edits, requireJointLinks(tx, j, nil)
	})
	return err
}

// UpdateJointAction stores the fields of j that changed. A partner or visit
// it already named may have been deleted since; a newly named one must be
// live.
func (s *Store) UpdateJointAction(ctx context.Context, j *domain.JointAction) error {
	if err := j.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, jointRecords, j, func(tx changelog.ReadTx, stored *domain.JointAction) error {
		return requireJointLinks(tx, j, stored)
	})
}

// requireJointLinks refuses a partner or visit that is not live, unless the
// stored record already named it.
func requireJointLinks(tx changelog.ReadTx, j, stored *domain.JointAction) error {
	var had domain.JointAction
	if stored != nil {
		had = *stored
	}
	return requireNewLive(tx, idLinks{domain.EntityOrganisation, "orgs", j.OrgIDs, had.OrgIDs},
		idLinks{domain.EntityVisit, "visits", j.VisitIDs, had.VisitIDs})
}

// DeleteJointAction marks a joint action deleted.
func (s *Store) DeleteJointAction(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityJoint, id, true)
}

// RestoreJointAction undoes a delete.
func (s *Store) RestoreJointAction(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityJoint, id, false)
}

// JointAction reads one live joint action.
func (s *Store) JointAction(ctx context.Context, id string) (domain.JointAction, error) {
	return readLive(ctx, s, jointRecords, id)
}

// JointQuery filters the joint-action list. Zero fields filter nothing.
type JointQuery struct {
	OrgID  string // a partner
	Kind   domain.JointKind
	Status domain.JointStatus
	Text   string // in the title, description and outcome, folded as every search
}

// JointActions lists live joint actions, the newest first (by completion,
// else start, else creation).
func (s *Store) JointActions(ctx context.Context, q JointQuery) ([]domain.JointAction, error) {
	where := []string{"j.deleted = 0"}
	var args []any
	if q.OrgID != "" {
		where = append(where, "EXISTS (SELECT 1 FROM json_each(j.orgs) p WHERE p.value = ?)")
		args = append(args, q.OrgID)
	}
	if q.Kind != "" {
		where = append(where, "j.kind = ?")
		args = append(args, string(q.Kind))
	}
	if q.Status != "" {
		where = append(where, "j.status = ?")
		args = append(args, string(q.Status))
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+jointColumns+` FROM joint_actions j WHERE `+strings.Join(where, " AND ")+
		` ORDER BY COALESCE(NULLIF(j.date, ''), NULLIF(j.start, ''), '9999') DESC, j.created_at DESC, j.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	words := domain.SearchWords(q.Text)
	var out []domain.JointAction
	for rows.Next() {
		j, err := scanJoint(rows)
		if err != nil {
			return nil, err
		}
		if len(words) > 0 && !holdsWords(words, j.Title, j.Notes, j.Outcome) {
			continue
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// holdsWords reports whether the texts together hold every folded word
// anywhere: joint actions are few (hundreds), so they are searched as read
// rather than through an index.
func holdsWords(words []string, texts ...string) bool {
	all := domain.Fold(strings.Join(texts, "\n"))
	for _, w := range words {
		if !strings.Contains(all, w) {
			return false
		}
	}
	return true
}
