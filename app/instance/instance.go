// Package instance keeps one desktop window per data folder. The first window
// holds a lock file in the folder and listens on a local socket; a second
// start finds the lock taken and asks the first window to come to the front
// instead of opening a second window on the same data. The command line
// does not take part: it may run beside the window (every write is safe
// across processes).
package instance

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// LockFileName is the lock file the window holds in its data folder.
const LockFileName = "ilsa.window.lock"

// raiseRequest is what a second start sends; the first answers raiseAck.
const (
	raiseRequest = "raise\n"
	raiseAck     = "ok\n"
)

// ErrInUse means another window holds the data folder.
var ErrInUse = errors.New("instance: the data folder is open in another window")

// InUseError says the data folder is open in another ILSA Coach window that
// could not be brought to the front; it carries its own message key.
type InUseError struct {
	Dir string
	Err error // why the other window did not answer
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("the data folder %s is open in another ILSA Coach window (%v)", e.Dir, e.Err)
}

func (e *InUseError) Unwrap() error { return ErrInUse }

// MessageKey names the translated sentence.
func (e *InUseError) MessageKey() (string, []any) {
	return "error.instance.in_use", []any{"Dir", e.Dir}
}

// Primary is the one window's hold on a data folder.
type Primary struct {
	lock *flock.Flock
	ln   net.Listener
	sock string
	mu   sync.Mutex
	on   func()
	done chan struct{}
}

// Acquire takes the data folder for this window. It returns ErrInUse when
// another window holds it (then call Raise).
func Acquire(dir string) (*Primary, error) {
	l := flock.New(filepath.Join(dir, LockFileName))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", l.Path(), err)
	}
	if !ok {
		return nil, ErrInUse
	}
	p := &Primary{lock: l, sock: socketPath(dir), done: make(chan struct{})}
	// We hold the lock, so a socket file left there is a crashed window's.
	os.Remove(p.sock)
	if p.ln, err = net.Listen("unix", p.sock); err != nil {
		// The window works without it; a second start then says the folder
		// is in use instead of raising this window.
		p.ln = nil
		close(p.done)
		return p, nil
	}
	go p.serve()
	return p, nil
}

// OnRaise sets what to do when a second start asks for this window (called
// on a goroutine of the listener's: wrap widget work in fyne.Do).
func (p *Primary) OnRaise(fn func()) {
	p.mu.Lock()
	p.on = fn
	p.mu.Unlock()
}

func (p *Primary) serve() {
	defer close(p.done)
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.answer(c)
	}
}

// answer reads one request; anything else than a raise request is ignored,
// so a stray connection cannot make the window do anything else.
func (p *Primary) answer(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, len(raiseRequest))
	if _, err := readFull(c, buf); err != nil || string(buf) != raiseRequest {
		return
	}
	p.mu.Lock()
	fn := p.on
	p.mu.Unlock()
	if fn != nil {
		fn()
	}
	c.Write([]byte(raiseAck))
}

func readFull(c net.Conn, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := c.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Close lets go of the data folder.
func (p *Primary) Close() error {
	if p.ln != nil {
		p.ln.Close()
		<-p.done
		os.Remove(p.sock)
	}
	return p.lock.Unlock()
}

// Raise asks the window holding dir to come to the front. It returns an
// *InUseError when that window does not answer.
func Raise(dir string) error {
	c, err := net.DialTimeout("unix", socketPath(dir), 2*time.Second)
	if err != nil {
		return &InUseError{Dir: dir, Err: err}
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Write([]byte(raiseRequest)); err != nil {
		return &InUseError{Dir: dir, Err: err}
	}
	buf := make([]byte, len(raiseAck))
	if _, err := readFull(c, buf); err != nil || string(buf) != raiseAck {
		if err == nil {
			err = errors.New("unexpected answer")
		}
		return &InUseError{Dir: dir, Err: err}
	}
	return nil
}

// socketPath is the socket beside the lock, or, when the data folder's path
// is too long for a socket address (about 100 bytes on Linux and macOS), one
// in the temporary folder named by a hash of the data folder.
func socketPath(dir string) string {
	p := filepath.Join(dir, "ilsa.window.sock")
	if len(p) < 100 {
		return p
	}
	h := sha256.Sum256([]byte(dir))
	return filepath.Join(os.TempDir(), "ilsa-"+hex.EncodeToString(h[:8])+".sock")
}
