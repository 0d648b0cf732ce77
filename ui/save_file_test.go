package ui

import (
	"net/url"
	"path/filepath"
	"testing"
)

// After an export the advisor can open the file, or its folder, from the
// message that says where it went.
func TestSavedFileOpensOrShowsItsFolder(t *testing.T) {
	for _, c := range []struct{ lang, open, folder string }{
		{"sv", "Öppna", "Visa i mappen"},
		{"nb", "Åpne", "Vis i mappen"},
		{"en", "Open", "Show in folder"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, _ := newTestUI(t, c.lang)
			var opened []string
			u.openURL = func(l *url.URL) error { opened = append(opened, l.String()); return nil }
			dir := t.TempDir()
			report := filepath.Join(dir, "Fjälldata AB 2026-11-27.pdf")

			u.showSaved("Saved", "saved as "+report, report)
			tapButton(t, u, topOverlay(t, u), c.open)
			u.showSaved("Saved", "saved as "+report, report)
			tapButton(t, u, topOverlay(t, u), c.folder)

			want := []string{fileURL(report).String(), fileURL(dir).String()}
			if len(opened) != 2 || opened[0] != want[0] || opened[1] != want[1] {
				t.Fatalf("opened %q, want %q", opened, want)
			}
			if u.win.Canvas().Overlays().Top() != nil {
				t.Fatal("the message stays open after the file was opened")
			}
		})
	}
}

// A bundle is for another ILSA Coach, not for a program of the system:
// only its folder is offered.
func TestSavedBundleOffersOnlyItsFolder(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.showSaved("Exporterat", "…", filepath.Join(t.TempDir(), "ilsa-2026-11-27.bundle"))
	d := topOverlay(t, u)
	if shows(d, "Öppna") || !shows(d, "Visa i mappen") || !shows(d, "OK") {
		t.Fatalf("buttons after a bundle export: %q", visibleTexts(d))
	}
}

func TestFileURLOfEachSystem(t *testing.T) {
	for path, want := range map[string]string{
		"/home/anna/Rapporter/Fjälldata AB.pdf": "file:///home/anna/Rapporter/Fj%C3%A4lldata%20AB.pdf",
		"/Users/anna/ILSA":                      "file:///Users/anna/ILSA",
	} {
		if got := fileURL(path).String(); got != want {
			t.Errorf("fileURL(%q) = %q, want %q", path, got, want)
		}
	}
}
