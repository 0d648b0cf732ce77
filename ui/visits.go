package ui

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// visitsLimit caps the list: years of visits stay quick to show, and the
// period filter and search reach the older ones.
const visitsLimit = 1000

// Periods of the visit list.
const (
	periodAll     = "all"
	periodMonth   = "month"
	periodQuarter = "quarter"
	periodYear    = "year"
)

// visitsScreen lists the visits, newest first, with search and a period
// filter; a row opens the visit form.
type visitsScreen struct {
	u    *UI
	view fyne.CanvasObject

	search *widget.Entry
	period *widgets.ChoiceSelect
	count  *widget.Label
	empty  *widget.Label
	guide  *widget.Button // to the guide's "a visit in two minutes", beside the empty hint
	list   *widget.List
	ask    *dialog.ConfirmDialog // the open delete question (tests answer it)

	rows   []visitRow
	gen    atomic.Int64 // the newest query; older results are dropped
	typing *debounce
}

// visitRow is a visit with the names of its organisations, and where a
// search found it.
type visitRow struct {
	domain.Visit
	orgs  string
	found *data.Match
}

func newVisitsScreen(u *UI) *visitsScreen {
	s := &visitsScreen{u: u}
	s.typing = &debounce{u: u, delay: searchDelay}
	tr := u.tr
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr.T("ui.visits.search"))
	s.search.OnChanged = func(string) { s.refreshSoon() }
	s.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText("") })

	s.period = widgets.NewChoiceSelect([]widgets.Choice{
		{Value: periodAll, Label: tr.T("ui.visits.period.all")},
		{Value: periodMonth, Label: tr.T("ui.visits.period.month")},
		{Value: periodQuarter, Label: tr.T("ui.visits.period.quarter")},
		{Value: periodYear, Label: tr.T("ui.visits.period.year")},
	}, nil)
	s.period.SetSelectedIndex(0)
	// Wired after the first selection: the screen is not built yet.
	s.period.OnChanged = func(string) { s.refresh() }

	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.empty = widget.NewLabel(tr.T("ui.visits.empty"))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()

	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.TextStyle = fyne.TextStyle{Bold: true}
			title.Truncation = fyne.TextTruncateEllipsis
			sub := newSubLine()
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			evaluate := widget.NewButtonWithIcon(tr.T("ui.evaluation.run"), theme.ViewFullScreenIcon(), nil)
			evaluate.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(evaluate, del)), container.NewVBox(title, sub))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			r := s.rows[i]
			box := o.(*fyne.Container)
			texts := box.Objects[0].(*fyne.Container)
			title, sub := s.rowText(r)
			texts.Objects[0].(*widget.Label).SetText(title)
			if r.found != nil {
				s.u.setWhyLine(texts.Objects[1].(*widget.RichText), *r.found)
			} else {
				setSubLine(texts.Objects[1].(*widget.RichText), sub)
			}
			buttons := box.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { u.RunEvaluation(r.ID, "") }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { s.confirmDelete(r) }
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(s.rows) {
			return
		}
		id := s.rows[i].ID
		s.list.UnselectAll() // the same row opens again on the next click
		u.EditVisit(id)
	}

	newBtn := widget.NewButtonWithIcon(tr.T("ui.visits.new"), theme.ContentAddIcon(), func() { u.NewVisit(nil) })
	newBtn.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newBtn, s.search),
		container.NewBorder(nil, nil, atLeast(selectWidth(s.period.Select.Options...), s.period.Select), nil, s.count))
	// The hint spans the list's width: in a centring container a wrapping
	// label gets no width of its own and stands one letter a line.
	s.guide = u.guideButton("visit")
	s.guide.Hide()
	s.view = container.NewBorder(top, nil, nil, nil, container.NewStack(s.list,
		container.NewVBox(layout.NewSpacer(), s.empty, container.NewCenter(s.guide), layout.NewSpacer())))
	return s
}

// rowText is a list row: date and organisations; then type, time, place
// and the first line of the notes.
func (s *visitsScreen) rowText(r visitRow) (title, sub string) {
	tr := s.u.tr
	title = tr.DateString(r.Date) + " · " + r.orgs
	parts := []string{tr.VisitType(r.Type)}
	if r.Minutes > 0 {
		parts = append(parts, tr.T("ui.visits.minutes", "N", tr.Number(r.Minutes)))
	}
	if r.Place != "" {
		parts = append(parts, r.Place)
	}
	if line, _, _ := strings.Cut(strings.TrimSpace(r.Notes), "\n"); line != "" {
		parts = append(parts, strings.TrimSpace(line))
	}
	return title, strings.Join(parts, " · ")
}

// from is the first day of the chosen period ("" for all).
func (s *visitsScreen) from() string {
	now := s.u.opt.Now()
	var t time.Time
	switch s.period.Value() {
	case periodMonth:
		t = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	case periodQuarter:
		t = now.AddDate(0, -3, 0)
	case periodYear:
		t = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
	default:
		return ""
	}
	return t.Format(domain.DateLayout)
}

// refreshSoon runs the query after a short pause in typing.
func (s *visitsScreen) refreshSoon() {
	s.u.prepareSearch() // the notes' vocabulary, while the typing pauses
	s.typing.run(s.refresh)
}

