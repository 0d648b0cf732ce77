package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// SaveShortcut is Ctrl+S (Cmd+S on macOS).
var SaveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// IsSave reports whether s is the save shortcut.
func IsSave(s fyne.Shortcut) bool { return s.ShortcutName() == SaveShortcut.ShortcutName() }

// KeyedEntry is an Entry whose owner sees keys and shortcuts first. A
// focused Fyne entry swallows Esc and Ctrl+S before the window's own
// handlers see them, so forms hook them here; the organisation picker also
// takes the arrows and Enter.
type KeyedEntry struct {
	widget.Entry
	OnKey      func(*fyne.KeyEvent) bool // true: handled, the entry never sees it
	OnShortcut func(fyne.Shortcut) bool
}

// NewKeyedEntry is a one-line entry, or a word-wrapping multi-line one.
func NewKeyedEntry(multiLine bool) *KeyedEntry {
	e := &KeyedEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey gives the owner the first look at a key.
func (e *KeyedEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.OnKey != nil && e.OnKey(ev) {
		return
	}
	// F1 (help) means nothing to an entry: hand it to the window, as if
	// nothing had the focus, so help opens from inside any form too.
	if ev.Name == fyne.KeyF1 {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
			return
		}
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut gives the owner the first look at a shortcut.
func (e *KeyedEntry) TypedShortcut(s fyne.Shortcut) {
	if e.OnShortcut != nil && e.OnShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}
