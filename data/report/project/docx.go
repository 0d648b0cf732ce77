package project

import (
	"bytes"
	"io"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/stypes"
)

// The styles of godocx's template (Word's built-in ones): the title,
// headings, a bulleted list bound to its numbering, and a table with grid
// lines.
const (
	bulletStyle  = "ListBullet"
	bulletNumID  = 1 // the numbering ListBullet carries in the template
	tableStyle   = "TableGrid"
	promptColour = "7F6000"
	noteColour   = "595959"
)

// WriteDOCX writes d as a Word document: real headings (Title, Heading1,
// Heading2), bulleted list paragraphs, and tables with a header row, so
// the lead edits it in Word or LibreOffice as any report. The same
// document gives the same bytes.
func WriteDOCX(w io.Writer, d Document) error {
	rd, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	if _, err := rd.AddHeading(d.Title, 0); err != nil {
		return err
	}
	if d.Subtitle != "" {
		rd.AddParagraph(d.Subtitle).Style("Subtitle")
	}
	for _, s := range d.Sections {
		if _, err := rd.AddHeading(s.Heading, uint(min(max(s.Level, 1), 9))); err != nil {
			return err
		}
		for _, b := range s.Blocks {
			if b.Kind == Image {
				if b.Picture == nil { // a block not made by PictureOf
					continue
				}
				if err := docxPicture(rd, b.Picture); err != nil {
					return err
				}
				continue
			}
			docxBlock(rd, b)
		}
	}
	setCoreProperties(rd, d.Title)
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		return err
	}
	stable, err := stableDOCX(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(stable)
	return err
}

func docxBlock(rd *docx.RootDoc, b Block) {
	switch b.Kind {
	case Paragraph:
		addLines(rd.AddEmptyParagraph(), b.Text)
	case Prompt:
		for _, r := range addLines(rd.AddEmptyParagraph(), b.Text) {
			r.Italic(true).Color(promptColour)
		}
	case Note:
		for _, r := range addLines(rd.AddEmptyParagraph(), b.Text) {
			r.Size(8).Color(noteColour) // points
		}
	case List:
		for _, it := range b.Items {
			p := rd.AddEmptyParagraph()
			p.Style(bulletStyle)
			p.Numbering(bulletNumID, 0)
			addLines(p, it)
		}
	case TableBlock:
		t := b.Table
		tbl := rd.AddTable()
		tbl.Style(tableStyle)
		row := func(cells []string, header bool) {
			r := tbl.AddRow()
			for i := range t.Header {
				p := r.AddCell().AddEmptyPara()
				if i < len(t.Numeric) && t.Numeric[i] {
					p.Justification(stypes.JustificationRight)
				}
				for _, run := range addLines(p, cells[i]) {
					run.Bold(header)
				}
			}
		}
		row(t.Header, true)
		for _, r := range t.Rows {
			row(r, false)
		}
		rd.AddEmptyParagraph() // Word joins two tables that touch
	}
}

// addLines adds text to p, a run per line with a line break between them.
func addLines(p *docx.Paragraph, text string) []*docx.Run {
	var runs []*docx.Run
	for i, l := range strings.Split(text, "\n") {
		r := p.AddText(l)
		if i > 0 {
			runs[i-1].AddBreak(nil)
		}
		runs = append(runs, r)
	}
	return runs
}

// setCoreProperties names the document and its maker instead of the
// template's.
func setCoreProperties(rd *docx.RootDoc, title string) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	_ = xmlEscape(&b, title)
	b.WriteString(`</dc:title><dc:creator>ILSA Coach</dc:creator><cp:lastModifiedBy>ILSA Coach</cp:lastModifiedBy>` +
		`<cp:revision>1</cp:revision></cp:coreProperties>`)
	rd.FileMap.Store("docProps/core.xml", []byte(b.String()))
}
