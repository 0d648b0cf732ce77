// Package ui is ILSA Coach's desktop interface, built with Fyne: the shell
// with its navigation, and one file per screen. Screens read and write
// through the small store interface their group declares (store.go); data is
// fetched off the UI goroutine and applied with fyne.Do. Text comes from the
// translations package.
package ui

import (
	"context"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/translations"
)

// Options configure the UI.
type Options struct {
	DataDir string
	Version string
	// License is the program's own licence (SPDX id) for the About card.
	License string
	// Now is the clock (tests fix it); nil means time.Now.
	Now func() time.Time
	// LoadDemo fills an empty database with demo data (the first-run button).
	LoadDemo func(ctx context.Context) error
	// Models is the library of innovation-management models; nil means none.
	Models *models.Library
	// CurrentModels is the model library as last loaded: the Syncer reloads
	// it after every sync, which may bring a lead's new model files; nil
	// keeps Models as it is.
	CurrentModels func() *models.Library
	// ClientReport writes an organisation's client report (PDF) in lang to
	// path and returns its pages; nil hides "Export report…".
	ClientReport func(ctx context.Context, orgID, lang, path string) (pages int, err error)
	// PersonExport writes everything stored about a contact to path, as
	// JSON or PDF by its extension (GDPR art. 15); nil hides
	// "Everything about this person…".
	PersonExport func(ctx context.Context, contactID, lang, path string) error
	// Forms is the library of questionnaires as loaded now (a lead's files
	// may arrive with a sync); nil means the bundled ones only.
	Forms func() *evaluation.Library
	// Reports computes and exports the funder indicators; nil leaves the
	// Reports screen empty.
	Reports Reports
	// Sync is this device's sync with the shared folder (app/syncsvc); nil
	// hides nothing but disables syncing (tests without a folder).
	Sync Syncer
	// Prefs are this device's settings (required).
	Prefs Prefs
	// Backups are this device's copies of the database; nil hides them.
	Backups Backups
	// Notice, if set, is shown once the window is up: what happened
	// before it opened (a restore).
	Notice string

	// timers schedule the undo bar's expiry; nil means time.AfterFunc
	// (tests pass a clock they advance).
	timers timers

	// queue, in tests, collects the results of background work so WaitIdle
	// applies them on the test's goroutine (Fyne's test driver would run
	// them on the worker's goroutine, racing with the test).
	queue *applyQueue
}

// applyQueue holds functions waiting to run on the UI goroutine (tests only).
type applyQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *applyQueue) push(fn func()) {
	q.mu.Lock()
	q.fns = append(q.fns, fn)
	q.mu.Unlock()
}

func (q *applyQueue) take() []func() {
	q.mu.Lock()
	defer q.mu.Unlock()
	fns := q.fns
	q.fns = nil
	return fns
}

// UI is the running desktop app: one window, its screens and their state.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store Store
	tr    *translations.Localizer
	opt   Options

	tabs      *container.AppTabs
	today     *todayScreen
	orgs      *orgScreen
	visits    *visitsScreen
	actions   *actionsScreen
	joint     *jointScreen
	findings  *findingsScreen
	netmap    *mapScreen
	project   *projectScreen  // the joint actions, the map and the findings, as inner tabs
	views     *fyne.Container // the screens, one shown at a time beside the navigation (u.tabs)
	preparing atomic.Bool     // a read of the notes' vocabulary is under way (prepareSearch)
	reports   *reportsScreen
	// evaluations is the questionnaires' results view (Reports →
	// Evaluations); its view can also sit elsewhere, e.g. under a project tab
	evaluations *evaluationsView
	respondent  *respondentMode // set while respondents answer: the window is theirs
	syncScreen  *syncScreen
	settings    *settingsScreen
	help        *helpScreen
	undo        *undoBar // the offer to take back what was just done

	helpWin       fyne.Window // the guide beside an open form (F1), if open
	helpWinScreen *helpScreen

	pending sync.WaitGroup // background loads in flight (tests wait on it)
	dialogs []dialogCloser // open dialogs, innermost last (Esc closes it)

	// openURL is the system's handler for files and folders; tests record
	// what would open instead. nil means the app's OpenURL.
	openURL func(*url.URL) error
}

