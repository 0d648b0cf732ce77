package indicators

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// The fast path must read exactly what the JSON decoder reads.
func TestParseIDList(t *testing.T) {
	for in, want := range map[string][]string{
		``: nil, `[]`: nil, `["a"]`: {"a"}, `["a","b-c"]`: {"a", "b-c"},
		`["x\"y","z"]`: {`x"y`, "z"}, `[ "a" , "b" ]`: {"a", "b"},
	} {
		got, err := parseIDList([]byte(in))
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("parseIDList(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseIDList([]byte(`[1,2]`)); err == nil {
		t.Error("a list of numbers was accepted")
	}
}

func TestDateNumber(t *testing.T) {
	if dateNumber("2026-03-01") != 20260301 || dateNumber("2025-12-31") >= dateNumber("2026-01-01") {
		t.Error("dates do not sort as numbers")
	}
}

// parseIDListBefore is parseIDList as it was before the allocation-free
// rewrite (plus the length check it lacked: `["]` made it panic).
func parseIDListBefore(b []byte) ([]string, error) {
	s := strings.TrimSpace(string(b))
	if s == "" || s == "[]" {
		return nil, nil
	}
	if len(s) >= 4 && strings.HasPrefix(s, `["`) && strings.HasSuffix(s, `"]`) && !strings.ContainsRune(s, '\\') {
		parts := strings.Split(s[2:len(s)-2], `","`)
		if !slices.ContainsFunc(parts, func(p string) bool { return strings.ContainsRune(p, '"') }) {
			return parts, nil
		}
	}
	var ids []string
	err := json.Unmarshal(b, &ids)
	return ids, err
}

func FuzzParseIDList(f *testing.F) {
	for _, s := range []string{``, `[]`, ` [ ] `, `["a"]`, `["a","b-c"]`, `["x\"y","z"]`, `[ "a" , "b" ]`, `[1,2]`,
		`["]`, `[""]`, `["",""]`, `["a",""b"]`, `["a","","b"]`, `null`, `["\u00e5"]`, "[\"a\x01\"]", "\v[\"a\"]",
		`["01a23505-93a8-7e27-85d5-849980bfb767","01a23505-a245-7c29-969c-ca9970cccd40"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := parseIDListBefore([]byte(s))
		got, err := parseIDList([]byte(s))
		if (err != nil) != (wantErr != nil) || err == nil && !slices.Equal(got, want) {
			t.Fatalf("parseIDList(%q) = %q, %v; before %q, %v", s, got, err, want, wantErr)
		}
		// Interned, the same ids.
		in := newInterner()
		lists := idLists{}
		got2, err2 := lists.parse(s, in)
		if (err2 != nil) != (wantErr != nil) || err2 == nil && (!slices.Equal(got2, want) || len(got2) != cap(got2)) {
			t.Fatalf("idLists.parse(%q) = %q, %v; before %q, %v", s, got2, err2, want, wantErr)
		}
	})
}

// The interner gives back equal values, the same string for the same value
// (however the cache slots collide), never a window on its argument.
func TestInterner(t *testing.T) {
	in := newInterner()
	var values []string
	for d := range 3 * 372 {
		values = append(values, fmt.Sprintf("%04d-%02d-%02d", 2024+d/372, d/31%12+1, d%31+1))
	}
	for a := range 300 {
		values = append(values, fmt.Sprintf("Advisor %03d", a))
	}
	values = append(values, "a", "ab", "abc", "SE", "NO", "pilot", "é", "\x00")
	first := map[string]string{}
	for round := range 3 {
		for _, v := range values {
			big := "xx" + v + "yy"
			got := in.str(big[2 : 2+len(v)])
			if got != v {
				t.Fatalf("str(%q) = %q", v, got)
			}
			if round == 0 {
				first[v] = got
			} else if unsafe.StringData(first[v]) != unsafe.StringData(got) {
				t.Fatalf("str(%q) gave another copy", v)
			}
			if len(v) > 0 && unsafe.StringData(got) == unsafe.StringData(big[2:]) {
				t.Fatalf("str(%q) kept a window on its argument", v)
			}
		}
	}
	if in.str("") != "" {
		t.Error("empty")
	}
}
