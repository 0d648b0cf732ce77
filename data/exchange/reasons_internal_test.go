package exchange

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// TestFileFault: an import error the bundle caused records the file as
// failed (refused) and the sync goes on; one of this computer (a full disk,
// a locked database, a cancelled sync) stops the sync, so that a sound
// bundle is never recorded as failed and skipped until it changes.
func TestFileFault(t *testing.T) {
	live := context.Background()
	cancelled, cancel := context.WithCancel(live)
	cancel()
	for _, tc := range []struct {
		ctx  context.Context
		err  error
		file bool
	}{
		{live, sqlite3.Error{Code: sqlite3.ErrTooBig}, true},
		{live, fmt.Errorf("apply: %w", sqlite3.Error{Code: sqlite3.ErrConstraint}), true},
		{live, errors.New("field name: want a string"), true},
		{live, sqlite3.Error{Code: sqlite3.ErrFull}, false},
		{live, sqlite3.Error{Code: sqlite3.ErrIoErr}, false},
		{live, sqlite3.Error{Code: sqlite3.ErrBusy}, false},
		{live, sqlite3.Error{Code: sqlite3.ErrReadonly}, false},
		{live, &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, false},
		{cancelled, context.Canceled, false},
		{cancelled, sqlite3.Error{Code: sqlite3.ErrTooBig}, false},
	} {
		if got := fileFault(tc.ctx, tc.err); got != tc.file {
			t.Errorf("%v: file's fault %v, want %v", tc.err, got, tc.file)
		}
	}
	out := pendingOutcome("b.bundle", &refusedError{sqlite3.Error{Code: sqlite3.ErrTooBig}})
	if !out.failed || out.report.Reason != ReasonRefused || out.report.Action != ActionPending {
		t.Fatalf("%+v", out.report)
	}
}
