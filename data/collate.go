package data

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collators keeps built collators per language: building one allocates
// megabytes of tables, and a collator is not safe for concurrent use, so
// each caller borrows one from the pool and returns it.
var collators sync.Map // lang → *sync.Pool

func borrowCollator(lang string) (*collate.Collator, func()) {
	p, _ := collators.LoadOrStore(lang, &sync.Pool{New: func() any { return newCollator(lang) }})
	pool := p.(*sync.Pool)
	c := pool.Get().(*collate.Collator)
	return c, func() { pool.Put(c) }
}

// newCollator builds a collator for a reader of lang: Swedish puts Å Ä Ö
// after Z, Norwegian Æ Ø Å, English treats Å as A.
func newCollator(lang string) *collate.Collator {
	tag := language.English
	switch lang {
	case "sv":
		tag = language.Swedish
	case "nb", "no", "nn":
		// x/text's "nb" table sorts Å as A (it lacks the CLDR "no" parent it
		// inherits from); Nynorsk has the same alphabet order, Æ Ø Å after Z.
		tag = language.MustParse("nn")
	}
	return collate.New(tag, collate.IgnoreCase)
}

// CompareNames compares two names the way a reader of lang sorts them.
func CompareNames(lang, a, b string) int {
	c, done := borrowCollator(lang)
	defer done()
	return c.CompareString(a, b)
}

// sortByName sorts rows stably by name in lang's order. Sort keys are computed
// once per row (comparing keys is far cheaper than collating strings), and
// small (key, index) pairs are sorted rather than the rows themselves.
func sortByName[T any](rows []T, lang string, desc bool, name func(T) string) {
	c, done := borrowCollator(lang)
	defer done()
	var buf collate.Buffer
	type keyed struct {
		key []byte
		i   int
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		ks[i] = keyed{c.KeyFromString(&buf, name(r)), i}
	}
	// The keys live in buf until the sort is done; no copies needed.
	slices.SortFunc(ks, func(a, b keyed) int {
		r := bytes.Compare(a.key, b.key)
		if desc {
			r = -r
		}
		if r == 0 {
			r = a.i - b.i // equal names keep their order
		}
		return r
	})
	sorted := make([]T, len(rows))
	for j, k := range ks {
		sorted[j] = rows[k.i]
	}
	copy(rows, sorted)
}
