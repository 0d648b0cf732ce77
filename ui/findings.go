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

// findingsScreen is the project's findings log: what the project learnt,
// by its five steps in order, then the newest first; filtered by step and
// searched by words. The report draft takes its chapters from it.
type findingsScreen struct {
	u    *UI
	view fyne.CanvasObject

	step   *widgets.ChoiceSelect
	search *widget.Entry
	typing *debounce
	count  *widget.Label
	empty  *widget.Label
	list   *widget.List

	rows  []findingRow
	shown struct {
		q   data.FindingQuery
		gen data.Generation
	}
	loaded bool
	gen    atomic.Int64
}

// findingRow is an entry with the names of what it is linked to.
type findingRow struct {
	domain.Finding
	links string
}

func newFindingsScreen(u *UI) *findingsScreen {
	tr := u.tr
	s := &findingsScreen{u: u}
	steps := []widgets.Choice{{Value: "", Label: tr.T("ui.findings.any_step")}}
	for _, st := range domain.ProjectSteps {
		steps = append(steps, widgets.Choice{Value: string(st), Label: tr.ProjectStep(st)})
	}
	s.step = widgets.NewChoiceSelect(steps, nil)
	s.step.SetSelectedIndex(0)
	s.step.OnChanged = func(string) { s.refresh() }
	s.typing = &debounce{u: u, delay: searchDelay}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr.T("ui.findings.search"))
	s.search.OnChanged = func(string) { s.typing.run(s.refresh) }
	s.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText("") })
	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.empty = widget.NewLabel("")
	s.empty.Importance = widget.LowImportance
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Hide()
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.rows) {
			u.EditFinding(s.rows[i].ID)
		}
		s.list.UnselectAll()
	}
	newBtn := widget.NewButtonWithIcon(tr.T("ui.findings.new"), theme.ContentAddIcon(), func() {
		u.NewFinding(domain.ProjectStep(s.step.Value()))
	})
	newBtn.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newBtn, container.NewBorder(nil, nil, nil,
			atLeast(selectWidth(s.step.Select.Options...), s.step.Select), s.search)),
		s.count, s.empty)
	s.view = container.NewBorder(container.NewPadded(top), nil, nil, nil, s.list)
	return s
}

func (s *findingsScreen) newRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Truncation = fyne.TextTruncateEllipsis
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewCenter(del), container.NewVBox(title, newSubLine()))
}

func (s *findingsScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.rows) {
		return
	}
	r, tr := s.rows[i], s.u.tr
	row := o.(*fyne.Container)
	box := row.Objects[0].(*fyne.Container)
	first, _, _ := strings.Cut(r.Text, "\n")
	box.Objects[0].(*widget.Label).SetText(first)
	parts := []string{tr.ProjectStep(r.Step), tr.FindingKind(r.Kind), tr.DateString(r.Date)}
	for _, p := range []string{r.Source, r.links, r.Author} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	setSubLine(box.Objects[1].(*widget.RichText), strings.Join(parts, " · "))
	f := r.Finding
	row.Objects[1].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() { s.delete(f) }
}

// refresh reloads the list off the UI goroutine; only the newest query's
// result is shown, and nothing is read while nothing changed.
func (s *findingsScreen) refresh() {
	q := data.FindingQuery{Step: domain.ProjectStep(s.step.Value()), Text: s.search.Text}
	st, shown, had := s.u.storeForFindings(), s.shown, s.loaded
	type page struct {
		rows    []findingRow
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
		fs, err := st.Findings(s.u.ctx(), q)
		if err != nil {
			return page{}, err
		}
		var ids []string
		for _, f := range fs {
			ids = append(ids, f.OrgIDs...)
		}
		orgs, err := st.OrganisationsByID(s.u.ctx(), ids)
		if err != nil {
			return page{}, err
		}
		joints := map[string]string{}
		if js, err := st.JointActions(s.u.ctx(), data.JointQuery{}); err == nil {
			for _, j := range js {
				joints[j.ID] = j.Title
			}
		}
		rows := make([]findingRow, 0, len(fs))
		for _, f := range fs {
			var names []string
			for _, id := range f.OrgIDs {
				if o, ok := orgs[id]; ok {
					names = append(names, o.Name)
				}
			}
			for _, id := range f.JointIDs {
				if t, ok := joints[id]; ok {
					names = append(names, t)
				}
			}
			rows = append(rows, findingRow{Finding: f, links: strings.Join(names, ", ")})
		}
		return page{rows: rows, gen: g}, nil
	}, func(p page) {
		if p.current {
			return
		}
		s.rows, s.loaded = p.rows, true
		s.shown.q, s.shown.gen = q, p.gen
		tr := s.u.tr
		s.count.SetText(tr.N("ui.findings.count", len(p.rows), "N", tr.Number(len(p.rows))))
		switch {
		case len(p.rows) > 0:
			s.empty.Hide()
		case q.Text != "" || q.Step != "":
			s.empty.SetText(tr.T("ui.findings.none_found"))
			s.empty.Show()
		default:
			s.empty.SetText(tr.T("ui.findings.none"))
			s.empty.Show()
		}
		s.list.Refresh()
	})
}

// delete deletes an entry off the UI goroutine and offers Undo.
func (s *findingsScreen) delete(f domain.Finding) {
	u, st := s.u, s.u.storeForFindings()
	u.background(func() func() {
		err := st.DeleteFinding(u.ctx(), f.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			first, _, _ := strings.Cut(f.Text, "\n")
			u.undo.offer(u.tr.T("ui.findings.deleted", "Text", first),
				func() error { return st.RestoreFinding(u.ctx(), f.ID) }, nil)
			u.dataChanged()
		}
	})
}
