package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// confirmDelete reads what deleting the shown organisation would touch
// (off the UI goroutine), then asks: a plain confirm without visits; with
// visits a choice between merging it into another organisation and
// deleting it together with its visits, each saying truthfully what
// happens to the funder's figures.
func (d *orgDetail) confirmDelete() {
	o := d.form.org
	if o.ID == "" || !d.form.canSave() {
		return
	}
	st := d.u.storeForOrgs()
	d.u.background(func() func() {
		use, err := st.OrganisationUsage(d.u.ctx(), o.ID)
		return func() {
			if err != nil {
				d.u.showError(err)
				return
			}
			if use.HasVisits() {
				d.askDeleteOrMerge(o, use)
			} else {
				d.askDelete(o, use)
			}
		}
	})
}

// askDelete asks before deleting o, which has no visits: no figure of the
// funder report changes (but a joint action loses it as a partner).
func (d *orgDetail) askDelete(o domain.Organisation, use data.OrgUsage) {
	tr := d.u.tr
	msg := tr.T("ui.org.delete_confirm_no_visits", "Name", o.Name)
	if use.JointActions > 0 {
		msg += " " + tr.N("ui.org.delete.joint", use.JointActions, "N", tr.Number(use.JointActions))
	}
	ask := dialog.NewCustomConfirm(tr.T("ui.org.delete_title"), tr.T("ui.delete"), tr.T("ui.cancel"), wrapped(msg), func(ok bool) {
		if ok {
			st := d.u.storeForOrgs()
			d.removeWith(o, func() (func() error, error) {
				err := st.DeleteOrganisation(d.u.ctx(), o.ID)
				return func() error { return st.RestoreOrganisation(d.u.ctx(), o.ID) }, err
			})
		}
	}, d.u.win)
	ask.Resize(fyne.NewSize(520, 0))
	ask.Show()
}

