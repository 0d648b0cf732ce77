package indicators

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The funder report reads the whole period at once.
// These queries give it exactly the columns it needs, in one pass per table,
// through the read pool, so it never loads full records or runs a query per
// visit.

// OrgRow is the part of an organisation the funder report needs. Deleted
// and merged organisations are included: visits may still point at them.
type OrgRow struct {
	ID           string
	Name         string
	Country      domain.Country
	Municipality string
	Sector       string
	Kind         domain.OrgKind
	Employees    *int
	LeaderGender domain.LeaderGender
	Deleted      bool
	MergedInto   string
}

// Size is the EU size class (unknown without an employee count).
func (o OrgRow) Size() domain.SizeClass {
	if o.Employees == nil {
		return domain.SizeUnknown
	}
	return domain.SizeClassFor(*o.Employees)
}

// readOrgs returns every organisation, tombstones included.
// Like visitTable it takes the text columns in one value, cut apart by
// their byte lengths.
func readOrgs(ctx context.Context, db *sql.DB) ([]OrgRow, error) {
	rows, err := db.QueryContext(ctx, `SELECT employees, deleted,
		octet_length(id), octet_length(name), octet_length(country), octet_length(municipality),
		octet_length(sector), octet_length(kind), octet_length(leader_gender),
		concat(id, name, country, municipality, sector, kind, leader_gender, merged_into)
		FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	const ncol = 10
	var vals [ncol]any
	var dest [ncol]any
	for i := range vals {
		dest[i] = &vals[i]
	}
	out := make([]OrgRow, 0, 1024)
	in := newInterner()
	// Ids and names go into one buffer, made one string at the end.
	var buf []byte
	type span struct{ idEnd, nameEnd int32 }
	var spans []span
	var employees []int // the employee counts, pointed into
	for rows.Next() {
		if err := rows.Scan(dest[:]...); err != nil {
			return nil, err
		}
		var n [9]int64
		if err := scanInts(vals[:], n[:], "organisations"); err != nil {
			return nil, err
		}
		packed, _ := vals[9].(string)
		var field [8]string // the last one, merged_into, runs to the end
		at := 0
		for i := range 7 {
			l := int(n[2+i])
			if l < 0 || at+l > len(packed) {
				return nil, fmt.Errorf("organisations: malformed row near %q", packed[:min(len(packed), 36)])
			}
			field[i] = packed[at : at+l]
			at += l
		}
		field[7] = packed[at:]
		o := OrgRow{Country: domain.Country(in.str(field[2])), Municipality: in.str(field[3]), Sector: in.str(field[4]),
			Kind: domain.OrgKind(in.str(field[5])), LeaderGender: domain.LeaderGender(in.str(field[6])), Deleted: n[1] != 0,
			MergedInto: in.str(field[7])}
		if vals[0] != nil {
			if len(employees) == cap(employees) {
				employees = make([]int, 0, 1024)
			}
			employees = append(employees, int(n[0]))
			o.Employees = &employees[len(employees)-1]
		}
		buf = append(grow(buf, len(field[0])+len(field[1])), field[0]...)
		idEnd := int32(len(buf))
		buf = append(buf, field[1]...)
		spans = append(spans, span{idEnd, int32(len(buf))})
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	text, start := string(buf), int32(0)
	for i, sp := range spans {
		out[i].ID, out[i].Name = text[start:sp.idEnd], text[sp.idEnd:sp.nameEnd]
		start = sp.nameEnd
	}
	return out, nil
}

// VisitRow is the part of a visit the funder report needs; OrgIDs are
// the ids as stored (not yet resolved through merges).
type VisitRow struct {
	ID          string
	Date        string
	Type        domain.VisitType
	Minutes     int
	Advisor     string
	Place       string
	Women       int
	Men         int
	Other       int
	Phase       domain.Phase
	CrossBorder bool
	OrgIDs      []string
}

// Participants is the head count.
func (v VisitRow) Participants() int { return v.Women + v.Men + v.Other }

// visitTable holds the live visits of a period in the order the table
// gave them, and their date order: a caller with work to do on every visit
// does it front to back (the visits' memory in the order it was filled)
// before it takes them in date order.
type visitTable struct {
	chunks [][]VisitRow // visit i is chunks[i>>chunkBits][i&chunkMask]
	// Order lists the positions of the visits oldest first: by date, then
	// creation, then id.
	Order []int32
}

const (
	chunkBits = 12
	chunkMask = 1<<chunkBits - 1
)

// Len is the number of visits.
func (t *visitTable) Len() int { return len(t.Order) }

// At returns the visit at position i of the table's order. It is the
// caller's: its OrgIDs (a capped window of a shared array) may be
// rewritten in place.
func (t *visitTable) At(i int) *VisitRow { return &t.chunks[i>>chunkBits][i&chunkMask] }

// readVisits reads the live visits dated from..to (inclusive; "" leaves
// that end open), with their organisations, in the table's order (Order gives
// them oldest first).
//
// It reads the visits table front to back and takes the organisations from
// the visit's own list (visit_orgs is derived from it) rather than walking
// the date index and joining visit_orgs: over 100,000 visits the index walk
// jumps between table pages for every row and takes four times as long as
// the sequential scan plus a sort in Go.
//
// The driver turns every text column into two allocations (the string and
// its interface box), and every column costs its conversions: together they
// made most of the report's time. So the text columns come concatenated in
// one value and are cut apart again by their byte lengths (small integers,
// which need no allocation): no separator, so no value can be misread
// whatever it contains.
func readVisits(ctx context.Context, db *sql.DB, from, to string) (*visitTable, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.QueryContext(ctx, `SELECT v.created_at, v.minutes, v.women, v.men, v.other, v.cross_border,
		octet_length(v.id), octet_length(v.date), octet_length(v.type), octet_length(v.advisor),
		octet_length(v.place), octet_length(v.phase),
		concat(v.id, v.date, v.type, v.advisor, v.place, v.phase, v.orgs)
		FROM visits v NOT INDEXED
		WHERE v.deleted = 0 AND v.date >= ? AND v.date <= ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	const ncol = 13
	var vals [ncol]any
	var dest [ncol]any
	for i := range vals {
		dest[i] = &vals[i]
	}
	// The visits are kept in chunks: appending to one list would copy it
	// over and over as it grows (by a quarter at a time, once large).
	var chunks [][]VisitRow
	// Sort keys are kept apart from the records, so the sort moves small
	// keys instead of whole visits.
	type sortKey struct {
		date    int32 // YYYYMMDD: integers compare faster than strings
		i       int32
		created int64
	}
	var keys []sortKey
	// The ids go into one buffer, made one string at the end: one
	// allocation instead of one per visit.
	var idBuf []byte
	var idEnds []int32
	// Dates, types, advisors, places and phases repeat
	// across thousands of visits: one string each instead of one per visit
	// spares the allocator and the garbage collector a million strings.
	in := newInterner()
	var lists idLists
	for rows.Next() {
		if err := rows.Scan(dest[:]...); err != nil {
			return nil, err
		}
		var n [12]int64
		if err := scanInts(vals[:], n[:], "visits"); err != nil {
			return nil, err
		}
		packed, _ := vals[12].(string)
		var field [6]string
		at := 0
		for i := range field {
			l := int(n[6+i])
			if l < 0 || at+l > len(packed) {
				return nil, fmt.Errorf("visits: malformed row near %q", packed[:min(len(packed), 36)])
			}
			field[i] = packed[at : at+l]
			at += l
		}
		id := field[0]
		v := VisitRow{Date: in.str(field[1]), Type: domain.VisitType(in.str(field[2])), Minutes: int(n[1]),
			Advisor: in.str(field[3]), Place: in.str(field[4]), Women: int(n[2]), Men: int(n[3]), Other: int(n[4]),
			Phase: domain.Phase(in.str(field[5])), CrossBorder: n[5] != 0}
		// The ids stay windows on the row's value (not interned, which
		// would cost a lookup each): the report replaces them with the ids
		// its organisation table resolves them to.
		if v.OrgIDs, err = lists.parse(packed[at:], nil); err != nil {
			return nil, fmt.Errorf("visit %s: orgs: %w", id, err)
		}
		idBuf = append(grow(idBuf, len(id)), id...)
		idEnds = append(grow(idEnds, 1), int32(len(idBuf)))
		keys = append(grow(keys, 1), sortKey{dateNumber(v.Date), int32(len(keys)), n[0]})
		if len(chunks) == 0 || len(chunks[len(chunks)-1]) == 1<<chunkBits {
			chunks = append(chunks, make([]VisitRow, 0, 1<<chunkBits))
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	t := &visitTable{chunks: chunks}
	ids, start := string(idBuf), int32(0)
	for i, end := range idEnds {
		t.At(i).ID = ids[start:end]
		start = end
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
		return strings.Compare(t.At(int(a.i)).ID, t.At(int(b.i)).ID)
	})
	t.Order = make([]int32, len(keys))
	for p, k := range keys {
		t.Order[p] = k.i
	}
	return t, nil
}

// grow makes room for n more elements in s, doubling its capacity when it
// must grow (append grows large slices by a quarter, copying them often).
func grow[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, len(s), 1024))
}

