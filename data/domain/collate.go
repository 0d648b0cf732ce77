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
	key := slices.Clone(k.c.KeyFromString(&k.buf, zerosAsText(name)))
	k.buf.Reset()
	p.Put(k)
	return key
}

// zerosAsText writes each number that is nothing but zeros ("0", "000") with
// superscript zeros, which collate as the digit 0 but are no number to the
// collator: x/text's numeric collation drops a zero followed by more text,
// so "Fas 0 Förstudie" sorted after "Fas 9 Drift". The superscript zero
// sorts before every other number, as 0 should.
func zerosAsText(name string) string {
	var b []byte
	run := -1 // start of the digit run being read, or -1
	zeros := true
	flush := func(end int) {
		if run < 0 || !zeros {
			return
		}
		if b == nil {
			b = make([]byte, 0, len(name)+8)
			b = append(b, name[:run]...)
		}
		for range end - run {
			b = append(b, "⁰"...)
		}
	}
	for i := 0; i <= len(name); i++ {
		digit := i < len(name) && name[i] >= '0' && name[i] <= '9'
		switch {
		case digit && run < 0:
			run, zeros = i, name[i] == '0'
		case digit:
			zeros = zeros && name[i] == '0'
		case run >= 0:
			flush(i)
			if b != nil && !zeros {
				b = append(b, name[run:i]...)
			}
			run = -1
			fallthrough
		default:
			if b != nil && i < len(name) {
				b = append(b, name[i])
			}
		}
	}
	if b == nil {
		return name
	}
	return string(b)
}
