package domain

import (
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// SortLangs are the readers' languages organisation names have sort keys for.
var SortLangs = []string{"sv", "nb", "en"}

// keyers keeps built collators per language, each with its key buffer:
// building one allocates megabytes of tables, and a collator is not safe for
// concurrent use, so each caller borrows one from the pool and returns it.
var keyers = map[string]*sync.Pool{}

func init() {
	for _, lang := range append(slices.Clone(SortLangs), "no", "nn") {
		keyers[lang] = &sync.Pool{New: func() any { return &keyer{c: newCollator(lang)} }}
	}
}

// keyer is a collator with the buffer its keys are built in (4 KiB, too
// big to allocate per key).
type keyer struct {
	c   *collate.Collator
	buf collate.Buffer
}

// newCollator builds a collator for a reader of lang: Swedish puts Å Ä Ö
// after Z, Norwegian Æ Ø Å, English treats Å as A. Numbers within names
// sort by their value ("Fas 2" before "Fas 10"). A change here changes
// stored keys: add a migration that clears them (as 0015 does), and the
// store refills them when it opens.
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
	return collate.New(tag, collate.IgnoreCase, collate.Numeric)
}

// SortKey is the byte string that orders name as a reader of lang expects;
// keys compare with plain byte comparison (SQLite's BLOB order).
func SortKey(lang, name string) []byte {
	p := keyers[lang]
	if p == nil {
		p = keyers["en"] // newCollator's choice for any other language
	}
	k := p.Get().(*keyer)
	key := slices.Clone(k.c.KeyFromString(&k.buf, name))
	k.buf.Reset()
	p.Put(k)
	return key
}
