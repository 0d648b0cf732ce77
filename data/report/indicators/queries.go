package indicators

import (
	"cmp"
	"context"
	"database/sql"
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
	// Sustainability: whether it has established sustainability work.
	Sustainability domain.Sustainability
	Deleted        bool
	MergedInto     string
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
		octet_length(sector), octet_length(kind), octet_length(leader_gender), octet_length(sustainability),
		concat(id, name, country, municipality, sector, kind, leader_gender, sustainability, merged_into)
		FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	const ncol = 11
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
		var n [10]int64
		if err := scanInts(vals[:], n[:], "organisations"); err != nil {
			return nil, err
		}
		packed, _ := vals[10].(string)
		var field [9]string // the last one, merged_into, runs to the end
		at := 0
		for i := range 8 {
			l := int(n[2+i])
			if l < 0 || at+l > len(packed) {
				return nil, fmt.Errorf("organisations: malformed row near %q", packed[:min(len(packed), 36)])
			}
			field[i] = packed[at : at+l]
			at += l
		}
		field[8] = packed[at:]
		o := OrgRow{Country: domain.Country(in.str(field[2])), Municipality: in.str(field[3]), Sector: in.str(field[4]),
			Kind: domain.OrgKind(in.str(field[5])), LeaderGender: domain.LeaderGender(in.str(field[6])),
			Sustainability: domain.Sustainability(in.str(field[7])), Deleted: n[1] != 0, MergedInto: in.str(field[8])}
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
	// Partner and Side: the project partner the visit is reported under
	// (as spelled on the visit) and its country; "" when not given.
	Partner string
	Side    domain.Country
	// sizes is the stored list of "ORGID=CLASS" entries, each organisation's
	// size class when the visit was recorded (ids as stored, not resolved),
	// kept as read: only an enterprise's first visit in the period needs it.
	sizes string
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
// that end open) of advisor ("" for every advisor), with their
// organisations, in the table's order (Order gives them oldest first).
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
func readVisits(ctx context.Context, db *sql.DB, from, to, advisor string) (*visitTable, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.QueryContext(ctx, `SELECT v.created_at, v.minutes, v.women, v.men, v.other, v.cross_border,
		octet_length(v.id), octet_length(v.date), octet_length(v.type), octet_length(v.advisor),
		octet_length(v.place), octet_length(v.phase), octet_length(v.orgs), octet_length(v.partner), octet_length(v.side),
		concat(v.id, v.date, v.type, v.advisor, v.place, v.phase, v.orgs, v.partner, v.side, v.sizes)
		FROM visits v NOT INDEXED
		WHERE v.deleted = 0 AND v.date >= ?1 AND v.date <= ?2 AND (?3 = '' OR v.advisor = ?3)`, from, to, advisor)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	const ncol = 16
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
		var n [15]int64
		if err := scanInts(vals[:], n[:], "visits"); err != nil {
			return nil, err
		}
		packed, _ := vals[15].(string)
		var field [9]string // then sizes, which runs to the end
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
			Phase: domain.Phase(in.str(field[5])), CrossBorder: n[5] != 0,
			Partner: in.str(field[7]), Side: domain.Country(in.str(field[8]))}
		// The ids stay windows on the row's value (not interned, which
		// would cost a lookup each): the report replaces them with the ids
		// its organisation table resolves them to.
		if v.OrgIDs, err = lists.parse(field[6], nil); err != nil {
			return nil, fmt.Errorf("visit %s: orgs: %w", id, err)
		}
		v.sizes = packed[at:]
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
