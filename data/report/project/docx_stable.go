package project

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
)

// documentTag is document.xml's root start tag, whose namespace
// declarations godocx writes in a map's (random) order.
var documentTag = regexp.MustCompile(`<w:document\s[^>]*>`)

// documentAttr is one attribute of that tag.
var documentAttr = regexp.MustCompile(`[^\s=]+="[^"]*"`)

// stableDOCX rewrites a DOCX from godocx with document.xml's root
// attributes sorted, so the same document gives the same bytes. The parts
// keep their order and content otherwise.
func stableDOCX(docx []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "word/document.xml" {
			data = documentTag.ReplaceAllFunc(data, func(tag []byte) []byte {
				attrs := documentAttr.FindAll(tag, -1)
				slices.SortFunc(attrs, bytes.Compare)
				return append(append([]byte("<w:document "), bytes.Join(attrs, []byte(" "))...), '>')
			})
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
