package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// reachForm is the dialog that records enterprises an innovation actor
// reached: when, the enterprises by name (picked like a visit's
// organisations) and how many more without names, and what was passed on.
// It keeps no draft: closing it with text typed asks before the text goes.
type reachForm struct {
	formBase
	actor  domain.Organisation
	date   *widgets.KeyedEntry
	orgs   *widgets.OrgPicker
	others *widgets.KeyedEntry
	notes  *widgets.KeyedEntry
}

type reachDraft struct {
	Date, Others, Notes string
	Orgs                []string
}

// newReachDialog opens the dialog for actor; saved runs once it is stored.
func (u *UI) newReachDialog(actor domain.Organisation, saved func()) *reachForm {
	tr := u.tr
	f := &reachForm{actor: actor}
	f.init(u, "", func() any { return f.snapshot() }, func() { f.save(saved) })
	f.date = f.dateEntry()
	f.date.SetText(tr.Date(u.opt.Now()))
	f.orgs = u.newOrgPicker()
	f.orgs.Exclude = []string{actor.ID}
	f.usesOrgPicker(f.orgs)
	f.orgs.OnChanged = f.changed
	f.others = f.entry(false)
	f.others.SetPlaceHolder(tr.T("ui.reach.others_hint"))
	f.notes = f.entry(true)
	f.notes.SetMinRowsVisible(3)
	f.notes.SetPlaceHolder(tr.T("ui.reach.notes_hint"))

	f.form.Add("date", tr.FieldLabel("date"), f.date)
	f.form.Add("orgs", tr.T("ui.reach.named"), f.orgs.View)
	f.form.Add("others", tr.FieldLabel("others"), f.others)
	f.form.Add("notes", tr.T("ui.reach.notes"), f.notes)

	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.close)
	create := widget.NewButtonWithIcon(tr.T("ui.reach.create"), theme.ConfirmIcon(), func() { f.save(saved) })
	create.Importance = widget.HighImportance
	f.saveButtons = append(f.saveButtons, create)
	f.body = container.NewVBox(f.form.Content())
	f.newDialog(f, tr.T("ui.reach.new", "Name", actor.Name), f.body, cancel, create)
	f.showDialog(f, fyne.NewSize(600, 520))
	u.win.Canvas().Focus(f.orgs.Entry)
	return f
}

func (f *reachForm) snapshot() reachDraft {
	return reachDraft{Date: f.date.Text, Others: f.others.Text, Notes: f.notes.Text, Orgs: f.orgs.Selected()}
}

// save validates beside the fields, then stores the record off the UI
// goroutine; the dialog stays open, with everything typed, on any error.
func (f *reachForm) save(saved func()) {
	if !f.canSave() {
		return
	}
	r := domain.Reach{ActorID: f.actor.ID, OrgIDs: f.orgs.Selected(), Notes: f.notes.Text}
	var dateErr, othersErr error
	r.Date, dateErr = f.u.typedDate("date", f.date.Text)
	if t := strings.TrimSpace(f.others.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			othersErr = domain.Invalid("others", "number.range", "min", 0, "max", domain.MaxReachedOthers)
		}
		r.Others = n
	}
	if err := errors.Join(r.Normalise(), dateErr, othersErr); err != nil {
		f.form.ShowErrors(err)
		f.dlg.Refresh()
		return
	}
	f.form.Clear()
	st := f.u.storeForReach()
	f.runSave(func() error { return st.CreateReach(f.u.ctx(), &r) }, saved)
}
