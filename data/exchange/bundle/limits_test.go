package bundle

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// TestLimits: each limit refuses what is one byte over it and accepts what
// is at it, with its own code (CodeTooLarge), so sync reports the reason.
func TestLimits(t *testing.T) {
	change := func(id, value string) changelog.Change {
		return changelog.Change{Device: "d", Seq: 1, HLC: 1, Entity: "organisation", ID: id, Field: "notes", Value: value}
	}
	quoted := func(n int) string { return `"` + strings.Repeat("x", n-2) + `"` }
	for _, tc := range []struct {
		name string
		c    changelog.Change
		ok   bool
	}{
		{"value at MaxValue", change("o", quoted(MaxValue)), true},
		{"value over MaxValue", change("o", quoted(MaxValue+1)), false},
		{"id at MaxKey", change(strings.Repeat("i", MaxKey), `"x"`), true},
		{"id over MaxKey", change(strings.Repeat("i", MaxKey+1), `"x"`), false},
		// Each string within its own limit, together over MaxChange.
		{"change over MaxChange", change(strings.Repeat("i", MaxKey), quoted(MaxValue)), false},
		{"change at MaxChange", change(strings.Repeat("i", MaxChange-MaxValue-len("d")-len("organisation")-len("notes")), quoted(MaxValue)), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := rawBundle(logHeader("d", 1, 1), Version, EnvelopePlain, []changelog.Change{tc.c}, 1)
			_, got, err := readAll(b)
			if tc.ok && (err != nil || len(got) != 1 || got[0] != tc.c) {
				t.Fatalf("refused: %v", err)
			}
			if !tc.ok && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("got %v, want %v", err, ErrTooLarge)
			}
			// The writer refuses the same, so it never writes what readers refuse.
			w, _ := NewWriter(new(strings.Builder), logHeader("d", 1, 1))
			if err := w.Write(tc.c); (err == nil) != tc.ok || (!tc.ok && !errors.Is(err, ErrTooLarge)) {
				t.Fatalf("writer: %v", err)
			}
		})
	}
}

// TestPayloadLimit: a bundle whose payload inflates beyond the limit is
// refused, though every change in it is within the limits.
func TestPayloadLimit(t *testing.T) {
	defer func(old int64) { maxPayload = old }(maxPayload)
	maxPayload = 1 << 20
	cs := sampleChanges("d", 1, 3)
	for i := range cs {
		cs[i].Value = `"` + strings.Repeat("z", 400<<10) + `"`
	}
	b := rawBundle(logHeader("d", 1, 3), Version, EnvelopePlain, cs, 3)
	if _, got, err := readAll(b); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("read %d changes, err %v", len(got), err)
	}
	b = rawBundle(logHeader("d", 1, 2), Version, EnvelopePlain, cs[:2], 2)
	if _, _, err := readAll(b); err != nil {
		t.Fatalf("a payload under the limit: %v", err)
	}
}

// TestOversizedValueRefusedBeforeAllocating: a bundle that claims (and
// holds) values of 16 MiB costs the reader less memory than one of them.
func TestOversizedValueRefusedBeforeAllocating(t *testing.T) {
	cs := sampleChanges("d", 1, 4)
	for i := range cs {
		cs[i].Value = `"` + strings.Repeat("a", 16<<20) + `"`
	}
	b := rawBundle(logHeader("d", 1, 4), Version, EnvelopePlain, cs, 4)
	cs = nil
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, got, err := readAll(b)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || len(got) != 0 {
		t.Fatalf("read %d changes, err %v", len(got), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2<<20 {
		t.Fatalf("the reader allocated %d bytes before refusing", alloc)
	}
}
