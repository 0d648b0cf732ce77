package data

import (
	"context"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The project's findings log: entries tagged with the project's steps and
// linked to organisations and joint actions.

// CreateFinding validates f and stores it; the organisations and joint
// actions it names must be live. Without a date it is today's, without an
// author the profile's advisor's.
func (s *Store) CreateFinding(ctx context.Context, f *domain.Finding) error {
	if f.Date == "" {
		f.Date = s.now().Local().Format(domain.DateLayout)
	}
	if f.Author == "" {
		if p, err := s.Profile(); err == nil {
			f.Author = p.Advisor
		}
	}
	if err := f.Normalise(); err != nil {
		return err
	}
	f.ID = ""
	edits := s.createEdits(domain.EntityFinding, f)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		return edits, requireFindingLinks(tx, f, nil)
	})
	return err
}

// UpdateFinding stores the fields of f that changed. A link it already had
// may point at something deleted since; a new one must be live.
func (s *Store) UpdateFinding(ctx context.Context, f *domain.Finding) error {
	if err := f.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, findingRecords, f, func(tx changelog.ReadTx, stored *domain.Finding) error {
		return requireFindingLinks(tx, f, stored)
	})
}

func requireFindingLinks(tx changelog.ReadTx, f, stored *domain.Finding) error {
	var had domain.Finding
	if stored != nil {
		had = *stored
	}
	return requireNewLive(tx, idLinks{domain.EntityOrganisation, "orgs", f.OrgIDs, had.OrgIDs},
		idLinks{domain.EntityJoint, "joints", f.JointIDs, had.JointIDs})
}

// DeleteFinding marks an entry deleted.
func (s *Store) DeleteFinding(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityFinding, id, true)
}

// RestoreFinding undoes a delete.
func (s *Store) RestoreFinding(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityFinding, id, false)
}

// Finding reads one live entry.
func (s *Store) Finding(ctx context.Context, id string) (domain.Finding, error) {
	return readLive(ctx, s, findingRecords, id)
}

// FindingQuery filters the findings log. Zero fields filter nothing.
type FindingQuery struct {
	Text    string // every word somewhere in the text or source, folded as every search
	Step    domain.ProjectStep
	Kind    domain.FindingKind
	OrgID   string
	JointID string
	From    string // YYYY-MM-DD, inclusive
	To      string // YYYY-MM-DD, inclusive
}

// Findings lists live entries in the project's step order, then the newest first.
func (s *Store) Findings(ctx context.Context, q FindingQuery) ([]domain.Finding, error) {
	where := []string{"f.deleted = 0"}
	var args []any
	for _, c := range []struct {
		cond string
		arg  string
	}{{"f.step = ?", string(q.Step)}, {"f.kind = ?", string(q.Kind)}, {"f.date >= ?", q.From}, {"f.date <= ?", q.To},
		{"EXISTS (SELECT 1 FROM json_each(f.orgs) o WHERE o.value = ?)", q.OrgID},
		{"EXISTS (SELECT 1 FROM json_each(f.joints) j WHERE j.value = ?)", q.JointID}} {
		if c.arg != "" {
			where = append(where, c.cond)
			args = append(args, c.arg)
		}
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+findingColumns+` FROM findings f WHERE `+strings.Join(where, " AND ")+
		` ORDER BY CASE f.step WHEN 'benchmarking' THEN 1 WHEN 'capacity' THEN 2 WHEN 'pilot' THEN 3
		WHEN 'evaluation' THEN 4 WHEN 'next-phase' THEN 5 ELSE 6 END, f.date DESC, f.created_at DESC, f.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	words := domain.SearchWords(q.Text)
	var out []domain.Finding
	for rows.Next() {
		f, err := scanFinding(rows)
		if err != nil {
			return nil, err
		}
		if len(words) > 0 && !holdsWords(words, f.Text, f.Source) {
			continue
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

const findingColumns = `f.id, f.created_at, f.updated_at, f.deleted, f.kind, f.step, f.date, f.body, f.source, f.author,
	f.orgs, f.joints, f.models, f.forms`

func scanFinding(sc rowScanner) (domain.Finding, error) {
	var f domain.Finding
	var created, updated int64
	var orgs, joints, models, forms string
	err := sc.Scan(&f.ID, &created, &updated, &f.Deleted, &f.Kind, &f.Step, &f.Date, &f.Text, &f.Source, &f.Author,
		&orgs, &joints, &models, &forms)
	if err != nil {
		return f, err
	}
	f.CreatedAt, f.UpdatedAt = msTime(created), msTime(updated)
	_ = jsonUnmarshalString(orgs, &f.OrgIDs)
	_ = jsonUnmarshalString(joints, &f.JointIDs)
	_ = jsonUnmarshalString(models, &f.ModelIDs)
	_ = jsonUnmarshalString(forms, &f.FormIDs)
	return f, nil
}

var findingRecords = recordKind[domain.Finding]{domain.EntityFinding, "f", findingColumns, scanFinding}
