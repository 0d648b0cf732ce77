package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// NewVisit is a visit with its next steps: saved together, in one transaction.
type NewVisit struct {
	domain.Visit
	NextSteps []domain.Action // OrgID defaults to the visit's first organisation
}

// CreateVisit validates v and stores it; every organisation must exist. The
// advisor defaults to this device's profile.
func (s *Store) CreateVisit(ctx context.Context, v *domain.Visit) error {
	nv := NewVisit{Visit: *v}
	err := s.CreateVisitWithActions(ctx, &nv)
	*v = nv.Visit
	return err
}

// CreateVisitWithActions stores a visit and the actions agreed at it, all or nothing.
func (s *Store) CreateVisitWithActions(ctx context.Context, nv *NewVisit) error {
	v := &nv.Visit
	if v.Advisor == "" {
		if p, err := s.Profile(); err == nil {
			v.Advisor = p.Advisor
		}
	}
	s.stampNew(&v.Partner, &v.Side)
	if err := nv.normalise(); err != nil {
		return err
	}
	v.ID = ""
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		for _, id := range v.OrgIDs {
			if err := requireLive(tx, domain.EntityOrganisation, "orgs", id); err != nil {
				return nil, err
			}
		}
		if err := nv.checkNextSteps(tx); err != nil {
			return nil, err
		}
		if err := fillSizes(v, sizeNow(tx)); err != nil {
			return nil, err
		}
		edits := s.createEdits(domain.EntityVisit, v)
		return append(edits, s.nextStepEdits(nv)...), nil
	})
	return err
}

// UpdateVisitWithActions stores the fields of the visit that changed and
// adds its new next steps as actions, all or nothing: a next step that
// cannot be stored leaves the visit as it was, so saving again stores
// nothing twice.
func (s *Store) UpdateVisitWithActions(ctx context.Context, nv *NewVisit) error {
	if err := nv.normalise(); err != nil {
		return err
	}
	v := &nv.Visit
	steps := s.nextStepEdits(nv)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		stored, err := scanVisit(tx.QueryRow(visitRecords.byID(), v.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &domain.NotFoundError{Entity: domain.EntityVisit, ID: v.ID}
		}
		if err != nil {
			return nil, err
		}
		for _, id := range v.OrgIDs {
			if !slices.Contains(stored.OrgIDs, id) {
				if err := requireLive(tx, domain.EntityOrganisation, "orgs", id); err != nil {
					return nil, err
				}
			}
		}
		if err := nv.checkNextSteps(tx); err != nil {
			return nil, err
		}
		if err := fillSizes(v, sizeNow(tx)); err != nil {
			return nil, err
		}
		return append(updateEdits(domain.EntityVisit, v, &stored), steps...), nil
	})
	return err
}

// normalise validates the visit and its next steps; a next step's problems
// are named by its position ("next_steps.1.due").
func (nv *NewVisit) normalise() error {
	v := &nv.Visit
	errs := []error{v.Normalise()}
	for i := range nv.NextSteps {
		a := &nv.NextSteps[i]
		if a.OrgID == "" && len(v.OrgIDs) > 0 {
			a.OrgID = v.OrgIDs[0]
		}
		if err := a.Normalise(); err != nil {
			errs = append(errs, prefixFields(err, fmt.Sprintf("next_steps.%d.", i)))
		}
	}
	return errors.Join(errs...)
}

// nextStepEdits creates the next steps as new actions of the visit (whose
// id must be set).
func (s *Store) nextStepEdits(nv *NewVisit) []changelog.Edit {
	var edits []changelog.Edit
	for i := range nv.NextSteps {
		nv.NextSteps[i].ID = ""
		nv.NextSteps[i].VisitID = nv.ID
		edits = append(edits, s.createEdits(domain.EntityAction, &nv.NextSteps[i])...)
	}
	return edits
}

