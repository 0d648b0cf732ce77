package project

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"codeberg.org/go-pdf/fpdf"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
)

// pdfPicture puts p on a page of its own, its caption above it, scaled to
// fit the page: a landscape page for a picture wider than tall, so a map
// is printed as large as the paper allows. What follows starts a new
// portrait page (WritePDF sees to that).
func pdfPicture(doc *fpdf.Fpdf, p *Picture) {
	orientation := "P"
	if p.W > p.H {
		orientation = "L"
	}
	doc.AddPageFormat(orientation, doc.GetPageSizeStr("A4"))
	pageW, pageH := doc.GetPageSize()
	left, _, right, bottom := doc.GetMargins()
	if p.Caption != "" {
		doc.SetFont(pdfdoc.Font, "B", 10)
		doc.MultiCell(0, lineH, p.Caption, "", "L", false)
		doc.Ln(2)
	}
	// Named by its content: the same picture gives the same file.
	sum := sha256.Sum256(p.PNG)
	name := "picture-" + hex.EncodeToString(sum[:8])
	doc.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(p.PNG))
	y := doc.GetY()
	availW, availH := pageW-left-right, pageH-bottom-y
	w, h := availW, availW*float64(p.H)/float64(p.W)
	if h > availH {
		w, h = availH*float64(p.W)/float64(p.H), availH
	}
	doc.ImageOptions(name, left+(availW-w)/2, y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}
