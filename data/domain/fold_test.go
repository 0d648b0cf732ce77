package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldSpellsTextAsAKeyboardWithoutTheLetterWould(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Trøndelag", "trondelag"},
		{"tröndelag", "trondelag"},
		{"TRONDELAG", "trondelag"},
		{"Røros", "roros"},
		{"RØROS", "roros"},
		{"Nærøysund", "naeroysund"},
		{"Æ", "ae"},
		{"Åre", "are"},
		{"Östersund", "ostersund"},
		{"Härjedalen", "harjedalen"},
		{"limträbalkar", "limtrabalkar"},
		{"Snåase – Snåsa", "snaase – snasa"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Łódź", "lodz"},
		{"o\u0308land", "oland"}, // ö typed as o and a combining diaeresis
		{"556036-0793", "556036-0793"},
		{"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldedSpansPointAtTheOriginalLetters(t *testing.T) {
	for _, c := range []struct {
		text  string
		words []string
		want  []string
	}{
		{"Möte i Trøndelag om patent", []string{"trond"}, []string{"Trønd"}},
		{"Nærøysund", []string{"naer"}, []string{"Nær"}},
		{"Nærøysund", []string{"na"}, []string{"Næ"}},
		{"Limträbalkar och limträbalkar", []string{"balkar"}, []string{"balkar", "balkar"}},
		{"Fjällbryggan", []string{"bryggan", "fjall"}, []string{"Fjällbryggan"}},
		{"nothing here", []string{"patent"}, nil},
	} {
		var got []string
		for _, s := range FoldedSpans(c.text, c.words) {
			got = append(got, c.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("FoldedSpans(%q, %q) = %q, want %q", c.text, c.words, got, c.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Trøndelag", "Ærlig Øl", "ǖ", "İstanbul", "ﬁ", "K", "\xff\xfe", "o\u0308", "ẞ"} {
		f.Add(s, "o")
	}
	f.Fuzz(func(t *testing.T, s, word string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		if utf8.ValidString(s) && !utf8.ValidString(once) {
			t.Fatalf("Fold(%q) = %q is not UTF-8", s, once)
		}
		for _, sp := range FoldedSpans(s, SearchWords(word)) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("FoldedSpans(%q, %q): bad span %v", s, word, sp)
			}
		}
	})
}