// New builds the UI in a new window of a.
func New(a fyne.App, st Store, tr *translations.Localizer, opt Options) *UI {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.timers == nil {
		opt.timers = realTimers{}
	}
	u := &UI{app: a, store: st, tr: tr, opt: opt}
	applyFyneLanguage(tr.Lang())
	u.applyTheme()
	u.win = a.NewWindow("ILSA Coach")
	u.win.SetMaster()
	u.restoreSize()
	u.win.SetCloseIntercept(u.closeWindow)
	u.build(tabToday)
	u.addShortcuts()
	return u
}

// closeWindow keeps the window's size for the next start and closes it.
func (u *UI) closeWindow() {
	u.saveSize()
	u.win.Close()
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Raise brings the window to the front: another start of the app on the
// same data folder asked for it instead of opening a second window.
func (u *UI) Raise() {
	u.win.Show()
	u.win.RequestFocus()
}

// ShowAndRun shows the window (with the welcome on first run) and runs the app.
func (u *UI) ShowAndRun() {
	u.win.Show()
	u.FirstRun()
	if u.opt.Notice != "" {
		dialog.ShowInformation(u.tr.T("ui.backups.restored_title"), u.opt.Notice, u.win)
	}
	if u.opt.Sync != nil {
		// The Syncer's schedule asks for each automatic sync through the
		// screen's "sync now", so it shows its progress like a click.
		u.opt.Sync.Start(func() { fyne.Do(func() { u.syncScreen.syncNow(false) }) })
		defer u.opt.Sync.Stop()
	}
	u.app.Run()
}

// build (re)creates every screen in the current language, showing tab.
func (u *UI) build(tab int) {
	if u.undo != nil {
		u.undo.dismiss() // its words are in the old language
	}
	u.undo = newUndoBar(u)
	u.today = newTodayScreen(u)
	u.orgs = newOrgScreen(u)
	u.visits = newVisitsScreen(u)
	u.actions = newActionsScreen(u)
	u.joint = newJointScreen(u)
	u.evaluations = newEvaluationsView(u)
	u.findings = newFindingsScreen(u)
	u.netmap = newMapScreen(u)
	u.project = newProjectScreen(u)
	u.reports = newReportsScreen(u)
	u.syncScreen = newSyncScreen(u)
	u.settings = newSettingsScreen(u)
	u.help = newHelpScreen(u)
	var nav fyne.CanvasObject
	u.tabs, u.views, nav = newNavigation([]navItem{
		{u.tr.T("nav.today"), theme.HomeIcon(), u.today.view},
		{u.tr.T("nav.organisations"), theme.StorageIcon(), u.orgs.view},
		{u.tr.T("nav.visits"), theme.CalendarIcon(), u.visits.view},
		{u.tr.T("nav.actions"), theme.ConfirmIcon(), u.actions.view},
		{u.tr.T("nav.project"), theme.AccountIcon(), u.project.tabs},
		{u.tr.T("nav.reports"), theme.DocumentIcon(), u.reports.view},
		{u.tr.T("nav.sync"), theme.ViewRefreshIcon(), u.syncScreen.view},
		{u.tr.T("nav.settings"), theme.SettingsIcon(), u.settings.view},
		{u.tr.T("nav.help"), theme.HelpIcon(), u.help.view},
	})
	u.tabs.SelectIndex(tab)
	showView(u.views, tab)
	u.tabs.OnSelected = func(*container.TabItem) {
		showView(u.views, u.tabs.SelectedIndex())
		u.undo.dismiss() // the user moved on
		u.refreshCurrent()
	}
	u.win.SetContent(container.NewBorder(nil, u.undo.view, nav, nil, u.views))
	u.refreshCurrent()
}

// dataChanged is called after any write: the visible screen reloads.
func (u *UI) dataChanged() { u.refreshCurrent() }

// background runs work off the UI goroutine; the function it returns (if
// any) runs on the UI goroutine to show the result.
func (u *UI) background(work func() (apply func())) {
	u.pending.Add(1)
	go func() {
		defer u.pending.Done()
		if apply := work(); apply != nil {
			u.deliver(apply, true)
		}
	}()
}

// deliver runs fn on the UI goroutine; called from other goroutines. With
// wait, it returns once fn has run.
func (u *UI) deliver(fn func(), wait bool) {
	switch {
	case u.opt.queue != nil:
		u.opt.queue.push(fn)
	case wait:
		fyne.DoAndWait(fn)
	default:
		fyne.Do(fn)
	}
}

// WaitIdle blocks until every background load has finished and its result
// has been applied (for tests and benchmarks).
func (u *UI) WaitIdle() {
	for {
		u.pending.Wait()
		if u.opt.queue == nil {
			return
		}
		fns := u.opt.queue.take()
		if len(fns) == 0 {
			return
		}
		for _, fn := range fns {
			fn()
		}
	}
}

func (u *UI) ctx() context.Context { return context.Background() }

func (u *UI) today8601() string { return u.opt.Now().Format(domain.DateLayout) }

func (u *UI) restoreSize() {
	size := fyne.NewSize(1200, 760)
	if w, h, ok := u.opt.Prefs.WindowSize(); ok && w >= 640 && h >= 480 {
		size = fyne.NewSize(float32(w), float32(h))
	}
	u.win.Resize(size)
}

func (u *UI) saveSize() {
	s := u.win.Canvas().Size()
	if s.Width < 640 || s.Height < 480 {
		return
	}
	_ = u.opt.Prefs.SetWindowSize(int(s.Width), int(s.Height))
}

// addShortcuts binds the keyboard: Ctrl+N new visit, Ctrl+F search,
// Ctrl+S save the form in front, Esc close the dialog in front, F1 help.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.NewVisit(nil) })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.FocusSearch() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.SaveFront() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape:
			u.closeFrontDialog()
		case fyne.KeyF1:
			u.helpKey()
		}
	})
}

