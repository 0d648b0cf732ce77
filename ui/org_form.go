package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// orgForm is the organisation's overview form, inline on the
// Organisations screen: it creates and edits an organisation, keeps a
// draft of every change under "org:new" or "org:<id>", and offers the
// draft back when the organisation is opened again.
type orgForm struct {
	formBase
	org domain.Organisation // as stored (ID "" while creating)
	// countryGuessed: the country was only defaulted from the profile, so an
	// org number of the other country may correct it.
	countryGuessed bool

	name, orgnr, employees, sustNotes, notes, tags      *widgets.KeyedEntry
	orgnrHint, sizeLabel                                *widget.Label
	erasePersonal                                       *widget.Button // shown for a stored personal number (org_privacy.go)
	country, muni, sector, kind, leader, sustainability *widgets.ChoiceSelect
	saveButton, discardButton                           *widget.Button

	// saved learns the stored organisation after a save; before is the ID
	// the form had when the save began ("" for a new one).
	saved func(o domain.Organisation, before string)
}

// orgDraft is what the organisation form keeps while it is typed.
type orgDraft struct {
	Name, OrgNr, Country, Municipality, Sector, Kind, Employees, Leader, Sustainability, SustNotes, Notes, Tags string
}

func newOrgForm(u *UI) *orgForm {
	f := &orgForm{}
	f.init(u, "", func() any { return f.read() }, f.save)
	f.revert = func() { f.open(f.org) }
	tr := u.tr
	changed := func(string) { f.changed() }
	f.name = f.entry(false)
	f.orgnr = f.entry(false)
	f.orgnr.SetPlaceHolder(tr.T("ui.org.orgnr_placeholder"))
	f.orgnrHint = widget.NewLabel("")
	f.orgnrHint.Importance = widget.LowImportance
	f.orgnrHint.Wrapping = fyne.TextWrapWord
	f.orgnr.OnChanged = func(string) { f.checkOrgNr(); f.changed() }
	f.country = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.choice.none")}}, u.countryChoices()...), func(string) {
		if !f.filling {
			f.countryGuessed = false
		}
		f.fillMunicipalities()
		f.checkOrgNr()
		f.changed()
	})
	f.muni = widgets.NewChoiceSelect(u.municipalityChoices(""), changed)
	f.sector = widgets.NewChoiceSelect(u.sectorChoices(), changed)
	f.kind = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: u.tr.Kind(domain.KindUnknown)}}, u.kindChoices()...), changed)
	f.employees = f.entry(false)
	f.employees.SetPlaceHolder(tr.T("ui.org.employees_placeholder"))
	f.sizeLabel = widget.NewLabel("")
	f.sizeLabel.Importance = widget.LowImportance
	f.employees.OnChanged = func(string) { f.showSize(); f.changed() }
	var leaders []widgets.Choice
	for _, l := range domain.LeaderGenders {
		leaders = append(leaders, widgets.Choice{Value: string(l), Label: tr.Leader(l)})
	}
	f.leader = widgets.NewChoiceSelect(leaders, changed)
	var sust []widgets.Choice
	for _, v := range []domain.Sustainability{domain.SustainabilityUnknown, domain.SustainabilityYes, domain.SustainabilityNo} {
		sust = append(sust, widgets.Choice{Value: string(v), Label: tr.Sustainability(v)})
	}
	f.sustainability = widgets.NewChoiceSelect(sust, changed)
	f.sustNotes = f.entry(false)
	f.sustNotes.SetPlaceHolder(tr.T("ui.org.sustainability_notes"))
	f.notes = f.entry(true)
	f.notes.SetMinRowsVisible(5)
	f.tags = f.entry(false)
	f.tags.SetPlaceHolder(tr.T("ui.org.tags_placeholder"))

	f.form.Add("name", tr.T("field.name"), f.name)
	f.erasePersonal = widget.NewButton(tr.T("ui.org.erase_personal"), f.confirmErasePersonal)
	f.form.Add("orgnr", tr.T("field.orgnr"), container.NewVBox(f.orgnr, f.orgnrHint, container.NewHBox(f.erasePersonal)))
	f.form.Add("country", tr.T("field.country"), f.country.Select)
	f.form.Add("municipality", tr.T("field.municipality"), f.muni.Select)
	f.form.Add("sector", tr.T("field.sector"), f.sector.Select)
	f.form.Add("kind", tr.T("field.kind"), f.kind.Select)
	f.form.Add("employees", tr.T("field.employees"), container.NewBorder(nil, nil, nil, f.sizeLabel, f.employees))
	f.form.Add("leader_gender", tr.T("field.leader_gender"), f.leader.Select)
	f.form.Add("sustainability", tr.T("field.sustainability"), container.NewVBox(f.sustainability.Select, f.sustNotes))
	f.form.Add("tags", tr.T("field.tags"), f.tags)
	f.form.Add("notes", tr.T("field.notes"), f.notes)

	f.saveButton = widget.NewButtonWithIcon(tr.T("ui.save"), theme.DocumentSaveIcon(), f.save)
	f.saveButton.Importance = widget.HighImportance
	f.discardButton = widget.NewButtonWithIcon(tr.T("ui.form.discard_changes"), theme.ContentUndoIcon(), f.confirmDiscard)
	f.discardButton.Importance = widget.LowImportance
	f.saveButtons = append(f.saveButtons, f.saveButton, f.discardButton)
	f.body = container.NewPadded(f.form.Content())
	f.view = container.NewVScroll(f.body)
	return f
}

