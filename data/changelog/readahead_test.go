package changelog

import (
	"context"
	"errors"
	"io"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
)

// changesUpTo is a next func yielding n changes, then err.
func changesUpTo(n int, err error) func() (Change, error) {
	i := 0
	return func() (Change, error) {
		if i == n {
			return Change{}, err
		}
		i++
		return Change{Device: "d", Seq: uint64(i), HLC: 1 << 40, Entity: domain.EntityOrganisation, ID: "o", Field: "name", Value: `"Åre Kök AB"`}, nil
	}
}

// The read-ahead hands over every change in order, prepared, then io.EOF.
func TestReadAheadHandsOverEveryChangeInOrder(t *testing.T) {
	const n = 3*importWindow + 7
	ra := startReadAhead(context.Background(), changesUpTo(n, io.EOF))
	defer ra.close()
	seq := uint64(0)
	for {
		w, err := ra.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range w.changes {
			seq++
			if c.Seq != seq {
				t.Fatalf("change %d has seq %d", seq, c.Seq)
			}
			if p := w.prep[i]; !p.known || p.col != "Åre Kök AB" || p.sortName != "Åre Kök AB" || p.sortKeys[0] == nil {
				t.Fatalf("change %d prepared as %+v", seq, p)
			}
		}
	}
	if seq != n {
		t.Fatalf("%d changes handed over, want %d", seq, n)
	}
}

// A failing read reaches the caller after the changes before it; a caller
// that stops early does not leave the reader running.
func TestReadAheadStopsOnErrorAndOnClose(t *testing.T) {
	bad := errors.New("truncated")
	ra := startReadAhead(context.Background(), changesUpTo(importWindow+1, bad))
	var got int
	var err error
	for err == nil {
		var w *window
		if w, err = ra.next(); err == nil {
			got += len(w.changes)
		}
	}
	ra.close()
	if !errors.Is(err, bad) || got != importWindow+1 {
		t.Fatalf("%d changes then %v; want %d then %v", got, err, importWindow+1, bad)
	}

	endless := func() (Change, error) { return Change{Device: "d", Seq: 1, Entity: "x", ID: "i"}, nil }
	ra = startReadAhead(context.Background(), endless)
	if _, err := ra.next(); err != nil {
		t.Fatal(err)
	}
	ra.close() // would hang if the reader kept going
	select {
	case <-ra.done:
	default:
		t.Fatal("the reader still runs after close")
	}

	ctx, cancel := context.WithCancel(context.Background())
	ra = startReadAhead(ctx, endless)
	cancel()
	for err = nil; err == nil; _, err = ra.next() {
	}
	ra.close()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v", err)
	}
}
