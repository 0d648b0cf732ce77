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

// Lines break between words, never inside one, even when a word is wider
// than the line.
func TestLinesBreakBetweenWords(t *testing.T) {
	doc := pdfdoc.New(pdfdoc.Options{Title: "Test"})
	doc.SetFont(pdfdoc.Font, "", 9)
	narrow := doc.GetStringWidth("Arrangemen") + 2*doc.GetCellMargin()
	got := pdfdoc.Lines(doc, "Arrangement på Røros\n\nNeste dag", narrow)
	want := []string{"Arrangement", "på Røros", "", "Neste dag"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
	if w := pdfdoc.WordWidth(doc, "Møte", "Arrangement"); w <= narrow {
		t.Errorf("WordWidth %v is not wider than %v, which cuts \"Arrangement\"", w, narrow)
	}
}
