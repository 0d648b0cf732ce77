package exchange_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/exchange"
)

// Environment of the second process in TestTwoProcessesSyncingOneDatabase.
const (
	envChildDB     = "ILSA_TEST_SYNC_CHILD_DB"
	envChildFolder = "ILSA_TEST_SYNC_CHILD_FOLDER"
	envChildReady  = "ILSA_TEST_SYNC_CHILD_READY"
	envChildGo     = "ILSA_TEST_SYNC_CHILD_GO"
)

// waitForFile polls for a file another process or goroutine creates;
// failed, if set, says the other side gave up.
func waitForFile(t *testing.T, path string, failed func() error) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute) // only against a hung test, not a timing assertion
	for {
		if _, err := os.Stat(path); err == nil {
			return
		}
		if failed != nil {
			if err := failed(); err != nil {
				t.Fatal(err)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never appeared", path)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// touch creates a signal file (from any goroutine).
func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Error(err)
	}
}

// Two processes sync one database with one folder at once — the desktop
// app's automatic sync and `ilsa sync`. The second process stops inside its
// write step; this one syncs meanwhile, then lets it go on. This device's
// changes must be written once, under one name: two bundles of one range
// with other content (each has its own creation time) would be quarantined
// by every other device.
func TestTwoProcessesSyncingOneDatabase(t *testing.T) {
	if db := os.Getenv(envChildDB); db != "" {
		childSync(t, db)
		return
	}
	a := newDevice(t)
	for _, n := range []string{"Sollefteå Sågverk AB", "Kramfors Kaj AB", "Härnösand Hamn AB"} {
		a.org(n)
	}
	folder, signals := t.TempDir(), t.TempDir()
	ready, goOn := filepath.Join(signals, "ready"), filepath.Join(signals, "go")
	child := exec.Command(os.Args[0], "-test.run=^TestTwoProcessesSyncingOneDatabase$", "-test.count=1", "-test.v")
	child.Env = append(os.Environ(), envChildDB+"="+a.path, envChildFolder+"="+folder, envChildReady+"="+ready, envChildGo+"="+goOn)
	out, err := os.CreateTemp(signals, "child-output")
	if err != nil {
		t.Fatal(err)
	}
	child.Stdout, child.Stderr = out, out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- child.Wait() }()
	var childErr error
	childDone := false
	waitForFile(t, ready, func() error {
		select {
		case childErr = <-exited:
			childDone = true
			b, _ := os.ReadFile(out.Name())
			return errors.New("the second process ended before its write step: " + string(b))
		default:
			return nil
		}
	})

	// The second process is in its write step. Sync here; when this sync
	// has to wait, or else when it is done, let the other go on.
	done := make(chan error, 1)
	go func() {
		_, err := exchange.Sync(ctx, a.s, folder, exchange.Options{App: "parent",
			Now:     func() time.Time { return time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC) },
			Waiting: func() { touch(t, goOn) }})
		touch(t, goOn)
		done <- err
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !childDone {
		childErr = <-exited
	}
	if childErr != nil {
		b, _ := os.ReadFile(out.Name())
		t.Fatalf("second process: %v\n%s", childErr, b)
	}

	if got := bundles(t, folder, a.s.DeviceID()); len(got) != 1 {
		t.Fatalf("this device's changes were written as %d bundles: %v", len(got), got)
	}
	b := newDevice(t)
	res := b.sync(folder)
	if len(res.Files) != 0 || len(res.Imported) != 1 {
		t.Fatalf("another device: imported %+v, files %+v", res.Imported, res.Files)
	}
	if a.dump() != b.dump() {
		t.Fatal("the other device did not get this one's state")
	}
}

// childSync is the second process: it syncs the database at db and stops
// inside its write step until the first process says go.
func childSync(t *testing.T, db string) {
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first := true
	create := func(dir, pattern string) (exchange.TempFile, error) {
		if first {
			first = false
			touch(t, os.Getenv(envChildReady))
			waitForFile(t, os.Getenv(envChildGo), nil)
		}
		return os.CreateTemp(dir, pattern)
	}
	_, err = exchange.Sync(ctx, s, os.Getenv(envChildFolder), exchange.Options{App: "child", CreateTemp: create,
		Now: func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
}
