package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Everything the command line prints that holds stored text goes through
// escaped: the forms refuse control characters, but a database from an
// older version, another device's changes or a file name in the shared
// folder may still hold them, and a terminal would obey an escape sequence
// (colours, moving the cursor, rewriting the window title) or break a table
// at a newline.

// escaped shows s so that a terminal cannot misread it and it stays on one
// line: each control character (domain.IsControl, newline and tab included)
// is written as an escape, \n, \t, \r, \x1b or \u202e, and each byte that is
// not UTF-8 as \xff. Other text is left as it is.
func escaped(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || domain.IsControl(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // the common case: nothing to escape
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case domain.IsControl(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case domain.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// say writes one line of output, escaped.
func (s *session) say(w io.Writer, line string) {
	fmt.Fprintln(w, escaped(line))
}

// table starts a table on stdout with its header; rows are added with row.
func (s *session) table(header ...string) *tabwriter.Writer {
	w := tabwriter.NewWriter(s.env.Stdout, 2, 4, 2, ' ', 0)
	row(w, header...)
	return w
}

// row writes one line of a table: each cell escaped, so a record is always
// one line and its cells stay in their columns.
func row(w io.Writer, cells ...string) {
	for i, c := range cells {
		cells[i] = escaped(c)
	}
	fmt.Fprintln(w, strings.Join(cells, "\t"))
}

// writeJSON prints v as indented JSON. encoding/json escapes the C0 controls
// and the line separators; jsonSafe escapes the rest of domain.IsControl, so
// the output is the same JSON and still safe to show in a terminal.
func (s *session) writeJSON(v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := s.env.Stdout.Write(jsonSafe(buf.Bytes()))
	return err
}

// jsonSafe writes DEL, the C1 controls and the bidi controls in encoded
// JSON as \u escapes. Outside strings JSON is ASCII, so every such
// character is inside a string, where the escape means the same.
func jsonSafe(b []byte) []byte {
	var out []byte
	last := 0 // b[last:] is not yet in out
	for i := 0; i < len(b); {
		if b[i] < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if domain.IsControl(r) {
			out = append(out, b[last:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}
