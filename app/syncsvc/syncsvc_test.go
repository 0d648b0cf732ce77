package syncsvc

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/exchange"
)

// clock is a wall clock the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// handTicker ticks when the test sends on ticks (unbuffered: a send returns
// once the schedule has taken the tick) and records its period and stop.
type handTicker struct {
	ticks   chan time.Time
	period  time.Duration
	stopped chan struct{}
}

func newHandTicker() *handTicker {
	return &handTicker{ticks: make(chan time.Time), stopped: make(chan struct{})}
}

func (h *handTicker) new(d time.Duration) (<-chan time.Time, func()) {
	h.period = d
	return h.ticks, func() { close(h.stopped) }
}

// The schedule syncs when the window opens and on every tick while the
// automatic sync is on, records each sync's result at its time, skips ticks
// while it is off, and ends on Stop.
func TestTheScheduleSyncsOnStartAndEveryTickWhileOn(t *testing.T) {
	st, _ := datatest.Open(t)
	clk := &clock{t: time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)}
	tick := newHandTicker()
	s := New(st, Options{Now: clk.Now, Ticker: tick.new})
	folder := t.TempDir()
	if err := s.SetFolder(folder); err != nil {
		t.Fatal(err)
	}
	datatest.Org(t, st, "Storsjö Kajak AB", "")

	synced := make(chan exchange.Result, 1)
	s.Start(func() {
		res, ran, err := s.SyncNow(false, nil, nil, nil)
		if !ran || err != nil {
			t.Errorf("a scheduled sync: ran %v, %v", ran, err)
		}
		synced <- res
	})
	if res := <-synced; len(res.Written) != 1 {
		t.Fatalf("the sync on start wrote %d bundles, want 1", len(res.Written))
	}
	if tick.period != Every {
		t.Errorf("the schedule ticks every %v, want %v", tick.period, Every)
	}
	last := s.LastSync()
	if last == nil || !last.At.Equal(clk.Now()) || last.Written != 1 || last.Error != "" {
		t.Fatalf("the last sync after the start: %+v", last)
	}

	clk.Set(clk.Now().Add(Every))
	datatest.Org(t, st, "Åre Fjällguide AB", "")
	tick.ticks <- clk.Now()
	<-synced
	if last := s.LastSync(); last == nil || !last.At.Equal(clk.Now()) || last.Written != 1 {
		t.Fatalf("the last sync after a tick: %+v", last)
	}

	if err := s.SetAutoSync(false); err != nil {
		t.Fatal(err)
	}
	before := s.LastSync().At
	clk.Set(clk.Now().Add(Every))
	tick.ticks <- clk.Now()
	s.Stop() // returns once the schedule has done what the tick asked
	select {
	case <-tick.stopped:
	default:
		t.Error("Stop left the ticker running")
	}
	if got := s.LastSync().At; !got.Equal(before) {
		t.Errorf("a tick with the automatic sync off synced at %v", got)
	}
	s.Stop() // a second Stop (the window closing twice) does nothing
}

// The automatic sync leaves a folder it cannot reach for later and records
// nothing; a sync the user asks for tries it and records why it failed, in
// the words given.
func TestAnUnreachableFolderIsRecordedOnlyWhenAsked(t *testing.T) {
	st, _ := datatest.Open(t)
	at := time.Date(2026, 11, 27, 14, 30, 0, 0, time.UTC)
	s := New(st, Options{Now: func() time.Time { return at }})
	usb := filepath.Join(t.TempDir(), "usb")
	if err := os.Mkdir(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFolder(usb); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(usb); err != nil {
		t.Fatal(err)
	}
	if _, ran, _ := s.SyncNow(false, func() { t.Error("an automatic sync started with the folder gone") }, nil, nil); ran {
		t.Error("an automatic sync ran with the folder gone")
	}
	if l := s.LastSync(); l != nil {
		t.Fatalf("an automatic sync that did not run was recorded: %+v", l)
	}

	_, ran, err := s.SyncNow(true, nil, func(err error) string { return "Mappen finns inte: " + usb }, nil)
	var xerr *exchange.Error
	if !ran || !errors.As(err, &xerr) || xerr.Code != exchange.CodeFolderMissing {
		t.Fatalf("a sync asked for: ran %v, %v", ran, err)
	}
	l := s.LastSync()
	if l == nil || l.Error != "Mappen finns inte: "+usb || !l.At.Equal(at) {
		t.Fatalf("the failed sync's record: %+v", l)
	}
	if s.Folder() != usb {
		t.Errorf("a failed sync changed the shared folder to %q", s.Folder())
	}
}

// One sync at a time: a sync asked for while one runs does not start.
func TestASyncIsNotStartedTwice(t *testing.T) {
	st, _ := datatest.Open(t)
	s := New(st, Options{})
	if err := s.SetFolder(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	inner := true
	_, ran, err := s.SyncNow(true, func() {
		if !s.Running() {
			t.Error("not running while under way")
		}
		_, inner, _ = s.SyncNow(true, func() { t.Error("a second sync started") }, nil, nil)
	}, nil, nil)
	if !ran || err != nil || inner {
		t.Fatalf("first ran %v (%v), second ran %v", ran, err, inner)
	}
	if s.Running() {
		t.Error("still running after the sync ended")
	}
}

// A folder that cannot be used is not kept; the chosen one stays.
func TestSetFolderKeepsOnlyAUsableFolder(t *testing.T) {
	st, _ := datatest.Open(t)
	s := New(st, Options{})
	good := t.TempDir()
	if err := s.SetFolder(good); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFolder(filepath.Join(good, "not-there")); err == nil {
		t.Error("a missing folder was accepted")
	}
	if s.Folder() != good {
		t.Errorf("shared folder %q, want %q", s.Folder(), good)
	}
	if err := s.SetFolder(""); err != nil || s.Folder() != "" {
		t.Errorf("forgetting the folder: %q, %v", s.Folder(), err)
	}
	if _, ran, _ := s.SyncNow(true, nil, nil, nil); ran {
		t.Error("a sync ran without a shared folder")
	}
}
