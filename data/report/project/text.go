package project

import (
	"encoding/xml"
	"io"
	"strings"
	"unicode"
)

// clean makes stored text safe for every format: valid UTF-8, line breaks
// as "\n" only, no control characters (XML 1.0 cannot hold most of them,
// and a stray one ends a Markdown line or a PDF string), no directional
// overrides (which would show a table's later cells reversed), and no
// blank lines at the ends.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteRune('\n')
		case r == '\t':
			b.WriteRune(' ')
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
			r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// oneLine joins a text's lines with sep, for a place that holds one line.
func oneLine(s, sep string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, sep)
}

// xmlEscape writes s as XML character data.
func xmlEscape(w io.Writer, s string) error { return xml.EscapeText(w, []byte(s)) }
