package data

import (
	"database/sql"
	"sync"
)

// checkpointer copies the write-ahead log back into the database file on a
// connection and goroutine of its own, after each commit, instead of inside
// the commit that crosses SQLite's threshold (wal_autocheckpoint, switched
// off on the writer). A sync that imports ten bundles thus copies the first
// bundle's pages while it applies the second, on the other core, and the
// writer — the import, or the advisor's next save — never waits for a
// checkpoint. SQLite's documentation suggests exactly this for applications
// that cannot afford the pause. A PASSIVE checkpoint never blocks the
// writer or readers; a reader that holds an old snapshot only makes it stop
// early, and the next one finishes. Close stops it; closing the last
// connection checkpoints whatever is left, as before.
type checkpointer struct {
	db   *sql.DB
	kick chan struct{}
	stop chan struct{}
	done chan struct{}

	closing sync.Once
	mu      sync.Mutex
	err     error // the last checkpoint's error
	active  bool  // a checkpoint is asked for or running
	stopped bool  // run has returned: wake does nothing
	idle    *sync.Cond
}

func startCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	c.idle = sync.NewCond(&c.mu)
	go c.run()
	return c
}

// wake asks for a checkpoint soon; wakes while one runs fold into one more.
func (c *checkpointer) wake() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return
	}
	c.active = true
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) run() {
	defer close(c.done)
	defer func() { // stopped: nobody waits for a checkpoint that will not come
		c.mu.Lock()
		c.active, c.stopped = false, true
		c.idle.Broadcast()
		c.mu.Unlock()
	}()
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		_, err := c.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
		c.mu.Lock()
		c.err = err
		if len(c.kick) == 0 {
			c.active = false
			c.idle.Broadcast()
		}
		c.mu.Unlock()
	}
}

func (c *checkpointer) close() error {
	if c == nil {
		return nil
	}
	c.closing.Do(func() { close(c.stop) })
	<-c.done
	return c.db.Close()
}
