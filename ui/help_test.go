package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pressF1 types F1 as the window does: to the focused widget if there is
// one, else to the window's own key handler.
func pressF1(u *UI) {
	ev := &fyne.KeyEvent{Name: fyne.KeyF1}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else {
		u.win.Canvas().OnTypedKey()(ev)
	}
	u.WaitIdle()
}

// hyperlink is the visible link with this text under root.
func hyperlink(t *testing.T, root fyne.CanvasObject, text string) *widget.Hyperlink {
	t.Helper()
	var found *widget.Hyperlink
	walk(root, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == text && found == nil {
			found = h
		}
	})
	if found == nil {
		t.Fatalf("no link %q among %v", text, linkTexts(root))
	}
	return found
}

// tapLink clicks the middle of a link, as a user does (a Hyperlink ignores
// taps beside its text).
func tapLink(t *testing.T, h *widget.Hyperlink) {
	t.Helper()
	size := h.Size()
	if size.IsZero() {
		t.Fatalf("the link %q is not laid out", h.Text)
	}
	test.TapAt(h, fyne.NewPos(size.Width/2, size.Height/2))
}

func TestF1OpensHelpInTheUsersLanguage(t *testing.T) {
	for lang, want := range map[string]struct{ today, sync, link, conflicts string }{
		"sv": {"Välkommen till ILSA Coach", "Dela via en delad mapp", "konflikt", "Ditt beslut når alla kollegor"},
		"nb": {"Velkommen til ILSA Coach", "Del gjennom en delt mappe", "konflikt", "Avgjørelsen din når alle kollegene"},
		"en": {"Welcome to ILSA Coach", "Sharing through a shared folder", "conflicts", "Your decision reaches every colleague"},
	} {
		u, _ := newTestUI(t, lang)
		pressF1(u)
		if u.tabs.SelectedIndex() != tabHelp {
			t.Fatalf("%s: F1 on Today shows tab %d, not Help", lang, u.tabs.SelectedIndex())
		}
		if page := u.help.page.String(); !strings.Contains(page, want.today) {
			t.Fatalf("%s: F1 on Today shows %q", lang, page)
		}

		// On Sync, F1 opens the section on the shared folder; its link
		// to the conflicts opens that section.
		u.Show(tabSync)
		u.WaitIdle()
		pressF1(u)
		if page := u.help.page.String(); !strings.HasPrefix(page, want.sync) {
			t.Fatalf("%s: F1 on Sync shows %q", lang, page)
		}
		tapLink(t, hyperlink(t, u.help.view, want.link))
		u.WaitIdle()
		if page := u.help.page.String(); u.help.current != "conflicts" || !strings.Contains(page, want.conflicts) {
			t.Fatalf("%s: the link to the conflicts shows %s: %q", lang, u.help.current, page)
		}
	}
}

func TestHelpLinksOpenSectionsAndTheWeb(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.openHelp("sync")
	u.WaitIdle()
	web := hyperlink(t, u.help.view, "syncthing.net")
	if web.OnTapped != nil || web.URL == nil || web.URL.String() != "https://syncthing.net/" {
		t.Fatalf("the web link %v must open the browser (no OnTapped, its URL)", web.URL)
	}
	for _, text := range linkTexts(u.help.view) {
		if text == "syncthing.net" {
			continue
		}
		if h := hyperlink(t, u.help.view, text); h.OnTapped == nil {
			t.Errorf("the link %q to another section does nothing in the app", text)
		}
	}
	// No picture is carried: its file is not in the program.
	walk(u.help.view, func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if _, ok := s.(*widget.ImageSegment); ok {
					t.Errorf("the help page shows a picture %v", s)
				}
			}
		}
	})
}

// TestF1InAFormOpensHelpBesideIt: with the visit form open and its field
// focused, F1 opens the guide in its own window and the form stays.
func TestF1InAFormOpensHelpBesideIt(t *testing.T) {
	u, _ := newTestUI(t, "nb")
	shortcut(u, fyne.KeyN)
	form := topOverlay(t, u)
	if u.win.Canvas().Focused() == nil {
		t.Fatal("the visit form has no focused field")
	}
	pressF1(u)
	if u.helpWin == nil {
		t.Fatal("F1 in the visit form opened no help window")
	}
	if page := u.helpWinScreen.page.String(); !strings.HasPrefix(page, "Kom i gang") {
		t.Fatalf("the help window shows %q", page)
	}
	if topOverlay(t, u) != form {
		t.Fatal("the visit form was closed")
	}
}

func TestHelpFollowsALanguageChange(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.openHelp("duplicates")
	if err := u.SetLanguage("nb"); err != nil {
		t.Fatal(err)
	}
	u.WaitIdle()
	if page := u.help.page.String(); u.tabs.SelectedIndex() != tabHelp || !strings.HasPrefix(page, "Duplikater") {
		t.Fatalf("after the switch to Norwegian: tab %d, %q", u.tabs.SelectedIndex(), page)
	}
}
