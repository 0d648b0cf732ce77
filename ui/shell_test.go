package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
)

func shortcut(u *UI, key fyne.KeyName) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	u.WaitIdle()
}

func TestKeyboardShortcuts(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	shortcut(u, fyne.KeyF)
	if u.tabs.SelectedIndex() != tabOrganisations || u.win.Canvas().Focused() != u.orgs.search {
		t.Fatalf("Ctrl+F: tab %d, focus %v", u.tabs.SelectedIndex(), u.win.Canvas().Focused())
	}
	shortcut(u, fyne.KeyN)
	if !shows(topOverlay(t, u), "Nytt besök") {
		t.Fatalf("Ctrl+N did not open the visit form: %v", visibleTexts(topOverlay(t, u)))
	}
	u.closeFrontDialog()
	u.WaitIdle()
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc left the dialog open")
	}
}

func TestWindowRemembersItsSize(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.win.Resize(fyne.NewSize(1000, 640))
	u.saveSize()
	u2 := New(test.NewTempApp(t), st, u.tr, Options{Prefs: prefs.New(st), Now: u.opt.Now, queue: &applyQueue{}})
	if got := u2.win.Canvas().Size(); got.Width != 1000 || got.Height != 640 {
		t.Fatalf("restored size %v", got)
	}
}

func TestNavigationInEachLanguage(t *testing.T) {
	for lang, want := range map[string][]string{
		"sv": {"I dag", "Organisationer", "Besök", "Åtgärder", "Projektet", "Rapporter", "Synk", "Inställningar", "Hjälp"},
		"nb": {"I dag", "Organisasjoner", "Besøk", "Tiltak", "Prosjektet", "Rapporter", "Synk", "Innstillinger", "Hjelp"},
		"en": {"Today", "Organisations", "Visits", "Actions", "Project", "Reports", "Sync", "Settings", "Help"},
	} {
		u, _ := newTestUI(t, lang)
		if len(u.tabs.Items) != len(want) {
			t.Errorf("%s: %d tabs, want %d", lang, len(u.tabs.Items), len(want))
			continue
		}
		for i, it := range u.tabs.Items {
			if it.Text != want[i] {
				t.Errorf("%s tab %d: %q want %q", lang, i, it.Text, want[i])
			}
		}
	}
}
