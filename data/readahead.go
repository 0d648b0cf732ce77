package data

import (
	"context"
	"io"
)

// readAhead reads a bundle's changes on a goroutine of their own, a window
// at a time, while the caller applies the previous window: decompressing and
// decoding a bundle costs about a sixth of an import, and with two cores it
// need not wait for the database. Memory stays flat: readAheadWindows
// windows of importWindow changes circulate between the two goroutines.
type readAhead struct {
	full  chan []Change // windows read, in order
	free  chan []Change // windows applied, to be filled again
	stop  chan struct{} // closed by close: the reader gives up
	done  chan struct{} // closed when the reader has returned
	err   error         // why reading ended (io.EOF: the end); valid after full is closed
	spare []Change      // the window the caller holds
}

// readAheadWindows is how many windows exist: one being applied, one being
// read, one ready.
const readAheadWindows = 3

// startReadAhead starts reading next. The caller must call close, which
// waits for the reader, before it touches what next reads from.
func startReadAhead(ctx context.Context, next func() (Change, error)) *readAhead {
	r := &readAhead{
		full: make(chan []Change, readAheadWindows),
		free: make(chan []Change, readAheadWindows),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	for range readAheadWindows {
		r.free <- make([]Change, 0, importWindow)
	}
	go r.run(ctx, next)
	return r
}

func (r *readAhead) run(ctx context.Context, next func() (Change, error)) {
	defer close(r.done)
	defer close(r.full)
	for {
		var w []Change
		select {
		case w = <-r.free:
		case <-r.stop:
			return
		}
		w = w[:0]
		for len(w) < importWindow {
			if err := ctx.Err(); err != nil {
				r.err = err
				break
			}
			c, err := next()
			if err != nil {
				r.err = err
				break
			}
			w = append(w, c)
		}
		if len(w) > 0 {
			select {
			case r.full <- w:
			case <-r.stop:
				return
			}
		}
		if r.err != nil {
			return
		}
	}
}

// window hands the next window of changes to the caller, taking back the
// one it held. At the end it returns nil and why reading ended: io.EOF
// after the last change, or the error of next or of the context.
func (r *readAhead) window() ([]Change, error) {
	if r.spare != nil {
		r.free <- r.spare
		r.spare = nil
	}
	w, ok := <-r.full
	if !ok {
		<-r.done
		if r.err == nil {
			return nil, io.EOF
		}
		return nil, r.err
	}
	r.spare = w
	return w, nil
}

// close stops the reader and waits for it to return.
func (r *readAhead) close() {
	select {
	case <-r.stop:
	default:
		close(r.stop)
	}
	<-r.done
}
