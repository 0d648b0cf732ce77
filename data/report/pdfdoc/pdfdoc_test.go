package pdfdoc_test

import (
	"bytes"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
)

// The embedded font must carry the Nordic letters through to the text a PDF
// reader extracts.
func TestNordicLettersPrint(t *testing.T) {
	doc := pdfdoc.New(pdfdoc.Options{Title: "Test", CreatedUnix: 1, Footer: func(p int) string { return "Sida {nb}" }})
	doc.MultiCell(0, 6, "Åre Östersund Trådfabrikken Bodø Smørbukk", "", "L", false)
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out := pdfdoctest.Text(t, buf.Bytes())
	for _, want := range []string{"Åre Östersund", "Trådfabrikken Bodø Smørbukk", "Sida 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, out)
		}
	}
}
