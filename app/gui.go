package app

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"eu.ilsa.coach/ilsa/app/instance"
	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/app/syncsvc"
	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/demo"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/report/client"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
)

// gui opens the desktop app on the local database. When the database cannot
// be opened, a started-from-the-menu user gets the reason in a window too.
//
// One window per data folder: a second start brings the first window to the
// front and ends, or, when that window does not answer, says the folder is
// in use.
func (s *session) gui() error {
	s.window = true
	primary, raised, err := s.holdDataDir()
	if raised {
		s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.instance.raised", "Dir", s.dataDir))
		return nil
	}
	if err == nil {
		defer primary.Close()
		err = s.open()
	}
	if err == nil && s.store.ReadOnly() {
		err = &readOnlyWindowError{s.dataDir}
	}
	if err != nil {
		if s.env.OpenGUI == nil {
			a := fyneapp.NewWithID(AppID)
			a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
			var damaged *data.DamagedError
			var lost *data.DatabaseLostError
			if errors.As(err, &damaged) || errors.As(err, &lost) {
				return s.damagedWindow(a, err, damaged, primary)
			}
			ui.StartupErrorWindow(a, s.tr, s.tr.Error(err)).ShowAndRun()
		}
		return err
	}
	if s.env.OpenGUI != nil {
		return s.env.OpenGUI(s.store, s.tr, s.dataDir)
	}
	backups := newWindowBackups(s.store, s.dataDir, s.env.Now)
	ctx, stop := context.WithCancel(context.Background())
	tick := time.NewTicker(autoBackupEvery)
	go backups.run(ctx, time.After(autoBackupAfter), tick.C)
	openWindow(s.store, s.tr, s.dataDir, s.env.Now, primary, backups, takeNotice(s.dataDir))
	stop()
	tick.Stop()
	file := backups.pendingRestore()
	if file == "" {
		return nil
	}
	// Restore confirmed in Settings: the database is replaced only now,
	// with the window's store closed and the folder let go.
	s.store.Close()
	s.store = nil
	primary.Close()
	return restoreAndReopen(s.dataDir, file, s.env.Now(), s.tr)
}

// holdDataDir takes the data folder for this window. When another window
// holds it, that window is asked to come to the front (raised is true), or
// the error says the folder is in use.
func (s *session) holdDataDir() (p *instance.Primary, raised bool, err error) {
	dir, err := s.resolveDataDir()
	if err != nil {
		return nil, false, err
	}
	if err := PrepareDataDir(dir); err != nil {
		return nil, false, err
	}
	s.dataDir = dir
	p, err = instance.Acquire(dir)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
		return nil, false, &readOnlyWindowError{dir}
	}
	if errors.Is(err, instance.ErrInUse) {
		if err = instance.Raise(dir); err == nil {
			return nil, true, nil
		}
	}
	return p, false, err
}

// readOnlyWindowError: the window saves as the user types, so it does not
// open on a data folder it cannot write; the command line still reads it.
type readOnlyWindowError struct{ dir string }

func (e *readOnlyWindowError) Error() string { return "read-only data folder " + e.dir }

func (e *readOnlyWindowError) MessageKey() (string, []any) {
	return "error.read_only_window", []any{"Dir", e.dir}
}

// windowOptions wires the window to the open store: one model library,
// reloaded after each sync and read by the screens, the client report and
// the funder exports alike, and the sync service that runs the window's
// syncs as `ilsa sync` runs its own (now is the clock of its records).
func windowOptions(st *data.Store, dataDir string, now func() time.Time, backups ui.Backups) ui.Options {
	lib := newModelLibrary(dataDir, st)
	sync := syncsvc.New(st, syncsvc.Options{App: Version, Now: now, AfterSync: func() { lib.Reload() }})
	return ui.Options{DataDir: dataDir, Version: Version, License: License, Models: lib.Current(), Sync: sync,
		Prefs:   prefs.New(st),
		Backups: backups,
		Reports: funderReports{st: st, lib: lib,
			forms: func() *evaluation.Library { forms, _ := loadForms(dataDir, st); return forms }},
		CurrentModels: lib.Current,
		// Questionnaires are a few small files: read each time a screen asks,
		// so a lead's new form is there after the sync that brought it.
		Forms: func() *evaluation.Library { forms, _ := loadForms(dataDir, st); return forms },
		PersonExport: func(ctx context.Context, contactID, lang, path string) error {
			return exportPerson(ctx, st, translations.New(lang), contactID, path)
		},
		ClientReport: func(ctx context.Context, orgID, lang, path string) (int, error) {
			return writeViaTemp(path, func(f io.Writer) (int, error) {
				return client.Write(ctx, f, st, lib.Current(), orgID, translations.New(lang), client.Options{})
			})
		},
		// The welcome's "Load demo data": the same demo as "ilsa demo".
		LoadDemo: func(ctx context.Context) error { return demo.Fill(ctx, st, demo.Options{}) },
	}
}

func openWindow(st *data.Store, tr *translations.Localizer, dataDir string, now func() time.Time, primary *instance.Primary, backups ui.Backups, notice string) {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	opt := windowOptions(st, dataDir, now, backups)
	opt.Notice = notice
	u := ui.New(a, st, tr, opt)
	primary.OnRaise(func() { fyne.Do(u.Raise) })
	u.ShowAndRun()
}
