package ui

import (
	"encoding/json"
	"sync"
	"time"
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
	dr, ok, err := d.u.store.Draft(d.key)
	if err != nil || !ok {
		return time.Time{}, false
	}
	if json.Unmarshal([]byte(dr.Body), v) != nil {
		return time.Time{}, false
	}
	return dr.Updated, true
}

// changed records the form's current content.
func (d *draftKeeper) changed() {
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
			if err := d.u.store.SaveDraft(d.key, body); err != nil {
				d.u.showError(err)
			}
		}
		d.io.Unlock()
	}
}

// discard forgets the draft: the form was saved, or the user threw it away.
func (d *draftKeeper) discard() {
	d.io.Lock()
	defer d.io.Unlock()
	d.closed = true
	_ = d.u.store.DeleteDraft(d.key)
}
