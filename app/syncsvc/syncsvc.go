// Package syncsvc owns this device's sync with the shared folder: which
// folder it is and whether it can be reached, the automatic schedule (once
// when the window opens, then every few minutes until it closes), one sync
// at a time, and the record of the last sync that Today and the Sync screen
// show. The window reaches it through ui.Syncer and `ilsa sync` calls it
// directly, so a sync from either is run and remembered the same way.
package syncsvc

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange"
)

// Every is how often the window syncs while it runs and the automatic sync
// is on.
const Every = 5 * time.Minute

// Options configure a Service; the zero value works.
type Options struct {
	// App is the program version, written into bundles and device.json.
	App string
	// Now is the clock of the last sync's record and the bundles' headers;
	// nil: time.Now.
	Now func() time.Time
	// AfterSync runs after every sync that succeeded: the window reloads its
	// model library, since a project lead may have shared a model.
	AfterSync func()
	// Exchange is the base of every exchange's options (tests inject a
	// folder that refuses files); App, Now and Progress are set over it.
	Exchange exchange.Options
	// Ticker gives a channel that ticks every d, and its stop; nil: a
	// time.Ticker. Tests tick by hand.
	Ticker func(d time.Duration) (ticks <-chan time.Time, stop func())
}

// Service is the sync of one open store.
type Service struct {
	st    *data.Store
	prefs prefs.Prefs
	opt   Options

	running atomic.Bool // a sync of SyncNow is under way

	mu       sync.Mutex
	stop     chan struct{} // closed by Stop
	finished chan struct{} // closed when the schedule has ended
}

// New gives the sync of st, with its settings kept in st.
func New(st *data.Store, opt Options) *Service {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Ticker == nil {
		opt.Ticker = func(d time.Duration) (<-chan time.Time, func()) {
			t := time.NewTicker(d)
			return t.C, t.Stop
		}
	}
	return &Service{st: st, prefs: prefs.New(st), opt: opt}
}

func (s *Service) exchangeOptions(progress func(done, total int64)) exchange.Options {
	o := s.opt.Exchange
	o.App, o.Now, o.Progress = s.opt.App, s.opt.Now, progress
	if o.EraseBackups == nil {
		// An erasure reaches the backups in the data folder too.
		dataDir := filepath.Dir(s.st.Path())
		o.EraseBackups = func(ctx context.Context, er []changelog.Erasure) error { return backup.Erase(ctx, dataDir, er) }
	}
	return o
}

// Folder is the shared folder ("" when none was chosen).
func (s *Service) Folder() string { return s.prefs.SyncFolder() }

// SetFolder keeps folder as the shared folder once it can be used now; ""
// forgets the folder.
func (s *Service) SetFolder(folder string) error {
	if folder != "" {
		if err := exchange.CheckFolder(folder); err != nil {
			return err
		}
	}
	return s.prefs.SetSyncFolder(folder)
}

// AutoSync says whether the window syncs on start and every few minutes.
func (s *Service) AutoSync() bool { return s.prefs.AutoSync() }

// SetAutoSync turns the automatic sync on or off.
func (s *Service) SetAutoSync(on bool) error { return s.prefs.SetAutoSync(on) }

// CheckFolder says whether folder can be synced with now (nil), or why not.
func (s *Service) CheckFolder(folder string) error { return exchange.CheckFolder(folder) }

// LastSync is what the last sync did, whoever ran it (nil: none yet).
func (s *Service) LastSync() *exchange.LastSync { return s.prefs.LastSync() }

// Running says whether a sync of SyncNow is under way.
func (s *Service) Running() bool { return s.running.Load() }

