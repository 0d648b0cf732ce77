// Package datatest builds stores for tests: a fresh database in a temporary
// directory with a controllable clock, and helpers that fill it.
package datatest

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Clock is a settable fake clock; every reading advances it by Step.
type Clock struct {
	mu   sync.Mutex
	t    time.Time
	Step time.Duration
}

// NewClock starts a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t, Step: time.Millisecond} }

// Now returns the current fake time and advances it.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.t
	c.t = c.t.Add(c.Step)
	return t
}

// Set moves the clock.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Epoch is the default start of fake clocks.
var Epoch = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// Open returns a store in t.TempDir() with a fake clock, closed when the test ends.
func Open(t testing.TB) (*data.Store, *Clock) {
	t.Helper()
	return OpenAt(t, filepath.Join(t.TempDir(), data.DBFileName))
}

// OpenAt opens a store at path with a fake clock.
func OpenAt(t testing.TB, path string) (*data.Store, *Clock) {
	t.Helper()
	clk := NewClock(Epoch)
	s, err := data.Open(path, data.Options{Now: clk.Now})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clk
}

// Org creates a client company (an SME) with the given name (and optional
// org number) or fails the test.
func Org(t testing.TB, s *data.Store, name, orgnr string) domain.Organisation {
	t.Helper()
	o := domain.Organisation{Name: name, OrgNr: orgnr, Kind: domain.KindSME}
	if err := s.CreateOrganisation(context.Background(), &o); err != nil {
		t.Fatalf("create organisation %q: %v", name, err)
	}
	return o
}

// Visit creates a visit on date to the organisations, or fails the test.
func Visit(t testing.TB, s *data.Store, date, notes string, orgIDs ...string) domain.Visit {
	t.Helper()
	v := domain.Visit{Date: date, OrgIDs: orgIDs, Notes: notes, Minutes: 60}
	if err := s.CreateVisit(context.Background(), &v); err != nil {
		t.Fatalf("create visit: %v", err)
	}
	return v
}

// Dump returns the store's canonical dump.
func Dump(t testing.TB, s *data.Store) string {
	t.Helper()
	var b strings.Builder
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatalf("dump: %v", err)
	}
	return b.String()
}