// open fills the form from o and offers back an unsaved draft of it.
func (f *orgForm) open(o domain.Organisation) {
	f.org = o
	f.countryGuessed = false
	f.erasePersonal.Hidden = o.ID == "" || !o.OrgNrPersonal()
	f.apply(f.snapshotOf(o))
	key := "org:new"
	if o.ID != "" {
		key = "org:" + o.ID
	}
	f.keep(key)
	f.begin()
	var dr orgDraft
	if saved, ok := f.draft.load(&dr); ok && dr != f.read() {
		f.offerDraft("ui.draft.title", "ui.draft.restore_org", saved, func() { f.apply(dr) }, nil)
	}
}

func (f *orgForm) snapshotOf(o domain.Organisation) orgDraft {
	emp := ""
	if o.Employees != nil {
		emp = strconv.Itoa(*o.Employees)
	}
	return orgDraft{Name: o.Name, OrgNr: o.OrgNumberDisplay(), Country: string(o.Country), Municipality: o.Municipality,
		Sector: o.Sector, Kind: string(o.Kind), Employees: emp, Leader: string(o.LeaderGender),
		Sustainability: string(o.Sustainability), SustNotes: o.SustainabilityNotes, Notes: o.Notes,
		Tags: strings.Join(o.Tags, ", ")}
}

// apply puts draft values into the widgets without recording a new draft.
func (f *orgForm) apply(v orgDraft) {
	f.fillWith(func() {
		f.form.Clear()
		f.name.SetText(v.Name)
		f.country.SetValue(v.Country)
		f.fillMunicipalities()
		f.muni.SetValue(v.Municipality)
		f.orgnr.SetText(v.OrgNr)
		f.sector.SetValue(v.Sector)
		f.kind.SetValue(v.Kind)
		f.employees.SetText(v.Employees)
		f.leader.SetValue(v.Leader)
		f.sustainability.SetValue(v.Sustainability)
		f.sustNotes.SetText(v.SustNotes)
		f.notes.SetText(v.Notes)
		f.tags.SetText(v.Tags)
		f.checkOrgNr()
		f.showSize()
	})
}

// read takes the form's current values.
func (f *orgForm) read() orgDraft {
	return orgDraft{Name: f.name.Text, OrgNr: f.orgnr.Text, Country: f.country.Value(), Municipality: f.muni.Value(),
		Sector: f.sector.Value(), Kind: f.kind.Value(), Employees: f.employees.Text, Leader: f.leader.Value(),
		Sustainability: f.sustainability.Value(), SustNotes: f.sustNotes.Text, Notes: f.notes.Text, Tags: f.tags.Text}
}

// fillMunicipalities offers the municipalities of the chosen country.
func (f *orgForm) fillMunicipalities() {
	f.muni.Offer(f.u.municipalityChoices(domain.Country(f.country.Value())))
}

