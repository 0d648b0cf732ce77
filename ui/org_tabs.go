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
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/ui/widgets"
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

// orgActions lists an organisation's actions and adds new ones.
type orgActions struct {
	u         *UI
	view      fyne.CanvasObject
	orgID     string
	gen       atomic.Int64 // the newest load wins when organisations change quickly
	rows      []data.ActionRow
	list      *widget.List
	text      *widget.Entry
	due       *widget.Entry
	f         *widgets.Form
	form      fyne.CanvasObject // the fields, held still while adding
	addButton *widget.Button
	saver     saver
	// link ties a new action to a dimension of a model the organisation
	// was assessed in ("model|dimension"; "" for none).
	link      *widgets.ChoiceSelect
	linkNames map[string]string // "model|dimension" → "Model: Dimension"
	// pendingLink is a link asked for before the choices were loaded.
	pendingLink string
}

func newOrgActions(u *UI) *orgActions {
	a := &orgActions{u: u, saver: saver{u: u}}
	a.list = widget.NewList(func() int { return len(a.rows) },
		func() fyne.CanvasObject {
			check := widget.NewCheck("", nil)
			due := widget.NewLabel("")
			return container.NewBorder(nil, nil, nil, due, check)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(a.rows) {
				return
			}
			r := a.rows[i]
			box := o.(*fyne.Container)
			check := box.Objects[0].(*widget.Check)
			check.OnChanged = nil
			check.SetText(r.Text)
			check.SetChecked(!r.IsOpen())
			check.OnChanged = func(done bool) { a.setDone(r.ID, done) }
			due := box.Objects[1].(*widget.Label)
			due.Importance = widget.LowImportance
			if r.IsOverdue(u.today8601()) {
				due.Importance = widget.DangerImportance
			}
			text := dueText(u, r.Action, u.today8601())
			if name := a.linkNames[linkKey(r.ModelID, r.Dimension)]; name != "" {
				text = name + " · " + text
			}
			due.SetText(text)
			due.Refresh()
		})
	a.text = widget.NewEntry()
	a.text.SetPlaceHolder(u.tr.T("ui.actions.new_placeholder"))
	a.due = widget.NewEntry()
	a.due.SetPlaceHolder(u.tr.T("ui.date_placeholder"))
	a.f = widgets.NewForm(u.tr)
	a.f.Add("text", u.tr.T("field.text"), a.text)
	a.f.Add("due", u.tr.T("field.due"), a.due)
	a.link = widgets.NewChoiceSelect(nil, nil)
	a.f.Add("dimension", u.tr.T("field.dimension"), a.link.Select)
	a.addButton = widget.NewButtonWithIcon(u.tr.T("ui.actions.add"), theme.ContentAddIcon(), a.add)
	a.text.OnSubmitted = func(string) { a.add() }
	a.form = a.f.Content()
	a.view = container.NewBorder(container.NewVBox(a.form, container.NewHBox(a.addButton)), nil, nil, nil, a.list)
	return a
}

// orgActionsData is what the tab shows: the actions, and the dimensions an
// action can be linked to.
type orgActionsData struct {
	rows  []data.ActionRow
	links []widgets.Choice
}

func (a *orgActions) load(orgID string) {
	a.orgID = orgID
	u := a.u
	lib := u.opt.Models // read here: a sync may replace it on the UI goroutine
	newest(u, &a.gen, func() (orgActionsData, error) {
		rows, err := u.storeForOrgs().Actions(u.ctx(), data.ActionQuery{OrgID: orgID})
		if err != nil {
			return orgActionsData{}, err
		}
		links, err := u.dimensionChoices(orgID, lib)
		return orgActionsData{rows, links}, err
	}, func(d orgActionsData) {
		a.rows = d.rows
		a.linkNames = map[string]string{}
		for _, c := range d.links {
			a.linkNames[c.Value] = c.Label
		}
		keep := a.link.Value()
		if a.pendingLink != "" {
			keep, a.pendingLink = a.pendingLink, ""
		}
		a.link.SetChoices(append([]widgets.Choice{{Value: "", Label: u.tr.T("ui.choice.none")}}, d.links...))
		a.link.SetValue(keep)
		a.list.Refresh()
	})
}

// prefill starts a new action with text, linked to a dimension and due
// when its target is, for the advisor to adjust and add.
func (a *orgActions) prefill(text, modelID, dimension, due string) {
	a.text.SetText(text)
	a.due.SetText(a.u.tr.DateString(due))
	key := linkKey(modelID, dimension)
	a.link.SetValue(key)
	if a.link.Value() != key {
		a.pendingLink = key // the choices are still loading
	}
	a.u.win.Canvas().Focus(a.text)
}

func linkKey(model, dim string) string {
	if model == "" {
		return ""
	}
	return model + "|" + dim
}

// dimensionChoices are the dimensions of the scale models an organisation
// has been assessed in, named "Model: Dimension" in the reader's language.
func (u *UI) dimensionChoices(orgID string, lib *models.Library) ([]widgets.Choice, error) {
	all, err := u.storeForOrgs().Assessments(u.ctx(), orgID)
	if err != nil || lib == nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []widgets.Choice
	lang := u.tr.Lang()
	for _, as := range all {
		m, ok := lib.Latest(as.ModelID)
		if !ok || m.Kind != models.KindScale || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		for _, d := range m.Dimensions {
			out = append(out, widgets.Choice{Value: linkKey(m.ID, d.ID), Label: m.Name.In(lang) + ": " + d.Name.In(lang)})
		}
	}
	return out, nil
}

// add stores a new action off the UI goroutine (see saver); the fields
// clear once it is stored.
func (a *orgActions) add() {
	if a.saver.running {
		return
	}
	act := domain.Action{OrgID: a.orgID, Text: a.text.Text}
	if p, err := a.u.storeForOrgs().Profile(); err == nil {
		act.Owner = p.Advisor
	}
	due, err := a.u.typedDate("due", a.due.Text)
	if err != nil {
		a.f.ShowErrors(err)
		return
	}
	act.Due = due
	act.ModelID, act.Dimension, _ = strings.Cut(a.link.Value(), "|")
	a.saver.run(a.form, []fyne.Disableable{a.addButton}, func() error {
		return a.u.storeForOrgs().CreateAction(a.u.ctx(), &act)
	}, func(err error) {
		if err != nil {
			if !a.f.ShowErrors(err) {
				a.u.showError(err)
			}
			return
		}
		a.f.Clear()
		a.text.SetText("")
		a.due.SetText("")
		a.link.SetValue("")
		a.load(a.orgID)
	})
}

func (a *orgActions) setDone(id string, done bool) {
	date := ""
	if done {
		date = a.u.today8601()
	}
	if err := a.u.storeForOrgs().SetActionDone(a.u.ctx(), id, date); err != nil {
		a.u.showError(err)
	}
	a.load(a.orgID)
}
