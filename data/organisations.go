package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// CreateOrganisation validates o, gives it an id and stores it.
func (s *Store) CreateOrganisation(ctx context.Context, o *domain.Organisation) error {
	if err := o.Normalise(); err != nil {
		return err
	}
	o.ID = ""
	edits := s.createEdits(domain.EntityOrganisation, o)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) { return edits, nil })
	return err
}

// UpdateOrganisation stores the fields of o that differ from the stored record.
func (s *Store) UpdateOrganisation(ctx context.Context, o *domain.Organisation) error {
	if err := o.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, orgRecords, o, nil)
}

// DeleteOrganisation marks an organisation deleted (a tombstone that syncs).
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityOrganisation, id, true)
}

// RestoreOrganisation undoes a delete.
func (s *Store) RestoreOrganisation(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityOrganisation, id, false)
}

// Organisation reads one live organisation.
func (s *Store) Organisation(ctx context.Context, id string) (domain.Organisation, error) {
	return readLive(ctx, s, orgRecords, id)
}

// OrgSort orders organisation lists.
type OrgSort string

const (
	SortByName      OrgSort = "name"
	SortByLastVisit OrgSort = "last_visit"
	SortByUpdated   OrgSort = "updated"
	SortByPlace     OrgSort = "municipality"
)

// SizeFilterUnknown selects organisations without an employee count.
const SizeFilterUnknown = "unknown"

// OrgQuery filters and sorts the organisation list. Zero fields filter nothing.
type OrgQuery struct {
	Text         string // full-text: name, org number, notes and the notes of their visits
	OwnText      bool   // Text searches only the organisation's own name, org number and notes: the quick first answer while typing
	Country      domain.Country
	County       string // "23" Jämtland, "50" Trøndelag
	Municipality string
	Sector       string
	Size         string // a SizeClass or SizeFilterUnknown
	Kind         domain.OrgKind
	Sort         OrgSort
	Desc         bool
	Lang         string // collation for sorting by name: "sv", "nb" or "en" (Å, Ä, Ö, Æ, Ø sort where each reader expects)
	Limit        int
}

// OrgRow is one line of the organisation list. Its Organisation holds only
// what a list shows (id, name, org number, country, municipality, sector,
// kind, employees); Organisation() reads the whole record.
type OrgRow struct {
	domain.Organisation
	LastVisit string // YYYY-MM-DD or ""
	Visits    int
}

// textSearch is typed text as the full-text queries that find it: each word
// is folded (domain.Fold, as the indexes are) and found from the start of a
// word in the unicode61 indexes. Organisation names and follow-up texts
// also have a trigram index, where words of three letters or more are found
// anywhere in a word ("bryggan" finds "Fjällbryggan"); notes and visit notes
// have none (migration 0014 says why). Quotes keep FTS5 syntax characters in
// user text harmless.
type textSearch struct {
	words []string
	vocab *vocabulary // words inside compounds in notes; nil: none
}

func newTextSearch(text string, vocab *vocabulary) textSearch {
	text = domain.NormaliseOrgNumberQuery(text)
	if isDigitsAndSeparators(text) {
		// A partly typed number ("988 077", "556036-07") is one number.
		text = strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return r
			}
			return -1
		}, text)
	}
	return textSearch{words: domain.SearchWords(text), vocab: vocab}
}

// empty reports whether there is nothing to search for.
func (ts textSearch) empty() bool { return len(ts.words) == 0 }

// trigramIndexed names the texts whose name_tri index finds words inside
// words, beside their name_fts index.
var trigramIndexed = map[string]bool{"org": true, "action": true}

// rowids is a SELECT of the rowids whose document in name_fts holds every
// word at the start of a word, or — where name_tri exists — whose trigram
// text holds every word of three letters or more anywhere and the shorter
// ones at the start of a word; and its arguments.
func (ts textSearch) rowids(name string) (string, []any) { return ts.rowidsIn(name, "") }

// nameRowids is rowids("org") with the organisation's name alone: the
// organisations whose name itself holds every typed word.
func (ts textSearch) nameRowids() (string, []any) { return ts.rowidsIn("org", "name") }

// rowidsIn is rowids, limited to one column of name_fts when column is not
// empty (name_tri holds a name only).
func (ts textSearch) rowidsIn(name, column string) (string, []any) {
	var long, short, all []string
	for _, w := range ts.words {
		term := `"` + w + `"*`
		if in := ts.vocab.containing(name, w); len(in) > 0 {
			// Or a word of the vocabulary holding it: "balkar" finds
			// "limtrabalkar" where there is no trigram index.
			term = `(` + term + ` OR "` + strings.Join(in, `" OR "`) + `")`
		}
		all = append(all, term)
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, `"`+w+`"`)
		} else {
			short = append(short, `"`+w+`"*`)
		}
	}
	match := func(words []string) string {
		expr := strings.Join(words, " AND ")
		if column != "" {
			expr = "{" + column + "} : (" + expr + ")"
		}
		return expr
	}
	sel := `SELECT rowid FROM ` + name + `_fts WHERE ` + name + `_fts MATCH ?`
	args := []any{match(all)}
	if !trigramIndexed[name] || len(long) == 0 {
		return sel, args
	}
	infix := `SELECT rowid FROM ` + name + `_tri WHERE ` + name + `_tri MATCH ?`
	args = append(args, strings.Join(long, " AND "))
	if len(short) > 0 {
		infix += ` INTERSECT SELECT rowid FROM ` + name + `_fts WHERE ` + name + `_fts MATCH ?`
		args = append(args, match(short))
	}
	return sel + ` UNION ` + infix, args
}

func isDigitsAndSeparators(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '.':
		default:
			return false
		}
	}
	return digits > 0
}