// checkOrgNr validates the org number as it is typed.
func (f *orgForm) checkOrgNr() {
	txt := strings.TrimSpace(f.orgnr.Text)
	f.form.SetProblem("orgnr", "")
	if txt == "" {
		f.setOrgNrHint(f.u.tr.T("ui.org.orgnr_hint"))
		return
	}
	if f.countryGuessed {
		// Nine digits are Norwegian, ten or twelve Swedish, whatever the check digit says.
		guess := ""
		switch len(strings.Map(keepDigit, txt)) {
		case 9:
			guess = string(domain.CountryNO)
		case 10, 12:
			guess = string(domain.CountrySE)
		}
		if guess != "" && guess != f.country.Value() {
			f.fillWith(func() { // still a guess: an org number of the other country may correct it again
				f.country.SetValue(guess)
				f.fillMunicipalities()
			})
		}
	}
	n, err := domain.ParseOrgNumber(txt, domain.Country(f.country.Value()))
	if err != nil {
		f.setOrgNrHint("")
		if v, ok := domain.AsValidation(err); ok && len(strings.Map(keepDigit, txt)) >= 9 {
			f.form.SetProblem("orgnr", f.u.tr.Problem(v))
		}
		return
	}
	hint := f.u.tr.T("ui.org.orgnr_ok", "Number", n.String(), "Country", f.u.tr.Country(n.Country))
	if n.Personal {
		hint = f.u.tr.T("ui.org.orgnr_personal", "Number", n.String(), "Masked", n.Masked())
	}
	if other, taken, _ := f.u.storeForOrgs().OrgNumberTaken(f.u.ctx(), n.Digits, f.org.ID); taken {
		f.setOrgNrHint("")
		f.form.SetProblem("orgnr", f.u.tr.T("ui.org.orgnr_taken", "Name", other.Name))
		return
	}
	f.setOrgNrHint(hint)
	if n.Personal { // the warning why it is masked elsewhere
		f.orgnrHint.Importance = widget.WarningImportance
		f.orgnrHint.Refresh()
	}
}

// setOrgNrHint shows the line under the org number, or hides it when
// empty: a problem then takes its place rather than a blank line above it.
func (f *orgForm) setOrgNrHint(text string) {
	f.orgnrHint.Importance = widget.LowImportance
	f.orgnrHint.SetText(text)
	f.orgnrHint.Hidden = text == ""
	f.orgnrHint.Refresh()
}

func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// showSize shows the EU size class derived from the employee count.
func (f *orgForm) showSize() {
	n, err := parseCount(f.employees.Text)
	switch {
	case strings.TrimSpace(f.employees.Text) == "":
		f.sizeLabel.SetText(f.u.tr.Size(domain.SizeUnknown))
	case err != nil || n < 0:
		f.sizeLabel.SetText("")
	default:
		f.sizeLabel.SetText(f.u.tr.Size(domain.SizeClassFor(n)))
	}
}

// toOrganisation builds the record to store from the form.
func (f *orgForm) toOrganisation() (domain.Organisation, error) {
	o := f.org
	v := f.read()
	o.Name, o.OrgNr, o.Country = v.Name, v.OrgNr, domain.Country(v.Country)
	o.Municipality, o.Sector, o.Kind = v.Municipality, v.Sector, domain.OrgKind(v.Kind)
	o.LeaderGender, o.Sustainability = domain.LeaderGender(v.Leader), domain.Sustainability(v.Sustainability)
	o.SustainabilityNotes, o.Notes = v.SustNotes, v.Notes
	o.Tags = nil
	for _, t := range strings.Split(v.Tags, ",") {
		o.Tags = append(o.Tags, strings.TrimSpace(t))
	}
	o.Employees = nil
	if strings.TrimSpace(v.Employees) != "" {
		n, err := parseCount(v.Employees)
		if err != nil {
			return o, &domain.ValidationError{Field: "employees", Code: "number.range", Params: map[string]any{"min": 0, "max": 10000000}}
		}
		o.Employees = &n
	}
	return o, nil
}

// save validates and stores the form off the UI goroutine; problems show
// beside their fields and the typed text stays.
func (f *orgForm) save() {
	if !f.canSave() {
		return
	}
	o, err := f.toOrganisation()
	before := f.org.ID
	st, ctx := f.u.storeForOrgs(), f.u.ctx()
	var stored domain.Organisation
	f.runSave(func() error {
		if err != nil {
			return err
		}
		if o.ID == "" {
			err = st.CreateOrganisation(ctx, &o)
		} else {
			err = st.UpdateOrganisation(ctx, &o)
		}
		if err != nil {
			return err
		}
		stored, err = st.Organisation(ctx, o.ID)
		return err
	}, func() {
		if f.saved != nil {
			f.saved(stored, before)
		}
	})
}
