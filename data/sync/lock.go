package sync

import (
	"context"
	"os"
	"time"

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
// process, so a crash cannot leave it held.
func lockDatabase(ctx context.Context, st *data.Store, waiting func()) (unlock func(), err error) {
	f, err := os.OpenFile(st.Path()+".sync-lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	for told := false; ; told = true {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		if ok {
			return func() { f.Close() }, nil // closing releases the lock
		}
		if !told && waiting != nil {
			waiting()
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(lockRetry):
		}
	}
}
