package data

import (
	"context"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Words inside compounds in notes. Organisation names and follow-up texts
// have trigram indexes; notes and visit notes have none, since trigram
// indexes over them halved the import rate (migration 0014). Instead a
// typed word of three letters or more is looked up in the vocabulary of
// their word indexes — the distinct folded words FTS5 already keeps, read
// through fts5vocab — and every word holding it ("limtrabalkar" for
// "balkar") joins the query. The vocabulary is read once per change of the
// data, off the typing path where it can be (PrepareSearch); an import
// pays nothing for it.

// vocabularyIndexes are the word indexes whose vocabularies are read:
// notes and visit notes (org_fts also holds names and org numbers).
var vocabularyIndexes = []string{"org", "org_visit", "visit"}

// maxInfixTerms bounds the words one typed word expands to: "ing" may be
// inside thousands.
const maxInfixTerms = 64

// vocabulary holds each index's distinct words, sorted, as of generation.
type vocabulary struct {
	mu     sync.Mutex
	gen    Generation
	loaded bool
	terms  map[string][]string // by index name ("org_visit")
}

// PrepareSearch reads the vocabularies of the word indexes if anything was
// written since they were last read, so searches find words inside
// compounds in notes. The Organisations and Visits screens call it off the
// UI goroutine when they are shown; a search on a vocabulary not yet read
// finds words from their start only.
func (s *Store) PrepareSearch(ctx context.Context) error {
	g, err := s.Generation(ctx)
	if err != nil {
		return err
	}
	v := &s.vocab
	v.mu.Lock()
	current := v.loaded && v.gen == g
	v.mu.Unlock()
	if current {
		return nil
	}
	terms := map[string][]string{}
	for _, name := range vocabularyIndexes {
		l, err := s.readVocabulary(ctx, name+"_vocab")
		if err != nil {
			return err
		}
		terms[name] = l
	}
	v.mu.Lock()
	v.gen, v.loaded, v.terms = g, true, terms
	v.mu.Unlock()
	return nil
}

func (s *Store) readVocabulary(ctx context.Context, table string) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT term FROM `+table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// containing are the words of index's vocabulary that hold word inside
// them (not at their start: "word"* finds those), at most maxInfixTerms.
func (v *vocabulary) containing(index, word string) []string {
	if v == nil || utf8.RuneCountInString(word) < 3 {
		return nil
	}
	v.mu.Lock()
	terms := v.terms[index]
	v.mu.Unlock()
	var out []string
	for _, t := range terms {
		if len(t) > len(word) && !strings.HasPrefix(t, word) && strings.Contains(t, word) {
			out = append(out, t)
			if len(out) == maxInfixTerms {
				break
			}
		}
	}
	return out
}
