package data

import (
	"context"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

const relationColumns = `r.id, r.created_at, r.updated_at, r.deleted, r.from_org, r.to_org, r.kind, r.start_date, r.end_date, r.notes`

func scanRelation(sc rowScanner) (domain.Relation, error) {
	var r domain.Relation
	var created, updated int64
	err := sc.Scan(&r.ID, &created, &updated, &r.Deleted, &r.FromOrg, &r.ToOrg, &r.Kind, &r.Start, &r.End, &r.Notes)
	r.CreatedAt, r.UpdatedAt = msTime(created), msTime(updated)
	return r, err
}

var relationRecords = recordKind[domain.Relation]{domain.EntityRelation, "r", relationColumns, scanRelation}

// CreateRelation validates r and stores it; both organisations must be live.
func (s *Store) CreateRelation(ctx context.Context, r *domain.Relation) error {
	if err := r.Normalise(); err != nil {
		return err
	}
	r.ID = ""
	edits := s.createEdits(domain.EntityRelation, r)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		return edits, requireRelationEnds(tx, r, nil)
	})
	return err
}

// UpdateRelation stores the fields of r that changed. An organisation it
// already named may have been deleted since; a newly named one must be live.
func (s *Store) UpdateRelation(ctx context.Context, r *domain.Relation) error {
	if err := r.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, relationRecords, r, func(tx changelog.ReadTx, stored *domain.Relation) error {
		return requireRelationEnds(tx, r, stored)
	})
}

// requireRelationEnds refuses an organisation that is not live, unless the
// stored relation already named it.
func requireRelationEnds(tx changelog.ReadTx, r, stored *domain.Relation) error {
	for _, end := range []struct{ field, id string }{{"from_org", r.FromOrg}, {"to_org", r.ToOrg}} {
		if stored != nil && (end.id == stored.FromOrg || end.id == stored.ToOrg) {
			continue
		}
		if err := requireLive(tx, domain.EntityOrganisation, end.field, end.id); err != nil {
			return err
		}
	}
	return nil
}

// DeleteRelation marks a relation deleted.
func (s *Store) DeleteRelation(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityRelation, id, true)
}

// RestoreRelation undoes a delete.
func (s *Store) RestoreRelation(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityRelation, id, false)
}

// Relation reads one live relation.
func (s *Store) Relation(ctx context.Context, id string) (domain.Relation, error) {
	return readLive(ctx, s, relationRecords, id)
}

// Relations lists the live relations between live organisations — of orgID
// either way when it is given, else all — in start order (undated last).
// A relation of an organisation with itself, which no form stores but a
// damaged bundle could, is left out.
func (s *Store) Relations(ctx context.Context, orgID string) ([]domain.Relation, error) {
	where, args := "", []any{}
	if orgID != "" {
		where = ` AND (r.from_org = ? OR r.to_org = ?)`
		args = append(args, orgID, orgID)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+relationColumns+` FROM relations r
		JOIN organisations f ON f.id = r.from_org AND f.deleted = 0
		JOIN organisations t ON t.id = r.to_org AND t.deleted = 0
		WHERE r.deleted = 0 AND r.from_org <> r.to_org`+where+`
		ORDER BY r.start_date = '', r.start_date, r.created_at, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Relation
	for rows.Next() {
		r, err := scanRelation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Actor is an organisation as the innovation-system map draws it.
type Actor struct {
	ID, Name     string
	Country      domain.Country
	Kind         domain.OrgKind
	Municipality string
	Sector       string
}

// Actors lists every live organisation as the map needs it, by id.
func (s *Store) Actors(ctx context.Context) ([]Actor, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, country, kind, municipality, sector
		FROM organisations WHERE deleted = 0 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Actor
	for rows.Next() {
		var a Actor
		if err := rows.Scan(&a.ID, &a.Name, &a.Country, &a.Kind, &a.Municipality, &a.Sector); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
