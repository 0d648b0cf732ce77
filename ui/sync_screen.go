package ui

import (
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/models"
)

// Syncer is what the Sync screen needs of the folder exchange; the app
// gives it one over the open store (data/exchange).
type Syncer interface {
	Sync(folder string, progress func(done, total int64)) (exchange.Result, error)
	Export(path string) (changes int, err error)
	Import(paths []string, progress func(done, total int64)) (exchange.Result, error)
	// CheckFolder says whether folder can be synced with now (nil), or why not.
	CheckFolder(folder string) error
	// AdvisorOf names the advisor of another device ("" when unknown).
	AdvisorOf(folder, device string) string
	// BundleFiles lists the bundle files in a folder and its subfolders.
	BundleFiles(dir string) ([]string, error)
}

// autoSyncEvery is how often the app syncs while it runs and the folder is
// reachable.
const autoSyncEvery = 5 * time.Minute

// syncScreen chooses the shared folder, syncs (now, on start and every few
// minutes), shows what happened in plain words, reviews conflicts, and
// exports and imports bundle files for a USB stick or e-mail.
type syncScreen struct {
	u    *UI
	view fyne.CanvasObject

	folder    *widget.Entry
	reach     *widget.Label
	auto      *widget.Check
	syncBtn   *widget.Button
	progress  *widget.ProgressBar
	last      *widget.Label
	problems  *fyne.Container
	conflicts *conflictReview

	running atomic.Bool
	gen     atomic.Int64
}

