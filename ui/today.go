package ui

import (
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

const (
	// upcomingDays is how far ahead Today looks for follow-ups: two weeks
	// is what an advisor plans visits around.
	upcomingDays = 14
	// todayMaxRows keeps each follow-up list short enough to take in at a
	// glance; the rest is one click away on the Actions screen.
	todayMaxRows = 5
	// recentVisits is how many of the latest visits Today lists.
	recentVisits = 5
)

// todayScreen is the advisor's start page: follow-ups that are late or due
// soon, the latest visits, this month's figures and the sync state.
type todayScreen struct {
	u    *UI
	view fyne.CanvasObject

	greeting, date *widget.Label
	overdueTitle   *widget.Label
	overdue        *fyne.Container
	upcomingTitle  *widget.Label
	upcoming       *fyne.Container
	recent         *fyne.Container
	monthVisits    *widget.Label
	monthVisitsCap *widget.Label
	monthHours     *widget.Label
	monthCard      *widget.Card
	syncLine       *widget.Label
	start          *todayStart // the first steps, before the first visit

	gen atomic.Int64 // the newest load; older results are dropped
}

// todayData is everything Today shows, read off the UI goroutine.
type todayData struct {
	advisor                string
	overdue, upcoming      []data.ActionRow // the first rows of each list
	overdueTotal           int
	upcomingTotal          int
	recent                 []domain.Visit
	orgNames               map[string]string
	monthVisits, monthMins int
	monthFirst, monthLast  string
	todayISO               string
	sync                   syncState
	emptyDB                bool // nothing stored at all: demo data may be offered
}

func newTodayScreen(u *UI) *todayScreen {
	tr := u.tr
	s := &todayScreen{u: u}

	s.greeting = widget.NewLabel("")
	s.greeting.TextStyle = fyne.TextStyle{Bold: true}
	s.greeting.SizeName = theme.SizeNameHeadingText
	s.date = widget.NewLabel(tr.T("ui.today.heading", "Date", tr.Date(u.opt.Now())))

	s.overdueTitle = sectionLabel(widget.DangerImportance)
	s.overdue = container.NewVBox()
	s.upcomingTitle = sectionLabel(widget.MediumImportance)
	s.upcoming = container.NewVBox()
	followups := widget.NewCard(tr.T("ui.today.followups"), "",
		container.NewVBox(s.overdueTitle, s.overdue, widget.NewSeparator(), s.upcomingTitle, s.upcoming))

	s.monthVisits = statLabel()
	s.monthVisitsCap = widget.NewLabel("")
	s.monthHours = statLabel()
	hoursCap := widget.NewLabel(tr.T("ui.today.month_hours"))
	s.monthCard = widget.NewCard(tr.T("ui.today.month"), "", container.NewGridWithColumns(2,
		container.NewVBox(s.monthVisits, s.monthVisitsCap),
		container.NewVBox(s.monthHours, hoursCap)))

	s.recent = container.NewVBox()
	recent := widget.NewCard(tr.T("ui.today.recent"), "", s.recent)

	s.syncLine = widget.NewLabel("")
	s.syncLine.Wrapping = fyne.TextWrapWord
	openSync := widget.NewButtonWithIcon(tr.T("ui.today.sync.open"), theme.ViewRefreshIcon(), func() { u.Show(tabSync) })
	openSync.Importance = widget.LowImportance
	syncCard := widget.NewCard(tr.T("ui.today.sync"), "", container.NewVBox(s.syncLine, container.NewHBox(openSync)))

	s.start = newTodayStart(u)
	header := container.NewVBox(s.greeting, s.date, s.start.card)
	columns := container.NewGridWithColumns(2, container.NewVBox(followups),
		container.NewVBox(s.monthCard, recent, syncCard))
	s.view = container.NewVScroll(container.NewPadded(container.NewVBox(header, columns)))
	return s
}

// sectionLabel is a bold heading inside a card.
func sectionLabel(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Importance = imp
	return l
}

// statLabel shows one of the month's figures large.
func statLabel() *widget.Label {
	l := widget.NewLabel("")
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// refresh reloads Today off the UI goroutine.
func (s *todayScreen) refresh() {
	now := s.u.opt.Now()
	newest(s.u, &s.gen, func() (todayData, error) { return s.load(now) }, s.show)
}

// load reads what Today shows; it runs off the UI goroutine.
func (s *todayScreen) load(now time.Time) (todayData, error) {
	st, ctx := s.u.storeForToday(), s.u.ctx()
	today := now.Format(domain.DateLayout)
	horizon := now.AddDate(0, 0, upcomingDays).Format(domain.DateLayout)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	d := todayData{todayISO: today, monthFirst: first.Format(domain.DateLayout),
		monthLast: first.AddDate(0, 1, -1).Format(domain.DateLayout)}

	if p, err := st.Profile(); err == nil {
		d.advisor = p.Advisor
	}
	// Only the rows shown are loaded; the totals are counted in SQL, so a
	// long backlog of follow-ups costs nothing here.
	overdueQ := data.ActionQuery{Status: data.ActionsOverdue, Today: today}
	upcomingQ := data.ActionQuery{Status: data.ActionsOpen, DueFrom: today, DueTo: horizon}
	var err error
	if d.overdueTotal, err = st.CountActions(ctx, overdueQ); err != nil {
		return d, err
	}
	if d.upcomingTotal, err = st.CountActions(ctx, upcomingQ); err != nil {
		return d, err
	}
	overdueQ.Limit, upcomingQ.Limit = todayMaxRows, todayMaxRows
	if d.overdue, err = st.Actions(ctx, overdueQ); err != nil {
		return d, err
	}
	if d.upcoming, err = st.Actions(ctx, upcomingQ); err != nil {
		return d, err
	}

	if d.recent, err = st.Visits(ctx, data.VisitQuery{Limit: recentVisits}); err != nil {
		return d, err
	}
	var ids []string
	for _, v := range d.recent {
		ids = append(ids, v.OrgIDs...)
	}
	orgs, err := st.OrganisationsByID(ctx, ids)
	if err != nil {
		return d, err
	}
	d.orgNames = make(map[string]string, len(orgs))
	for id, o := range orgs {
		d.orgNames[id] = o.Name
	}

	d.monthVisits, d.monthMins, err = st.VisitTotals(ctx, d.monthFirst, d.monthLast)
	if err != nil {
		return d, err
	}
	if len(d.recent) == 0 {
		if d.emptyDB, err = st.IsEmpty(ctx); err != nil {
			return d, err
		}
	}
	d.sync, err = s.u.readSyncState(false)
	return d, err
}

// show puts loaded data on screen (UI goroutine).
func (s *todayScreen) show(d todayData) {
	tr := s.u.tr
	if d.advisor != "" {
		s.greeting.SetText(tr.T("ui.today.greeting", "Name", d.advisor))
	} else {
		s.greeting.SetText(tr.T("nav.today"))
	}
	s.date.SetText(tr.T("ui.today.heading", "Date", tr.DateString(d.todayISO)))
	text, imp := s.u.syncStatus(d.sync)
	s.syncLine.SetText(text)
	s.syncLine.Importance = imp
	s.syncLine.Refresh()

	n := d.overdueTotal
	if n == 0 {
		s.overdueTitle.SetText(tr.T("ui.today.none_overdue"))
		s.overdueTitle.Importance = widget.SuccessImportance
	} else {
		s.overdueTitle.SetText(tr.N("ui.today.overdue", n, "N", tr.Number(n)))
		s.overdueTitle.Importance = widget.DangerImportance
	}
	s.overdueTitle.Refresh()
	s.fillActions(s.overdue, d.overdue, d.overdueTotal, d.todayISO, data.ActionsOverdue)

	if n := d.upcomingTotal; n == 0 {
		s.upcomingTitle.SetText(tr.T("ui.today.none_upcoming", "Days", upcomingDays))
	} else {
		s.upcomingTitle.SetText(tr.N("ui.today.upcoming", n, "N", tr.Number(n), "Days", upcomingDays))
	}
	s.fillActions(s.upcoming, d.upcoming, d.upcomingTotal, d.todayISO, data.ActionsOpen)

	s.recent.RemoveAll()
	if len(d.recent) == 0 {
		none := widget.NewLabel(tr.T("ui.today.no_visits"))
		none.Importance = widget.LowImportance
		s.recent.Add(none)
	}
	s.start.show(len(d.recent) == 0, d.emptyDB)
	for _, v := range d.recent {
		s.recent.Add(s.visitRow(v, d.orgNames))
	}

	s.monthCard.SetSubTitle(tr.T("ui.today.month_range", "From", tr.DateString(d.monthFirst), "To", tr.DateString(d.monthLast)))
	s.monthVisits.SetText(tr.Number(d.monthVisits))
	s.monthVisitsCap.SetText(tr.N("ui.today.month_visits", d.monthVisits))
	s.monthHours.SetText(hours(s.u, d.monthMins))
	// Rows came and went: lay out the whole page again, not only the lists.
	s.view.Refresh()
}

// fillActions lists up to todayMaxRows actions, and a way to the rest on
// the Actions screen (filtered to status).
func (s *todayScreen) fillActions(box *fyne.Container, rows []data.ActionRow, total int, today string, status data.ActionStatus) {
	box.RemoveAll()
	for i, a := range rows {
		if i == todayMaxRows {
			break
		}
		box.Add(s.actionRow(a, today))
	}
	if more := total - min(len(rows), todayMaxRows); more > 0 {
		btn := widget.NewButtonWithIcon(s.u.tr.N("ui.today.more", more, "N", s.u.tr.Number(more)),
			theme.NavigateNextIcon(), func() { s.u.showActions(status) })
		btn.Importance = widget.LowImportance
		btn.Alignment = widget.ButtonAlignLeading
		box.Add(btn)
	}
}

// actionRow is one follow-up: a one-click Done button, the text (red when
// late), the organisation (a link to it) and the due date.
func (s *todayScreen) actionRow(a data.ActionRow, today string) fyne.CanvasObject {
	tr := s.u.tr
	late := a.IsOverdue(today)
	text := widget.NewLabel(a.Text)
	text.Wrapping = fyne.TextWrapWord
	due := widget.NewLabel(dueText(s.u, a.Action, today))
	if late {
		text.Importance = widget.DangerImportance
		due.Importance = widget.DangerImportance
	} else {
		due.Importance = widget.LowImportance
	}
	org := widget.NewHyperlink(a.OrgName, nil)
	orgID := a.OrgID
	org.OnTapped = func() { s.u.selectOrg(orgID) }

	var done *widget.Button
	done = widget.NewButtonWithIcon(tr.T("ui.action.mark_done"), theme.ConfirmIcon(), func() {
		done.Disable() // one click is enough; a second would race the first
		s.u.markActionDone(a.Action, true, func(err error) {
			if err != nil {
				done.Enable()
			}
		}, nil)
	})
	// The two lines of one action sit close, so rows read as units.
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), text, container.NewHBox(org, due))
	return container.NewBorder(nil, nil, container.NewVBox(done), nil, lines)
}