// checkNextSteps refuses next steps for organisations deleted meanwhile.
func (nv *NewVisit) checkNextSteps(tx changelog.ReadTx) error {
	for i, a := range nv.NextSteps {
		if err := requireLive(tx, domain.EntityOrganisation, fmt.Sprintf("next_steps.%d.org", i), a.OrgID); err != nil {
			return err
		}
	}
	return nil
}

// prefixFields renames the fields of validation errors (for nested forms).
func prefixFields(err error, prefix string) error {
	var out []error
	for _, v := range domain.ValidationErrors(err) {
		c := *v
		c.Field = prefix + c.Field
		out = append(out, &c)
	}
	return errors.Join(out...)
}

// UpdateVisit stores the fields of v that changed.
func (s *Store) UpdateVisit(ctx context.Context, v *domain.Visit) error {
	if err := v.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, visitRecords, v, func(tx changelog.ReadTx, stored *domain.Visit) error {
		for _, id := range v.OrgIDs {
			if !slices.Contains(stored.OrgIDs, id) {
				if err := requireLive(tx, domain.EntityOrganisation, "orgs", id); err != nil {
					return err
				}
			}
		}
		return fillSizes(v, sizeNow(tx))
	})
}

// DeleteVisit marks a visit deleted.
func (s *Store) DeleteVisit(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityVisit, id, true)
}

// RestoreVisit undoes a delete.
func (s *Store) RestoreVisit(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityVisit, id, false)
}

// Visit reads one live visit.
func (s *Store) Visit(ctx context.Context, id string) (domain.Visit, error) {
	return readLive(ctx, s, visitRecords, id)
}

// VisitQuery filters the visit list; zero fields filter nothing.
type VisitQuery struct {
	OrgID string
	From  string // YYYY-MM-DD, inclusive
	To    string // YYYY-MM-DD, inclusive
	Text  string // full-text over notes and place
	Limit int
}

// where is the WHERE clause of the visits q selects, and its arguments.
func (q VisitQuery) where(vocab *vocabulary) (string, []any) {
	where := []string{"v.deleted = 0"}
	var args []any
	if q.OrgID != "" {
		where = append(where, "v.id IN (SELECT visit_id FROM visit_orgs WHERE org_id = ?)")
		args = append(args, q.OrgID)
	}
	if q.From != "" {
		where = append(where, "v.date >= ?")
		args = append(args, q.From)
	}
	if q.To != "" {
		where = append(where, "v.date <= ?")
		args = append(args, q.To)
	}
	if ts := newTextSearch(q.Text, vocab); !ts.empty() {
		sel, selArgs := ts.rowids("visit")
		where = append(where, "v.rowid IN ("+sel+")")
		args = append(args, selArgs...)
	}
	return strings.Join(where, " AND "), args
}

// VisitsFound counts every visit q selects, whatever its Limit, and sums
// their minutes: a list that shows the newest thousand still says how many
// there are.
func (s *Store) VisitsFound(ctx context.Context, q VisitQuery) (visits, minutes int, err error) {
	where, args := q.where(&s.vocab)
	err = s.r.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(v.minutes), 0) FROM visits v WHERE `+where, args...).Scan(&visits, &minutes)
	return visits, minutes, err
}

// Visits lists live visits, newest first.
func (s *Store) Visits(ctx context.Context, q VisitQuery) ([]domain.Visit, error) {
	where, args := q.where(&s.vocab)
	query := `SELECT ` + visitColumns + ` FROM visits v WHERE ` + where + ` ORDER BY v.date DESC, v.created_at DESC, v.id DESC`
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Visit
	for rows.Next() {
		v, err := scanVisit(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// VisitTotals counts the live visits dated from..to (inclusive) and sums
// their minutes, without loading them.
func (s *Store) VisitTotals(ctx context.Context, from, to string) (visits, minutes int, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(minutes), 0) FROM visits
		WHERE deleted = 0 AND date >= ? AND date <= ?`, from, to).Scan(&visits, &minutes)
	return visits, minutes, err
}

