package data

import (
	"bytes"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator returns a collator for a reader of lang: Swedish puts Å Ä Ö after
// Z, Norwegian Æ Ø Å, English treats Å as A. Collators are not safe for
// concurrent use, so each caller gets its own (they are cheap to make).
func collator(lang string) *collate.Collator {
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
func CompareNames(lang, a, b string) int { return collator(lang).CompareString(a, b) }

// sortByName sorts rows stably by name in lang's order. Sort keys are computed
// once per row (comparing keys is far cheaper than collating strings), and
// small (key, index) pairs are sorted rather than the rows themselves.
func sortByName[T any](rows []T, lang string, desc bool, name func(T) string) {
	c := collator(lang)
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
