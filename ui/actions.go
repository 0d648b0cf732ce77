package ui

import (
	"image/color"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	search   *widget.Entry
	owner    *widgets.ChoiceSelect // "" is everyone
	// ownerWidth keeps the owner filter as wide as its longest name (a
	// select is only as wide as its placeholder).
	ownerWidth *canvas.Rectangle
	typing     *debounce
	count      *widget.Label
	empty      *widget.Label
	list       *widget.List

	rows  []data.ActionRow
	total int // how many actions the filter matches (rows holds at most actionsLimit)
	// shown is the query and database generation rows were loaded for.
	shown  shownActions
	loaded bool
	today  string // the date the rows were judged overdue against
	gen    atomic.Int64

	// emptyGuide opens the guide's follow-ups section; shown with empty.
	emptyGuide *widget.Button
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

	s.typing = &debounce{u: u, delay: searchDelay}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr.T("ui.actions.search"))
	s.search.OnChanged = func(string) { s.typing.run(s.refresh) }
	s.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText("") })
	s.ownerWidth = canvas.NewRectangle(color.Transparent)
	s.owner = widgets.NewChoiceSelect(s.ownerChoices(nil), nil)
	s.owner.SetSelectedIndex(0)
	ownerShown := ""
	s.owner.OnChanged = func(string) {
		if v := s.owner.Value(); v != ownerShown { // Offer re-selects the same owner
			ownerShown = v
			s.refresh()
		}
	}

	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.empty = widget.NewLabel("")
	s.empty.Importance = widget.LowImportance
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()
	s.emptyGuide = u.guideButton("follow-ups")
	s.emptyGuide.Hide()

	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(widget.ListItemID) { s.list.UnselectAll() } // rows act through their own controls

	newBtn := widget.NewButtonWithIcon(tr.T("ui.actions.new"), theme.ContentAddIcon(), func() { u.newActionDialog() })
	newBtn.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newBtn, s.filter),
		container.NewBorder(nil, nil, nil, container.NewStack(s.ownerWidth, s.owner.Select), s.search),
		s.count, s.empty, container.NewHBox(s.emptyGuide))
	s.view = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list)
	return s
}

// actionRow is one list row: done checkbox, text, organisation (a link),
// owner, and the due date and a delete button on the right.
type actionRow struct {
	widget.BaseWidget
	check      *widget.Check
	text       *widget.RichText // the action, with the typed words in bold while searching
	late       bool             // the text shows in the error colour
	org        *widget.Hyperlink
	owner, due *widget.Label
	del        *widget.Button
	content    fyne.CanvasObject
}

func (s *actionsScreen) newRow() fyne.CanvasObject {
	r := &actionRow{check: widget.NewCheck("", nil), text: widget.NewRichText(),
		org: widget.NewHyperlink("", nil), owner: widget.NewLabel(""), due: widget.NewLabel(""),
		del: widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)}
	r.del.Importance = widget.LowImportance
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.owner.Importance = widget.LowImportance
	r.owner.Truncation = fyne.TextTruncateEllipsis
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
		r.text, container.NewBorder(nil, nil, r.org, nil, r.owner))
	r.content = container.NewBorder(nil, nil, r.check, container.NewHBox(r.due, container.NewCenter(r.del)), lines)
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
	act := r.Action
	v.check.OnChanged = func(done bool) { s.u.markActionDone(act, done, nil, nil) }
	v.del.OnTapped = func() { s.u.deleteAction(act, nil) }

	v.late = late
	v.due.Importance = widget.LowImportance
	if late {
		v.due.Importance = widget.DangerImportance
	}
	plain := widget.RichTextStyleInline
	if late {
		plain.ColorName = theme.ColorNameError
	}
	hit := plain
	hit.TextStyle = fyne.TextStyle{Bold: true}
	v.text.Segments = hitSegments(r.Text, data.ActionTextHits(r.Text, s.search.Text), plain, hit)
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
	q := data.ActionQuery{Status: s.status, Today: s.u.today8601(), Text: s.search.Text, Owner: s.owner.Value(), Limit: actionsLimit}
	shown, had := s.shown, s.loaded
	type page struct {
		rows    []data.ActionRow
		total   int
		owners  []string
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
		if err != nil {
			return page{}, err
		}
		owners, err := s.u.storeForActions().ActionOwners(s.u.ctx(), s.u.tr.Lang())
		return page{rows, total, owners, at, false}, err
	}, func(p page) {
		if p.current {
			return
		}
		s.owner.Offer(s.ownerChoices(p.owners))
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
		s.emptyGuide.Hide()
		return
	}
	switch {
	case s.shown.q.Text != "" || s.shown.q.Owner != "":
		s.empty.SetText(tr.T("ui.actions.empty.search"))
	case s.status == data.ActionsOpen:
		s.empty.SetText(tr.T("ui.actions.empty.open"))
	case s.status == data.ActionsOverdue:
		s.empty.SetText(tr.T("ui.actions.empty.overdue"))
	case s.status == data.ActionsDone:
		s.empty.SetText(tr.T("ui.actions.empty.done"))
	default:
		s.empty.SetText(tr.T("ui.actions.empty.all"))
	}
	s.empty.Show()
	s.emptyGuide.Show()
}

// ownerChoices is the owner filter's options: everyone, then each owner.
// It also widens the filter to the longest of them (up to a limit).
func (s *actionsScreen) ownerChoices(owners []string) []widgets.Choice {
	out := []widgets.Choice{{Value: "", Label: s.u.tr.T("ui.actions.owner.any")}}
	var w float32
	for _, o := range append([]string{out[0].Label}, owners...) {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	for _, o := range owners {
		out = append(out, widgets.Choice{Value: o, Label: o})
	}
	// Room for the padding and the drop-down icon beside the text.
	s.ownerWidth.SetMinSize(fyne.NewSize(min(w, 240)+theme.IconInlineSize()+4*theme.InnerPadding(), 0))
	return out
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

// markActionDone marks an action done today (or open again) off the UI
// goroutine, then reloads the screen in front and offers to undo it: the
// row leaves the list at once, so a slip of the mouse must not need a
// filter to find it again. after, if given, learns the outcome on the UI
// goroutine; undone, if given, runs once an undo restored the action.
func (u *UI) markActionDone(a domain.Action, done bool, after func(error), undone func()) {
	date := ""
	if done {
		date = u.today8601()
	}
	was := a.Done // the undo puts back exactly this date (or none)
	st := u.storeForActions()
	u.background(func() func() {
		err := st.SetActionDone(u.ctx(), a.ID, date)
		return func() {
			if err != nil {
				u.showError(err)
			} else {
				key := "ui.undo.action_reopened"
				if done {
					key = "ui.undo.action_done"
				}
				u.undo.offer(u.tr.T(key, "Text", a.Text),
					func() error { return st.SetActionDone(u.ctx(), a.ID, was) }, undone)
			}
			if after != nil {
				after(err)
			}
			u.dataChanged()
		}
	})
}

// deleteAction deletes an action off the UI goroutine and offers to undo
// it; deleted runs on the UI goroutine after the delete and again after
// an undo, for a list the window's reload does not reach.
func (u *UI) deleteAction(a domain.Action, deleted func()) {
	st := u.storeForActions()
	u.background(func() func() {
		err := st.DeleteAction(u.ctx(), a.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.undo.offer(u.tr.T("ui.undo.action_deleted", "Text", a.Text),
				func() error { return st.RestoreAction(u.ctx(), a.ID) }, deleted)
			if deleted != nil {
				deleted()
			}
			u.dataChanged()
		}
	})
}