// interner hands out one string per distinct value. A small cache indexed
// by a cheap hash of the value sits in front of the map: the values it
// sees (dates, types, phases, advisors, places, codes) are few and short,
// so most are found there with one comparison, without hashing the string
// and probing the map.
type interner struct {
	m     map[string]string
	cache *[1 << internBits]string
}

const internBits = 12

func newInterner() *interner {
	return &interner{m: map[string]string{}, cache: new([1 << internBits]string)}
}

// str returns the interned copy of s (never s itself, which may be a
// window on something large).
func (in *interner) str(s string) string {
	if s == "" {
		return ""
	}
	slot := &in.cache[internHash(s)]
	if *slot == s {
		return *slot
	}
	t, ok := in.m[s]
	if !ok {
		t = strings.Clone(s)
		in.m[t] = t
	}
	*slot = t
	return t
}

// internHash mixes the length and the first and last four bytes of s (a
// date's year, and its month and day; the number of "Advisor 042").
func internHash(s string) uint32 {
	n := len(s)
	var h uint32
	if n >= 4 {
		h = uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		h = h*0x9E3779B1 ^ (uint32(s[n-4]) | uint32(s[n-3])<<8 | uint32(s[n-2])<<16 | uint32(s[n-1])<<24)
	} else {
		for i := range n {
			h = h<<8 | uint32(s[i])
		}
	}
	h = (h ^ uint32(n)) * 0x85EBCA6B
	return h >> (32 - internBits)
}