// refresh loads the list off the UI goroutine; only the newest query's
// result is shown.
func (s *visitsScreen) refresh() {
	q := data.VisitQuery{Text: s.search.Text, From: s.from(), Limit: visitsLimit}
	unknown := s.u.tr.T("ui.picker.unknown")
	newest(s.u, &s.gen, func() (visitList, error) {
		var l visitList
		var err error
		if q.Text != "" {
			// The vocabulary of the notes (words inside compounds), read
			// again only after a write.
			err = s.u.storeForVisits().PrepareSearch(s.u.ctx())
		}
		var visits []domain.Visit
		if err == nil {
			visits, err = s.u.storeForVisits().Visits(s.u.ctx(), q)
		}
		if err == nil {
			l.found, l.minutes = len(visits), 0
			for _, v := range visits {
				l.minutes += v.Minutes
			}
			if len(visits) >= visitsLimit {
				// The list holds the newest; the count and hours are of all.
				l.found, l.minutes, err = s.u.storeForVisits().VisitsFound(s.u.ctx(), q)
			}
		}
		var orgs map[string]domain.Organisation
		if err == nil {
			var ids []string
			seen := map[string]bool{}
			for _, v := range visits {
				for _, id := range v.OrgIDs {
					if !seen[id] {
						seen[id] = true
						ids = append(ids, id)
					}
				}
			}
			orgs, err = s.u.storeForVisits().OrganisationsByID(s.u.ctx(), ids)
		}
		l.rows = make([]visitRow, len(visits))
		for i, v := range visits {
			names := make([]string, len(v.OrgIDs))
			for j, id := range v.OrgIDs {
				names[j] = unknown
				if o, ok := orgs[id]; ok {
					names[j] = o.Name
				}
			}
			l.rows[i] = visitRow{Visit: v, orgs: strings.Join(names, ", ")}
			// The visits are in memory already: saying where each was
			// found costs no query.
			if m, ok := data.VisitMatch(v, q.Text); ok {
				l.rows[i].found = &m
			}
		}
		return l, err
	}, s.show)
}

// visitList is what one query found: the rows listed (the newest
// visitsLimit), and the number and minutes of all the visits it matched.
type visitList struct {
	rows           []visitRow
	found, minutes int
}

func (s *visitsScreen) show(l visitList) {
	tr := s.u.tr
	s.rows = l.rows
	text := tr.N("ui.visits.count", l.found, "N", tr.Number(l.found))
	if l.minutes > 0 {
		text += " · " + tr.N("ui.visits.hours", hoursPlural(l.minutes), "H", s.hours(l.minutes))
	}
	if l.found > len(l.rows) {
		text += " · " + tr.T("ui.visits.limited", "N", tr.Number(len(l.rows)))
	}
	s.count.SetText(text)
	if len(l.rows) == 0 {
		s.empty.Show()
		s.guide.Show()
	} else {
		s.empty.Hide()
		s.guide.Hide()
	}
	s.list.UnselectAll()
	s.list.Refresh()
}

// hours is minutes as hours with one decimal in the reader's form
// (sv and nb write a decimal comma).
func (s *visitsScreen) hours(minutes int) string {
	tenths := (minutes*10 + 30) / 60
	str := s.u.tr.Number(tenths / 10)
	if d := tenths % 10; d != 0 {
		sep := ","
		if s.u.tr.Lang() == "en" {
			sep = "."
		}
		str += sep + strconv.Itoa(d)
	}
	return str
}

// hoursPlural is the count that picks "hour" or "hours": exactly one
// hour is singular, anything else (1.5, 2) plural.
func hoursPlural(minutes int) int {
	if minutes == 60 {
		return 1
	}
	return 2
}

// confirmDelete asks before deleting a visit; the delete can be undone.
func (s *visitsScreen) confirmDelete(r visitRow) {
	tr := s.u.tr
	closer := &confirmCloser{}
	s.ask = dialog.NewConfirm(tr.T("ui.visits.delete.title"),
		tr.T("ui.visits.delete.message", "Date", tr.DateString(r.Date), "Orgs", r.orgs), func(ok bool) {
			s.u.popDialog(closer)
			s.ask = nil
			if ok {
				s.delete(r)
			}
		}, s.u.win)
	s.ask.SetConfirmText(tr.T("ui.visits.delete.confirm"))
	s.ask.SetConfirmImportance(widget.DangerImportance)
	ask := s.ask
	closer.hide = func() { ask.Hide() }
	s.u.pushDialog(closer)
	s.ask.Show()
}

// delete deletes the visit off the UI goroutine and offers to undo it.
func (s *visitsScreen) delete(r visitRow) {
	u := s.u
	st := u.storeForVisits()
	u.background(func() func() {
		err := st.DeleteVisit(u.ctx(), r.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.undo.offer(u.tr.T("ui.visits.deleted", "Date", u.tr.DateString(r.Date), "Orgs", r.orgs),
				func() error { return st.RestoreVisit(u.ctx(), r.ID) }, nil)
			u.dataChanged()
		}
	})
}