// visitRow is one recent visit: date, organisations, type and length.
func (s *todayScreen) visitRow(v domain.Visit, names map[string]string) fyne.CanvasObject {
	tr := s.u.tr
	date := widget.NewLabel(tr.DateString(v.Date))
	date.TextStyle = fyne.TextStyle{Bold: true}
	var orgs []string
	for _, id := range v.OrgIDs {
		if n, ok := names[id]; ok {
			orgs = append(orgs, n)
		}
	}
	who := widget.NewLabel(strings.Join(orgs, ", "))
	who.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel(tr.VisitType(v.Type) + " · " + tr.T("ui.today.minutes", "N", tr.Number(v.Minutes)))
	what.Importance = widget.LowImportance
	id := v.ID
	open := widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { s.u.EditVisit(id) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, date, container.NewHBox(what, open), who)
}

// dueText says when an open action is due, or when a done one was done.
func dueText(u *UI, a domain.Action, today string) string {
	switch {
	case a.Done != "":
		return u.tr.T("ui.action.done_on", "Date", u.tr.DateString(a.Done))
	case a.Due == "":
		return u.tr.T("ui.action.no_due")
	case a.Due == today:
		return u.tr.T("ui.action.due_today")
	}
	return u.tr.T("ui.action.due", "Date", u.tr.DateString(a.Due))
}

// hours turns minutes into hours with one decimal in the reader's number
// format (sv/nb 12,5 — en 12.5), rounded to the nearest tenth.
func hours(u *UI, minutes int) string {
	tenths := (minutes*10 + 30) / 60
	sep := ","
	if u.tr.Lang() == "en" {
		sep = "."
	}
	return u.tr.Number(tenths/10) + sep + string(rune('0'+tenths%10))
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
