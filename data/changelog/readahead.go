package changelog

import (
	"context"
	"io"
)

// readAhead reads a bundle's changes on a goroutine of their own, a window
// at a time, and prepares them (prepare.go), while the caller applies the
// previous window: decompressing, decoding and preparing cost about a
// quarter of an import, and with two cores they need not wait for the
// database. Memory stays flat: readAheadWindows windows of importWindow
// changes circulate between the two goroutines.
type readAhead struct {
	full  chan *window  // windows read, in order
	free  chan *window  // windows applied, to be filled again
	stop  chan struct{} // closed by close: the reader gives up
	done  chan struct{} // closed when the reader has returned
	err   error         // why reading ended (io.EOF: the end); valid after full is closed
	spare *window       // the window the caller holds
}

// window is a run of changes and what was prepared for each.
type window struct {
	changes []Change
	prep    []prepared
}

// readAheadWindows is how many windows exist: one being applied, one being
// read, one ready.
const readAheadWindows = 3

// importWindowBytes bounds the values (and ids) of one window.
const importWindowBytes = 4 << 20

// startReadAhead starts reading next. The caller must call close, which
// waits for the reader, before it touches what next reads from.
func startReadAhead(ctx context.Context, next func() (Change, error)) *readAhead {
	r := &readAhead{
		full: make(chan *window, readAheadWindows),
		free: make(chan *window, readAheadWindows),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	for range readAheadWindows {
		r.free <- &window{changes: make([]Change, 0, importWindow), prep: make([]prepared, importWindow)}
	}
	go r.run(ctx, next)
	return r
}

func (r *readAhead) run(ctx context.Context, next func() (Change, error)) {
	defer close(r.done)
	defer close(r.full)
	for {
		var w *window
		select {
		case w = <-r.free:
		case <-r.stop:
			return
		}
		w.changes = w.changes[:0]
		// A window ends at importWindow changes or importWindowBytes of
		// values, whichever comes first: a bundle of long values (up to
		// bundle.MaxValue each) must not hold windows of gigabytes.
		size := 0
		for len(w.changes) < importWindow && size < importWindowBytes {
			if err := ctx.Err(); err != nil {
				r.err = err
				break
			}
			c, err := next()
			if err != nil {
				if err != io.EOF {
					err = &BundleReadError{Err: err}
				}
				r.err = err
				break
			}
			w.prep[len(w.changes)].prepare(&c)
			w.changes = append(w.changes, c)
			size += len(c.Value) + len(c.ID)
		}
		if len(w.changes) > 0 {
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

// next hands the next window of changes to the caller, taking back the
// one it held. At the end it returns nil and why reading ended: io.EOF
// after the last change, the error of next as *BundleReadError, or the
// context's.
func (r *readAhead) next() (*window, error) {
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
