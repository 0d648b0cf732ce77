package data

import (
	"context"
	"strings"
)

// OrgList is the organisation list as a screen shows it: the id of every
// organisation a query finds, in list order, and the rows of the first few.
// A screen reads the other rows a page at a time as they scroll into view
// (OrgRows), so a query that finds 10,000 costs little more than one that
// finds forty.
type OrgList struct {
	IDs  []string
	Rows []OrgRow // the rows of IDs[:len(Rows)]
}

// ListOrganisations lists the organisations q finds (q.Limit is ignored):
// every id, and the rows of the first first of them.
func (s *Store) ListOrganisations(ctx context.Context, q OrgQuery, first int) (OrgList, error) {
	f, err := orgFilterOf(q, false, &s.vocab)
	if err != nil {
		return OrgList{}, err
	}
	join := ""
	if f.byLastVisit {
		join = " LEFT JOIN org_stats st ON st.org_id = o.id"
	}
	rows, err := s.r.QueryContext(ctx, `SELECT o.id FROM organisations o`+join+` WHERE `+f.where+f.order, f.args...)
	if err != nil {
		return OrgList{}, err
	}
	defer rows.Close()
	var l OrgList
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return OrgList{}, err
		}
		l.IDs = append(l.IDs, id)
	}
	if err := rows.Err(); err != nil {
		return OrgList{}, err
	}
	rows.Close()
	l.Rows, err = s.OrgRows(ctx, l.IDs[:min(first, len(l.IDs))])
	return l, err
}

// OrgRows reads the list rows of the live organisations among ids, in the
// order of ids; an organisation deleted since its id was listed is left out.
func (s *Store) OrgRows(ctx context.Context, ids []string) ([]OrgRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	found, err := s.scanOrgRows(ctx, `SELECT `+orgListColumns+`, COALESCE(st.last_visit, ''), COALESCE(st.visits, 0)
		FROM organisations o
		LEFT JOIN org_stats st ON st.org_id = o.id
		WHERE o.deleted = 0 AND o.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`)`, args...)
	if err != nil {
		return nil, err
	}
	at := make(map[string]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	out := make([]OrgRow, len(ids))
	n := 0
	for _, r := range found {
		out[at[r.ID]] = r
	}
	for _, r := range out {
		if r.ID != "" {
			out[n] = r
			n++
		}
	}
	return out[:n], nil
}
