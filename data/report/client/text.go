package client

import (
	"strings"
	"unicode/utf8"
)

// dash stands in for a value that is not known, so an empty cell never
// looks like a layout mistake.
const dash = "–"

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return dash
	}
	return s
}

// maxNoteRunes is how much of a visit's notes the timeline shows: enough
// for the gist of a meeting, while a page of minutes stays in the app.
const maxNoteRunes = 320

// shorten folds a text onto one paragraph (line breaks and runs of spaces
// become single spaces) and cuts it at a word boundary after at most n
// runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:–-") + "…"
}

// paragraphs tidies free text for a table cell: trailing spaces and
// Windows line ends go, paragraphs stay.
func paragraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}
