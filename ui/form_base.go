package ui

import (
	"encoding/json"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/ui/widgets"
)

// formBase is what every form shares: fields that hand Esc and Ctrl+S to
// the form, a draft of every change, offering a stored draft back,
// confirming a discard, closing, and saving off the UI goroutine. A form
// embeds it, builds its fields with entry, and sets the hooks.
//
// A form in a dialog closes; an inline form (the organisation overview,
// the profile, an organisation's new action) has no dialog and stays on
// its screen: there closing asks before typed text goes that no draft
// keeps, and a discard fills the stored content in again (revert).
type formBase struct {
	u        *UI
	key      string // the draft's key: "visit:new", "org:<id>", …; "" keeps no draft
	dlg      *dialog.CustomDialog
	form     *widgets.Form
	draft    *draftKeeper
	calendar *widgets.CalendarHost
	body     *fyne.Container   // everything the form scrolls
	view     *container.Scroll // body in a scroll

	initial      string // the content as opened: closing it unchanged leaves no draft
	filling      bool   // the program is filling the fields, not the user typing
	draftPending bool   // a stored draft waits for the user's answer
	ask          *dialog.ConfirmDialog
	closed       bool
	saver        saver
	saveButtons  []fyne.Disableable // off while a save runs

	// snapshot reads the fields as typed (what the draft keeps).
	snapshot func() any
	// onSave is Ctrl+S.
	onSave func()
	// popups closes the form's own pop-ups besides the calendar and reports
	// whether one was open (nil: none).
	popups func() bool
	// stop ends the form's own background work when it closes (nil: none).
	stop func()
	// onEscape is Esc in a field (nil: close).
	onEscape func()
	// revert fills an inline form with its stored content again after a
	// discard (nil: nothing to fill).
	revert func()
	// reloadsItself: saved reloads what the save changed, so the screen
	// behind is not reloaded as well.
	reloadsItself bool
}

// init prepares the base of a form keeping its draft under key.
func (b *formBase) init(u *UI, key string, snapshot func() any, save func()) {
	b.u, b.key, b.snapshot, b.onSave = u, key, snapshot, save
	b.saver.u = u
	b.form = widgets.NewForm(u.tr)
	b.calendar = u.newCalendar()
	b.keep(key)
}

// draftKey is the key the form keeps its draft under.
func (b *formBase) draftKey() string { return b.key }

// openForm is the open form of type F with this draft key, if any: two
// forms writing one draft would overwrite each other's text.
func openForm[F interface {
	dialogCloser
	draftKey() string
}](u *UI, key string) (F, bool) {
	for _, d := range u.dialogs {
		if f, ok := d.(F); ok && f.draftKey() == key {
			return f, true
		}
	}
	var none F
	return none, false
}

// usesOrgPicker lets Esc first close the picker's suggestions, and closes
// the picker with the form.
func (b *formBase) usesOrgPicker(p *widgets.OrgPicker) {
	b.popups = func() bool {
		if p.Suggesting() {
			p.HideSuggestions()
			return true
		}
		return false
	}
	b.stop = p.Close
}

// keep keeps drafts under key from now on ("" keeps none): an inline form
// shows another record, or a saved one starts afresh.
func (b *formBase) keep(key string) {
	b.key, b.draft = key, nil
	if key != "" {
		b.draft = b.u.newDraft(key, b.snapshot)
	}
}

// inline reports whether the form lives on its screen, not in a dialog.
func (b *formBase) inline() bool { return b.dlg == nil }

// begin notes the content as opened: closing it unchanged leaves no draft
// and asks nothing.
func (b *formBase) begin() {
	b.initial = b.text()
	b.closed = false
}

// entry is a text field of the form: it keeps the draft, and Esc and
// Ctrl+S reach the form even while it has the keyboard.
func (b *formBase) entry(multiLine bool) *widgets.KeyedEntry {
	e := widgets.NewKeyedEntry(multiLine)
	e.OnChanged = func(string) { b.changed() }
	e.OnKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyEscape {
			if b.onEscape != nil {
				b.onEscape()
			} else {
				b.close()
			}
			return true
		}
		return false
	}
	e.OnShortcut = b.shortcut
	return e
}

// dateEntry takes a date typed in the reader's form (or ISO) and offers a
// calendar for those who would rather click.
func (b *formBase) dateEntry() *widgets.KeyedEntry {
	e := b.entry(false)
	b.calendar.Attach(e)
	return e
}

func (b *formBase) shortcut(s fyne.Shortcut) bool {
	if widgets.IsSave(s) {
		b.onSave()
		return true
	}
	return false
}

// text is the content as typed, as the draft stores it.
func (b *formBase) text() string {
	j, _ := json.Marshal(b.snapshot())
	return string(j)
}

// changed keeps the draft after every edit by the user.
func (b *formBase) changed() {
	if b.filling || b.closed || b.draft == nil {
		return
	}
	b.draft.changed()
}

// fillWith runs fill without counting its changes as the user's typing
// (also when a fill fills a part in turn).
func (b *formBase) fillWith(fill func()) {
	was := b.filling
	b.filling = true
	defer func() { b.filling = was }()
	fill()
}

