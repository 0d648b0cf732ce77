// Package pdfdoctest reads back the text of a PDF the tests wrote, with
// poppler's pdftotext, as a reader's PDF viewer would show it.
package pdfdoctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Text is the text pdftotext extracts from pdf (UTF-8). Without pdftotext
// the test is skipped, except when $CI is set: CI installs poppler-utils
// (scripts/deps.sh test), so a missing binary there is a broken job, not a
// reason to pass.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		msg := "pdftotext not found on PATH: install poppler-utils (scripts/deps.sh test)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + " (CI is set, so this test must run)")
		}
		t.Skip(msg)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
