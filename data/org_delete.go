package data

import (
	"context"
	"database/sql"
	"errors"
	"maps"
	"slices"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// OrgUsage is what deleting an organisation touches: what its delete
// dialog tells the advisor before anything happens.
type OrgUsage struct {
	Visits       int // live visits naming only this organisation: deleted with it
	SharedVisits int // live visits naming other organisations too: they lose only this one
	JointActions int // live joint actions naming it as a partner: it no longer counts there
}

// HasVisits reports whether any live visit names the organisation.
func (u OrgUsage) HasVisits() bool { return u.Visits+u.SharedVisits > 0 }

// OrganisationUsage counts what deleting organisation id would touch.
func (s *Store) OrganisationUsage(ctx context.Context, id string) (OrgUsage, error) {
	var u OrgUsage
	err := s.r.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(n = 1), 0), COALESCE(SUM(n > 1), 0),
		(SELECT COUNT(DISTINCT j.id) FROM joint_actions j, json_each(j.orgs) p WHERE p.value = ?1 AND j.deleted = 0)
		FROM (SELECT (SELECT COUNT(*) FROM visit_orgs all_vo WHERE all_vo.visit_id = v.id) AS n
			FROM visit_orgs vo JOIN visits v ON v.id = vo.visit_id WHERE vo.org_id = ?1 AND v.deleted = 0)`, id).
		Scan(&u.Visits, &u.SharedVisits, &u.JointActions)
	return u, err
}

// OrgDeletion is what DeleteOrganisationWithVisits did, so that its undo
// puts back exactly that.
type OrgDeletion struct {
	OrgID         string
	DeletedVisits []string                    // visits that named only this organisation
	LeftVisits    map[string]domain.SizeClass // visits that named others too, with this one's size at the visit
}

// DeleteOrganisationWithVisits deletes an organisation and its visits in
// one local edit, so the funder's figures lose them together and a
// colleague never sees one without the other. A visit that also names
// other organisations stays theirs and only loses this one. Contacts,
// follow-ups and assessments go out of sight with the organisation, as
// with any delete; joint actions keep it as a partner that no longer
// counts.
func (s *Store) DeleteOrganisationWithVisits(ctx context.Context, id string) (OrgDeletion, error) {
	var del OrgDeletion
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		del = OrgDeletion{OrgID: id, LeftVisits: map[string]domain.SizeClass{}}
		if err := requireLiveOrg(tx, id); err != nil {
			return nil, err
		}
		ids, err := idsWhere(tx, `SELECT v.id FROM visit_orgs vo JOIN visits v ON v.id = vo.visit_id
			WHERE vo.org_id = ? AND v.deleted = 0 ORDER BY v.id`, id)
		if err != nil {
			return nil, err
		}
		var edits []changelog.Edit
		for _, vid := range ids {
			v, err := scanVisit(tx.QueryRow(visitRecords.byID(), vid))
			if err != nil {
				return nil, err
			}
			if len(v.OrgIDs) <= 1 {
				edits = append(edits, changelog.Edit{Entity: domain.EntityVisit, ID: vid, Field: "deleted", Value: true})
				del.DeletedVisits = append(del.DeletedVisits, vid)
				continue
			}
			left := v
			left.OrgIDs = slices.DeleteFunc(slices.Clone(v.OrgIDs), func(o string) bool { return o == id })
			left.Sizes = withoutKey(v.Sizes, id)
			del.LeftVisits[vid] = v.Sizes[id]
			edits = append(edits, updateEdits(domain.EntityVisit, &left, &v)...)
		}
		return append(edits, changelog.Edit{Entity: domain.EntityOrganisation, ID: id, Field: "deleted", Value: true}), nil
	})
	return del, err
}

// UndoOrganisationDeletion puts back what DeleteOrganisationWithVisits
// did, in one local edit: the organisation, its visits, and its place on
// the visits it shared. A visit deleted or changed since in another way
// keeps that change.
func (s *Store) UndoOrganisationDeletion(ctx context.Context, del OrgDeletion) error {
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		edits := []changelog.Edit{{Entity: domain.EntityOrganisation, ID: del.OrgID, Field: "deleted", Value: false}}
		for _, vid := range del.DeletedVisits {
			edits = append(edits, changelog.Edit{Entity: domain.EntityVisit, ID: vid, Field: "deleted", Value: false})
		}
		for _, vid := range slices.Sorted(maps.Keys(del.LeftVisits)) {
			v, err := scanVisit(tx.QueryRow(visitRecords.byID(), vid))
			if errors.Is(err, sql.ErrNoRows) || err == nil && (v.Deleted || slices.Contains(v.OrgIDs, del.OrgID)) {
				continue
			}
			if err != nil {
				return nil, err
			}
			back := v
			back.OrgIDs = append(slices.Clone(v.OrgIDs), del.OrgID)
			slices.Sort(back.OrgIDs)
			back.Sizes = withoutKey(v.Sizes, del.OrgID)
			if c := del.LeftVisits[vid]; c != "" {
				back.Sizes[del.OrgID] = c
			}
			edits = append(edits, updateEdits(domain.EntityVisit, &back, &v)...)
		}
		return edits, nil
	})
	return err
}

// requireLiveOrg fails with NotFoundError unless organisation id is there and not deleted.
func requireLiveOrg(tx changelog.ReadTx, id string) error {
	var deleted bool
	err := tx.QueryRow(`SELECT deleted FROM organisations WHERE id = ?`, id).Scan(&deleted)
	if errors.Is(err, sql.ErrNoRows) || err == nil && deleted {
		return &domain.NotFoundError{Entity: domain.EntityOrganisation, ID: id}
	}
	return err
}

// withoutKey is a copy of m without key (never nil).
func withoutKey(m map[string]domain.SizeClass, key string) map[string]domain.SizeClass {
	out := maps.Clone(m)
	if out == nil {
		out = map[string]domain.SizeClass{}
	}
	delete(out, key)
	return out
}
