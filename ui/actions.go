package ui

import (
	"errors"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// shownActions is what an action list was loaded for: while neither the
// query nor the database changed, showing the screen again reloads nothing.
type shownActions struct {
	q   data.ActionQuery
	gen data.Generation
}

// actionsLimit is how many actions the list shows at once.
const actionsLimit = 1000

// actionsScreen lists the next steps of every organisation, filtered by
// state, with a checkbox to mark each done or open again.
type actionsScreen struct {
	u    *UI
	view fyne.CanvasObject

	filter   *widget.RadioGroup
	statuses map[string]data.ActionStatus // filter label → status
	status   data.ActionStatus
	count    *widget.Label
	empty    *widget.Label
	list     *widget.List

	rows  []data.ActionRow
	total int // how many actions the filter matches (rows holds at most actionsLimit)
	// shown is the query and database generation rows were loaded for.
	shown  shownActions
	loaded bool
	today  string // the date the rows were judged overdue against
	gen    atomic.Int64
}

func newActionsScreen(u *UI) *actionsScreen {
	tr := u.tr
	s := &actionsScreen{u: u, status: data.ActionsOpen, statuses: map[string]data.ActionStatus{}}
	var labels []string
	for _, f := range []struct {
		label  string
		status data.ActionStatus
	}{
		{tr.T("ui.actions.filter.open"), data.ActionsOpen},
		{tr.T("ui.actions.filter.overdue"), data.ActionsOverdue},
		{tr.T("ui.actions.filter.done"), data.ActionsDone},
		{tr.T("ui.actions.filter.all"), data.ActionsAll},
	} {
		labels = append(labels, f.label)
		s.statuses[f.label] = f.status
	}
	s.filter = widget.NewRadioGroup(labels, nil)
	s.filter.Horizontal = true
	s.filter.Required = true // a filter is always chosen
	s.filter.OnChanged = func(label string) {
		if st, ok := s.statuses[label]; ok {
			s.status = st
			s.refresh()
		}
	}
	s.setStatus(data.ActionsOpen)
	if old := u.actions; old != nil {
		s.setStatus(old.status) // a rebuild (new language) keeps the filter
	}

	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.empty = widget.NewLabel("")
	s.empty.Importance = widget.LowImportance
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()

	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(widget.ListItemID) { s.list.UnselectAll() } // rows act through their own controls

	newBtn := widget.NewButtonWithIcon(tr.T("ui.actions.new"), theme.ContentAddIcon(), func() { u.newActionDialog() })
	newBtn.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newBtn, s.filter),
		s.count, s.empty)
	s.view = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list)
	return s
}

// actionRow is one list row: done checkbox, text, organisation (a link),
// owner, and the due date on the right.
type actionRow struct {
	widget.BaseWidget
	check      *widget.Check
	text       *widget.Label
	org        *widget.Hyperlink
	owner, due *widget.Label
	content    fyne.CanvasObject
}

func (s *actionsScreen) newRow() fyne.CanvasObject {
	r := &actionRow{check: widget.NewCheck("", nil), text: widget.NewLabel(""),
		org: widget.NewHyperlink("", nil), owner: widget.NewLabel(""), due: widget.NewLabel("")}
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.owner.Importance = widget.LowImportance
	r.owner.Truncation = fyne.TextTruncateEllipsis
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
		r.text, container.NewBorder(nil, nil, r.org, nil, r.owner))
	r.content = container.NewBorder(nil, nil, r.check, r.due, lines)
	r.ExtendBaseWidget(r)
	return r
}

func (r *actionRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

func (s *actionsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.rows) {
		return
	}
	r, v := s.rows[i], o.(*actionRow)
	late := r.IsOverdue(s.today)

	// Setting the box must not count as the user ticking it.
	v.check.OnChanged = nil
	v.check.SetChecked(!r.IsOpen())
	id := r.ID
	v.check.OnChanged = func(done bool) { s.u.markActionDone(id, done, nil) }

	v.text.SetText(r.Text)
	v.text.Importance = widget.MediumImportance
	v.due.Importance = widget.LowImportance
	if late {
		v.text.Importance = widget.DangerImportance
		v.due.Importance = widget.DangerImportance
	}
	v.text.Refresh()
	v.due.SetText(dueText(s.u, r.Action, s.today))

	v.org.SetText(r.OrgName)
	orgID := r.OrgID
	v.org.OnTapped = func() { s.u.selectOrg(orgID) }
	if r.Owner != "" {
		v.owner.SetText(s.u.tr.T("ui.action.owner", "Name", r.Owner))
	} else {
		v.owner.SetText("")
	}
	v.Refresh() // texts changed width: lay the row out again
}

