package hlc

import (
	"testing"
	"time"
)

func TestNowIsStrictlyIncreasingWhenTimeStandsStill(t *testing.T) {
	fixed := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	c := NewClock(func() time.Time { return fixed })
	a, b := c.Now(), c.Now()
	if b <= a {
		t.Fatalf("second timestamp %v not after first %v", b, a)
	}
	if a.Time() != fixed || b.Counter() != 1 {
		t.Fatalf("got wall %v counter %d", a.Time(), b.Counter())
	}
}

func TestNowSurvivesClockGoingBackwards(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	c := NewClock(func() time.Time { return now })
	a := c.Now()
	now = now.Add(-time.Hour)
	if b := c.Now(); b <= a {
		t.Fatalf("clock went backwards: %v then %v", a, b)
	}
}

func TestObserveFollowsNearRemoteButNotFarFuture(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	c := NewClock(func() time.Time { return now })
	near := FromTime(now.Add(time.Minute))
	if c.Observe(near) {
		t.Fatal("a minute ahead was flagged")
	}
	if got := c.Now(); got <= near {
		t.Fatalf("local edit %v does not order after observed %v", got, near)
	}
	far := FromTime(now.AddDate(3, 0, 0))
	if !c.Observe(far) {
		t.Fatal("three years ahead was not flagged")
	}
	if got := c.Now(); got >= far {
		t.Fatalf("clock followed a broken remote clock to %v", got.Time())
	}
}

func TestStringParseRoundTrip(t *testing.T) {
	ts := FromTime(time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)) + 7
	got, err := Parse(ts.String())
	if err != nil || got != ts {
		t.Fatalf("round trip: %v %v", got, err)
	}
	if _, err := Parse("zz"); err == nil {
		t.Fatal("garbage parsed")
	}
}

// A clock can never wrap around, whatever it is fed: a remote value at the
// top of the range is not followed, a restored value past Max is ignored,
// and a physical clock centuries ahead saturates at Max.
func TestClocksAreBoundedAndNeverWrap(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	c := NewClock(func() time.Time { return now })
	for _, bad := range []Timestamp{^Timestamp(0), Max + 1} {
		if !c.Observe(bad) {
			t.Errorf("Observe(%v) not flagged", bad)
		}
		c.Set(bad)
		if got := c.Now(); got > Max || got < FromTime(now) {
			t.Fatalf("after %v the clock reads %v", bad, got)
		}
	}
	if (^Timestamp(0)).Valid() || Timestamp(0).Valid() || (Max + 1).Valid() || !Max.Valid() {
		t.Error("Valid accepts a clock outside 1..Max or refuses Max")
	}
	if Max.Next() != Max || (^Timestamp(0)).Next() != Max || Timestamp(5).Next() != 6 {
		t.Error("Next is not saturating")
	}
	if y := Max.Time().Year(); y != 2200 {
		t.Errorf("Max is in year %d", y)
	}
	future := NewClock(func() time.Time { return time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC) })
	a, b := future.Now(), future.Now()
	if a != Max || b != Max {
		t.Errorf("a clock in 2500 reads %v, %v; want Max", a, b)
	}
	past := NewClock(func() time.Time { return time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC) })
	if got := past.Now(); got != 1 {
		t.Errorf("a clock in 1960 reads %v, want 1 (never wrapped)", got)
	}
	if FromTime(time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC)) < FromTime(now) {
		t.Error("FromTime wraps a far future")
	}
}