// askDeleteOrMerge asks what should happen to o, which has visits: merged
// into another organisation (a duplicate: everything moves and keeps
// counting there), or deleted with its visits (the figures drop). Nothing
// is chosen at first, so the advisor reads both ways before either.
func (d *orgDetail) askDeleteOrMerge(o domain.Organisation, use data.OrgUsage) {
	tr := d.u.tr
	n := use.Visits + use.SharedVisits
	intro := wrapped(tr.N("ui.org.delete.has_visits", n, "Name", o.Name, "N", tr.Number(n)))
	explain := wrapped("")
	explain.Hide() // until a choice is made
	picker := d.u.newOrgPicker()
	picker.Single = true
	picker.Exclude = []string{o.ID}
	into := container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.org.delete.merge_into")), nil, picker.View)
	into.Hide()

	mergeChoice, deleteChoice := tr.T("ui.org.delete.choose_merge"), tr.T("ui.org.delete.choose_delete")
	choice := widget.NewRadioGroup([]string{mergeChoice, deleteChoice}, nil)
	var dlg *dialog.CustomDialog
	confirm := widget.NewButtonWithIcon(tr.T("ui.delete"), theme.DeleteIcon(), nil)
	confirm.Importance = widget.DangerImportance
	confirm.Disable()
	update := func() {
		switch choice.Selected {
		case mergeChoice:
			explain.SetText(tr.T("ui.org.delete.merge_explain", "Name", o.Name))
			into.Show()
			confirm.SetText(tr.T("ui.dup.merge.confirm"))
			confirm.SetIcon(nil)
			confirm.Importance = widget.HighImportance
			if len(picker.Selected()) == 1 {
				confirm.Enable()
			} else {
				confirm.Disable()
			}
		case deleteChoice:
			explain.SetText(d.deleteWithVisitsText(o, use))
			into.Hide()
			confirm.SetText(tr.T("ui.delete"))
			confirm.SetIcon(theme.DeleteIcon())
			confirm.Importance = widget.DangerImportance
			confirm.Enable()
		}
		explain.Show()
		confirm.Refresh()
		if dlg != nil {
			dlg.Resize(fyne.NewSize(560, 0)) // the explanation's height changes with the choice
		}
	}
	choice.OnChanged = func(string) { update() }
	picker.OnChanged = update
	confirm.OnTapped = func() {
		dlg.Hide()
		st := d.u.storeForOrgs()
		if choice.Selected == mergeChoice {
			d.mergeInto(o, picker.Selected()[0], picker.Chips()[0])
			return
		}
		d.removeWith(o, func() (func() error, error) {
			del, err := st.DeleteOrganisationWithVisits(d.u.ctx(), o.ID)
			return func() error { return st.UndoOrganisationDeletion(d.u.ctx(), del) }, err
		})
	}
	cancel := widget.NewButtonWithIcon(tr.T("ui.cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	picker.OnEscape = func() { dlg.Hide() }
	dlg = dialog.NewCustomWithoutButtons(tr.T("ui.org.delete_title"),
		container.NewVBox(intro, choice, into, explain), d.u.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, confirm})
	dlg.Resize(fyne.NewSize(560, 0))
	dlg.Show()
}

// deleteWithVisitsText says what deleting o with its visits does.
func (d *orgDetail) deleteWithVisitsText(o domain.Organisation, use data.OrgUsage) string {
	tr := d.u.tr
	var text string
	if use.Visits > 0 {
		text = tr.N("ui.org.delete.own_visits", use.Visits, "Name", o.Name, "N", tr.Number(use.Visits)) + " "
	}
	if use.SharedVisits > 0 {
		text += tr.N("ui.org.delete.shared_visits", use.SharedVisits, "Name", o.Name, "N", tr.Number(use.SharedVisits)) + " "
	}
	text += tr.T("ui.org.delete.figures_drop", "Name", o.Name)
	if use.JointActions > 0 {
		text += " " + tr.N("ui.org.delete.joint", use.JointActions, "N", tr.Number(use.JointActions))
	}
	return text
}

// removeWith runs del off the UI goroutine with the form and its buttons
// held, like a save, then closes the organisation and offers del's undo.
func (d *orgDetail) removeWith(o domain.Organisation, del func() (undo func() error, err error)) {
	if !d.form.canSave() || d.form.org.ID != o.ID {
		return
	}
	var undo func() error
	held := append([]fyne.Disableable{d.delete, d.visit, d.report}, d.form.saveButtons...)
	d.form.saver.run(d.form.body, held, func() error {
		var err error
		undo, err = del()
		return err
	}, func(err error) {
		if err != nil {
			d.u.showError(err)
			return
		}
		if d.form.org.ID != o.ID {
			return // another organisation was opened meanwhile
		}
		d.closeDeleted()
		d.screen.deleted(o, d.u.tr.T("ui.orgs.deleted", "Name", o.Name), undo)
	})
}

// mergeInto merges o into the organisation keepID (named keepName), says
// how many records moved, and opens the kept organisation.
func (d *orgDetail) mergeInto(o domain.Organisation, keepID, keepName string) {
	if !d.form.canSave() || d.form.org.ID != o.ID {
		return
	}
	tr := d.u.tr
	st := d.u.storeForOrgs()
	var res data.MergeResult
	held := append([]fyne.Disableable{d.delete, d.visit, d.report}, d.form.saveButtons...)
	d.form.saver.run(d.form.body, held, func() error {
		var err error
		res, err = st.MergeOrganisations(d.u.ctx(), keepID, o.ID)
		return err
	}, func(err error) {
		if err != nil {
			d.u.showError(err)
			return
		}
		moved := res.Moved()
		dialog.NewInformation(tr.T("ui.dup.merged.title"),
			tr.N("ui.dup.merged.message", moved, "Dup", o.Name, "Keep", keepName, "N", moved), d.u.win).Show()
		if d.form.org.ID == o.ID {
			d.closeDeleted()
		}
		d.u.dataChanged()
		d.u.selectOrg(keepID)
	})
}

// closeDeleted clears the page of an organisation that is gone.
func (d *orgDetail) closeDeleted() {
	d.form.draft.discard()
	d.form.org = domain.Organisation{}
	d.body.Hide()
	d.empty.Show()
}

// wrapped is a label that wraps at word boundaries (dialog text).
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
