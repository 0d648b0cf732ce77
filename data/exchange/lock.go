package exchange

import (
	"context"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"eu.ilsa.coach/ilsa/data"
)

// lockRetry is how often a sync waiting for another one tries the lock.
const lockRetry = 50 * time.Millisecond

// lockDatabase takes the sync lock of st's database, an exclusive lock on
// a file beside it, so that two processes on one database — the desktop
// app's automatic sync and `ilsa sync` — never sync at once: both would
// write this device's new changes, twice under two names (the others would
// quarantine one as the same range with other content). waiting, if set,
// is called once when another sync holds the lock. The lock goes with the
// process, so a crash cannot leave it held. (github.com/gofrs/flock, as
// the window's lock on its data folder: flock on Unix, LockFileEx on Windows.)
func lockDatabase(ctx context.Context, st *data.Store, waiting func()) (unlock func(), err error) {
	if st.ReadOnly() {
		return nil, &data.ReadOnlyError{Dir: filepath.Dir(st.Path())}
	}
	l := flock.New(st.Path() + ".sync-lock")
	for told := false; ; told = true {
		ok, err := l.TryLock()
		if err != nil {
			return nil, err
		}
		if ok {
			return func() { l.Close() }, nil // closing releases the lock
		}
		if !told && waiting != nil {
			waiting()
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockRetry):
		}
	}
}
