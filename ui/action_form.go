package ui

import (
	"errors"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// orgMatches is how many organisations the new-action dialog suggests.
const orgMatches = 6

// newActionForm is the small dialog that adds an action to any
// organisation, outside a visit. It keeps no draft: closing it with text
// typed asks before the text goes.
type newActionForm struct {
	formBase
	search  *widgets.KeyedEntry
	matches *fyne.Container
	chosen  *widget.Label
	orgID   string
	text    *widgets.KeyedEntry
	due     *widgets.KeyedEntry
	owner   *widgets.KeyedEntry
	gen     atomic.Int64
}

// newActionDraft is the dialog's content as typed.
type newActionDraft struct {
	Search, OrgID, Text, Due, Owner string
}

// newActionDialog opens the new-action dialog.
func (u *UI) newActionDialog() *newActionForm {
	tr := u.tr
	a := &newActionForm{}
	a.init(u, "", func() any { return a.snapshot() }, a.save)
	a.search = a.entry(false)
	a.search.SetPlaceHolder(tr.T("ui.actions.org_search"))
	a.search.OnChanged = func(string) {
		a.choose("", "")
		a.find()
		a.changed()
	}
	a.chosen = widget.NewLabel("")
	a.chosen.TextStyle = fyne.TextStyle{Bold: true}
	a.chosen.Hide()
	a.matches = container.NewVBox()
	submit := func(string) { a.save() }
	a.text = a.entry(false)
	a.text.OnSubmitted = submit
	a.due = a.dateEntry()
	a.due.SetPlaceHolder(tr.T("ui.actions.date_hint", "Example", tr.Date(u.opt.Now().AddDate(0, 0, upcomingDays))))
	a.due.OnSubmitted = submit
	a.owner = a.entry(false)
	a.owner.OnSubmitted = submit

	a.form.Add("org", tr.T("field.org"), container.NewVBox(a.search, a.chosen, a.matches))
	a.form.Add("text", tr.T("field.text"), a.text)
	a.form.Add("due", tr.T("field.due"), a.due)
	a.form.Add("owner", tr.T("field.owner"), a.owner)

	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), a.close)
	create := widget.NewButtonWithIcon(tr.T("ui.actions.create"), theme.ConfirmIcon(), a.save)
	create.Importance = widget.HighImportance
	a.saveButtons = append(a.saveButtons, create)
	a.body = container.NewVBox(a.form.Content())
	a.newDialog(a, tr.T("ui.actions.new"), a.body, cancel, create)
	a.showDialog(a, fyne.NewSize(560, 520))
	u.win.Canvas().Focus(a.search)

	a.load()
	return a
}

func (a *newActionForm) snapshot() newActionDraft {
	return newActionDraft{Search: a.search.Text, OrgID: a.orgID, Text: a.text.Text, Due: a.due.Text, Owner: a.owner.Text}
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
				// The owner filled in is not the user's typing: closing
				// an otherwise untouched dialog asks nothing.
				untouched := a.unchanged()
				a.fillWith(func() { a.owner.SetText(p.Advisor) })
				if untouched {
					a.begin()
				}
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
		b := widget.NewButton(name, func() {
			a.choose(id, name)
			a.changed()
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		a.matches.Add(b)
	}
	a.dlg.Refresh() // the form grew or shrank
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
	a.form.SetProblem("org", "")
	a.dlg.Refresh()
}

// save validates beside the fields, then stores the action off the UI
// goroutine; the dialog stays open (with everything typed) on any error.
func (a *newActionForm) save() {
	if !a.canSave() {
		return
	}
	act := domain.Action{OrgID: a.orgID, Text: a.text.Text, Owner: a.owner.Text}
	due, dateErr := a.u.typedDate("due", a.due.Text)
	act.Due = due
	if err := errors.Join(act.Normalise(), dateErr); err != nil {
		a.form.ShowErrors(err)
		a.dlg.Refresh()
		return
	}
	a.form.Clear()
	st := a.u.storeForActions()
	a.runSave(func() error { return st.CreateAction(a.u.ctx(), &act) }, nil)
}