// Sync syncs with folder and records the result as the last sync, its
// error worded by describe (nil: the error's own text). The record is best
// effort: the sync itself is done, and a setting that cannot be written
// must not turn it into a failure.
func (s *Service) Sync(ctx context.Context, folder string, reseed bool, describe func(error) string, progress func(done, total int64)) (exchange.Result, error) {
	opt := s.exchangeOptions(progress)
	opt.Reseed = reseed
	res, err := exchange.Sync(ctx, s.st, folder, opt)
	errText := ""
	if err != nil {
		errText = err.Error()
		if describe != nil {
			errText = describe(err)
		}
	}
	_ = s.prefs.SetLastSync(exchange.NewLastSync(s.opt.Now(), res, errText))
	if err == nil && s.opt.AfterSync != nil {
		s.opt.AfterSync()
	}
	return res, err
}

// Remember keeps folder, just synced with from the command line, as the
// shared folder: the window syncs with it too and reads the models a lead
// puts there.
func (s *Service) Remember(folder string) error { return s.prefs.SetSyncFolder(folder) }

// SyncNow syncs with the shared folder, unless a sync runs already or no
// folder is chosen; ran says whether it did. started is called once the
// sync is under way. An automatic sync (not manual) leaves a folder it
// cannot reach for a later try and records nothing; one the user asked for
// tries it, so the last result says why it failed.
func (s *Service) SyncNow(manual bool, started func(), describe func(error) string, progress func(done, total int64)) (res exchange.Result, ran bool, err error) {
	if !s.running.CompareAndSwap(false, true) {
		return res, false, nil
	}
	defer s.running.Store(false)
	folder := s.Folder()
	if folder == "" {
		return res, false, nil
	}
	if !manual && exchange.CheckFolder(folder) != nil {
		return res, false, nil // offline: try again later
	}
	if started != nil {
		started()
	}
	res, err = s.Sync(context.Background(), folder, false, describe, progress)
	return res, true, err
}

// Start runs sync now and then every Every until Stop, each time only while
// the automatic sync is on. sync is the window's own "sync now", so an
// automatic sync shows its progress like one the user asked for. A second
// Start while the schedule runs does nothing.
func (s *Service) Start(sync func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil {
		return
	}
	stop, finished := make(chan struct{}), make(chan struct{})
	s.stop, s.finished = stop, finished
	ticks, stopTicks := s.opt.Ticker(Every)
	go func() {
		defer close(finished)
		defer stopTicks()
		due := func() {
			if s.AutoSync() {
				sync()
			}
		}
		due()
		for {
			select {
			case <-stop:
				return
			case <-ticks:
				due()
			}
		}
	}()
}

// Stop ends the schedule (the window closed) and returns once it has
// ended; a sync under way goes on to its end.
func (s *Service) Stop() {
	s.mu.Lock()
	stop, finished := s.stop, s.finished
	s.stop, s.finished = nil, nil
	s.mu.Unlock()
	if stop == nil {
		return
	}
	close(stop)
	<-finished
}

// AdvisorOf names the advisor of another device from the shared folder's
// device.json ("" when no folder is chosen or the device is unknown there):
// the conflicts review says whose value is whose.
func (s *Service) AdvisorOf(device string) string {
	folder := s.Folder()
	if folder == "" {
		return ""
	}
	return exchange.AdvisorOf(folder, s.keyDir(), device)
}

// keyDir is where this device keeps its team keys.
func (s *Service) keyDir() string {
	if s.opt.Exchange.KeyDir != "" {
		return s.opt.Exchange.KeyDir
	}
	return exchange.KeyDir(s.st)
}

// BundleFiles lists the bundle files in dir and its subfolders (a folder
// of colleagues' exported files).
func (s *Service) BundleFiles(dir string) ([]string, error) { return exchange.BundleFiles(dir) }

// Export writes one bundle file with everything this device knows and
// returns how many changes it holds.
func (s *Service) Export(path string) (int, error) {
	h, err := exchange.ExportFile(context.Background(), s.st, path, s.exchangeOptions(nil))
	return int(h.Count), err
}

// Import imports bundle files given by hand (a USB stick, an e-mail); it
// is not a sync of the shared folder, so the last sync stays as it was.
func (s *Service) Import(paths []string, progress func(done, total int64)) (exchange.Result, error) {
	return exchange.ImportFiles(context.Background(), s.st, paths, s.exchangeOptions(progress))
}