// Bulk is a set of new records stored together (demo data, imports from a
// spreadsheet): validated first, then written in one transaction.
type Bulk struct {
	Organisations []*domain.Organisation
	Contacts      []*domain.Contact
	Visits        []*NewVisit
	Actions       []*domain.Action
}

// CreateBulk validates every record of b and stores them all, or nothing.
// References must point at live records or at records of the same bulk.
func (s *Store) CreateBulk(ctx context.Context, b *Bulk) error {
	var errs []error
	for _, o := range b.Organisations {
		errs = append(errs, o.Normalise())
	}
	for _, c := range b.Contacts {
		errs = append(errs, c.Normalise())
	}
	for _, a := range b.Actions {
		errs = append(errs, a.Normalise())
	}
	for _, v := range b.Visits {
		errs = append(errs, v.Normalise())
		for i := range v.NextSteps {
			if v.NextSteps[i].OrgID == "" && len(v.OrgIDs) > 0 {
				v.NextSteps[i].OrgID = v.OrgIDs[0]
			}
			errs = append(errs, v.NextSteps[i].Normalise())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	// Records may come with ids made by the caller (to link them within the
	// bulk); those ids must be new.
	var preset []struct{ entity, id string }
	for _, o := range b.Organisations {
		if o.ID != "" {
			preset = append(preset, struct{ entity, id string }{domain.EntityOrganisation, o.ID})
		}
	}
	for _, v := range b.Visits {
		if v.ID != "" {
			preset = append(preset, struct{ entity, id string }{domain.EntityVisit, v.ID})
		}
	}
	var edits []changelog.Edit
	newOrgs := map[string]bool{}
	sizes := map[string]domain.SizeClass{}
	for _, o := range b.Organisations {
		edits = append(edits, s.createEdits(domain.EntityOrganisation, o)...)
		newOrgs[o.ID] = true
		sizes[o.ID] = domain.SizeOf(o.Employees)
	}
	for _, c := range b.Contacts {
		edits = append(edits, s.createEdits(domain.EntityContact, c)...)
	}
	for _, v := range b.Visits {
		// The sizes of the bulk's own organisations; others are not read
		// here (the report takes their headcount now).
		for _, id := range v.OrgIDs {
			c, inBulk := sizes[id]
			if _, set := v.Sizes[id]; inBulk && !set {
				if v.Sizes == nil {
					v.Sizes = map[string]domain.SizeClass{}
				}
				v.Sizes[id] = c
			}
		}
		edits = append(edits, s.createEdits(domain.EntityVisit, &v.Visit)...)
		for i := range v.NextSteps {
			v.NextSteps[i].VisitID = v.ID
			edits = append(edits, s.createEdits(domain.EntityAction, &v.NextSteps[i])...)
		}
	}
	for _, a := range b.Actions {
		edits = append(edits, s.createEdits(domain.EntityAction, a)...)
	}
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		check := func(field, id string) error {
			if newOrgs[id] {
				return nil
			}
			return requireLive(tx, domain.EntityOrganisation, field, id)
		}
		for _, p := range preset {
			var n int
			if err := tx.QueryRow(`SELECT COUNT(*) FROM `+changelog.Table(p.entity)+` WHERE id = ?`, p.id).Scan(&n); err != nil {
				return nil, err
			}
			if n > 0 {
				return nil, fmt.Errorf("bulk create: %s %s exists already", p.entity, p.id)
			}
		}
		for _, c := range b.Contacts {
			if err := check("org", c.OrgID); err != nil {
				return nil, err
			}
		}
		for _, v := range b.Visits {
			for _, id := range v.OrgIDs {
				if err := check("orgs", id); err != nil {
					return nil, err
				}
			}
		}
		for _, a := range b.Actions {
			if err := check("org", a.OrgID); err != nil {
				return nil, err
			}
		}
		return edits, nil
	})
	return err
}

// IsEmpty reports whether no synced record exists yet.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM visits)`).Scan(&n)
	return n == 0, err
}
