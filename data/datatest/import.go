package datatest

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
)

// bundles numbers the bundles the helpers make, so that no two share a
// checksum and none is taken for one imported before.
var bundles atomic.Uint64

// ImportChanges imports changes into s as one export bundle, through the
// store's real import path (Store.ImportChanges), as if they had arrived
// from another device in a file: all or nothing, duplicates recognised by
// (device, seq), a (device, seq) with other content kept as a clone.
func ImportChanges(ctx context.Context, s *data.Store, changes []changelog.Change) (changelog.ImportResult, error) {
	meta := changelog.BundleMeta{Device: "datatest", Kind: "export", Count: uint64(len(changes)),
		Hash: fmt.Sprintf("%064x", bundles.Add(1)), File: "datatest"}
	if len(changes) > 0 && changes[0].Device != "" {
		meta.Device = changes[0].Device
	}
	return s.ImportChanges(ctx, meta, Bundle(changes), nil)
}

// Bundle reads changes as a bundle would (a changelog.ChangeReader); import it
// with a BundleMeta that gives its hash.
func Bundle(changes []changelog.Change) changelog.ChangeReader { return &sliceReader{changes: changes} }

type sliceReader struct {
	changes []changelog.Change
	i       int
}

func (r *sliceReader) Next() (changelog.Change, error) {
	if r.i == len(r.changes) {
		return changelog.Change{}, io.EOF
	}
	r.i++
	return r.changes[r.i-1], nil
}

// Sum is empty: a slice has no checksum, so the meta carries the hash.
func (r *sliceReader) Sum() string { return "" }

// Import is ImportChanges, failing the test on an error.
func Import(t testing.TB, s *data.Store, changes []changelog.Change) changelog.ImportResult {
	t.Helper()
	res, err := ImportChanges(context.Background(), s, changes)
	if err != nil {
		t.Fatalf("import %d changes: %v", len(changes), err)
	}
	return res
}
