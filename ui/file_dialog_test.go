package ui

import (
	"slices"
	"testing"
)

// TestFileDialogSpeaksTheAppsLanguage opens the export dialog as an advisor
// would and reads its title, its places and the way up.
func TestFileDialogSpeaksTheAppsLanguage(t *testing.T) {
	for _, c := range []struct{ lang, title, home, computer, up string }{
		{"sv", "Spara fil", "Hem", "Dator", "(Upp)"},
		{"nb", "Lagre fil", "Hjem", "Datamaskin", "(Opp)"},
		{"en", "Save File", "Home", "Computer", "(Parent)"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, _ := newTestUI(t, c.lang)
			u.saveAs("ilsa.csv", func(string) (string, string, error) { return "", "", nil })
			d := topOverlay(t, u)
			texts := visibleTexts(d)
			for _, want := range []string{c.title, c.home, c.computer, c.up} {
				if !slices.Contains(texts, want) {
					t.Errorf("the save dialog does not show %q: %q", want, texts)
				}
			}
			if c.lang != "en" && (slices.Contains(texts, "Home") || slices.Contains(texts, "Computer")) {
				t.Errorf("English place names in the %s dialog: %q", c.lang, texts)
			}
		})
	}
}
