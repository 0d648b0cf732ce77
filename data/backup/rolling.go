package backup

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"eu.ilsa.coach/ilsa/data"
)

// lockName is the lock file of the backups folder: one backup written at
// a time, by the window or a command.
const lockName = ".lock"

// Keep: the newest backup of each of the last KeepDaily days that have
// one, and the newest of each of the KeepWeekly weeks before those.
const (
	KeepDaily  = 7
	KeepWeekly = 4
)

// The rolling backups are named by the local time they were made, so they
// sort by name and a person sees when each is from.
const (
	namePrefix = "ilsa-"
	nameLayout = "20060102-150405"
	nameSuffix = ".db"
)

// Info is one backup in the backups folder.
type Info struct {
	Path string
	Time time.Time // when it was made (local time, from its name)
	Size int64
}

// Name is the file name of a rolling backup made at t.
func Name(t time.Time) string { return namePrefix + t.Local().Format(nameLayout) + nameSuffix }

// parseName reads the time from a rolling backup's name.
func parseName(name string) (time.Time, bool) {
	stamp, ok := strings.CutPrefix(name, namePrefix)
	if !ok {
		return time.Time{}, false
	}
	if stamp, ok = strings.CutSuffix(stamp, nameSuffix); !ok {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(nameLayout, stamp, time.Local)
	return t, err == nil
}

// List lists the rolling backups of the data folder, newest first. A
// missing backups folder is an empty list.
func List(dataDir string) ([]Info, error) {
	entries, err := os.ReadDir(Dir(dataDir))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Info
	for _, e := range entries {
		t, ok := parseName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Info{Path: filepath.Join(Dir(dataDir), e.Name()), Time: t, Size: fi.Size()})
	}
	slices.SortFunc(out, func(a, b Info) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// Now makes a rolling backup at once ("Back up now", `ilsa backup`) and
// drops the ones the rule no longer keeps.
func Now(ctx context.Context, st *data.Store, dataDir string, now time.Time) (Info, error) {
	dir := Dir(dataDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Info{}, writeError(dir, err)
	}
	unlock, err := holdFolder(ctx, dir)
	if err != nil {
		return Info{}, err
	}
	defer unlock()
	path := filepath.Join(dir, Name(now))
	if err := Write(ctx, st, path); err != nil {
		return Info{}, err
	}
	info := Info{Path: path, Time: now}
	if fi, err := os.Stat(path); err == nil {
		info.Size = fi.Size()
	}
	return info, Prune(dataDir)
}

// holdFolder takes the backups folder's lock, waiting while another
// process writes a backup there, and removes what a process stopped in the
// middle of writing one left behind (its temporary file and SQLite's
// journal of it): with the lock held, no one else is writing.
func holdFolder(ctx context.Context, dir string) (unlock func(), err error) {
	l := flock.New(filepath.Join(dir, lockName))
	if _, err := l.TryLockContext(ctx, 100*time.Millisecond); err != nil {
		return nil, writeError(dir, err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, tempPattern+"*"))
	for _, f := range leftovers {
		os.Remove(f)
	}
	return func() { l.Close() }, nil
}

// Daily makes a rolling backup unless one was made today already; made
// says whether it did. The window calls it at start and then every hour.
func Daily(ctx context.Context, st *data.Store, dataDir string, now time.Time) (made bool, err error) {
	list, err := List(dataDir)
	if err != nil {
		return false, err
	}
	if len(list) > 0 && sameDay(list[0].Time, now.Local()) {
		return false, nil
	}
	_, err = Now(ctx, st, dataDir, now)
	return err == nil, err
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// Prune removes the rolling backups the rule does not keep (Kept). Only
// files named as rolling backups are ever removed: a database set aside by
// a restore, or any other file, stays.
func Prune(dataDir string) error {
	list, err := List(dataDir)
	if err != nil {
		return err
	}
	keep := Kept(list)
	for _, b := range list {
		if !keep[b.Path] {
			if err := os.Remove(b.Path); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
	}
	return nil
}

// Kept says which backups of list (newest first) the rule keeps: the
// newest of each of the KeepDaily newest days, then the newest of each of
// the KeepWeekly newest ISO weeks older than those days.
func Kept(list []Info) map[string]bool {
	keep := map[string]bool{}
	days, weeks := 0, 0
	var lastDay time.Time
	lastWeek := [2]int{}
	for _, b := range list {
		switch {
		case days < KeepDaily:
			if days > 0 && sameDay(b.Time, lastDay) {
				continue
			}
			keep[b.Path], lastDay = true, b.Time
			days++
			y, w := b.Time.ISOWeek()
			lastWeek = [2]int{y, w}
		case weeks < KeepWeekly:
			if sameDay(b.Time, lastDay) {
				continue
			}
			y, w := b.Time.ISOWeek()
			if lastWeek == [2]int{y, w} {
				continue
			}
			keep[b.Path], lastWeek = true, [2]int{y, w}
			weeks++
		}
	}
	return keep
}