// FocusSearch shows the organisation list with the cursor in its search field.
func (u *UI) FocusSearch() {
	u.Show(tabOrganisations)
	u.win.Canvas().Focus(u.orgs.search)
}

// SaveFront saves the form in front: the open dialog's, else the
// organisation form or the profile in Settings.
func (u *UI) SaveFront() {
	if n := len(u.dialogs); n > 0 {
		if s, ok := u.dialogs[n-1].(interface{ save() }); ok {
			s.save()
		}
		return
	}
	switch u.tabs.SelectedIndex() {
	case tabOrganisations:
		u.orgs.detail.save()
	case tabSettings:
		u.settings.saveProfile()
	}
}

// dialogCloser is an open dialog that Esc can close.
type dialogCloser interface{ close() }

func (u *UI) pushDialog(d dialogCloser) { u.dialogs = append(u.dialogs, d) }

func (u *UI) popDialog(d dialogCloser) {
	for i := len(u.dialogs) - 1; i >= 0; i-- {
		if u.dialogs[i] == d {
			u.dialogs = append(u.dialogs[:i], u.dialogs[i+1:]...)
			return
		}
	}
}

func (u *UI) closeFrontDialog() {
	if n := len(u.dialogs); n > 0 {
		u.dialogs[n-1].close()
	}
}

// SetLanguage switches the whole interface to lang at once, without a
// restart: the screens are rebuilt and Fyne's own strings follow.
func (u *UI) SetLanguage(lang string) error {
	if err := u.opt.Prefs.SetLanguage(lang); err != nil {
		return err
	}
	// What the advisor was looking at survives the rebuild: the selected
	// organisation and the Reports period and filters.
	selected := u.orgs.selected
	period := u.reports.choices()
	u.tr = translations.New(lang)
	applyFyneLanguage(lang)
	u.build(u.tabs.SelectedIndex())
	u.reports.restore(period)
	if selected != "" {
		u.orgs.selected = selected
		u.orgs.detail.open(selected)
		if u.tabs.SelectedIndex() == tabOrganisations {
			u.orgs.refresh()
		}
	}
	return nil
}
