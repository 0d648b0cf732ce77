package ui

import (
	"encoding/json"
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// findingForm writes or edits an entry of the findings log: what was
// learnt, its kind and the project's step, when, where a benchmark comes
// from, and what it is about (organisations, a joint action, models).
// Every change is kept as a draft.
type findingForm struct {
	formBase                // the draft key is "finding:new" or "finding:<id>"
	orig     domain.Finding // the stored entry when editing

	kind, step *widgets.ChoiceSelect
	date       *widgets.KeyedEntry
	text       *widgets.KeyedEntry
	source     *widgets.KeyedEntry
	orgs       *widgets.OrgPicker
	joint      *widgets.ChoiceSelect
	models     *widget.CheckGroup
	modelIDs   map[string]string // check label → model id
}

// findingDraft is the form's content as typed.
type findingDraft struct {
	Kind   string   `json:"kind"`
	Step   string   `json:"step"`
	Date   string   `json:"date"`
	Text   string   `json:"text"`
	Source string   `json:"source"`
	Orgs   []string `json:"orgs"`
	Joint  string   `json:"joint"`
	Models []string `json:"models"`
}

// NewFinding opens the form on a new entry of step (or none chosen yet).
func (u *UI) NewFinding(step domain.ProjectStep) {
	if f, ok := openForm[*findingForm](u, "finding:new"); ok {
		f.focusFirst()
		return
	}
	u.loadJointChoices(func(joints []widgets.Choice) {
		f := u.newFindingForm(domain.Finding{}, joints)
		f.open(findingDraft{Kind: string(domain.FindingObservation), Step: string(step),
			Date: u.tr.Date(u.opt.Now()), Orgs: []string{}, Models: []string{}})
	})
}

// EditFinding opens the form on a stored entry.
func (u *UI) EditFinding(id string) {
	if f, ok := openForm[*findingForm](u, "finding:"+id); ok {
		f.focusFirst()
		return
	}
	e, err := u.storeForFindings().Finding(u.ctx(), id)
	if err != nil {
		u.showError(err)
		return
	}
	u.loadJointChoices(func(joints []widgets.Choice) {
		f := u.newFindingForm(e, joints)
		f.open(f.fromFinding(e))
	})
}

// loadJointChoices reads the joint actions an entry can name, off the UI
// goroutine, and hands them on as choices ("none" first).
func (u *UI) loadJointChoices(then func([]widgets.Choice)) {
	st, tr := u.storeForFindings(), u.tr
	u.background(func() func() {
		js, err := st.JointActions(u.ctx(), data.JointQuery{})
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			choices := []widgets.Choice{{Value: "", Label: tr.T("ui.findings.no_joint")}}
			for _, j := range js {
				choices = append(choices, widgets.Choice{Value: j.ID, Label: j.Title})
			}
			then(choices)
		}
	})
}

func (u *UI) newFindingForm(orig domain.Finding, joints []widgets.Choice) *findingForm {
	f := &findingForm{orig: orig}
	key := "finding:new"
	if orig.ID != "" {
		key = "finding:" + orig.ID
	}
	f.init(u, key, func() any { return f.snapshot() }, f.save)
	f.build(joints)
	return f
}

func (f *findingForm) build(joints []widgets.Choice) {
	tr := f.u.tr
	var kinds, steps []widgets.Choice
	for _, k := range domain.FindingKinds {
		kinds = append(kinds, widgets.Choice{Value: string(k), Label: tr.FindingKind(k)})
	}
	for _, s := range domain.ProjectSteps {
		steps = append(steps, widgets.Choice{Value: string(s), Label: tr.ProjectStep(s)})
	}
	f.kind = widgets.NewChoiceSelect(kinds, func(string) { f.changed() })
	f.step = widgets.NewChoiceSelect(steps, func(string) { f.changed() })
	f.step.Select.PlaceHolder = tr.T("ui.findings.choose_step")
	f.date = f.dateEntry()
	f.form.AddGroup("",
		widgets.GroupPart{Field: "step", Caption: tr.FieldLabel("step"), Obj: f.step.Select},
		widgets.GroupPart{Field: "kind", Caption: tr.FieldLabel("kind"), Obj: f.kind.Select},
		widgets.GroupPart{Field: "date", Caption: tr.FieldLabel("date"), Obj: f.date})

	f.text = f.entry(true)
	f.text.SetMinRowsVisible(6)
	f.text.SetPlaceHolder(tr.T("ui.findings.text_hint"))
	f.form.Add("body", tr.FieldLabel("body"), f.text)
	f.source = f.entry(false)
	f.source.SetPlaceHolder(tr.T("ui.findings.source_hint"))
	f.form.Add("source", tr.FieldLabel("source"), f.source)

	f.orgs = f.u.newOrgPicker()
	f.usesOrgPicker(f.orgs)
	f.orgs.OnChanged = f.changed
	f.form.Add("orgs", tr.FieldLabel("orgs"), f.orgs.View)
	f.joint = widgets.NewChoiceSelect(joints, func(string) { f.changed() })
	f.form.Add("joints", tr.T("ui.findings.joint"), f.joint.Select)

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

	title := tr.T("ui.findings.new_title")
	if f.orig.ID != "" {
		title = tr.T("ui.findings.edit_title")
	}
	save := widget.NewButtonWithIcon(tr.T("ui.visit.save"), theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr.T("ui.visit.cancel"), theme.CancelIcon(), f.close)
	discard := widget.NewButtonWithIcon(tr.T("ui.form.discard"), theme.DeleteIcon(), f.confirmDiscard)
	f.saveButtons = append(f.saveButtons, save)
	f.body = container.NewVBox(f.form.Content())
	f.view = container.NewVScroll(f.body)
	f.newDialog(f, title, f.view, discard, cancel, save)
}

