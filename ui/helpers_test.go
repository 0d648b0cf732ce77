package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// testNow is the fixed "today" of UI tests.
var testNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// newTestUI builds the UI headless on a fresh store, in lang, with the
// advisor profile set (so no welcome dialog), and waits for the first load.
func newTestUI(t *testing.T, lang string) (*UI, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, _ := datatest.Open(t)
	if err := st.SetProfile(data.Profile{Advisor: "Anna Svensson", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	u := New(a, st, translations.New(lang), Options{Prefs: prefs.New(st), Now: func() time.Time { return testNow }, queue: &applyQueue{}, timers: &testTimers{}})
	u.win.Resize(fyne.NewSize(1200, 760))
	u.WaitIdle()
	return u, st
}

// typeInto replaces an entry's text as a user would (focus, select all, type).
func typeInto(u *UI, e fyne.Focusable, text string) {
	if te, ok := e.(interface{ SetText(string) }); ok {
		te.SetText("")
	}
	test.Type(e, text)
	u.WaitIdle()
}

// walk visits o and everything visible inside it (containers, scrolls,
// splits, tabs and the renderers of widgets); hidden parts are skipped.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		if r == nil {
			return
		}
		for _, c := range r.Objects() {
			walk(c, fn)
		}
	}
}

// buttonWithText finds a visible, enabled-or-not button by its text.
func buttonWithText(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// tapButton taps the button with this text in root, then waits for loads.
func tapButton(t *testing.T, u *UI, root fyne.CanvasObject, text string) {
	t.Helper()
	test.Tap(buttonWithText(t, root, text))
	u.WaitIdle()
}

// topOverlay is the dialog in front, failing the test when there is none.
func topOverlay(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	o := u.win.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog is open")
	}
	return o
}

// visibleTexts gathers the text of every visible label, button, check and
// rich text under root: what a user can read there.
func visibleTexts(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Check:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		}
	})
	return out
}

// shows reports whether some visible text under root contains want.
func shows(root fyne.CanvasObject, want string) bool {
	for _, s := range visibleTexts(root) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}
