package data

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortLangs are the readers' languages organisation names have sort keys for.
var sortLangs = []string{"sv", "nb", "en"}

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

// sortKey is the byte string that orders name as a reader of lang expects;
// keys compare with plain byte comparison (SQLite's BLOB order).
func sortKey(lang, name string) []byte {
	c, done := borrowCollator(lang)
	defer done()
	var buf collate.Buffer
	return slices.Clone(c.KeyFromString(&buf, name))
}

// sortColumn is the organisations column holding lang's sort keys.
func sortColumn(lang string) string {
	switch lang {
	case "sv", "nb":
		return "sort_" + lang
	case "no", "nn":
		return "sort_nb"
	}
	return "sort_en"
}
