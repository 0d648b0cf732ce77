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

// orgActions lists an organisation's actions and adds new ones with a
// small inline form. The form keeps no draft: Esc with text typed asks
// before the text goes.
type orgActions struct {
	formBase
	view      fyne.CanvasObject
	orgID     string
	gen       atomic.Int64 // the newest load wins when organisations change quickly
	rows      []data.ActionRow
	list      *widget.List
	text      *widgets.KeyedEntry
	due       *widgets.KeyedEntry
	addButton *widget.Button
	// link ties a new action to a dimension of a model the organisation
	// was assessed in ("model|dimension"; "" for none).
	link      *widgets.ChoiceSelect
	linkNames map[string]string // "model|dimension" → "Model: Dimension"
	// pendingLink is a link asked for before the choices were loaded.
	pendingLink string
}

func newOrgActions(u *UI) *orgActions {
	a := &orgActions{}
	a.init(u, "", func() any { return a.snapshot() }, a.add)
	a.reloadsItself = true
	a.revert = a.clear
	a.list = widget.NewList(func() int { return len(a.rows) },
		func() fyne.CanvasObject {
			check := widget.NewCheck("", nil)
			due := widget.NewLabel("")
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, container.NewHBox(due, container.NewCenter(del)), check)
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
			check.Enable() // a recycled row may come from one being written
			check.OnChanged = func(done bool) { a.setDone(check, r.Action, done) }
			right := box.Objects[1].(*fyne.Container)
			due := right.Objects[0].(*widget.Label)
			act := r.Action
			right.Objects[1].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() { a.remove(act) }
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
	a.text = a.entry(false)
	a.text.SetPlaceHolder(u.tr.T("ui.actions.new_placeholder"))
	a.due = a.dateEntry()
	a.due.SetPlaceHolder(u.tr.T("ui.date_placeholder"))
	a.form.Add("text", u.tr.T("field.text"), a.text)
	a.form.Add("due", u.tr.T("field.due"), a.due)
	a.link = widgets.NewChoiceSelect(nil, func(string) { a.changed() })
	a.form.Add("dimension", u.tr.T("field.dimension"), a.link.Select)
	a.addButton = widget.NewButtonWithIcon(u.tr.T("ui.actions.add"), theme.ContentAddIcon(), a.add)
	a.saveButtons = append(a.saveButtons, a.addButton)
	a.text.OnSubmitted = func(string) { a.add() }
	a.body = container.NewVBox(a.form.Content())
	a.begin()
	a.view = container.NewBorder(container.NewVBox(a.body, container.NewHBox(a.addButton)), nil, nil, nil, a.list)
	return a
}

// orgActionDraft is the new action as typed.
type orgActionDraft struct {
	Text, Due, Link string
}

func (a *orgActions) snapshot() orgActionDraft {
	return orgActionDraft{Text: a.text.Text, Due: a.due.Text, Link: a.link.Value()}
}

// clear empties the new action's fields (after adding it, or a discard).
func (a *orgActions) clear() {
	a.fillWith(func() {
		a.form.Clear()
		a.text.SetText("")
		a.due.SetText("")
		a.link.SetValue("")
	})
	a.begin()
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
		a.fillWith(func() { // the same choice, offered again: not the user's edit
			a.link.SetChoices(append([]widgets.Choice{{Value: "", Label: u.tr.T("ui.choice.none")}}, d.links...))
			a.link.SetValue(keep)
		})
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

// add stores a new action off the UI goroutine, with Add and the fields
// off meanwhile; the fields clear once it is stored.
func (a *orgActions) add() {
	if !a.canSave() {
		return
	}
	act := domain.Action{OrgID: a.orgID, Text: a.text.Text}
	if p, err := a.u.storeForOrgs().Profile(); err == nil {
		act.Owner = p.Advisor
	}
	due, err := a.u.typedDate("due", a.due.Text)
	if err != nil {
		a.form.ShowErrors(err)
		return
	}
	act.Due = due
	act.ModelID, act.Dimension, _ = strings.Cut(a.link.Value(), "|")
	st := a.u.storeForOrgs()
	a.runSave(func() error { return st.CreateAction(a.u.ctx(), &act) }, func() {
		a.clear()
		a.load(a.orgID)
	})
}

// remove deletes an action (Undo brings it back) and lists the actions again.
func (a *orgActions) remove(act domain.Action) {
	org := a.orgID
	a.u.deleteAction(act, func() {
		if a.orgID == org {
			a.load(org)
		}
	})
}

// setDone marks the action done (or open again) off the UI goroutine, its
// box held meanwhile, then lists the actions again.
func (a *orgActions) setDone(check *widget.Check, act domain.Action, done bool) {
	check.Disable()
	org := a.orgID
	reload := func() {
		if a.orgID == org {
			a.load(org)
		}
	}
	a.u.markActionDone(act, done, func(error) {
		check.Enable()
		reload()
	}, reload)
}