// SearchOrganisations lists live organisations matching q, whole rows in
// list order (the command line and the pickers; the Organisations screen
// pages through ListOrganisations instead).
func (s *Store) SearchOrganisations(ctx context.Context, q OrgQuery) ([]OrgRow, error) {
	f, err := orgFilterOf(q, q.Limit == 0, &s.vocab)
	if err != nil {
		return nil, err
	}
	query := `SELECT ` + orgListColumns + `, COALESCE(st.last_visit, ''), COALESCE(st.visits, 0)
		FROM organisations o
		LEFT JOIN org_stats st ON st.org_id = o.id
		WHERE ` + f.where + f.order
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	return s.scanOrgRows(ctx, query, f.args...)
}

// scanOrgRows runs a query of orgListColumns and the two statistics
// columns. Rows are scanned into small records and copied into OrgRows once
// their number is known: an OrgRow carries a whole Organisation (~400
// bytes), and growing a slice of 10,000 of them by doubling copied and
// allocated most of a full list's time.
func (s *Store) scanOrgRows(ctx context.Context, query string, args ...any) ([]OrgRow, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var lines []orgLine
	for rows.Next() {
		l, err := scanOrgLine(rows)
		if err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]OrgRow, len(lines))
	for i := range lines {
		lines[i].into(&out[i])
	}
	return out, nil
}

// orgFilter is an OrgQuery as SQL over organisations o (with org_stats st
// joined where the order needs it): the WHERE condition, the ORDER BY
// clause, and their arguments in that order.
type orgFilter struct {
	where, order string
	args         []any
	byLastVisit  bool // the order reads st.last_visit
}

// wholeTable orders by name without the list index: a query that reads
// every match's whole row is cheaper scanning the table and sorting than
// walking the index and fetching each row from the table in turn.
func orgFilterOf(q OrgQuery, wholeTable bool, vocab *vocabulary) (orgFilter, error) {
	var where []string
	var args []any
	where = append(where, "o.deleted = 0")
	ts := newTextSearch(q.Text, vocab)
	if !ts.empty() {
		own, ownArgs := ts.rowids("org")
		if q.OwnText {
			where = append(where, `o.rowid IN (`+own+`)`)
			args = append(args, ownArgs...)
		} else {
			visits, visitArgs := ts.rowids("org_visit")
			where = append(where, `o.rowid IN (`+own+` UNION `+visits+`)`)
			args = append(append(args, ownArgs...), visitArgs...)
		}
	}
	if q.Country != "" {
		where = append(where, "o.country = ?")
		args = append(args, string(q.Country))
	}
	if q.County != "" {
		where = append(where, "substr(o.municipality, 1, 2) = ?")
		args = append(args, q.County)
	}
	if q.Municipality != "" {
		where = append(where, "o.municipality = ?")
		args = append(args, q.Municipality)
	}
	if q.Sector != "" {
		where = append(where, "o.sector = ?")
		args = append(args, q.Sector)
	}
	if q.Kind != "" {
		where = append(where, "o.kind = ?")
		args = append(args, string(q.Kind))
	}
	switch q.Size {
	case "":
	case SizeFilterUnknown:
		where = append(where, "o.employees IS NULL")
	case string(domain.SizeMicro):
		where = append(where, "o.employees < 10")
	case string(domain.SizeSmall):
		where = append(where, "o.employees >= 10 AND o.employees < 50")
	case string(domain.SizeMedium):
		where = append(where, "o.employees >= 50 AND o.employees < 250")
	case string(domain.SizeLarge):
		where = append(where, "o.employees >= 250")
	default:
		return orgFilter{}, invalid("size", "choice", "value", q.Size)
	}
	f := orgFilter{where: strings.Join(where, " AND "), args: args}
	// By name: the reader's alphabetical order, ties broken as the list
	// index (migration 0021) holds them, so a whole list is read in index order.
	byName := "o." + changelog.SortColumn(q.Lang)
	if wholeTable {
		byName = "+" + byName // the unary plus keeps SQLite from ordering by the index
	}
	order := byName
	switch q.Sort {
	case "", SortByName:
		if !ts.empty() {
			// The organisations whose name itself matches come first: "berg"
			// lists Bergskog AB before a company whose visit took place in Berg.
			named, namedArgs := ts.nameRowids()
			order = `o.rowid IN (` + named + `) DESC, ` + byName
			f.args = append(f.args, namedArgs...)
		}
	case SortByLastVisit:
		order, f.byLastVisit = "COALESCE(st.last_visit, '')", true
	case SortByUpdated:
		order = "o.updated_at"
	case SortByPlace:
		order = "o.municipality"
	default:
		return orgFilter{}, invalid("sort", "choice", "value", string(q.Sort))
	}
	if q.Desc {
		order += " DESC"
	}
	f.order = " ORDER BY " + order + ", o.name COLLATE NOCASE, o.id"
	return f, nil
}

// OrganisationsByID returns the live organisations among ids, in no order.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error) {
	out := make(map[string]domain.Organisation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+orgColumns+` FROM organisations o WHERE o.deleted = 0 AND o.id IN (`+ph+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, err
		}
		out[o.ID] = o
	}
	return out, rows.Err()
}

// OrgNumberTaken returns the live organisation (other than exceptID) that
// already has this normalised org number, to warn about duplicates.
func (s *Store) OrgNumberTaken(ctx context.Context, orgnr, exceptID string) (domain.Organisation, bool, error) {
	if orgnr == "" {
		return domain.Organisation{}, false, nil
	}
	o, err := scanOrganisation(s.r.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organisations o
		WHERE o.orgnr = ? AND o.id <> ? AND o.deleted = 0 LIMIT 1`, orgnr, exceptID))
	if errors.Is(err, sql.ErrNoRows) {
		return o, false, nil
	}
	return o, err == nil, err
}
