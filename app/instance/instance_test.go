package instance

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestASecondStartRaisesTheFirstWindow(t *testing.T) {
	dir := t.TempDir()
	p, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	var raised atomic.Int32
	p.OnRaise(func() { raised.Add(1) })
	if _, err := Acquire(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("second Acquire: %v, want ErrInUse", err)
	}
	if err := Raise(dir); err != nil {
		t.Fatalf("Raise: %v", err)
	}
	if raised.Load() != 1 {
		t.Fatalf("window raised %d times, want 1", raised.Load())
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	// Once the first window is gone, the folder is free again.
	q, err := Acquire(dir)
	if err != nil {
		t.Fatalf("Acquire after Close: %v", err)
	}
	q.Close()
}

// A window that holds the lock but does not answer (hung, or an older
// version without the socket): the second start is told the folder is in
// use, with the folder named.
func TestASecondStartIsToldWhenTheFirstDoesNotAnswer(t *testing.T) {
	dir := t.TempDir()
	p, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	p.ln.Close()
	<-p.done
	err = Raise(dir)
	var inUse *InUseError
	if !errors.As(err, &inUse) || inUse.Dir != dir || !errors.Is(err, ErrInUse) {
		t.Fatalf("Raise of a silent window: %v, want *InUseError naming %s", err, dir)
	}
	if key, _ := inUse.MessageKey(); key != "error.instance.in_use" {
		t.Errorf("message key %q", key)
	}
}

// A stray connection that does not speak the protocol changes nothing.
func TestStrayConnectionsDoNotRaise(t *testing.T) {
	dir := t.TempDir()
	p, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var raised atomic.Int32
	p.OnRaise(func() { raised.Add(1) })
	c, err := dialRaw(dir)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("quit\n"))
	buf := make([]byte, 8)
	c.Read(buf)
	c.Close()
	if raised.Load() != 0 {
		t.Fatal("a stray request raised the window")
	}
}

// A lock left by a window that crashed is no lock: the process is gone, so
// the operating system released it, and the socket file it left is removed.
func TestALockFromACrashedWindowIsFree(t *testing.T) {
	if os.Getenv("ILSA_INSTANCE_HOLD") != "" {
		p, err := Acquire(os.Getenv("ILSA_INSTANCE_HOLD"))
		if err != nil {
			os.Exit(3)
		}
		_ = p
		os.Exit(0) // dies holding the lock, without Close
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestALockFromACrashedWindowIsFree$")
	cmd.Env = append(os.Environ(), "ILSA_INSTANCE_HOLD="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("holder: %v %s", err, out)
	}
	if _, err := os.Stat(socketPath(dir)); err != nil {
		t.Fatalf("the crashed window left no socket file to clean up: %v", err)
	}
	p, err := Acquire(dir)
	if err != nil {
		t.Fatalf("Acquire after a crash: %v", err)
	}
	defer p.Close()
	if err := Raise(dir); err != nil {
		t.Fatalf("Raise after taking over: %v", err)
	}
}

func TestLongFoldersUseASocketInTheTemporaryFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("långt-mappnamn-", 8))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if s := socketPath(dir); len(s) >= 100 || !strings.HasPrefix(s, os.TempDir()) {
		t.Fatalf("socket path %q", s)
	}
	p, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var raised atomic.Int32
	p.OnRaise(func() { raised.Add(1) })
	if err := Raise(dir); err != nil || raised.Load() != 1 {
		t.Fatalf("Raise: %v, raised %d", err, raised.Load())
	}
}

func dialRaw(dir string) (interface {
	Write([]byte) (int, error)
	Read([]byte) (int, error)
	Close() error
}, error) {
	return net.Dial("unix", socketPath(dir))
}
