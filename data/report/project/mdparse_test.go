package project_test

import "strings"

// The Markdown as a reader of it sees the structure: headings, list
// items, table rows split into cells at unescaped "|".

type mdDoc struct {
	headings []string // "## Title", level marks kept
	items    []string // list items, continuation lines joined
	tables   [][][]string
}

func parseMarkdown(md string) mdDoc {
	var d mdDoc
	var table [][]string
	flush := func() {
		if table != nil {
			d.tables = append(d.tables, table)
			table = nil
		}
	}
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "|"):
			table = append(table, cells(l))
			continue
		case strings.HasPrefix(l, "#"):
			d.headings = append(d.headings, l)
		case strings.HasPrefix(l, "- "):
			d.items = append(d.items, l[2:])
		case strings.HasPrefix(l, "  ") && len(d.items) > 0:
			d.items[len(d.items)-1] += "\n" + l[2:]
		}
		flush()
	}
	flush()
	return d
}

// cells splits a table row at the "|"s that are not escaped.
func cells(row string) []string {
	var out []string
	var cur strings.Builder
	escaped := false
	for _, r := range row[1:] {
		switch {
		case escaped:
			escaped = false
			cur.WriteRune(r)
		case r == '\\':
			escaped = true
			cur.WriteRune(r)
		case r == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return out
}

// unescape removes Markdown's backslash escapes.
func unescape(s string) string {
	var b strings.Builder
	escaped := false
	for _, r := range s {
		if !escaped && r == '\\' {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}
