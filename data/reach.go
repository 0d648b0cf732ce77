package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The project's second wave: what innovation actors passed on to
// enterprises (domain.Reach).

// CreateReach validates r and stores it: its actor must be a live
// innovation actor, the enterprises it names live organisations. Without a
// date it is today's.
func (s *Store) CreateReach(ctx context.Context, r *domain.Reach) error {
	if r.Date == "" {
		r.Date = s.now().Local().Format(domain.DateLayout)
	}
	if err := r.Normalise(); err != nil {
		return err
	}
	r.ID = ""
	edits := s.createEdits(domain.EntityReach, r)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		return edits, requireReachLinks(tx, r, nil)
	})
	return err
}

// UpdateReach stores the fields of r that changed. What it already named
// may have been deleted since; what it names anew must be live.
func (s *Store) UpdateReach(ctx context.Context, r *domain.Reach) error {
	if err := r.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, reachRecords, r, func(tx changelog.ReadTx, stored *domain.Reach) error {
		return requireReachLinks(tx, r, stored)
	})
}

func requireReachLinks(tx changelog.ReadTx, r, stored *domain.Reach) error {
	if stored == nil || stored.ActorID != r.ActorID {
		var kind string
		var deleted bool
		err := tx.QueryRow(`SELECT kind, deleted FROM organisations WHERE id = ?`, r.ActorID).Scan(&kind, &deleted)
		if errors.Is(err, sql.ErrNoRows) || err == nil && deleted {
			return invalid("actor", "reference.missing", "id", r.ActorID)
		}
		if err != nil {
			return err
		}
		if !domain.OrgKind(kind).IsInnovationActor() {
			return invalid("actor", "reach.actor_kind")
		}
	}
	var had []string
	if stored != nil {
		had = stored.OrgIDs
	}
	return requireNewLive(tx, idLinks{domain.EntityOrganisation, "orgs", r.OrgIDs, had})
}

// DeleteReach marks a record deleted.
func (s *Store) DeleteReach(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityReach, id, true)
}

// RestoreReach undoes a delete.
func (s *Store) RestoreReach(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityReach, id, false)
}

// Reach reads one live record.
func (s *Store) Reach(ctx context.Context, id string) (domain.Reach, error) {
	return readLive(ctx, s, reachRecords, id)
}

// ReachQuery filters the records. Zero fields filter nothing.
type ReachQuery struct {
	ActorID string
	From    string // YYYY-MM-DD, inclusive
	To      string // YYYY-MM-DD, inclusive
}

// Reaches lists live records, the newest first.
func (s *Store) Reaches(ctx context.Context, q ReachQuery) ([]domain.Reach, error) {
	where := []string{"r.deleted = 0"}
	var args []any
	for _, c := range []struct{ cond, arg string }{{"r.actor = ?", q.ActorID}, {"r.date >= ?", q.From}, {"r.date <= ?", q.To}} {
		if c.arg != "" {
			where = append(where, c.cond)
			args = append(args, c.arg)
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+reachColumns+` FROM reaches r WHERE `+strings.Join(where, " AND ")+
		` ORDER BY r.date DESC, r.created_at DESC, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Reach
	for rows.Next() {
		r, err := scanReach(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

const reachColumns = `r.id, r.created_at, r.updated_at, r.deleted, r.actor, r.date, r.orgs, r.others, r.notes, r.models`

func scanReach(sc rowScanner) (domain.Reach, error) {
	var r domain.Reach
	var created, updated int64
	var orgs, models string
	err := sc.Scan(&r.ID, &created, &updated, &r.Deleted, &r.ActorID, &r.Date, &orgs, &r.Others, &r.Notes, &models)
	if err != nil {
		return r, err
	}
	r.CreatedAt, r.UpdatedAt = msTime(created), msTime(updated)
	_ = jsonUnmarshalString(orgs, &r.OrgIDs)
	_ = jsonUnmarshalString(models, &r.ModelIDs)
	return r, nil
}

var reachRecords = recordKind[domain.Reach]{domain.EntityReach, "r", reachColumns, scanReach}
