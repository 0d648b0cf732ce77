package ui

import (
	"slices"
	"sync/atomic"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// pickerDelay is shorter than the list search's: the picker queries at most
// a handful of rows and the advisor is waiting for them.
const pickerDelay = 80 * time.Millisecond

// orgLookup finds organisations for an organisation picker, off the UI
// goroutine.
type orgLookup struct {
	u      *UI
	gen    atomic.Int64 // the newest query; older results are dropped
	typing *debounce
}

func (u *UI) newOrgLookup() *orgLookup {
	return &orgLookup{u: u, typing: &debounce{u: u, delay: pickerDelay}}
}

// newOrgPicker is an organisation picker on the window.
func (u *UI) newOrgPicker() *widgets.OrgPicker {
	return widgets.NewOrgPicker(u.newOrgLookup(), u.tr, u.win.Canvas)
}

// Find implements widgets.OrgLookup.
func (l *orgLookup) Find(text string, exclude []string, limit int, now bool, show func([]widgets.OrgMatch)) {
	l.typing.stop()
	u := l.u
	q := data.OrgQuery{Text: text, Lang: u.tr.Lang(), Limit: limit + len(exclude)}
	search := func() {
		newest(u, &l.gen, func() ([]data.OrgRow, error) {
			return u.storeForLookup().SearchOrganisations(u.ctx(), q)
		}, func(rows []data.OrgRow) {
			rows = slices.DeleteFunc(rows, func(r data.OrgRow) bool { return slices.Contains(exclude, r.ID) })
			if len(rows) > limit {
				rows = rows[:limit]
			}
			matches := make([]widgets.OrgMatch, len(rows))
			for i, r := range rows {
				label := u.orgLabel(r.Organisation)
				if nr := r.OrgNumberMasked(); nr != "" {
					label += " · " + nr
				}
				matches[i] = widgets.OrgMatch{ID: r.ID, Name: r.Name, Label: label}
			}
			show(matches)
		})
	}
	if now {
		search()
	} else {
		l.typing.run(search)
	}
}

// Stop implements widgets.OrgLookup.
func (l *orgLookup) Stop() {
	l.typing.stop()
	l.gen.Add(1)
}

// Names implements widgets.OrgLookup: a lookup by primary key is quick
// enough for the UI goroutine.
func (l *orgLookup) Names(ids []string) map[string]string {
	orgs, err := l.u.storeForLookup().OrganisationsByID(l.u.ctx(), ids)
	if err != nil {
		l.u.showError(err)
	}
	names := make(map[string]string, len(orgs))
	for id, o := range orgs {
		names[id] = o.Name
	}
	return names
}

// newCalendar opens calendars for a form's date fields on the window.
func (u *UI) newCalendar() *widgets.CalendarHost {
	return widgets.NewCalendarHost(u.tr, u.opt.Now, u.win.Canvas)
}
