package data

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The funder report (data/report/indicators) reads the whole period at once.
// These queries give it exactly the columns it needs, in one pass per table,
// through the read pool, so it never loads full records or runs a query per
// visit.

// ReportOrg is the part of an organisation the funder report needs. Deleted
// and merged organisations are included: visits may still point at them.
type ReportOrg struct {
	ID           string
	Name         string
	Country      Country
	Municipality string
	Sector       string
	Kind         OrgKind
	Employees    *int
	LeaderGender LeaderGender
	Deleted      bool
	MergedInto   string
}

// Size is the EU size class (unknown without an employee count).
func (o ReportOrg) Size() SizeClass {
	if o.Employees == nil {
		return SizeUnknown
	}
	return SizeClassFor(*o.Employees)
}

// ReportOrganisations returns every organisation, tombstones included.
func (s *Store) ReportOrganisations(ctx context.Context) ([]ReportOrg, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, country, municipality, sector, kind, employees,
		leader_gender, deleted, merged_into FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]ReportOrg, 0, 1024)
	for rows.Next() {
		var o ReportOrg
		var emp sql.NullInt64
		if err := rows.Scan(&o.ID, &o.Name, &o.Country, &o.Municipality, &o.Sector, &o.Kind, &emp,
			&o.LeaderGender, &o.Deleted, &o.MergedInto); err != nil {
			return nil, err
		}
		if emp.Valid {
			n := int(emp.Int64)
			o.Employees = &n
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ReportVisit is the part of a visit the funder report needs; OrgIDs are
// the ids as stored (not yet resolved through merges).
type ReportVisit struct {
	ID          string
	Date        string
	Type        VisitType
	Minutes     int
	Advisor     string
	Place       string
	Women       int
	Men         int
	Other       int
	Phase       Phase
	CrossBorder bool
	OrgIDs      []string
}

// Participants is the head count.
func (v ReportVisit) Participants() int { return v.Women + v.Men + v.Other }

// ReportVisits returns the live visits dated from..to (inclusive; "" leaves
// that end open), oldest first, with their organisations.
//
// It reads the visits table front to back and takes the organisations from
// the visit's own list (visit_orgs is derived from it) rather than walking
// the date index and joining visit_orgs: over 100,000 visits the index walk
// jumps between table pages for every row and takes four times as long as
// the sequential scan plus a sort in Go.
func (s *Store) ReportVisits(ctx context.Context, from, to string) ([]ReportVisit, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := s.r.QueryContext(ctx, `SELECT v.id, v.created_at, v.date, v.type, v.minutes, v.advisor, v.place,
		v.women, v.men, v.other, v.phase, v.cross_border, v.orgs
		FROM visits v NOT INDEXED
		WHERE v.deleted = 0 AND v.date >= ? AND v.date <= ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]ReportVisit, 0, 1024)
	// Sort keys are kept apart from the records, so the sort moves 24-byte
	// keys instead of whole visits.
	type sortKey struct {
		date    int32 // YYYYMMDD: integers compare faster than strings
		created int64
		i       int32
	}
	keys := make([]sortKey, 0, 1024)
	var orgs, date, typ, advisor, place, phase sql.RawBytes
	// Dates, types, advisors, places and phases repeat across thousands of
	// visits: one string each instead of one per visit spares the allocator
	// and the garbage collector half a million strings.
	interned := map[string]string{}
	intern := func(b []byte) string {
		if s, ok := interned[string(b)]; ok {
			return s
		}
		s := string(b)
		interned[s] = s
		return s
	}
	for rows.Next() {
		var v ReportVisit
		var created int64
		if err := rows.Scan(&v.ID, &created, &date, &typ, &v.Minutes, &advisor, &place,
			&v.Women, &v.Men, &v.Other, &phase, &v.CrossBorder, &orgs); err != nil {
			return nil, err
		}
		v.Date, v.Type, v.Advisor, v.Place, v.Phase = intern(date), VisitType(intern(typ)), intern(advisor), intern(place), Phase(intern(phase))
		if v.OrgIDs, err = parseIDList(orgs); err != nil {
			return nil, fmt.Errorf("visit %s: orgs: %w", v.ID, err)
		}
		keys = append(keys, sortKey{dateNumber(v.Date), created, int32(len(out))})
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The order of the visit list: date, then creation, then id.
	slices.SortFunc(keys, func(a, b sortKey) int {
		// Not cmp.Or: it would compare the ids (far away in memory) every time.
		if a.date != b.date {
			return cmp.Compare(a.date, b.date)
		}
		if a.created != b.created {
			return cmp.Compare(a.created, b.created)
		}
		return strings.Compare(out[a.i].ID, out[b.i].ID)
	})
	sorted := make([]ReportVisit, len(out))
	for i, k := range keys {
		sorted[i] = out[k.i]
	}
	return sorted, nil
}

// dateNumber turns a stored YYYY-MM-DD date into YYYYMMDD (dates that are
// not in that form sort by their first digits; validation keeps them out).
func dateNumber(d string) int32 {
	var n int32
	for i := 0; i < len(d) && i < 10; i++ {
		if c := d[i]; c >= '0' && c <= '9' {
			n = n*10 + int32(c-'0')
		}
	}
	return n
}

// parseIDList reads a stored JSON list of ids. The apply path writes it in
// canonical form (["a","b"]), which is split directly; anything with escapes
// goes through the JSON decoder.
func parseIDList(b []byte) ([]string, error) {
	s := strings.TrimSpace(string(b))
	if s == "" || s == "[]" {
		return nil, nil
	}
	if strings.HasPrefix(s, `["`) && strings.HasSuffix(s, `"]`) && !strings.ContainsRune(s, '\\') {
		parts := strings.Split(s[2:len(s)-2], `","`)
		if !slices.ContainsFunc(parts, func(p string) bool { return strings.ContainsRune(p, '"') }) {
			return parts, nil
		}
	}
	var ids []string
	err := json.Unmarshal(b, &ids)
	return ids, err
}

// ReportAnswer is one answer of a finished assessment, with what the funder
// report needs of the assessment itself.
type ReportAnswer struct {
	AssessmentID string
	OrgID        string // as stored (not yet resolved through merges)
	ModelID      string
	Date         string
	CreatedAt    int64 // tie-break between assessments of one day
	Dimension    string
	Level        *int
	Applies      bool
}

// ReportAnswers returns the live answers of live, done assessments dated up
// to to (inclusive; "" for no end), oldest assessment first.
func (s *Store) ReportAnswers(ctx context.Context, to string) ([]ReportAnswer, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := s.r.QueryContext(ctx, `SELECT a.id, a.org_id, a.model_id, a.date, a.created_at, n.dimension, n.level, n.applies
		FROM assessments a JOIN assessment_answers n ON n.assessment_id = a.id AND n.deleted = 0
		WHERE a.deleted = 0 AND a.status = ? AND a.date <= ?
		ORDER BY a.date, a.created_at, a.id, n.dimension`, string(AssessmentDone), to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportAnswer
	for rows.Next() {
		var a ReportAnswer
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
