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
