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
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// jointScreen lists the project's joint actions — pilots, plans and formal
// cooperation with partner organisations — newest first, filtered by kind,
// by text, or by one partner (from an organisation's page).
type jointScreen struct {
	u    *UI
	view fyne.CanvasObject

	kind    *widgets.ChoiceSelect
	search  *widget.Entry
	partner *fyne.Container // "Partner: X  ✕" while the list shows one organisation's
	orgID   string
	typing  *debounce
	count   *widget.Label
	empty   *widget.Label
	guide   *widget.Button // opens the guide's section, shown with empty
	list    *widget.List

	rows  []jointRow
	shown struct {
		q   data.JointQuery
		gen data.Generation
	}
	loaded bool
	gen    atomic.Int64
}

// jointRow is a joint action with its partners' names and whether it is
// cross-border, as a row shows it.
type jointRow struct {
	domain.JointAction
	partners    string
	crossBorder bool
}

func newJointScreen(u *UI) *jointScreen {
	tr := u.tr
	s := &jointScreen{u: u}
	kinds := []widgets.Choice{{Value: "", Label: tr.T("ui.joint.any_kind")}}
	for _, k := range domain.JointKinds {
		kinds = append(kinds, widgets.Choice{Value: string(k), Label: tr.JointKind(k)})
	}
	s.kind = widgets.NewChoiceSelect(kinds, nil)
	s.kind.SetSelectedIndex(0)
	s.kind.OnChanged = func(string) { s.refresh() }
	s.typing = &debounce{u: u, delay: searchDelay}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr.T("ui.joint.search"))
	s.search.OnChanged = func(string) { s.typing.run(s.refresh) }
	s.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText("") })
	s.partner = container.NewHBox()
	s.partner.Hide()

	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.empty = widget.NewLabel("")
	s.empty.Importance = widget.LowImportance
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()
	s.guide = u.guideButton("joint-actions")
	s.guide.Hide()
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.rows) {
			u.EditJointAction(s.rows[i].ID)
		}
		s.list.UnselectAll()
	}
	newBtn := widget.NewButtonWithIcon(tr.T("ui.joint.new"), theme.ContentAddIcon(), func() {
		var orgs []string
		if s.orgID != "" {
			orgs = []string{s.orgID}
		}
		u.NewJointAction(orgs)
	})
	newBtn.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newBtn, container.NewBorder(nil, nil, nil,
			atLeast(selectWidth(s.kind.Select.Options...), s.kind.Select), s.search)),
		s.partner, s.count, s.empty, container.NewHBox(s.guide))
	s.view = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list)
	return s
}

func (s *jointScreen) newRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewCenter(del), container.NewVBox(title, newSubLine()))
}

func (s *jointScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.rows) {
		return
	}
	r, tr := s.rows[i], s.u.tr
	row := o.(*fyne.Container)
	box := row.Objects[0].(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Title)
	parts := []string{tr.JointKind(r.Kind), tr.JointStatus(r.Status)}
	switch {
	case r.Start != "" && r.Date != "":
		parts = append(parts, tr.DateString(r.Start)+" – "+tr.DateString(r.Date))
	case r.Date != "":
		parts = append(parts, tr.DateString(r.Date))
	case r.Start != "":
		parts = append(parts, tr.T("ui.joint.since", "Date", tr.DateString(r.Start)))
	}
	if r.crossBorder {
		parts = append(parts, tr.T("ui.joint.cross_border_short"))
	}
	parts = append(parts, r.partners)
	setSubLine(box.Objects[1].(*widget.RichText), strings.Join(parts, " · "))
	j := r.JointAction
	row.Objects[1].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() { s.delete(j) }
}

// showPartner lists only the joint actions of one organisation (its page's
// "Joint actions" button); "" lists all again.
func (s *jointScreen) showPartner(orgID, name string) {
	s.orgID = orgID
	s.partner.RemoveAll()
	if orgID != "" {
		s.partner.Add(widget.NewLabel(s.u.tr.T("ui.joint.partner_filter", "Name", name)))
		s.partner.Add(widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.showPartner("", "") }))
		s.partner.Show()
	} else {
		s.partner.Hide()
	}
	s.refresh()
}

// refresh reloads the list off the UI goroutine; only the newest query's
// result is shown.
func (s *jointScreen) refresh() {
	q := data.JointQuery{OrgID: s.orgID, Kind: domain.JointKind(s.kind.Value()), Text: s.search.Text}
	st, shown, had := s.u.storeForJoint(), s.shown, s.loaded
	type page struct {
		rows    []jointRow
		gen     data.Generation
		current bool
	}
	newest(s.u, &s.gen, func() (page, error) {
		g, err := st.Generation(s.u.ctx())
		if err != nil {
			return page{}, err
		}
		if had && shown.q == q && shown.gen == g {
			return page{current: true}, nil
		}
		js, err := st.JointActions(s.u.ctx(), q)
		if err != nil {
			return page{}, err
		}
		var ids []string
		for _, j := range js {
			ids = append(ids, j.OrgIDs...)
		}
		orgs, err := st.OrganisationsByID(s.u.ctx(), ids)
		if err != nil {
			return page{}, err
		}
		rows := make([]jointRow, 0, len(js))
		for _, j := range js {
			var names []string
			for _, id := range j.OrgIDs {
				if o, ok := orgs[id]; ok {
					names = append(names, o.Name)
				}
			}
			rows = append(rows, jointRow{JointAction: j, partners: strings.Join(names, ", "),
				crossBorder: j.IsCrossBorder(func(id string) domain.Country { return orgs[id].Country })})
		}
		return page{rows: rows, gen: g}, nil
	}, func(p page) {
		if p.current {
			return
		}
		s.rows, s.loaded = p.rows, true
		s.shown.q, s.shown.gen = q, p.gen
		tr := s.u.tr
		s.count.SetText(tr.N("ui.joint.count", len(p.rows), "N", tr.Number(len(p.rows))))
		s.guide.Hide()
		switch {
		case len(p.rows) > 0:
			s.empty.Hide()
		case q.Text != "" || q.Kind != "" || q.OrgID != "":
			s.empty.SetText(tr.T("ui.joint.none_found"))
			s.empty.Show()
		default:
			s.empty.SetText(tr.T("ui.joint.none"))
			s.empty.Show()
			s.guide.Show()
		}
		s.list.Refresh()
	})
}

// delete deletes a joint action off the UI goroutine and offers Undo.
func (s *jointScreen) delete(j domain.JointAction) {
	u, st := s.u, s.u.storeForJoint()
	u.background(func() func() {
		err := st.DeleteJointAction(u.ctx(), j.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.undo.offer(u.tr.T("ui.joint.deleted", "Title", j.Title),
				func() error { return st.RestoreJointAction(u.ctx(), j.ID) }, nil)
			u.dataChanged()
		}
	})
}
