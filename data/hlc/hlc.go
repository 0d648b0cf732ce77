// Package hlc implements hybrid logical clock timestamps: a total order over
// every change made on every device that stays close to real time.
//
// A Timestamp packs 48 bits of wall-clock milliseconds and a 16-bit counter.
// Ties between devices are broken by the device id, outside this package.
package hlc

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

// Timestamp is wall-clock milliseconds << 16 | logical counter.
type Timestamp uint64

// MaxDrift is how far ahead of our own clock a remote timestamp may be before
// it is treated as coming from a broken clock: it is still applied (its value
// is kept), but our clock does not jump forward to it.
const MaxDrift = 24 * time.Hour

// Max is the latest timestamp a change may carry: the first moment of 2200.
// Every clock the sync engine accepts lies in 1..Max, so arithmetic on
// clocks (an edit stamped just past the value it replaces) can never wrap
// around, and every clock has a date in the calendar (year ≤ 9999) that
// JSON and the screens can print. The bound is the same on every device, so
// all devices refuse the same changes and still agree. A laptop whose clock
// runs years ahead stays far below it.
var Max = FromTime(time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC))

// Valid reports whether t is a clock the engine accepts: 1..Max.
func (t Timestamp) Valid() bool { return t != 0 && t <= Max }

// Next is the timestamp just after t, never past Max (checked arithmetic:
// at Max it stays there, and the caller's tie-breaks decide).
func (t Timestamp) Next() Timestamp {
	if t >= Max {
		return Max
	}
	return t + 1
}

// FromTime returns the timestamp for t with counter zero.
// Times before 1970 (a laptop whose battery died) read as 0, times past
// what 48 bits of milliseconds hold as their largest value: never wrapped.
func FromTime(t time.Time) Timestamp {
	ms := t.UnixMilli()
	if ms < 0 {
		return 0
	}
	if ms >= 1<<48 {
		return Timestamp(1<<48-1) << 16
	}
	return Timestamp(uint64(ms) << 16)
}

// Millis is the wall-clock part in Unix milliseconds.
func (t Timestamp) Millis() int64 { return int64(t >> 16) }

// Time is the wall-clock part as a time.Time in UTC.
func (t Timestamp) Time() time.Time { return time.UnixMilli(t.Millis()).UTC() }

// String is a fixed-width hex form that sorts like the number.
func (t Timestamp) String() string { return fmt.Sprintf("%016x", uint64(t)) }

// Parse reads the String form.
func Parse(s string) (Timestamp, error) {
	v, err := strconv.ParseUint(s, 16, 64)
	if err != nil {
		return 0, fmt.Errorf("hlc: bad timestamp %q", s)
	}
	return Timestamp(v), nil
}

// Clock hands out strictly increasing timestamps. It is safe for concurrent use.
type Clock struct {
	mu   sync.Mutex
	now  func() time.Time
	last Timestamp
}

// NewClock returns a clock reading physical time from now (time.Now when nil);
// tests inject a fake.
func NewClock(now func() time.Time) *Clock {
	if now == nil {
		now = time.Now
	}
	return &Clock{now: now}
}

// Now returns a timestamp greater than every timestamp returned or observed before.
func (c *Clock) Now() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	phys := min(FromTime(c.now()), Max)
	if phys > c.last {
		c.last = phys
	} else {
		c.last = c.last.Next()
	}
	return c.last
}

// Observe moves the clock past a remote timestamp so that later local edits
// order after it. A timestamp more than MaxDrift ahead of physical time is not
// followed, so one device with a broken clock cannot drag every other device's
// clock (and with it every later edit) into the future. It reports whether the
// timestamp was too far ahead.
func (c *Clock) Observe(remote Timestamp) (tooFarAhead bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	limit := FromTime(c.now().Add(MaxDrift))
	if remote > limit || remote > Max {
		return true
	}
	if remote > c.last {
		c.last = remote
	}
	return false
}

// Set restores the clock's last value (from the database at start-up).
func (c *Clock) Set(last Timestamp) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if last > c.last && last <= Max {
		c.last = last
	}
}

// Last returns the last timestamp handed out or observed.
func (c *Clock) Last() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}
