package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Settings' About card names the program's licence and opens the list of
// included software, in the user's language; choosing an entry shows its
// licence text.
func TestAboutShowsTheLicenceAndTheIncludedSoftware(t *testing.T) {
	u, _ := newTestUI(t, "nb")
	u.opt.License = "EUPL-1.2"
	u.build(tabSettings)
	u.WaitIdle()
	if !shows(u.settings.view, "Fri programvare under EUPL-1.2 (Den europeiske unions lisens for åpen kildekode).") {
		t.Fatalf("About card: %v", visibleTexts(u.settings.view))
	}
	tapButton(t, u, u.settings.view, "Lisenser for inkludert programvare…")
	d := topOverlay(t, u)
	var list *widget.List
	walk(d, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	if list == nil || list.Length() < 20 {
		t.Fatalf("no list of included software: %v", visibleTexts(d))
	}
	if !shows(d, "Velg en rad for å lese lisensen.") || !shows(d, "BSD-3-Clause") {
		t.Fatalf("credits dialog: %v", visibleTexts(d))
	}
	list.Select(0) // the Go standard library
	if !strings.Contains(strings.Join(visibleTexts(d), "\n"), "The Go Authors") {
		t.Errorf("the chosen entry's licence is not shown: %v", visibleTexts(d))
	}
}