// refresh reloads the list off the UI goroutine; only the newest query's
// result is shown.
func (s *actionsScreen) refresh() {
	q := data.ActionQuery{Status: s.status, Today: s.u.today8601(), Limit: actionsLimit}
	shown, had := s.shown, s.loaded
	type page struct {
		rows    []data.ActionRow
		total   int
		at      shownActions
		current bool // nothing written since the list on screen was loaded
	}
	newest(s.u, &s.gen, func() (page, error) {
		g, err := s.u.storeForActions().Generation(s.u.ctx())
		if err != nil {
			return page{}, err
		}
		at := shownActions{q, g}
		if had && at == shown {
			return page{current: true}, nil
		}
		total, err := s.u.storeForActions().CountActions(s.u.ctx(), q)
		if err != nil {
			return page{}, err
		}
		// A backlog of thousands is listed up to actionsLimit: the count
		// says how many there are, and the filters narrow it.
		rows, err := s.u.storeForActions().Actions(s.u.ctx(), q)
		return page{rows, total, at, false}, err
	}, func(p page) {
		if p.current {
			return
		}
		s.rows, s.today, s.total, s.shown, s.loaded = p.rows, q.Today, p.total, p.at, true
		s.showCount()
		s.list.Refresh()
	})
}

func (s *actionsScreen) showCount() {
	tr := s.u.tr
	n := s.total
	text := tr.N("ui.actions.count", n, "N", tr.Number(n))
	if n > len(s.rows) {
		text += " · " + tr.T("ui.actions.limited", "N", tr.Number(len(s.rows)))
	}
	s.count.SetText(text)
	if n > 0 {
		s.empty.Hide()
		return
	}
	switch s.status {
	case data.ActionsOpen:
		s.empty.SetText(tr.T("ui.actions.empty.open"))
	case data.ActionsOverdue:
		s.empty.SetText(tr.T("ui.actions.empty.overdue"))
	case data.ActionsDone:
		s.empty.SetText(tr.T("ui.actions.empty.done"))
	default:
		s.empty.SetText(tr.T("ui.actions.empty.all"))
	}
	s.empty.Show()
}

// setStatus chooses the filter without reloading (the caller does).
func (s *actionsScreen) setStatus(st data.ActionStatus) {
	for label, v := range s.statuses {
		if v == st {
			cb := s.filter.OnChanged
			s.filter.OnChanged = nil
			s.filter.SetSelected(label)
			s.filter.OnChanged = cb
			s.status = st
			return
		}
	}
}

// showActions opens the Actions screen filtered to status, loading it once.
func (u *UI) showActions(status data.ActionStatus) {
	u.actions.setStatus(status)
	if u.tabs.SelectedIndex() == tabActions {
		u.actions.refresh()
		return
	}
	u.Show(tabActions) // switching tabs reloads the screen
}

// orgMatches is how many organisations the new-action dialog suggests.
const orgMatches = 6

// newActionForm is the small dialog that adds an action to any
// organisation, outside a visit.
type newActionForm struct {
	u       *UI
	d       *dialog.CustomDialog
	f       *widgets.Form
	search  *widget.Entry
	matches *fyne.Container
	chosen  *widget.Label
	orgID   string
	text    *widget.Entry
	due     *widget.Entry
	owner   *widget.Entry
	gen     atomic.Int64
	saver   saver
	content fyne.CanvasObject // the fields, held still while saving
	create  *widget.Button
}

// newActionDialog opens the new-action dialog.
func (u *UI) newActionDialog() *newActionForm {
	tr := u.tr
	a := &newActionForm{u: u, f: widgets.NewForm(u.tr), saver: saver{u: u}}
	a.search = widget.NewEntry()
	a.search.SetPlaceHolder(tr.T("ui.actions.org_search"))
	a.search.OnChanged = func(string) {
		a.choose("", "")
		a.find()
	}
	a.chosen = widget.NewLabel("")
	a.chosen.TextStyle = fyne.TextStyle{Bold: true}
	a.chosen.Hide()
	a.matches = container.NewVBox()
	a.text = widget.NewEntry()
	a.text.OnSubmitted = func(string) { a.save() }
	a.due = widget.NewEntry()
	a.due.SetPlaceHolder(tr.T("ui.actions.date_hint", "Example", tr.Date(u.opt.Now().AddDate(0, 0, upcomingDays))))
	a.due.OnSubmitted = func(string) { a.save() }
	a.owner = widget.NewEntry()
	a.owner.OnSubmitted = func(string) { a.save() }

	a.f.Add("org", tr.T("field.org"), container.NewVBox(a.search, a.chosen, a.matches))
	a.f.Add("text", tr.T("field.text"), a.text)
	a.f.Add("due", tr.T("field.due"), a.due)
	a.f.Add("owner", tr.T("field.owner"), a.owner)

	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), a.close)
	a.create = widget.NewButtonWithIcon(tr.T("ui.actions.create"), theme.ConfirmIcon(), a.save)
	a.create.Importance = widget.HighImportance
	a.content = a.f.Content()
	a.d = dialog.NewCustomWithoutButtons(tr.T("ui.actions.new"), a.content, u.win)
	a.d.SetButtons([]fyne.CanvasObject{cancel, a.create})
	a.d.SetOnClosed(func() { u.popDialog(a) })
	a.d.Resize(fyne.NewSize(560, 520))
	u.pushDialog(a)
	a.d.Show()
	u.win.Canvas().Focus(a.search)

	a.load()
	return a
}

