// Package pdfdoc starts the PDF documents ILSA Coach writes (the client
// report, the funder summary): A4, the embedded DejaVu fonts so å ä ö æ ø
// print, and a footer with the title and page numbers.
package pdfdoc

import (
	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/assets"
)

// Font is the family name the embedded fonts are registered under; use
// doc.SetFont(pdfdoc.Font, "", size) for regular and "B" for bold.
const Font = "dejavu"

// Options describe a new document.
type Options struct {
	Title  string // document title: metadata and footer
	Author string // metadata
	// Footer returns the footer text for a page, e.g. "Page 2 of 5"; the
	// alias "{nb}" in it is replaced by the number of pages. Nil: no footer.
	Footer func(page int) string
	// CreatedUnix fixes the creation date in the metadata (0: leave it
	// out), so the same data gives the same bytes.
	CreatedUnix int64
}

// New returns an A4 portrait document with the fonts registered and the
// first page added.
func New(o Options) *fpdf.Fpdf {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontFromBytes(Font, "", assets.FontRegular)
	doc.AddUTF8FontFromBytes(Font, "B", assets.FontBold)
	doc.SetTitle(o.Title, true)
	doc.SetAuthor(o.Author, true)
	doc.SetCreator("ILSA Coach", true)
	doc.SetCompression(true)
	doc.SetMargins(18, 18, 18)
	doc.SetAutoPageBreak(true, 18)
	if o.CreatedUnix != 0 {
		doc.SetCreationDate(unix(o.CreatedUnix))
		doc.SetModificationDate(unix(o.CreatedUnix))
	}
	doc.AliasNbPages("{nb}")
	if o.Footer != nil {
		doc.SetFooterFunc(func() {
			doc.SetY(-12)
			doc.SetFont(Font, "", 8)
			doc.SetTextColor(110, 110, 110)
			doc.CellFormat(0, 5, o.Footer(doc.PageNo()), "", 0, "C", false, 0, "")
		})
	}
	doc.SetFont(Font, "", 10)
	doc.AddPage()
	return doc
}
