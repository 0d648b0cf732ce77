package domain

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNamesSortByTheValueOfTheirNumbers(t *testing.T) {
	names := []string{"Fas 10 Bygg", "Fas 2 Bygg", "Fas 0 Förstudie", "Fas 1 Idé", "Fas 00 Noll", "Fas Åter",
		"AB 1202", "AB 452", "Öst 3", "Öst 20", "Ø 7", "Å 0"}
	for lang, want := range map[string]string{
		// Swedish sorts Ø as Ö, Norwegian Ö as Ø; English reads Å as A.
		"sv": "AB 452|AB 1202|Fas 0 Förstudie|Fas 00 Noll|Fas 1 Idé|Fas 2 Bygg|Fas 10 Bygg|Fas Åter|Å 0|Ø 7|Öst 3|Öst 20",
		"nb": "AB 452|AB 1202|Fas 0 Förstudie|Fas 00 Noll|Fas 1 Idé|Fas 2 Bygg|Fas 10 Bygg|Fas Åter|Ø 7|Öst 3|Öst 20|Å 0",
		"en": "Å 0|AB 452|AB 1202|Fas 0 Förstudie|Fas 00 Noll|Fas 1 Idé|Fas 2 Bygg|Fas 10 Bygg|Fas Åter|Ø 7|Öst 3|Öst 20",
	} {
		got := slices.Clone(names)
		slices.SortStableFunc(got, func(a, b string) int { return bytes.Compare(SortKey(lang, a), SortKey(lang, b)) })
		if g := strings.Join(got, "|"); g != want {
			t.Errorf("%s:\n got %s\nwant %s", lang, g, want)
		}
	}
}

func TestZerosAsText(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		"Fas 0 Bygg":    "Fas ⁰ Bygg",
		"000":           "⁰⁰⁰",
		"Fas 10 Bygg":   "Fas 10 Bygg",
		"AB 0.50 0":     "AB ⁰.50 ⁰",
		"0 Start 2 100": "⁰ Start 2 100",
		"Røros 01":      "Røros 01",
	} {
		if got := zerosAsText(in); got != want {
			t.Errorf("zerosAsText(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzZerosAsText: only the zeros of numbers that are nothing but zeros
// change, and the text stays valid.
func FuzzZerosAsText(f *testing.F) {
	for _, s := range []string{"Fas 0 Bygg", "AB 0.50 0", "Røros 01", "0", "a0b00c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) || strings.Contains(in, "⁰") {
			return
		}
		out := zerosAsText(in)
		if !utf8.ValidString(out) || strings.ReplaceAll(out, "⁰", "0") != in {
			t.Fatalf("zerosAsText(%q) = %q", in, out)
		}
	})
}
