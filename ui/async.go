package ui

import (
	"sync/atomic"
	"time"
)

// newest runs load off the UI goroutine and shows its result on the UI
// goroutine — unless a newer call on the same counter came meanwhile, so
// typing never waits for, or flashes, a stale result. Errors go to showError.
func newest[T any](u *UI, gen *atomic.Int64, load func() (T, error), show func(T)) {
	g := gen.Add(1)
	u.background(func() func() {
		v, err := load()
		if gen.Load() != g {
			return nil
		}
		return func() {
			if gen.Load() != g {
				return
			}
			if err != nil {
				u.showError(err)
				return
			}
			show(v)
		}
	})
}

// debounce runs a function on the UI goroutine once typing pauses: each
// call restarts the wait. The waiting counts as pending work for WaitIdle.
type debounce struct {
	u     *UI
	delay time.Duration
	timer *time.Timer
}

func (d *debounce) run(fn func()) {
	d.stop()
	d.u.pending.Add(1)
	d.timer = time.AfterFunc(d.delay, func() {
		defer d.u.pending.Done()
		d.u.deliver(fn, true)
	})
}

// stop cancels a waiting call.
func (d *debounce) stop() {
	if d.timer != nil && d.timer.Stop() {
		d.u.pending.Done() // the stopped call will never run
	}
	d.timer = nil
}