func (f *findingForm) fromFinding(e domain.Finding) findingDraft {
	var joint string
	if len(e.JointIDs) > 0 {
		joint = e.JointIDs[0]
	}
	return findingDraft{Kind: string(e.Kind), Step: string(e.Step), Date: f.u.tr.DateString(e.Date), Text: e.Text,
		Source: e.Source, Orgs: e.OrgIDs, Joint: joint, Models: e.ModelIDs}
}

// fill shows d in the fields without counting it as the user's typing.
func (f *findingForm) fill(d findingDraft) { f.fillWith(func() { f.fillFields(d) }) }

func (f *findingForm) fillFields(d findingDraft) {
	f.kind.SetValue(d.Kind)
	f.step.SetValue(d.Step)
	f.date.SetText(d.Date)
	f.text.SetText(d.Text)
	f.source.SetText(d.Source)
	f.orgs.SetSelected(d.Orgs)
	f.joint.SetValue(d.Joint)
	var checked []string
	for label, id := range f.modelIDs {
		if slices.Contains(d.Models, id) {
			checked = append(checked, label)
		}
	}
	f.models.SetSelected(checked)
}

// snapshot reads the fields as typed. Models the library does not hold
// (a colleague's) are kept as they were.
func (f *findingForm) snapshot() findingDraft {
	d := findingDraft{Kind: f.kind.Value(), Step: f.step.Value(), Date: f.date.Text, Text: f.text.Text,
		Source: f.source.Text, Orgs: f.orgs.Selected(), Joint: f.joint.Value(), Models: []string{}}
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
	slices.Sort(d.Models)
	if d.Orgs == nil {
		d.Orgs = []string{}
	}
	return d
}

// open shows the form with initial content, then offers a stored draft back.
func (f *findingForm) open(initial findingDraft) {
	f.fill(initial)
	f.showDialog(f, fyne.NewSize(760, 640))
	var stored findingDraft
	if saved, ok := f.draft.load(&stored); ok {
		if b, _ := json.Marshal(stored); string(b) != f.initial {
			f.offerDraft("ui.findings.draft.title", "ui.visit.draft.message", saved, func() { f.fillFields(stored) }, f.focusFirst)
			return
		}
	}
	f.focusFirst()
}

func (f *findingForm) focusFirst() { f.u.win.Canvas().Focus(f.text) }

// save stores the entry. On a problem every field keeps its text and the
// problem shows beside it.
func (f *findingForm) save() {
	if !f.canSave() {
		return
	}
	e, err := f.collect()
	f.runSave(func() error {
		if err != nil {
			return err
		}
		if e.ID == "" {
			return f.u.storeForFindings().CreateFinding(f.u.ctx(), &e)
		}
		return f.u.storeForFindings().UpdateFinding(f.u.ctx(), &e)
	}, nil)
}

// collect turns the fields into an entry. The joint action chosen replaces
// the first the entry named; others (named from the command line) stay.
func (f *findingForm) collect() (domain.Finding, error) {
	d := f.snapshot()
	e := f.orig
	e.Kind, e.Step, e.Text, e.Source = domain.FindingKind(d.Kind), domain.ProjectStep(d.Step), d.Text, d.Source
	e.OrgIDs, e.ModelIDs = d.Orgs, d.Models
	var rest []string
	if len(f.orig.JointIDs) > 1 {
		rest = f.orig.JointIDs[1:]
	}
	e.JointIDs = nil
	if d.Joint != "" {
		e.JointIDs = append(e.JointIDs, d.Joint)
	}
	e.JointIDs = append(e.JointIDs, rest...)
	iso, ok := f.u.isoDate(d.Date)
	if ok {
		e.Date = iso // "" is today, as the store fills it
		return e, nil
	}
	local := []error{dateProblem("date", d.Date)}
	check := e
	check.Date = "2000-01-01"
	for _, p := range domain.ValidationErrors(check.Normalise()) {
		local = append(local, p)
	}
	return e, errors.Join(local...)
}
