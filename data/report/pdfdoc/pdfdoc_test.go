package pdfdoc_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
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
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Åre Östersund", "Trådfabrikken Bodø Smørbukk", "Sida 1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, out)
		}
	}
}