// idLists hands out the id lists of many visits from shared arrays, each
// list a window of its own (capped, so appending to one never overwrites
// the next).
type idLists struct {
	slab    []string
	scratch []string
}

// parse reads a stored JSON list of ids as parseIDList does (interned
// through in when it is not nil).
func (l *idLists) parse(s string, in *interner) ([]string, error) {
	ids, err := appendIDList(l.scratch[:0], s, in)
	l.scratch = ids[:0]
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if cap(l.slab)-len(l.slab) < len(ids) {
		l.slab = make([]string, 0, max(4096, len(ids)))
	}
	from := len(l.slab)
	l.slab = append(l.slab, ids...)
	return l.slab[from:len(l.slab):len(l.slab)], nil
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

// parseIDList reads a stored JSON list of ids.
func parseIDList(b []byte) ([]string, error) {
	ids, err := appendIDList(nil, string(b), nil)
	if len(ids) == 0 {
		ids = nil
	}
	return ids, err
}

// appendIDList appends the ids of a stored JSON list to dst, interned
// through in when it is not nil. The apply path writes the list in
// canonical form (["a","b"]), which is cut apart directly; anything else
// (escapes, spaces) goes through the JSON decoder.
func appendIDList(dst []string, stored string, in *interner) ([]string, error) {
	s := strings.TrimSpace(stored)
	if s == "" || s == "[]" {
		return dst, nil
	}
	str := func(id string) string {
		if in == nil {
			return id
		}
		return in.str(id)
	}
	if canonicalIDList(s) {
		inner := s[2 : len(s)-2]
		for {
			i := strings.IndexByte(inner, '"')
			if i < 0 {
				return append(dst, str(inner)), nil
			}
			dst = append(dst, str(inner[:i]))
			inner = inner[i+3:] // canonicalIDList checked: `","`
		}
	}
	var ids []string
	if err := json.Unmarshal([]byte(stored), &ids); err != nil {
		return dst, err
	}
	for _, id := range ids {
		dst = append(dst, str(id))
	}
	return dst, nil
}

// canonicalIDList reports whether s is ["a","b",…] with no escapes: every
// quote inside the brackets is part of a `","` between two ids.
func canonicalIDList(s string) bool {
	if len(s) < 4 || s[0] != '[' || s[1] != '"' || s[len(s)-2] != '"' || s[len(s)-1] != ']' {
		return false
	}
	inner := s[2 : len(s)-2]
	if strings.IndexByte(inner, '\\') >= 0 {
		return false
	}
	for {
		i := strings.IndexByte(inner, '"')
		if i < 0 {
			return true
		}
		if !strings.HasPrefix(inner[i:], `","`) {
			return false
		}
		inner = inner[i+3:]
	}
}

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