func newSyncScreen(u *UI) *syncScreen {
	tr := u.tr
	s := &syncScreen{u: u}
	s.folder = widget.NewEntry()
	s.folder.SetPlaceHolder(tr.T("ui.sync.folder_placeholder"))
	s.folder.OnSubmitted = func(string) { s.setFolder(s.folder.Text) }
	choose := widget.NewButtonWithIcon(tr.T("ui.sync.choose"), theme.FolderOpenIcon(), s.chooseFolder)
	s.reach = widget.NewLabel("")
	s.reach.Wrapping = fyne.TextWrapWord
	s.auto = widget.NewCheck(tr.T("ui.sync.auto"), func(on bool) {
		if err := u.opt.Prefs.SetAutoSync(on); err != nil {
			u.showError(err)
		}
	})
	s.syncBtn = widget.NewButtonWithIcon(tr.T("ui.sync.now"), theme.ViewRefreshIcon(), func() { s.syncNow(true) })
	s.syncBtn.Importance = widget.HighImportance
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.last = widget.NewLabel("")
	s.last.Wrapping = fyne.TextWrapWord
	s.problems = container.NewVBox()
	s.conflicts = newConflictReview(u)

	export := widget.NewButtonWithIcon(tr.T("ui.sync.export"), theme.UploadIcon(), s.export)
	importBtn := widget.NewButtonWithIcon(tr.T("ui.sync.import"), theme.DownloadIcon(), s.importFiles)
	importDir := widget.NewButtonWithIcon(tr.T("ui.sync.import_folder"), theme.FolderOpenIcon(), s.importFolder)
	manualHint := widget.NewLabel(tr.T("ui.sync.manual_hint"))
	manualHint.Wrapping = fyne.TextWrapWord
	manualHint.Importance = widget.LowImportance

	intro := widget.NewLabel(tr.T("ui.sync.intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		heading(tr.T("nav.sync")), intro,
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.sync.folder")), choose, s.folder), s.reach, s.auto,
		container.NewBorder(nil, nil, s.syncBtn, nil, s.progress), s.last, s.problems,
		widget.NewSeparator(), heading(tr.T("ui.sync.conflicts")), s.conflicts.view,
		widget.NewSeparator(), heading(tr.T("ui.sync.manual")), manualHint, container.NewHBox(export, importBtn, importDir),
	)
	s.view = container.NewVScroll(container.NewPadded(body))
	return s
}

// syncState is what the screen reads off the UI goroutine.
type syncState struct {
	folder    string
	auto      bool
	reachErr  error
	last      *exchange.LastSync
	conflicts []conflictItem // with the records' names: only the Sync screen reads them
	open      int            // conflicts waiting for review
}

// readSyncState reads the shared folder's state; withItems also reads each
// conflict's record name (the Sync screen's review), which Today, refreshed
// after every write, does not need.
func (u *UI) readSyncState(withItems bool) (syncState, error) {
	var st syncState
	st.folder = u.opt.Prefs.SyncFolder()
	st.auto = u.opt.Prefs.AutoSync()
	if st.folder != "" && u.opt.Sync != nil {
		st.reachErr = u.opt.Sync.CheckFolder(st.folder)
	}
	st.last = u.opt.Prefs.LastSync()
	if withItems {
		var err error
		st.conflicts, err = u.loadConflicts()
		st.open = len(st.conflicts)
		return st, err
	}
	list, err := u.storeForSync().Conflicts(u.ctx(), false)
	st.open = len(list)
	return st, err
}

func (s *syncScreen) refresh() {
	newest(s.u, &s.gen, func() (syncState, error) { return s.u.readSyncState(true) }, s.show)
}

func (s *syncScreen) show(st syncState) {
	tr := s.u.tr
	if s.folder.Text != st.folder && !s.folderFocused() {
		s.folder.SetText(st.folder)
	}
	s.auto.SetChecked(st.auto)
	switch {
	case st.folder == "":
		s.reach.SetText(tr.T("ui.sync.no_folder"))
		s.reach.Importance = widget.LowImportance
		s.syncBtn.Disable()
	case st.reachErr != nil:
		s.reach.SetText(tr.T("ui.sync.unreachable", "Reason", tr.Error(st.reachErr)))
		s.reach.Importance = widget.WarningImportance
		s.syncBtn.Disable()
	default:
		// Theme green on white reads poorly; a check mark says it as well.
		s.reach.SetText("✓ " + tr.T("ui.sync.reachable"))
		s.reach.Importance = widget.MediumImportance
		if !s.running.Load() {
			s.syncBtn.Enable()
		}
	}
	s.reach.Refresh()
	s.showLast(st.last)
	s.conflicts.show(st.conflicts)
}

func (s *syncScreen) folderFocused() bool {
	return s.u.win.Canvas().Focused() == s.folder
}

// showLast says in plain words what the last sync did and what needs
// attention.
func (s *syncScreen) showLast(l *exchange.LastSync) {
	tr := s.u.tr
	s.problems.RemoveAll()
	if l == nil {
		s.last.SetText(tr.T("ui.sync.never"))
		return
	}
	when := tr.Date(l.At.Local()) + " " + l.At.Local().Format("15:04")
	if l.Error != "" {
		s.last.SetText(tr.T("ui.sync.last_failed", "Time", when, "Reason", l.Error))
		s.last.Importance = widget.DangerImportance
		s.last.Refresh()
		return
	}
	r := l.Result
	s.last.Importance = widget.MediumImportance
	if r.Partial() {
		s.last.Importance = widget.WarningImportance
	}
	s.last.SetText(tr.T("ui.sync.last", "Time", when) + " " + summary(s.u, r))
	if f := r.NotWritten; f != nil {
		// First: the others do not get this computer's work until it is fixed.
		p := widget.NewLabel("• " + tr.Problem(f.Problem()))
		p.Wrapping = fyne.TextWrapWord
		p.Importance = widget.DangerImportance
		s.problems.Add(p)
	}
	for _, f := range r.Files {
		p := widget.NewLabel("• " + tr.Problem(f.Problem()))
		p.Wrapping = fyne.TextWrapWord
		p.Importance = widget.WarningImportance
		if f.Action == exchange.ActionIgnored {
			p.Importance = widget.LowImportance
		}
		s.problems.Add(p)
	}
	s.problems.Refresh()
}

// summary is one sentence of counts: written, imported, changes, conflicts.
func summary(u *UI, r exchange.Result) string {
	tr := u.tr
	changes := 0
	for _, b := range r.Imported {
		changes += b.Changes
	}
	parts := []string{
		tr.N("ui.sync.written", len(r.Written), "N", len(r.Written)),
		tr.N("ui.sync.imported", len(r.Imported), "N", len(r.Imported), "Changes", tr.Number(changes)),
	}
	if r.Conflicts > 0 {
		parts = append(parts, tr.N("ui.sync.new_conflicts", r.Conflicts, "N", r.Conflicts))
	}
	if r.Settled > 0 {
		parts = append(parts, tr.N("ui.sync.settled", r.Settled, "N", r.Settled))
	}
	if r.Refused > 0 {
		parts = append(parts, tr.N("ui.sync.refused", r.Refused, "N", r.Refused))
	}
	if r.NewDeviceID != "" {
		parts = append(parts, tr.T("ui.sync.cloned"))
	}
	if r.Partial() {
		parts = append(parts, tr.T("ui.sync.not_written"))
	}
	return strings.Join(parts, " · ")
}

// chooseFolder opens Fyne's folder dialog.
func (s *syncScreen) chooseFolder() {
	d := dialog.NewFolderOpen(func(uri fyne.ListableURI, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if uri != nil {
			s.setFolder(uri.Path())
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// setFolder stores the shared folder (after checking it can be used) and
// syncs once.
func (s *syncScreen) setFolder(path string) {
	path = strings.TrimSpace(path)
	if path != "" && s.u.opt.Sync != nil {
		if err := s.u.opt.Sync.CheckFolder(path); err != nil {
			s.u.showError(err)
			return
		}
	}
	if err := s.u.opt.Prefs.SetSyncFolder(path); err != nil {
		s.u.showError(err)
		return
	}
	s.folder.SetText(path)
	s.refresh()
	if path != "" {
		s.syncNow(true)
	}
}

// syncNow syncs off the UI goroutine; a sync already running is not
// started twice. manual syncs say when the folder cannot be reached.
func (s *syncScreen) syncNow(manual bool) {
	u := s.u
	if u.opt.Sync == nil || !s.running.CompareAndSwap(false, true) {
		return
	}
	s.syncBtn.Disable()
	s.progress.SetValue(0)
	s.progress.Show()
	progress := s.progressFunc()
	u.background(func() func() {
		defer s.running.Store(false)
		folder := u.opt.Prefs.SyncFolder()
		if folder == "" {
			return func() { s.progress.Hide() }
		}
		if err := u.opt.Sync.CheckFolder(folder); err != nil && !manual {
			return func() { s.progress.Hide(); s.refresh() } // offline: try again later
		}
		res, err := u.opt.Sync.Sync(folder, progress)
		var lib *models.Library
		if err == nil && u.opt.ReloadModels != nil {
			lib = u.opt.ReloadModels() // a lead may have shared a new model
		}
		errText := ""
		if err != nil {
			errText = u.tr.Error(err)
		}
		_ = u.opt.Prefs.SetLastSync(exchange.NewLastSync(u.opt.Now(), res, errText))
		return func() {
			s.progress.Hide()
			if lib != nil {
				u.opt.Models = lib
			}
			if len(res.Imported) > 0 || len(res.Written) > 0 {
				u.dataChanged()
			}
			s.refresh()
			u.today.refresh()
		}
	})
}

// progressFunc updates the bar on the UI goroutine, at most a few times a
// second (an import calls it for every batch).
func (s *syncScreen) progressFunc() func(done, total int64) {
	var lastShown atomic.Int64
	return func(done, total int64) {
		now := time.Now().UnixMilli()
		if prev := lastShown.Load(); now-prev < 100 && done < total {
			return
		}
		lastShown.Store(now)
		v := 0.0
		if total > 0 {
			v = float64(done) / float64(total)
		}
		s.u.deliver(func() { s.progress.SetValue(v) }, false)
	}
}

// startAutoSync syncs now and then every few minutes while the app runs.
func (s *syncScreen) startAutoSync(stop <-chan struct{}) {
	run := func() {
		if !s.u.opt.Prefs.AutoSync() {
			return
		}
		fyne.Do(func() { s.u.syncScreen.syncNow(false) })
	}
	go func() {
		run()
		t := time.NewTicker(autoSyncEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				run()
			}
		}
	}()
}

// export writes one bundle file with everything this device knows.
func (s *syncScreen) export() {
	u := s.u
	u.saveAs("ilsa-"+u.opt.Now().Format("2006-01-02")+".bundle", func(path string) (string, string, error) {
		n, err := u.opt.Sync.Export(path)
		return u.tr.T("ui.sync.exported.title"), u.tr.N("ui.sync.exported", n, "N", u.tr.Number(n), "Path", path), err
	})
}

// importFiles imports a bundle file (from a USB stick or an e-mail).
func (s *syncScreen) importFiles() {
	u := s.u
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.importPaths([]string{path})
	}, u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// importFolder imports every bundle file in a folder and its subfolders:
// a project lead's merge of everyone's exported files in one go.
func (s *syncScreen) importFolder() {
	u := s.u
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir == nil {
			return
		}
		paths, err := u.opt.Sync.BundleFiles(dir.Path())
		if err != nil {
			u.showError(err)
			return
		}
		if len(paths) == 0 {
			dialog.NewInformation(u.tr.T("ui.sync.imported.title"), u.tr.T("ui.sync.no_bundles", "Folder", dir.Path()), u.win).Show()
			return
		}
		s.importPaths(paths)
	}, u.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// importPaths imports bundle files off the UI goroutine with progress, and
// says what came in and what was left out.
func (s *syncScreen) importPaths(paths []string) {
	u := s.u
	s.progress.SetValue(0)
	s.progress.Show()
	progress := s.progressFunc()
	u.background(func() func() {
		res, err := u.opt.Sync.Import(paths, progress)
		return func() {
			s.progress.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			msg := summary(u, res)
			for _, f := range res.Files {
				msg += "\n• " + u.tr.Problem(f.Problem())
			}
			dialog.NewInformation(u.tr.T("ui.sync.imported.title"), msg, u.win).Show()
			u.dataChanged()
			s.refresh()
		}
	})
}

// syncStatus is the Today screen's line about sync.
func (u *UI) syncStatus(st syncState) (string, widget.Importance) {
	tr := u.tr
	switch {
	case st.folder == "":
		return tr.T("ui.today.sync.off"), widget.LowImportance
	case st.last == nil:
		return tr.T("ui.today.sync.never"), widget.MediumImportance
	}
	when := tr.Date(st.last.At.Local()) + " " + st.last.At.Local().Format("15:04")
	if st.last.Error != "" {
		return tr.T("ui.today.sync.failed", "Time", when), widget.DangerImportance
	}
	text := tr.T("ui.today.sync.last", "Time", when)
	imp := widget.MediumImportance
	if st.last.Result.Partial() {
		text += " · " + tr.T("ui.sync.not_written")
		imp = widget.WarningImportance
	}
	if n := st.open; n > 0 {
		text += " · " + tr.N("ui.today.sync.conflicts", n, "N", n)
		imp = widget.WarningImportance
	}
	if st.reachErr != nil {
		text += " · " + tr.T("ui.today.sync.unreachable")
		imp = widget.WarningImportance
	}
	return text, imp
}
