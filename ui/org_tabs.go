package ui

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// orgTimeline lists an organisation's visits, newest first.
type orgTimeline struct {
	u     *UI
	view  fyne.CanvasObject
	orgID string
	gen   atomic.Int64 // the newest load wins when organisations change quickly
	rows  []domain.Visit
	list  *widget.List
	empty *widget.Label
}

func newOrgTimeline(u *UI) *orgTimeline {
	t := &orgTimeline{u: u}
	t.list = widget.NewList(func() int { return len(t.rows) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			notes := widget.NewLabel("")
			notes.Truncation = fyne.TextTruncateEllipsis
			assess := widget.NewButtonWithIcon(u.tr.T("ui.visit.assess"), theme.GridIcon(), nil)
			assess.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, container.NewCenter(assess), container.NewVBox(head, notes))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(t.rows) {
				return
			}
			v := t.rows[i]
			row := o.(*fyne.Container)
			box := row.Objects[0].(*fyne.Container)
			row.Objects[1].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() {
				// An assessment made at this visit: its date and link come along.
				u.newAssessment(assessStart{OrgID: t.orgID, VisitID: v.ID, Date: v.Date}, u.orgs.detail.assess.reload)
			}
			head := u.tr.DateString(v.Date) + " · " + u.tr.VisitType(v.Type) + " · " + u.tr.N("ui.minutes", v.Minutes, "N", v.Minutes)
			if v.Advisor != "" {
				head += " · " + v.Advisor
			}
			box.Objects[0].(*widget.Label).SetText(head)
			first, _, _ := strings.Cut(v.Notes, "\n")
			box.Objects[1].(*widget.Label).SetText(first)
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		if i < len(t.rows) {
			u.EditVisit(t.rows[i].ID)
		}
		t.list.UnselectAll()
	}
	t.empty = widget.NewLabel(u.tr.T("ui.timeline.none"))
	t.empty.Importance = widget.LowImportance
	add := widget.NewButtonWithIcon(u.tr.T("ui.org.new_visit"), theme.ContentAddIcon(), func() { u.NewVisit([]string{t.orgID}) })
	t.view = container.NewBorder(container.NewHBox(add), nil, nil, nil, container.NewStack(t.empty, t.list))
	return t
}

func (t *orgTimeline) load(orgID string) {
	t.orgID = orgID
	newest(t.u, &t.gen, func() ([]domain.Visit, error) {
		return t.u.storeForOrgs().Visits(t.u.ctx(), data.VisitQuery{OrgID: orgID})
	}, func(rows []domain.Visit) {
		t.rows = rows
		t.empty.Hidden = len(rows) > 0
		t.empty.Refresh()
		t.list.Refresh()
	})
}
