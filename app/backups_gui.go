package app

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/backup"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
)

// autoBackupEvery is how often the window checks whether today's backup
// is made (it is made at start, and again when the day changes while the
// window stays open).
const autoBackupEvery = time.Hour

// autoBackupAfter is how long after the start the first check waits.
const autoBackupAfter = 30 * time.Second

// windowBackups is the window's ui.Backups: the rolling backups of its
// data folder, the automatic one, and a restore arranged for when the
// window has closed (a database cannot be replaced under an open store).
type windowBackups struct {
	st      *data.Store
	dataDir string
	now     func() time.Time

	mu      sync.Mutex
	lastErr error
	pending string // the file to restore once the window has closed
}

func newWindowBackups(st *data.Store, dataDir string, now func() time.Time) *windowBackups {
	return &windowBackups{st: st, dataDir: dataDir, now: now}
}

func (b *windowBackups) List() ([]ui.BackupInfo, error) {
	list, err := backup.List(b.dataDir)
	out := make([]ui.BackupInfo, len(list))
	for i, x := range list {
		out[i] = ui.BackupInfo{Path: x.Path, Time: x.Time, Size: x.Size}
	}
	return out, err
}

func (b *windowBackups) Erase(ctx context.Context) error {
	er, err := b.st.Erasures(ctx)
	if err != nil {
		return err
	}
	return backup.Erase(ctx, b.dataDir, er)
}

func (b *windowBackups) BackUpNow(ctx context.Context) (ui.BackupInfo, error) {
	x, err := backup.Now(ctx, b.st, b.dataDir, b.now())
	b.setLastErr(err)
	return ui.BackupInfo{Path: x.Path, Time: x.Time, Size: x.Size}, err
}

func (b *windowBackups) Restore(ctx context.Context, file string) error {
	if err := backup.Check(ctx, file); err != nil {
		return err
	}
	b.mu.Lock()
	b.pending = file
	b.mu.Unlock()
	return nil
}

func (b *windowBackups) LastError() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.lastErr
}

func (b *windowBackups) setLastErr(err error) {
	b.mu.Lock()
	b.lastErr = err
	b.mu.Unlock()
}

// pendingRestore is the file a restore was confirmed for ("" if none).
func (b *windowBackups) pendingRestore() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pending
}

// run makes today's backup soon after start (when first fires) and then
// checks every hour (tick) until ctx ends. It runs beside the window, and
// waits until the window is up: copying a large database competes with
// the start for the disk and the processor.
func (b *windowBackups) run(ctx context.Context, first, tick <-chan time.Time) {
	select {
	case <-ctx.Done():
		return
	case <-first:
	}
	for {
		_, err := backup.Daily(ctx, b.st, b.dataDir, b.now())
		if ctx.Err() != nil {
			return
		}
		b.setLastErr(err)
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
	}
}

// noticeFile keeps, in the backups folder, what a restore did until the
// window that opens next has shown it.
const noticeFile = "restore-notice.txt"

// restoreAndReopen restores file over the data folder's database (the
// window and its store are closed by now), leaves what happened for the
// next window to say, and starts the app again.
func restoreAndReopen(dataDir, file string, now time.Time, tr *translations.Localizer) error {
	res, err := backup.Restore(context.Background(), dataDir, file, now)
	notice := restoreNotice(tr, dataDir, file, res, err)
	_ = os.WriteFile(filepath.Join(backup.Dir(dataDir), noticeFile), []byte(notice), backup.Perm)
	exe, xerr := os.Executable()
	if xerr == nil {
		cmd := exec.Command(exe, os.Args[1:]...)
		xerr = cmd.Start()
	}
	return errors.Join(err, xerr)
}

// restoreNotice says in the user's words what a restore did.
func restoreNotice(tr *translations.Localizer, dataDir, file string, res backup.Restored, err error) string {
	if err != nil {
		return tr.T("ui.backups.restore_failed", "Reason", tr.Error(err))
	}
	msg := tr.T("cli.restore.done", "File", file, "Dir", dataDir)
	if res.Replaced != "" {
		msg += "\n" + tr.T("cli.restore.replaced", "Path", res.Replaced)
	}
	if !res.KeptIdentity {
		msg += "\n" + tr.T("ui.backups.sync_brings_back")
	}
	return msg
}

// takeNotice reads and removes what the last restore left to say.
func takeNotice(dataDir string) string {
	path := filepath.Join(backup.Dir(dataDir), noticeFile)
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	b, _ := io.ReadAll(io.LimitReader(f, 4096))
	f.Close()
	os.Remove(path)
	return string(b)
}
