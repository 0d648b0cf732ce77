package indicators

// Cheap decoding for the report queries: interned strings, id lists cut
// from shared arrays, dates as numbers — the visits table is read in one
// pass, and these keep that pass from allocating per row.

import (
	"encoding/json"
	"slices"
	"strings"
)

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
