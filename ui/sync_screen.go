package ui

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
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

// syncScreen shows the shared folder, whether it can be reached and what
// the last sync did in plain words, forwards "choose folder", "sync now"
// and the automatic-sync switch to the Syncer (which owns them), reviews
// conflicts, and exports and imports bundle files for a USB stick or e-mail.
type syncScreen struct {
	u    *UI
	view fyne.CanvasObject

	folder    *widget.Entry
	reach     *widget.Label
	auto      *widget.Check
	syncBtn   *widget.Button
	progress  *widget.ProgressBar
	last      *widget.Label
	erasures  *widget.Label // how far each erasure has come (sync_erasures.go)
	problems  *fyne.Container
	conflicts *conflictReview
	team      *teamSection

	gen atomic.Int64
}

func newSyncScreen(u *UI) *syncScreen {
	tr := u.tr
	s := &syncScreen{u: u}
	s.folder = widget.NewEntry()
	s.folder.SetPlaceHolder(tr.T("ui.sync.folder_placeholder", "Path", exampleSyncFolder(runtime.GOOS, tr.Lang())))
	s.folder.OnSubmitted = func(string) { s.setFolder(s.folder.Text) }
	choose := widget.NewButtonWithIcon(tr.T("ui.sync.choose"), theme.FolderOpenIcon(), s.chooseFolder)
	s.reach = widget.NewLabel("")
	s.reach.Wrapping = fyne.TextWrapWord
	s.auto = widget.NewCheck(tr.T("ui.sync.auto"), func(on bool) {
		if u.opt.Sync == nil {
			return
		}
		if err := u.opt.Sync.SetAutoSync(on); err != nil {
			u.showError(err)
		}
	})
	s.syncBtn = widget.NewButtonWithIcon(tr.T("ui.sync.now"), theme.ViewRefreshIcon(), func() { s.syncNow(true) })
	s.syncBtn.Importance = widget.HighImportance
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.last = widget.NewLabel("")
	s.last.Wrapping = fyne.TextWrapWord
	s.erasures = widget.NewLabel("")
	s.erasures.Wrapping = fyne.TextWrapWord
	s.erasures.Hide()
	s.problems = container.NewVBox()
	s.conflicts = newConflictReview(u)
	s.team = newTeamSection(u, func() { s.syncNow(true) })

	export := widget.NewButtonWithIcon(tr.T("ui.sync.export"), theme.UploadIcon(), s.export)
	importBtn := widget.NewButtonWithIcon(tr.T("ui.sync.import"), theme.DownloadIcon(), s.importFiles)
	importDir := widget.NewButtonWithIcon(tr.T("ui.sync.import_folder"), theme.FolderOpenIcon(), s.importFolder)
	manualHint := widget.NewLabel(tr.T("ui.sync.manual_hint"))
	manualHint.Wrapping = fyne.TextWrapWord
	manualHint.Importance = widget.LowImportance

	intro := widget.NewLabel(tr.T("ui.sync.intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(
		heading(tr.T("nav.sync")), intro, container.NewHBox(u.guideButton("sync")),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.sync.folder")), choose, s.folder), s.reach, s.auto,
		container.NewBorder(nil, nil, s.syncBtn, nil, s.progress), s.last, s.erasures, s.problems,
		widget.NewSeparator(), s.team.view,
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
	erasures  []exchange.ErasureState
}

// readSyncState reads the shared folder's state from the Syncer (none
// without one: syncing is off); withItems also reads each conflict's
// record name (the Sync screen's review), which Today, refreshed after
// every write, does not need.
func (u *UI) readSyncState(withItems bool) (syncState, error) {
	var st syncState
	if sy := u.opt.Sync; sy != nil {
		st.folder = sy.Folder()
		st.auto = sy.AutoSync()
		if st.folder != "" {
			st.reachErr = sy.CheckFolder(st.folder)
		}
		st.last = sy.LastSync()
		if withItems {
			var err error
			if st.erasures, err = sy.Erasures(); err != nil {
				return st, err
			}
		}
	}
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
	s.team.refresh()
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
		if !s.u.opt.Sync.Running() {
			s.syncBtn.Enable()
		}
	}
	s.reach.Refresh()
	s.showLast(st.last, st.open)
	s.showErasures(st.erasures)
	s.conflicts.show(st.conflicts)
}

func (s *syncScreen) folderFocused() bool {
	return s.u.win.Canvas().Focused() == s.folder
}

// showLast says in plain words what the last sync did and what needs
// attention.
func (s *syncScreen) showLast(l *exchange.LastSync, open int) {
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
	if r.Partial() || r.NoTeamKey > 0 || r.NewerKey > 0 {
		s.last.Importance = widget.WarningImportance
	}
	s.last.SetText(tr.T("ui.sync.last", "Time", when) + " " + summary(s.u, r, open))
	if f := r.NotWritten; f != nil {
		// First: the others do not get this computer's work until it is fixed.
		p := widget.NewLabel("• " + tr.Problem(f.Problem()))
		p.Wrapping = fyne.TextWrapWord
		p.Importance = widget.DangerImportance
		s.problems.Add(p)
	}
	for _, f := range r.Files {
		if f.Reason == exchange.ReasonNoTeamKey || f.Reason == exchange.ReasonNewerKey {
			continue // one sentence for them all, in the summary
		}
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

// summary is one sentence of counts: written, imported, changes, conflicts
// (and, of those, how many are still open: the sentence stays on the screen
// while they are reviewed).
func summary(u *UI, r exchange.Result, open int) string {
	tr := u.tr
	changes := 0
	for _, b := range r.Imported {
		changes += b.Changes
	}
	parts := []string{
		tr.N("ui.sync.written", len(r.Written), "N", len(r.Written)),
		tr.N("ui.sync.imported", len(r.Imported), "N", len(r.Imported), "Changes", tr.Number(changes)),
	}
	switch {
	case r.Conflicts == 0:
	case open >= r.Conflicts:
		parts = append(parts, tr.N("ui.sync.new_conflicts", r.Conflicts, "N", r.Conflicts))
	case open == 0:
		parts = append(parts, tr.N("ui.sync.new_conflicts_reviewed", r.Conflicts, "N", r.Conflicts))
	default:
		parts = append(parts, tr.N("ui.sync.new_conflicts_open", r.Conflicts, "N", r.Conflicts, "Open", open))
	}
	if r.Settled > 0 {
		parts = append(parts, tr.N("ui.sync.settled", r.Settled, "N", r.Settled))
	}
	if r.Refused > 0 {
		parts = append(parts, tr.N("ui.sync.refused", r.Refused, "N", r.Refused))
	}
	if r.NoTeamKey > 0 {
		parts = append(parts, tr.N("ui.sync.no_team_key", r.NoTeamKey, "N", r.NoTeamKey))
	}
	if r.NewerKey > 0 {
		parts = append(parts, tr.N("ui.sync.newer_key", r.NewerKey, "N", r.NewerKey))
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
	s.u.showFileDialog(d)
}

// setFolder hands the typed or chosen folder to the Syncer, which keeps it
// once it can be used, and syncs once.
func (s *syncScreen) setFolder(path string) {
	if s.u.opt.Sync == nil {
		return
	}
	path = strings.TrimSpace(path)
	if err := s.u.opt.Sync.SetFolder(path); err != nil {
		var missing *exchange.Error
		if errors.As(err, &missing) && missing.Code == exchange.CodeFolderMissing && filepath.IsAbs(path) {
			s.offerToCreate(path)
			return
		}
		s.u.showError(err)
		return
	}
	s.folder.SetText(path)
	s.refresh()
	if path != "" {
		s.syncNow(true)
	}
}

// offerToCreate asks before making a shared folder that does not exist
// yet (a typing slip should not leave folders behind), then uses it.
func (s *syncScreen) offerToCreate(path string) *dialog.ConfirmDialog {
	tr := s.u.tr
	d := dialog.NewConfirm(tr.T("ui.sync.create.title"), tr.T("ui.sync.create.text", "Folder", path), func(yes bool) {
		if !yes {
			return
		}
		if err := os.MkdirAll(path, 0o755); err != nil {
			s.u.showError(err)
			return
		}
		s.setFolder(path)
	}, s.u.win)
	d.SetConfirmText(tr.T("ui.sync.create.confirm"))
	d.SetDismissText(tr.T("ui.sync.create.cancel"))
	d.Show()
	return d
}

// exampleSyncFolder is a shared folder as it looks on the user's system,
// for the hint in the empty folder field.
func exampleSyncFolder(goos, lang string) string {
	user := map[string]string{"sv": "anna", "nb": "kari"}[lang]
	if user == "" {
		user = "alex"
	}
	switch goos {
	case "windows":
		return `C:\Users\` + user + `\Nextcloud\ILSA`
	case "darwin":
		return "/Users/" + user + "/Nextcloud/ILSA"
	}
	return "/home/" + user + "/Nextcloud/ILSA"
}

// syncNow asks the Syncer for a sync off the UI goroutine and shows its
// progress once it is under way (not when one runs already). manual syncs
// try a folder that seems out of reach, so the last result says why.
func (s *syncScreen) syncNow(manual bool) {
	u := s.u
	if u.opt.Sync == nil || u.opt.Sync.Running() {
		return
	}
	s.syncBtn.Disable()
	started := func() {
		u.deliver(func() {
			s.syncBtn.Disable()
			s.progress.SetValue(0)
			s.progress.Show()
		}, false)
	}
	progress := s.progressFunc()
	describe := u.tr.Error
	u.background(func() func() {
		res, ran, _ := u.opt.Sync.SyncNow(manual, started, describe, progress)
		var lib *models.Library
		if ran && u.opt.CurrentModels != nil {
			lib = u.opt.CurrentModels() // reloaded by the sync: a lead may have shared a model
		}
		return func() {
			if !ran {
				s.refresh()
				return
			}
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
