package project

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is a file format the draft is written in.
type Format string

// The formats: a PDF to read and send, a DOCX to edit (Word, LibreOffice),
// and Markdown. ODT is not among them: no maintained Go library writes it,
// and LibreOffice opens the DOCX.
const (
	PDF      Format = "pdf"
	DOCX     Format = "docx"
	Markdown Format = "md"
)

// Formats lists the formats in the order they are offered.
var Formats = []Format{PDF, DOCX, Markdown}

// FormatOf is the format a file name's extension asks for (any case);
// false for any other extension.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return PDF, true
	case ".docx":
		return DOCX, true
	case ".md", ".markdown":
		return Markdown, true
	}
	return "", false
}

// Write writes d to w in format f.
func Write(w io.Writer, d Document, f Format) error {
	switch f {
	case PDF:
		return WritePDF(w, d)
	case DOCX:
		return WriteDOCX(w, d)
	case Markdown:
		bw := bufio.NewWriter(w)
		if err := WriteMarkdown(bw, d); err != nil {
			return err
		}
		return bw.Flush()
	}
	return fmt.Errorf("project: unknown format %q", f)
}