// newDialog makes the form's dialog; owner (the form) is what the dialog
// stack holds while it is open, for Esc and Ctrl+S.
func (b *formBase) newDialog(owner dialogCloser, title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	b.dlg = dialog.NewCustomWithoutButtons(title, content, b.u.win)
	b.dlg.SetButtons(buttons)
	b.dlg.SetOnClosed(func() { b.u.popDialog(owner) })
}

// showDialog shows the dialog and notes the content as opened.
func (b *formBase) showDialog(owner dialogCloser, size fyne.Size) {
	b.begin()
	b.u.pushDialog(owner)
	b.dlg.Resize(size)
	b.dlg.Show()
}

// offerDraft asks whether to bring back the text left unsaved at saved:
// restore fills it in; after runs once the question is answered.
func (b *formBase) offerDraft(titleKey, messageKey string, saved time.Time, restore func(), after func()) {
	b.draftPending = true
	notNow := b.close // a dialog closes; the draft stays for next time
	if b.inline() {
		// The form stays as stored; the draft waits until an edit replaces it.
		notNow = func() { b.ask, b.draftPending = nil, false }
	}
	b.ask = b.u.askRestore(b.u.tr.T(titleKey), messageKey, saved, notNow, func(yes bool) {
		b.ask = nil
		b.draftPending = false
		if yes {
			b.fillWith(restore)
			b.draft.changed() // it is still unsaved
		} else {
			b.draft.discard()
			// A discarded keeper writes nothing more: start a fresh one.
			b.keep(b.key)
		}
		if after != nil {
			after()
		}
	})
}

// relayout makes room after a part of the form grew or shrank (chips, a
// row, a problem line): a container lays itself out again only when asked
// or resized.
func (b *formBase) relayout() {
	if b.body == nil {
		return // still being built
	}
	b.body.Refresh()
	if b.view != nil {
		b.view.Refresh()
	}
}

// dismissPopups closes an open calendar or another pop-up of the form: Esc
// closes the innermost thing first.
func (b *formBase) dismissPopups() bool {
	if b.calendar.Dismiss() {
		return true
	}
	return b.popups != nil && b.popups()
}

// unchanged reports whether the form holds what it was opened with.
func (b *formBase) unchanged() bool { return !b.draftPending && b.text() == b.initial }

// close is Cancel and Esc: the form goes, what was typed stays as a draft
// that the next opening offers back. Text no draft keeps goes only after
// asking; an inline form stays where it is.
func (b *formBase) close() {
	if b.closed || b.dismissPopups() {
		return
	}
	switch {
	case b.draft == nil && !b.unchanged():
		b.confirmDiscard()
	case b.inline():
		// Nothing to close: the text stays in the form and in its draft.
	case b.unchanged():
		b.draft.discard() // nothing typed: nothing to offer next time
		b.finish()
	default:
		b.finish()
	}
}

// finish closes a dialog form; an inline form only closes its pop-ups.
func (b *formBase) finish() {
	if b.inline() {
		b.calendar.Dismiss()
		return
	}
	if b.closed {
		return
	}
	b.closed = true
	if b.stop != nil {
		b.stop()
	}
	b.calendar.Dismiss()
	b.dlg.Hide() // its OnClosed pops it from the dialog stack
}

// confirmDiscard throws the typed text away, after asking when there is any.
func (b *formBase) confirmDiscard() {
	if b.unchanged() {
		if !b.inline() { // an inline form holds what is stored already
			b.draft.discard()
			b.finish()
		}
		return
	}
	tr := b.u.tr
	var c *dialog.ConfirmDialog
	closer := &confirmCloser{hide: func() { c.Hide() }}
	c = dialog.NewConfirm(tr.T("ui.form.discard.title"), tr.T("ui.form.discard.message"), func(ok bool) {
		b.u.popDialog(closer)
		if ok {
			b.discard()
		}
	}, b.u.win)
	c.SetConfirmText(tr.T("ui.form.discard"))
	c.SetConfirmImportance(widget.DangerImportance)
	b.u.pushDialog(closer)
	c.Show()
}

// discard throws the typed text and its draft away: a dialog closes, an
// inline form shows its stored content again.
func (b *formBase) discard() {
	b.draft.discard()
	b.finish()
	if b.inline() && b.revert != nil {
		b.revert()
	}
}

// confirmCloser lets Esc close a confirmation (as its "no").
type confirmCloser struct{ hide func() }

func (c *confirmCloser) close() { c.hide() }

// canSave reports whether Save may start now: the form is open, no draft
// question waits and no other save runs.
func (b *formBase) canSave() bool { return !b.closed && b.ask == nil && !b.saver.running }

// runSave stores the form off the UI goroutine (see saver). On success
// the draft goes, the form closes and saved runs; on a problem everything
// typed is still there and the problem shows beside its field.
func (b *formBase) runSave(write func() error, saved func()) {
	if !b.canSave() {
		return
	}
	b.dismissPopups()
	draft := b.draft
	b.saver.run(b.body, b.saveButtons, func() error {
		err := write()
		if err == nil {
			draft.discard()
		}
		return err
	}, func(err error) {
		if err != nil {
			if !b.form.ShowErrors(err) {
				b.u.showError(err)
			}
			b.relayout()
			return
		}
		b.finish()
		if b.inline() {
			// The form stays and now holds what is stored; its draft went
			// with the save.
			b.keep(b.key)
			b.begin()
		}
		if saved != nil {
			saved()
		}
		if !b.reloadsItself {
			b.u.dataChanged()
		}
	})
}
