package ui

import (
	"encoding/json"
	"errors"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// jointForm records or edits a joint action: its kind, title and partners
// (picked like a visit's organisations), status and dates, the models it
// uses, what it is and what came of it. Every change is kept as a draft.
type jointForm struct {
	formBase                    // the draft key is "joint:new" or "joint:<id>"
	orig     domain.JointAction // the stored joint action when editing

	kind, status  *widgets.ChoiceSelect
	title         *widgets.KeyedEntry
	orgs          *widgets.OrgPicker
	sides         *widget.Label // the partners' countries: cross-border or not
	sidesGen      atomic.Int64
	start, date   *widgets.KeyedEntry
	models        *widget.CheckGroup
	modelIDs      map[string]string // check label → model id
	notes, result *widgets.KeyedEntry
	under         *reportedUnder
}

// jointDraft is the form's content as typed.
type jointDraft struct {
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Orgs    []string `json:"orgs"`
	Status  string   `json:"status"`
	Start   string   `json:"start"`
	Date    string   `json:"date"`
	Models  []string `json:"models"`
	Notes   string   `json:"notes"`
	Outcome string   `json:"outcome"`
	Partner string   `json:"partner"`
	Side    string   `json:"side"`
}

// NewJointAction opens the joint-action form, with partners chosen already.
func (u *UI) NewJointAction(orgIDs []string) {
	if f, ok := openForm[*jointForm](u, "joint:new"); ok {
		f.focusFirst()
		return
	}
	f := u.newJointForm(domain.JointAction{})
	partner, side := u.profileStamp() // what the store stamps a new action with
	f.open(jointDraft{Kind: string(domain.JointPilot), Status: string(domain.JointPlanned), Orgs: orgIDs,
		Partner: partner, Side: string(side)})
}

// EditJointAction opens the form on a stored joint action.
func (u *UI) EditJointAction(id string) {
	if f, ok := openForm[*jointForm](u, "joint:"+id); ok {
		f.focusFirst()
		return
	}
	j, err := u.storeForJoint().JointAction(u.ctx(), id)
	if err != nil {
		u.showError(err)
		return
	}
	f := u.newJointForm(j)
	f.open(f.fromJoint(j))
}

func (u *UI) newJointForm(orig domain.JointAction) *jointForm {
	f := &jointForm{orig: orig}
	key := "joint:new"
	if orig.ID != "" {
		key = "joint:" + orig.ID
	}
	f.init(u, key, func() any { return f.snapshot() }, f.save)
	f.build()
	return f
}

func (f *jointForm) build() {
	tr := f.u.tr
	var kinds []widgets.Choice
	for _, k := range domain.JointKinds {
		kinds = append(kinds, widgets.Choice{Value: string(k), Label: tr.JointKind(k)})
	}
	f.kind = widgets.NewChoiceSelect(kinds, func(string) { f.changed() })
	var statuses []widgets.Choice
	for _, s := range domain.JointStatuses {
		statuses = append(statuses, widgets.Choice{Value: string(s), Label: tr.JointStatus(s)})
	}
	f.status = widgets.NewChoiceSelect(statuses, func(string) { f.changed() })
	f.form.AddGroup("",
		widgets.GroupPart{Field: "kind", Caption: tr.FieldLabel("kind"), Obj: f.kind.Select},
		widgets.GroupPart{Field: "status", Caption: tr.FieldLabel("status"), Obj: f.status.Select})

	f.title = f.entry(false)
	f.title.SetPlaceHolder(tr.T("ui.joint.title_hint"))
	f.form.Add("title", tr.FieldLabel("title"), f.title)

	f.orgs = f.u.newOrgPicker()
	f.usesOrgPicker(f.orgs)
	f.orgs.OnChanged = func() {
		f.changed()
		f.loadSides()
	}
	f.orgs.OnEscape = f.close
	f.orgs.Entry.OnShortcut = f.shortcut
	f.orgs.Relayout = f.relayout
	f.sides = widget.NewLabel("")
	f.sides.Importance = widget.LowImportance
	f.sides.Wrapping = fyne.TextWrapWord
	f.form.Add("orgs", tr.T("ui.joint.partners"), container.NewVBox(f.orgs.View, f.sides))

	f.start, f.date = f.dateEntry(), f.dateEntry()
	f.form.AddGroup(tr.T("ui.joint.when"),
		widgets.GroupPart{Field: "start", Caption: tr.FieldLabel("start"), Obj: f.start},
		widgets.GroupPart{Field: "date", Caption: tr.T("field.joint.date"), Obj: f.date})

	f.modelIDs = map[string]string{}
	var labels []string
	if lib := f.u.opt.Models; lib != nil {
		for _, m := range lib.All() {
			label := m.Name.In(tr.Lang())
			f.modelIDs[label] = m.ID
			labels = append(labels, label)
		}
	}
	f.models = widget.NewCheckGroup(labels, func([]string) { f.changed() })
	if len(labels) > 0 {
		f.form.Add("models", tr.FieldLabel("models"), f.models)
	}

	f.notes = f.entry(true)
	f.notes.SetMinRowsVisible(4)
	f.notes.SetPlaceHolder(tr.T("ui.joint.notes_hint"))
	f.form.Add("notes", tr.T("ui.joint.notes"), f.notes)
	f.result = f.entry(true)
	f.result.SetMinRowsVisible(3)
	f.result.SetPlaceHolder(tr.T("ui.joint.outcome_hint"))
	f.form.Add("outcome", tr.FieldLabel("outcome"), f.result)
	f.under = f.addReportedUnder()

	title := tr.T("ui.joint.new_title")
	if f.orig.ID != "" {
		title = tr.T("ui.joint.edit_title")
	}
	save := widget.NewButtonWithIcon(tr.T("ui.visit.save"), theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr.T("ui.visit.cancel"), theme.CancelIcon(), f.close)
	discard := widget.NewButtonWithIcon(tr.T("ui.form.discard"), theme.DeleteIcon(), f.confirmDiscard)
	f.saveButtons = append(f.saveButtons, save)
	f.body = container.NewVBox(f.form.Content())
	f.view = container.NewVScroll(f.body)
	if f.orig.ID != "" {
		evaluate := widget.NewButtonWithIcon(tr.T("ui.evaluation.run"), theme.ViewFullScreenIcon(), func() { f.u.RunEvaluation("", f.orig.ID) })
		f.newDialog(f, title, f.view, evaluate, discard, cancel, save)
		return
	}
	f.newDialog(f, title, f.view, discard, cancel, save)
}

func (f *jointForm) fromJoint(j domain.JointAction) jointDraft {
	tr := f.u.tr
	return jointDraft{Kind: string(j.Kind), Title: j.Title, Orgs: j.OrgIDs, Status: string(j.Status),
		Start: tr.DateString(j.Start), Date: tr.DateString(j.Date), Models: j.ModelIDs, Notes: j.Notes, Outcome: j.Outcome,
		Partner: j.Partner, Side: string(j.Side)}
}

// fill shows d in the fields without counting it as the user's typing.
func (f *jointForm) fill(d jointDraft) { f.fillWith(func() { f.fillFields(d) }) }

func (f *jointForm) fillFields(d jointDraft) {
	f.kind.SetValue(d.Kind)
	f.title.SetText(d.Title)
	f.orgs.SetSelected(d.Orgs)
	f.status.SetValue(d.Status)
	f.start.SetText(d.Start)
	f.date.SetText(d.Date)
	var checked []string
	for label, id := range f.modelIDs {
		for _, m := range d.Models {
			if m == id {
				checked = append(checked, label)
			}
		}
	}
	f.models.SetSelected(checked)
	f.notes.SetText(d.Notes)
	f.result.SetText(d.Outcome)
	f.under.set(d.Partner, domain.Country(d.Side))
	f.loadSides()
}

// snapshot reads the fields as typed. Models the library does not hold
// (a colleague's) are kept as they were.
func (f *jointForm) snapshot() jointDraft {
	d := jointDraft{Kind: f.kind.Value(), Title: f.title.Text, Orgs: f.orgs.Selected(), Status: f.status.Value(),
		Start: f.start.Text, Date: f.date.Text, Notes: f.notes.Text, Outcome: f.result.Text, Models: []string{}}
	partner, side := f.under.values()
	d.Partner, d.Side = partner, string(side)
	known := map[string]bool{}
	for _, id := range f.modelIDs {
		known[id] = true
	}
	for _, id := range f.orig.ModelIDs {
		if !known[id] {
			d.Models = append(d.Models, id)
		}
	}
	for _, label := range f.models.Selected {
		d.Models = append(d.Models, f.modelIDs[label])
	}
	if d.Orgs == nil {
		d.Orgs = []string{}
	}
	return d
}

// open shows the form with initial content, then offers a stored draft back.
func (f *jointForm) open(initial jointDraft) {
	f.fill(initial)
	f.showDialog(f, fyne.NewSize(760, 640))
	var stored jointDraft
	if saved, ok := f.draft.load(&stored); ok {
		if b, _ := json.Marshal(stored); string(b) != f.initial {
			f.offerDraft("ui.joint.draft.title", "ui.visit.draft.message", saved, func() { f.fillFields(stored) }, f.focusFirst)
			return
		}
	}
	f.focusFirst()
}

func (f *jointForm) focusFirst() { f.u.win.Canvas().Focus(f.title) }

// loadSides says whether the chosen partners make the action cross-border,
// as the report counts it.
func (f *jointForm) loadSides() {
	ids := f.orgs.Selected()
	tr := f.u.tr
	newest(f.u, &f.sidesGen, func() (string, error) {
		if len(ids) == 0 {
			return "", nil
		}
		orgs, err := f.u.storeForJoint().OrganisationsByID(f.u.ctx(), ids)
		if err != nil {
			return "", err
		}
		j := domain.JointAction{OrgIDs: ids}
		if j.IsCrossBorder(func(id string) domain.Country { return orgs[id].Country }) {
			return tr.T("ui.joint.cross_border"), nil
		}
		return tr.T("ui.joint.one_country"), nil
	}, func(text string) {
		f.sides.SetText(text)
		f.sides.Hidden = text == ""
		f.relayout()
	})
}

// save stores the joint action. On a problem every field keeps its text and
// the problem shows beside it.
func (f *jointForm) save() {
	if !f.canSave() {
		return
	}
	j, err := f.collect()
	f.runSave(func() error {
		if err != nil {
			return err
		}
		if j.ID == "" {
			return f.u.storeForJoint().CreateJointAction(f.u.ctx(), &j)
		}
		return f.u.storeForJoint().UpdateJointAction(f.u.ctx(), &j)
	}, nil)
}

// collect turns the fields into a joint action; dates the reader typed in
// their own form become ISO dates, and a date that is none is a problem of
// its field beside the store's own checks.
func (f *jointForm) collect() (domain.JointAction, error) {
	d := f.snapshot()
	j := f.orig
	j.Kind, j.Title, j.OrgIDs, j.Status = domain.JointKind(d.Kind), d.Title, d.Orgs, domain.JointStatus(d.Status)
	j.ModelIDs, j.Notes, j.Outcome = d.Models, d.Notes, d.Outcome
	j.Partner, j.Side = d.Partner, domain.Country(d.Side)
	var local []error
	seen := map[string]bool{}
	for _, c := range []struct {
		field, typed string
		dst          *string
	}{{"start", d.Start, &j.Start}, {"date", d.Date, &j.Date}} {
		if iso, ok := f.u.isoDate(c.typed); ok {
			*c.dst = iso
		} else {
			*c.dst = ""
			local = append(local, dateProblem(c.field, c.typed))
			seen[c.field] = true
		}
	}
	if len(local) == 0 {
		return j, nil
	}
	check := j
	for _, p := range domain.ValidationErrors(check.Normalise()) {
		if !seen[p.Field] {
			local = append(local, p)
		}
	}
	return j, errors.Join(local...)
}
