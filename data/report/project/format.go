package project

import (
	"bytes"
	"errors"
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

// File is a file of a rendered draft: its path and its bytes.
type File struct {
	Path string
	Data []byte
}

// Render writes d in format f for a file at path. The first file is the
// draft itself; a Markdown draft is followed by its pictures, PNG files
// next to it that it refers to by name (draft.md: draft-map.png).
func Render(d Document, f Format, path string) ([]File, error) {
	var buf bytes.Buffer
	var err error
	switch f {
	case PDF:
		err = WritePDF(&buf, d)
	case DOCX:
		err = WriteDOCX(&buf, d)
	case Markdown:
		err = WriteMarkdown(&buf, d, filepath.Base(path))
	default:
		err = fmt.Errorf("project: unknown format %q", f)
	}
	if err != nil {
		return nil, err
	}
	files := []File{{Path: path, Data: buf.Bytes()}}
	if f != Markdown {
		return files, nil
	}
	seen := map[string]bool{}
	for _, p := range pictures(d) {
		name := PictureFileName(path, p)
		if seen[name] {
			return nil, fmt.Errorf("project: two pictures are named %q", p.Name)
		}
		seen[name] = true
		files = append(files, File{Path: filepath.Join(filepath.Dir(path), name), Data: p.PNG})
	}
	return files, nil
}

// Write writes d to w in format f. A Markdown draft with pictures is
// refused: its pictures are files of their own, which Render makes.
func Write(w io.Writer, d Document, f Format) error {
	if f == Markdown && len(pictures(d)) > 0 {
		return errors.New("project: a Markdown draft with pictures is written with Render")
	}
	files, err := Render(d, f, "draft."+string(f))
	if err != nil {
		return err
	}
	_, err = w.Write(files[0].Data)
	return err
}
