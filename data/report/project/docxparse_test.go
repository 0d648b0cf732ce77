package project_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// docxDoc is word/document.xml as parsed by encoding/xml: the body's
// paragraphs (style, list numbering, text with breaks as "\n") and tables
// (rows of cell texts).
type docxDoc struct {
	paras  []docxPara
	tables [][][]string
}

type docxPara struct {
	style string
	numID string
	text  string
}

func (d docxDoc) headings(level int) []string {
	want := "Heading" + string(rune('0'+level))
	var out []string
	for _, p := range d.paras {
		if p.style == want {
			out = append(out, p.text)
		}
	}
	return out
}

func (d docxDoc) styled(style string) []docxPara {
	var out []docxPara
	for _, p := range d.paras {
		if p.style == style {
			out = append(out, p)
		}
	}
	return out
}

// docxXML opens the DOCX as Word does: a zip with word/document.xml, which
// must be well-formed XML.
func docxXML(t testing.TB, b []byte) docxDoc {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var body []byte
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(r)
			r.Close()
		}
	}
	if body == nil {
		t.Fatal("no word/document.xml")
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	var d docxDoc
	var para *docxPara
	var text strings.Builder
	inTable := 0
	var row []string
	var cell strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				inTable++
				d.tables = append(d.tables, nil)
			case "tr":
				row = nil
			case "tc":
				cell.Reset()
			case "p":
				para = &docxPara{}
				text.Reset()
			case "pStyle":
				if para != nil {
					para.style = attr(e, "val")
				}
			case "numId":
				if para != nil {
					para.numID = attr(e, "val")
				}
			case "t":
				inText = true
			case "br":
				text.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				if inTable > 0 {
					if cell.Len() > 0 {
						cell.WriteString("\n")
					}
					cell.WriteString(text.String())
				} else if para != nil {
					para.text = text.String()
					d.paras = append(d.paras, *para)
				}
				para = nil
			case "tc":
				row = append(row, cell.String())
			case "tr":
				d.tables[len(d.tables)-1] = append(d.tables[len(d.tables)-1], row)
			case "tbl":
				inTable--
			}
		}
	}
	return d
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
