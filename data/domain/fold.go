package domain

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldLetters are the letters that are not a base letter with a mark, each
// with what a reader without it on the keyboard types instead: a Swedish
// keyboard has no ø or æ, so "Roros" must find "Røros" and "aerlig"
// "ærlig". The full-text indexes replace them too (changelog.FoldSQL), so
// index and query agree; the tokenizer folds case and marks alike.
var FoldLetters = []struct{ Letter, As string }{
	{"ø", "o"}, {"Ø", "o"},
	{"æ", "ae"}, {"Æ", "ae"},
	{"œ", "oe"}, {"Œ", "oe"},
	{"ß", "ss"}, {"ẞ", "ss"},
	{"đ", "d"}, {"Đ", "d"},
	{"ð", "d"}, {"Ð", "d"},
	{"ł", "l"}, {"Ł", "l"},
	{"þ", "th"}, {"Þ", "th"},
}

// foldTable holds the folded form of the runes below foldTableSize, built
// once: folding a name must not normalise it afresh per letter.
const foldTableSize = 0x250

var (
	foldOnce  sync.Once
	foldTable [foldTableSize]string
	foldAs    map[rune]string
)

func buildFoldTable() {
	foldAs = make(map[rune]string, len(FoldLetters))
	for _, l := range FoldLetters {
		r, _ := utf8.DecodeRuneInString(l.Letter)
		foldAs[r] = l.As
	}
	for r := rune(0); r < foldTableSize; r++ {
		foldTable[r] = foldRuneSlow(r)
	}
}

// foldRuneSlow is one rune lower-cased, decomposed, without its marks and
// with the FoldLetters replaced.
func foldRuneSlow(r rune) string {
	if as, ok := foldAs[r]; ok {
		return as
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		d = unicode.ToLower(d)
		if as, ok := foldAs[d]; ok {
			b.WriteString(as)
			continue
		}
		b.WriteRune(d)
	}
	return b.String()
}

// FoldRune is Fold of one rune.
func FoldRune(r rune) string {
	foldOnce.Do(buildFoldTable)
	if r >= 0 && r < foldTableSize {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

// Fold is the form of text that search compares: lower case, without
// diacritics ("Åre" is "are"), and with the letters of FoldLetters spelled
// as on a keyboard without them ("Trøndelag" is "trondelag"). Every search
// folds what it compares with this one function. It folds rune by rune, so
// a position in the folded text maps back to the original (FoldedSpans).
func Fold(text string) string {
	ascii := true
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if r < 0x80 {
			b.WriteByte(byte(unicode.ToLower(r)))
			continue
		}
		b.WriteString(FoldRune(r))
	}
	return b.String()
}

// SearchWords splits typed text into the folded words a search looks for.
func SearchWords(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// FoldedSpans finds where each of the folded words occurs in text, infix
// and across case, marks and FoldLetters alike, as byte ranges of the
// original text in order (overlaps merged), so a list can highlight why a
// row matched.
func FoldedSpans(text string, words []string) []Span {
	var folded strings.Builder
	var at []int // at[i]: the byte of text that folded byte i came from
	for i, r := range text {
		f := FoldRune(r)
		if r < 0x80 {
			f = string(unicode.ToLower(r))
		}
		folded.WriteString(f)
		for range len(f) {
			at = append(at, i)
		}
	}
	at = append(at, len(text))
	ft := folded.String()
	var spans []Span
	for _, w := range words {
		if w == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(ft[off:], w)
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(w)
			s := Span{at[start], at[end]}
			// A folded letter's bytes all map to its first byte: end at
			// the next original rune.
			if end < len(at)-1 && at[end] == at[end-1] {
				_, n := utf8.DecodeRuneInString(text[at[end-1]:])
				s.End = at[end-1] + n
			}
			spans = append(spans, s)
			off = end
		}
	}
	return mergeSpans(spans)
}

func mergeSpans(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].Start < spans[j-1].Start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
