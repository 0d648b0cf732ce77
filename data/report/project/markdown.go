package project

import (
	"io"
	"net/url"
	"regexp"
	"strings"
)

// WriteMarkdown writes d as CommonMark with GitHub's tables. Every stored
// text is escaped so that it stays text: a "|" cannot add a column, a "#"
// or "1." cannot start a heading or a list, a line break cannot end a list
// item or a table row. A picture is referred to by its file's name next
// to the draft, mdName's base and the picture's name (PictureFileName);
// Render writes those files.
func WriteMarkdown(w io.Writer, d Document, mdName string) error {
	var b strings.Builder
	b.WriteString("# " + inline(oneLine(d.Title, " ")) + "\n\n")
	if d.Subtitle != "" {
		b.WriteString(lineStart(inline(oneLine(d.Subtitle, " "))) + "\n\n")
	}
	for _, s := range d.Sections {
		b.WriteString(strings.Repeat("#", s.Level+1) + " " + inline(oneLine(s.Heading, " ")) + "\n\n")
		for _, bl := range s.Blocks {
			markdownBlock(&b, bl, mdName)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownBlock(b *strings.Builder, bl Block, mdName string) {
	switch bl.Kind {
	case Image:
		// The name is escaped as a link's path: a space or ")" cannot end it.
		p := bl.Picture
		if p == nil { // a block not made by PictureOf
			return
		}
		b.WriteString("![" + inline(oneLine(p.Caption, " ")) + "](" + url.PathEscape(PictureFileName(mdName, p)) + ")\n\n")
		if p.Caption != "" {
			b.WriteString("*" + lines(p.Caption, "\\\n") + "*\n\n")
		}
	case Paragraph:
		b.WriteString(lines(bl.Text, "\\\n") + "\n\n")
	case Prompt, Note:
		b.WriteString("*" + lines(bl.Text, "\\\n") + "*\n\n")
	case List:
		for _, it := range bl.Items {
			// A continuation line is indented to stay inside its item.
			b.WriteString("- " + lines(it, "\\\n  ") + "\n")
		}
		b.WriteString("\n")
	case TableBlock:
		t := bl.Table
		row := func(cells []string) {
			b.WriteString("|")
			for _, c := range cells {
				b.WriteString(" " + cell(c) + " |")
			}
			b.WriteString("\n")
		}
		row(t.Header)
		b.WriteString("|")
		for i := range t.Header {
			if i < len(t.Numeric) && t.Numeric[i] {
				b.WriteString("---:|")
			} else {
				b.WriteString("---|")
			}
		}
		b.WriteString("\n")
		for _, r := range t.Rows {
			row(r[:len(t.Header)])
		}
		b.WriteString("\n")
	}
}

// lines escapes each line of s and joins them with sep; empty lines are
// dropped (in a list item they would end it).
func lines(s, sep string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, lineStart(inline(l)))
		}
	}
	return strings.Join(out, sep)
}

// cell is a table cell's text on one line, its line breaks as <br>; a
// cell starts no block, so only its inline marks are escaped.
func cell(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, inline(l))
		}
	}
	return strings.Join(out, "<br>")
}

// blockStart is an ordered list's marker, "1." or "1)", at a line's start.
var blockStart = regexp.MustCompile(`^(\d+)([.)])`)

// entity is an HTML character reference, "&amp;" or "&#35;", which
// Markdown would show as the character it names.
var entity = regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`)

// inline escapes one line of text for Markdown: the characters that mark
// emphasis, code, links, HTML and entities, headings and tables are
// backslash-escaped.
func inline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return entity.ReplaceAllString(b.String(), `\&$1`)
}

// lineStart escapes what would make a line a list item ("-", "+", "1.")
// or a heading's underline ("=").
func lineStart(out string) string {
	if m := blockStart.FindStringSubmatchIndex(out); m != nil {
		out = out[:m[3]] + `\` + out[m[4]:]
	}
	if strings.HasPrefix(out, "-") || strings.HasPrefix(out, "+") || strings.HasPrefix(out, "=") {
		out = `\` + out
	}
	return out
}