// load fills in the owner (usually the advisor) and the first suggestions
// in one go off the UI goroutine.
func (a *newActionForm) load() {
	q := a.query()
	gen := a.gen.Add(1)
	a.u.background(func() func() {
		p, perr := a.u.storeForActions().Profile()
		rows, err := a.u.storeForActions().SearchOrganisations(a.u.ctx(), q)
		return func() {
			if perr == nil && a.owner.Text == "" {
				a.owner.SetText(p.Advisor)
			}
			if a.gen.Load() != gen {
				return // the user typed meanwhile: a newer search shows
			}
			if err != nil {
				a.u.showError(err)
				return
			}
			a.showMatches(rows)
		}
	})
}

func (a *newActionForm) query() data.OrgQuery {
	return data.OrgQuery{Text: a.search.Text, Sort: data.SortByName, Lang: a.u.tr.Lang(), Limit: orgMatches}
}

// find suggests organisations matching the typed text, off the UI goroutine.
func (a *newActionForm) find() {
	q := a.query()
	newest(a.u, &a.gen, func() ([]data.OrgRow, error) {
		return a.u.storeForActions().SearchOrganisations(a.u.ctx(), q)
	}, a.showMatches)
}

func (a *newActionForm) showMatches(rows []data.OrgRow) {
	a.matches.RemoveAll()
	if a.orgID != "" {
		return // chosen: the suggestions have done their job
	}
	if len(rows) == 0 {
		none := widget.NewLabel(a.u.tr.T("ui.actions.org_none"))
		none.Importance = widget.LowImportance
		a.matches.Add(none)
	}
	for _, r := range rows {
		id, name := r.ID, r.Name
		b := widget.NewButton(name, func() { a.choose(id, name) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		a.matches.Add(b)
	}
	a.d.Refresh() // the form grew or shrank
}

// choose records the organisation picked from the suggestions ("" clears it).
func (a *newActionForm) choose(id, name string) {
	a.orgID = id
	if id == "" {
		a.chosen.Hide()
		return
	}
	a.chosen.SetText("✓ " + name)
	a.chosen.Show()
	a.matches.RemoveAll()
	a.f.SetProblem("org", "")
	a.d.Refresh()
}

// save validates beside the fields, then stores the action off the UI
// goroutine (see saver); the dialog stays open (with everything typed) on
// any error.
func (a *newActionForm) save() {
	if a.saver.running {
		return
	}
	act := domain.Action{OrgID: a.orgID, Text: a.text.Text, Owner: a.owner.Text}
	due, dateErr := a.u.typedDate("due", a.due.Text)
	act.Due = due
	if err := errors.Join(act.Normalise(), dateErr); err != nil {
		a.f.ShowErrors(err)
		a.d.Refresh()
		return
	}
	a.f.Clear()
	a.saver.run(a.content, []fyne.Disableable{a.create}, func() error {
		return a.u.storeForActions().CreateAction(a.u.ctx(), &act)
	}, func(err error) {
		if err != nil {
			if !a.f.ShowErrors(err) {
				a.u.showError(err)
			}
			a.d.Refresh()
			return
		}
		a.close()
		a.u.dataChanged()
	})
}

func (a *newActionForm) close() { a.d.Hide() }

// markActionDone marks an action done today (or open again) off the UI
// goroutine, then reloads the screen in front. after, if given, learns the
// outcome on the UI goroutine.
func (u *UI) markActionDone(id string, done bool, after func(error)) {
	date := ""
	if done {
		date = u.today8601()
	}
	u.background(func() func() {
		err := u.storeForActions().SetActionDone(u.ctx(), id, date)
		return func() {
			if err != nil {
				u.showError(err)
			}
			if after != nil {
				after(err)
			}
			u.dataChanged()
		}
	})
}
