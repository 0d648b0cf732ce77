package data

import (
	"errors"
	"time"

	"github.com/gofrs/flock"
)

// InUseSuffix names the lock file beside the database that every open
// store holds shared (the window and each command alike). A restore takes
// it exclusively, so a database is never replaced under a process that
// has it open: SQLite would go on writing into the file that was moved
// aside, or mix the old write-ahead log into the new file.
const InUseSuffix = ".in-use"

// ErrInUse means another process (the window, a command) has the
// database open, so it cannot be replaced now.
var ErrInUse = errors.New("the database is open in another window or command")

// inUseWait is how long Open waits for a restore in progress to finish.
const inUseWait = 10 * time.Second

// holdShared takes the shared lock of the database at path, waiting while
// a restore holds it exclusively. A folder where the lock file cannot be
// created (read-only) is not locked: nothing can be restored there either.
func holdShared(path string) (*flock.Flock, error) {
	l := flock.New(path + InUseSuffix)
	deadline := time.Now().Add(inUseWait)
	for {
		ok, err := l.TryRLock()
		if err != nil {
			if isReadOnlyErr(err) {
				return nil, nil
			}
			return nil, err
		}
		if ok {
			return l, nil
		}
		if time.Now().After(deadline) {
			return nil, ErrInUse
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// HoldExclusive takes the database's lock for a restore: it fails with
// ErrInUse at once when any store (of this or another process) has the
// database open. unlock releases it.
func HoldExclusive(path string) (unlock func(), err error) {
	l := flock.New(path + InUseSuffix)
	ok, err := l.TryLock()
	if err != nil {
		return nil, err
	}
	if !ok {
		l.Close()
		return nil, ErrInUse
	}
	return func() { l.Close() }, nil
}
