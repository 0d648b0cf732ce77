package data

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"eu.ilsa.coach/ilsa/data/domain"
)

// MatchField names the text, other than a row's name, in which a search
// found the row.
type MatchField string

const (
	MatchOrgNumber  MatchField = "orgnr"       // an organisation's org number
	MatchOrgNotes   MatchField = "org_notes"   // an organisation's own notes
	MatchVisitNotes MatchField = "visit_notes" // the notes of a visit
	MatchVisitPlace MatchField = "visit_place" // where a visit took place
)

// Match says why a search listed a row: where the typed words are and a
// one-line excerpt around them, so a list can show it under the row.
type Match struct {
	Field   MatchField
	Date    string        // the visit's date (YYYY-MM-DD) of a MatchVisitNotes found for an organisation
	Excerpt string        // one line around the first hit, "…" where the text was cut
	Hits    []domain.Span // where the typed words sit in Excerpt
}

// excerptRunes is about how long an excerpt is: what a list row shows of a
// line before it truncates it.
const excerptRunes = 90

// excerptLead is how much of the text before the first hit the visit
// list's excerpt keeps: a few words. The organisation list, a narrow column
// beside the detail, starts at the word hit, so the hit stays in sight
// after the field's name and date.
const excerptLead = 12

// OrgMatches says, for each of the organisations ids that text finds
// through something other than its name, where: its org number, its notes
// or a visit's notes (the newest visit that holds the most of the typed
// words). An organisation whose name holds every word is left out. It is one
// query, meant for the rows a list shows, not for every match.
func (s *Store) OrgMatches(ctx context.Context, text string, ids []string) (map[string]Match, error) {
	out := map[string]Match{}
	ts := newTextSearch(text, &s.vocab)
	if ts.empty() || len(ids) == 0 {
		return out, nil
	}
	ph := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	var args []any
	for _, id := range ids {
		args = append(args, id)
	}
	visits, visitArgs := ts.anyWordRowids("visit")
	args = append(args, args...)
	args = append(args, visitArgs...)
	// The organisations' own fields first, then the visits that hold a
	// typed word, newest first: the first best candidate wins.
	rows, err := s.r.QueryContext(ctx, `
		SELECT o.id, 0, o.name, o.orgnr, o.country, o.notes, '' FROM organisations o WHERE o.id IN (`+ph+`)
		UNION ALL
		SELECT vo.org_id, 1, '', '', '', v.notes, v.date FROM visit_orgs vo JOIN visits v ON v.id = vo.visit_id
		WHERE vo.org_id IN (`+ph+`) AND v.deleted = 0 AND v.rowid IN (`+visits+`)
		ORDER BY 2, 7 DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type best struct {
		m     Match
		words int
		named bool // the name holds every word: no reason to give
	}
	found := map[string]*best{}
	offer := func(b *best, m Match, words int) {
		if words > b.words {
			b.m, b.words = m, words
		}
	}
	for rows.Next() {
		var id, name, orgnr, country, notes, date string
		var fromVisit int
		if err := rows.Scan(&id, &fromVisit, &name, &orgnr, &country, &notes, &date); err != nil {
			return nil, err
		}
		b := found[id]
		if b == nil {
			b = &best{}
			found[id] = b
		}
		if fromVisit == 0 {
			if _, n := wordHits(name, ts.words); n == len(ts.words) {
				b.named = true
				continue
			}
			o := domain.Organisation{OrgNr: orgnr, Country: domain.Country(country)}
			if display := o.OrgNumberDisplay(); display != "" {
				// Found by the whole number, shown as lists show it: a
				// sole trader's personnummer masked (the same length, so
				// the hits still fall on the digits typed).
				hits, n := digitHits(display, ts.words)
				offer(b, Match{Field: MatchOrgNumber, Excerpt: o.OrgNumberMasked(), Hits: hits}, n)
			}
			if m, n := matchIn(notes, ts.words, 0); n > 0 {
				m.Field = MatchOrgNotes
				offer(b, m, n)
			}
			continue
		}
		if b.named || b.words == len(ts.words) {
			continue
		}
		if m, n := matchIn(notes, ts.words, 0); n > 0 {
			m.Field, m.Date = MatchVisitNotes, date
			offer(b, m, n)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, b := range found {
		if !b.named && b.words > 0 {
			out[id] = b.m
		}
	}
	return out, nil
}

// VisitMatch says where in a visit text finds it (its notes, else its
// place), and false when neither holds a typed word.
func VisitMatch(v domain.Visit, text string) (Match, bool) {
	ts := newTextSearch(text, nil)
	if ts.empty() {
		return Match{}, false
	}
	notes, n := matchIn(v.Notes, ts.words, excerptLead)
	place, p := matchIn(v.Place, ts.words, excerptLead)
	switch {
	case n > 0 && n >= p:
		notes.Field = MatchVisitNotes
		return notes, true
	case p > 0:
		place.Field = MatchVisitPlace
		return place, true
	}
	return Match{}, false
}

// anyWordRowids is a SELECT of the rowids whose document in the index pair
// name_fts / name_tri holds at least one of the words, and its arguments.
func (ts textSearch) anyWordRowids(name string) (string, []any) {
	var parts []string
	var args []any
	for _, w := range ts.words {
		sel, a := newTextSearch(w, ts.vocab).rowids(name)
		parts = append(parts, sel)
		args = append(args, a...)
	}
	return strings.Join(parts, " UNION "), args
}

// wordHits finds the folded words in text as the search finds them: words
// of three letters or more anywhere (names and follow-ups through their
// trigram indexes, notes and visit notes through their vocabularies), the
// shorter ones at the start of a word. It returns the hits in order and how
// many of the words were found.
func wordHits(text string, words []string) ([]domain.Span, int) {
	var spans []domain.Span
	found := 0
	for _, w := range words {
		hit := false
		for _, sp := range domain.FoldedSpans(text, []string{w}) {
			if sp.Start > 0 && utf8.RuneCountInString(w) < 3 {
				if r, _ := utf8.DecodeLastRuneInString(text[:sp.Start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
			spans = append(spans, sp)
			hit = true
		}
		if hit {
			found++
		}
	}
	return mergeHits(spans), found
}

// digitHits finds typed numbers in an org number as it is displayed
// ("556036-0793"): the search compares digits only, so "5560360" is found
// across the dash.
func digitHits(display string, words []string) ([]domain.Span, int) {
	var digits []byte
	var at []int // at[i]: the byte of display that digit i is
	for i := 0; i < len(display); i++ {
		if c := display[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
			at = append(at, i)
		}
	}
	var spans []domain.Span
	found := 0
	for _, w := range words {
		if i := strings.Index(string(digits), w); i >= 0 && w != "" && strings.Trim(w, "0123456789") == "" {
			spans = append(spans, domain.Span{Start: at[i], End: at[i+len(w)-1] + 1})
			found++
		}
	}
	return mergeHits(spans), found
}

// mergeHits sorts spans and joins those that touch.
func mergeHits(spans []domain.Span) []domain.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []domain.Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// matchIn is the excerpt of text around the first hit of the words, from
// about lead runes before it, and how many of the words text holds.
func matchIn(text string, words []string, lead int) (Match, int) {
	hits, n := wordHits(text, words)
	if n == 0 {
		return Match{}, 0
	}
	excerpt, shifted := excerptAround(text, hits, lead)
	return Match{Excerpt: excerpt, Hits: shifted}, n
}

// excerptAround cuts one line of about excerptRunes out of text, starting
// about lead runes before the first hit and at a word's start, with the line breaks
// and runs of spaces as one space and "…" where text goes on; it returns
// the hits that fall in it, moved to its bytes.
func excerptAround(text string, hits []domain.Span, lead int) (string, []domain.Span) {
	first := hits[0].Start
	// The start of the word hit ("limträbalkar" for "balkar").
	word := first
	for word > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:word])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		word -= size
	}
	// Back up lead runes, then forward to a word's start.
	start := word
	for n := 0; start > 0 && n < lead; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	if start > 0 && start < word {
		if i := strings.IndexFunc(text[start:word], unicode.IsSpace); i >= 0 {
			start += i
		} else {
			start = word
		}
	}
	var b strings.Builder
	out := map[int]int{} // original byte → excerpt byte, at the hits' edges
	edges := map[int]bool{}
	for _, h := range hits {
		edges[h.Start], edges[h.End] = true, true
	}
	if start > 0 {
		b.WriteString("…")
	}
	ellipsis := b.Len()
	runes, space, end := 0, false, len(text)
	for i, r := range text[start:] {
		i += start
		if edges[i] {
			out[i] = b.Len()
		}
		if runes >= excerptRunes && !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			end = i
			break
		}
		if unicode.IsSpace(r) {
			space = b.Len() > ellipsis
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
			runes++
			if edges[i] {
				out[i] = b.Len()
			}
		}
		b.WriteRune(r)
		runes++
	}
	if edges[end] {
		out[end] = b.Len()
	}
	if end < len(text) && strings.TrimSpace(text[end:]) != "" {
		b.WriteString("…")
	}
	var shifted []domain.Span
	for _, h := range hits {
		s, okS := out[h.Start]
		e, okE := out[h.End]
		if !okS || h.Start < start || h.Start >= end {
			continue
		}
		if !okE || h.End > end {
			e = len(strings.TrimSuffix(b.String(), "…"))
		}
		if e > s {
			shifted = append(shifted, domain.Span{Start: s, End: e})
		}
	}
	return b.String(), shifted
}

// ActionTextHits is where the action search (ActionQuery.Text) finds the
// typed words in an action's text, for the Follow-ups list to show them
// bold (wordHits).
func ActionTextHits(text, typed string) []domain.Span {
	hits, _ := wordHits(text, newTextSearch(typed, nil).words)
	return hits
}
