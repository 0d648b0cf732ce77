package ui

import (
	"encoding/json"
	"sync"
	"time"

	"fyne.io/fyne/v2/dialog"
)

// draftKeeper saves a form's content to the local database on every change,
// so a crash or a closed window never loses typed text. Writes happen off the
// UI goroutine and coalesce: while one write runs, only the newest content
// waits to be written next.
type draftKeeper struct {
	u        *UI
	key      string
	snapshot func() any // reads the form (called on the UI goroutine)

	mu      sync.Mutex
	latest  string
	dirty   bool
	writing bool

	io     sync.Mutex // serialises database writes with discard
	closed bool
}

// newDraft keeps drafts under key ("visit:new", "org:<id>", …).
func (u *UI) newDraft(key string, snapshot func() any) *draftKeeper {
	return &draftKeeper{u: u, key: key, snapshot: snapshot}
}

// load reads a stored draft into v; ok is false when there is none.
func (d *draftKeeper) load(v any) (saved time.Time, ok bool) {
	dr, ok, err := d.u.storeForDrafts().Draft(d.key)
	if err != nil || !ok {
		return time.Time{}, false
	}
	if json.Unmarshal([]byte(dr.Body), v) != nil {
		return time.Time{}, false
	}
	return dr.Updated, true
}

// changed records the form's current content (nil: a form that keeps no
// draft).
func (d *draftKeeper) changed() {
	if d == nil {
		return
	}
	b, err := json.Marshal(d.snapshot())
	if err != nil {
		return
	}
	d.mu.Lock()
	d.latest, d.dirty = string(b), true
	start := !d.writing
	d.writing = true
	d.mu.Unlock()
	if start {
		d.u.pending.Add(1)
		go d.writeLoop()
	}
}

func (d *draftKeeper) writeLoop() {
	defer d.u.pending.Done()
	for {
		d.mu.Lock()
		if !d.dirty {
			d.writing = false
			d.mu.Unlock()
			return
		}
		body := d.latest
		d.dirty = false
		d.mu.Unlock()
		d.io.Lock()
		if !d.closed {
			if err := d.u.storeForDrafts().SaveDraft(d.key, body); err != nil {
				d.u.showError(err)
			}
		}
		d.io.Unlock()
	}
}

// discard forgets the draft: the form was saved, or the user threw it away.
func (d *draftKeeper) discard() {
	if d == nil {
		return
	}
	d.io.Lock()
	defer d.io.Unlock()
	d.closed = true
	_ = d.u.storeForDrafts().DeleteDraft(d.key)
}

// askRestore asks whether to bring back the unsaved text of a form, saved
// at saved. answer gets the choice; Esc answers "not now" instead: the
// question and the form close (closeForm) and the draft stays for next
// time. The question is returned so the form can tell it is open.
func (u *UI) askRestore(title, messageKey string, saved time.Time, closeForm func(), answer func(restore bool)) *dialog.ConfirmDialog {
	tr := u.tr
	when := tr.Date(saved.Local()) + " " + saved.Local().Format("15:04")
	q := &draftQuestion{closeForm: closeForm}
	q.dlg = dialog.NewConfirm(title, tr.T(messageKey, "Time", when), func(restore bool) {
		u.popDialog(q)
		if !q.escaped {
			answer(restore)
		}
	}, u.win)
	q.dlg.SetConfirmText(tr.T("ui.visit.draft.restore"))
	q.dlg.SetDismissText(tr.T("ui.form.discard"))
	u.pushDialog(q)
	q.dlg.Show()
	return q.dlg
}

// draftQuestion is askRestore's question on the dialog stack.
type draftQuestion struct {
	dlg       *dialog.ConfirmDialog
	closeForm func()
	escaped   bool
}

func (q *draftQuestion) close() {
	q.escaped = true
	q.dlg.Hide()
	q.closeForm()
}
