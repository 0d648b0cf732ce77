package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// orgDetail shows one organisation: its overview form, contacts, a timeline
// of visits and its actions. It also creates new organisations.
type orgDetail struct {
	u      *UI
	screen *orgScreen
	view   *fyne.Container

	empty  fyne.CanvasObject
	body   fyne.CanvasObject
	title  *widget.Label
	sub    *widget.Label
	tabs   *container.AppTabs
	delete *widget.Button
	visit  *widget.Button
	report *widget.Button

	f                                                   *widgets.Form
	name, orgnr, employees, sustNotes, notes, tags      *widget.Entry
	orgnrHint, sizeLabel                                *widget.Label
	country, muni, sector, kind, leader, sustainability *widgets.ChoiceSelect

	org domain.Organisation // as stored (ID "" while creating)
	// countryGuessed: the country was only defaulted from the profile, so an
	// org number of the other country may correct it.
	countryGuessed bool
	loading        bool // filling the form: no draft writes
	draft          *draftKeeper
	saver          saver
	overview       fyne.CanvasObject // the form's fields, held still while saving
	saveButton     *widget.Button

	contacts *orgContacts
	timeline *orgTimeline
	actions  *orgActions
	assess   *orgAssessments
	progress *orgProgress
}

// The organisation's tabs, in order.
const (
	orgTabOverview = iota
	orgTabContacts
	orgTabVisits
	orgTabActions
	orgTabAssessments
	orgTabProgress
)

// orgDraft is what the organisation form keeps while it is typed.
type orgDraft struct {
	Name, OrgNr, Country, Municipality, Sector, Kind, Employees, Leader, Sustainability, SustNotes, Notes, Tags string
}

func newOrgDetail(u *UI, s *orgScreen) *orgDetail {
	d := &orgDetail{u: u, screen: s, saver: saver{u: u}}
	tr := u.tr
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.sub = widget.NewLabel("")
	d.sub.Importance = widget.LowImportance

	changed := func(string) { d.changed() }
	d.name = widget.NewEntry()
	d.name.OnChanged = changed
	d.orgnr = widget.NewEntry()
	d.orgnr.SetPlaceHolder(tr.T("ui.org.orgnr_placeholder"))
	d.orgnrHint = widget.NewLabel("")
	d.orgnrHint.Importance = widget.LowImportance
	d.orgnr.OnChanged = func(string) { d.checkOrgNr(); d.changed() }
	d.country = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.choice.none")}}, u.countryChoices()...), func(string) {
		if !d.loading {
			d.countryGuessed = false
		}
		d.fillMunicipalities()
		d.checkOrgNr()
		d.changed()
	})
	d.muni = widgets.NewChoiceSelect(u.municipalityChoices(""), changed)
	d.sector = widgets.NewChoiceSelect(u.sectorChoices(), changed)
	d.kind = widgets.NewChoiceSelect(u.kindChoices(), changed)
	d.employees = widget.NewEntry()
	d.employees.SetPlaceHolder(tr.T("ui.org.employees_placeholder"))
	d.sizeLabel = widget.NewLabel("")
	d.sizeLabel.Importance = widget.LowImportance
	d.employees.OnChanged = func(string) { d.showSize(); d.changed() }
	var leaders []widgets.Choice
	for _, l := range domain.LeaderGenders {
		leaders = append(leaders, widgets.Choice{Value: string(l), Label: tr.Leader(l)})
	}
	d.leader = widgets.NewChoiceSelect(leaders, changed)
	var sust []widgets.Choice
	for _, v := range []domain.Sustainability{domain.SustainabilityUnknown, domain.SustainabilityYes, domain.SustainabilityNo} {
		sust = append(sust, widgets.Choice{Value: string(v), Label: tr.Sustainability(v)})
	}
	d.sustainability = widgets.NewChoiceSelect(sust, changed)
	d.sustNotes = widget.NewEntry()
	d.sustNotes.SetPlaceHolder(tr.T("ui.org.sustainability_notes"))
	d.sustNotes.OnChanged = changed
	d.notes = widget.NewMultiLineEntry()
	d.notes.Wrapping = fyne.TextWrapWord
	d.notes.SetMinRowsVisible(5)
	d.notes.OnChanged = changed
	d.tags = widget.NewEntry()
	d.tags.SetPlaceHolder(tr.T("ui.org.tags_placeholder"))
	d.tags.OnChanged = changed

	d.f = widgets.NewForm(u.tr)
	d.f.Add("name", tr.T("field.name"), d.name)
	d.f.Add("orgnr", tr.T("field.orgnr"), container.NewVBox(d.orgnr, d.orgnrHint))
	d.f.Add("country", tr.T("field.country"), d.country.Select)
	d.f.Add("municipality", tr.T("field.municipality"), d.muni.Select)
	d.f.Add("sector", tr.T("field.sector"), d.sector.Select)
	d.f.Add("kind", tr.T("field.kind"), d.kind.Select)
	d.f.Add("employees", tr.T("field.employees"), container.NewBorder(nil, nil, nil, d.sizeLabel, d.employees))
	d.f.Add("leader_gender", tr.T("field.leader_gender"), d.leader.Select)
	d.f.Add("sustainability", tr.T("field.sustainability"), container.NewVBox(d.sustainability.Select, d.sustNotes))
	d.f.Add("tags", tr.T("field.tags"), d.tags)
	d.f.Add("notes", tr.T("field.notes"), d.notes)

	save := widget.NewButtonWithIcon(tr.T("ui.save"), theme.DocumentSaveIcon(), d.save)
	save.Importance = widget.HighImportance
	d.saveButton = save
	d.delete = widget.NewButtonWithIcon(tr.T("ui.delete"), theme.DeleteIcon(), d.confirmDelete)
	d.delete.Importance = widget.DangerImportance
	d.visit = widget.NewButtonWithIcon(tr.T("ui.org.new_visit"), theme.CalendarIcon(), func() {
		if d.org.ID != "" {
			u.NewVisit([]string{d.org.ID})
		}
	})
	d.report = widget.NewButtonWithIcon(tr.T("ui.org.export_report"), theme.DocumentPrintIcon(), d.exportReport)
	if u.opt.ClientReport == nil {
		d.report.Hide()
	}
	buttons := container.NewHBox(save, d.visit, d.report, d.delete)
	d.overview = container.NewVScroll(container.NewPadded(d.f.Content()))
	overview := container.NewBorder(nil, buttons, nil, nil, d.overview)

	d.contacts = newOrgContacts(u)
	d.timeline = newOrgTimeline(u)
	d.actions = newOrgActions(u)
	d.assess = newOrgAssessments(u)
	d.progress = newOrgProgress(u)
	d.assess.onChange = func() { // levels, targets and links follow
		d.progress.reload()
		d.actions.load(d.org.ID)
	}
	d.progress.onAddAction = func(text, modelID, dimension, due string) {
		d.tabs.SelectIndex(orgTabActions)
		d.actions.prefill(text, modelID, dimension, due)
	}
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(tr.T("ui.org.tab.overview"), theme.InfoIcon(), overview),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.contacts"), theme.AccountIcon(), d.contacts.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.visits"), theme.CalendarIcon(), d.timeline.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.actions"), theme.ConfirmIcon(), d.actions.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.assessments"), theme.GridIcon(), d.assess.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.progress"), theme.MediaFastForwardIcon(), d.progress.view),
	)
	d.body = container.NewBorder(container.NewVBox(d.title, d.sub), nil, nil, nil, d.tabs)

	hint := widget.NewLabel(tr.T("ui.org.choose"))
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	d.empty = container.NewCenter(hint)
	d.view = container.NewStack(d.empty, d.body)
	d.body.Hide()
	return d
}

// open loads an organisation into the detail view.
func (d *orgDetail) open(id string) {
	u := d.u
	u.background(func() func() {
		o, err := u.storeForOrgs().Organisation(u.ctx(), id)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			d.show(o)
		}
	})
}

// openNew empties the form for a new organisation.
func (d *orgDetail) openNew() {
	d.screen.list.UnselectAll()
	d.screen.selected = ""
	o := domain.Organisation{Kind: domain.KindSME}
	if p, err := d.u.storeForOrgs().Profile(); err == nil {
		o.Country = p.Country
	}
	d.show(o)
	d.countryGuessed = true
	d.u.win.Canvas().Focus(d.name)
}

func (d *orgDetail) draftKey() string {
	if d.org.ID == "" {
		return "org:new"
	}
	return "org:" + d.org.ID
}

// show fills the form from o and offers back an unsaved draft of it.
func (d *orgDetail) show(o domain.Organisation) {
	d.org = o
	d.countryGuessed = false
	d.fill(o)
	d.empty.Hide()
	d.body.Show()
	isNew := o.ID == ""
	for i, it := range d.tabs.Items {
		if i > 0 {
			if isNew {
				d.tabs.DisableItem(it)
			} else {
				d.tabs.EnableItem(it)
			}
		}
	}
	if isNew {
		d.title.SetText(d.u.tr.T("ui.org.new_title"))
		d.sub.SetText("")
		d.delete.Disable()
		d.visit.Disable()
		d.report.Disable()
		d.tabs.SelectIndex(0)
	} else {
		d.title.SetText(o.Name)
		d.sub.SetText(d.summary(o))
		d.delete.Enable()
		d.visit.Enable()
		d.report.Enable()
		d.contacts.load(o.ID)
		d.timeline.load(o.ID)
		d.actions.load(o.ID)
		d.assess.load(o.ID)
		d.progress.load(o.ID)
	}
	d.draft = d.u.newDraft(d.draftKey(), func() any { return d.read() })
	var dr orgDraft
	if saved, ok := d.draft.load(&dr); ok && dr != d.snapshotOf(o) {
		msg := d.u.tr.T("ui.draft.restore_org", "Time", d.u.tr.Date(saved)+" "+saved.Format("15:04"))
		dialog.NewConfirm(d.u.tr.T("ui.draft.title"), msg, func(restore bool) {
			if restore {
				d.apply(dr)
			} else {
				d.draft.discard()
				d.draft = d.u.newDraft(d.draftKey(), func() any { return d.read() })
			}
		}, d.u.win).Show()
	}
}

func (d *orgDetail) summary(o domain.Organisation) string {
	parts := []string{d.u.tr.Kind(o.Kind), d.u.tr.Size(o.Size())}
	if o.Municipality != "" {
		parts = append(parts, d.u.municipalityLabel(o.Municipality))
	}
	if o.Country != "" {
		parts = append(parts, d.u.tr.Country(o.Country))
	}
	return strings.Join(parts, " · ")
}

func (d *orgDetail) snapshotOf(o domain.Organisation) orgDraft {
	emp := ""
	if o.Employees != nil {
		emp = strconv.Itoa(*o.Employees)
	}
	return orgDraft{Name: o.Name, OrgNr: o.OrgNumberDisplay(), Country: string(o.Country), Municipality: o.Municipality,
		Sector: o.Sector, Kind: string(o.Kind), Employees: emp, Leader: string(o.LeaderGender),
		Sustainability: string(o.Sustainability), SustNotes: o.SustainabilityNotes, Notes: o.Notes,
		Tags: strings.Join(o.Tags, ", ")}
}

func (d *orgDetail) fill(o domain.Organisation) { d.apply(d.snapshotOf(o)) }

// apply puts draft values into the widgets without recording a new draft.
func (d *orgDetail) apply(v orgDraft) {
	d.loading = true
	defer func() { d.loading = false }()
	d.f.Clear()
	d.name.SetText(v.Name)
	d.country.SetValue(v.Country)
	d.fillMunicipalities()
	d.muni.SetValue(v.Municipality)
	d.orgnr.SetText(v.OrgNr)
	d.sector.SetValue(v.Sector)
	d.kind.SetValue(v.Kind)
	d.employees.SetText(v.Employees)
	d.leader.SetValue(v.Leader)
	d.sustainability.SetValue(v.Sustainability)
	d.sustNotes.SetText(v.SustNotes)
	d.notes.SetText(v.Notes)
	d.tags.SetText(v.Tags)
	d.checkOrgNr()
	d.showSize()
}

// read takes the form's current values.
func (d *orgDetail) read() orgDraft {
	return orgDraft{Name: d.name.Text, OrgNr: d.orgnr.Text, Country: d.country.Value(), Municipality: d.muni.Value(),
		Sector: d.sector.Value(), Kind: d.kind.Value(), Employees: d.employees.Text, Leader: d.leader.Value(),
		Sustainability: d.sustainability.Value(), SustNotes: d.sustNotes.Text, Notes: d.notes.Text, Tags: d.tags.Text}
}

func (d *orgDetail) changed() {
	if d.loading || d.draft == nil {
		return
	}
	d.draft.changed()
}

// fillMunicipalities offers the municipalities of the chosen country.
func (d *orgDetail) fillMunicipalities() {
	d.muni.Offer(d.u.municipalityChoices(domain.Country(d.country.Value())))
}

// checkOrgNr validates the org number as it is typed.
func (d *orgDetail) checkOrgNr() {
	txt := strings.TrimSpace(d.orgnr.Text)
	d.f.SetProblem("orgnr", "")
	if txt == "" {
		d.orgnrHint.SetText(d.u.tr.T("ui.org.orgnr_hint"))
		return
	}
	if d.countryGuessed {
		// Nine digits are Norwegian, ten or twelve Swedish, whatever the check digit says.
		guess := ""
		switch len(strings.Map(keepDigit, txt)) {
		case 9:
			guess = string(domain.CountryNO)
		case 10, 12:
			guess = string(domain.CountrySE)
		}
		if guess != "" && guess != d.country.Value() {
			d.loading = true
			d.country.SetValue(guess)
			d.fillMunicipalities()
			d.loading = false
		}
	}
	n, err := domain.ParseOrgNumber(txt, domain.Country(d.country.Value()))
	if err != nil {
		d.orgnrHint.SetText("")
		if v, ok := domain.AsValidation(err); ok && len(strings.Map(keepDigit, txt)) >= 9 {
			d.f.SetProblem("orgnr", d.u.tr.Problem(v))
		}
		return
	}
	hint := d.u.tr.T("ui.org.orgnr_ok", "Number", n.String(), "Country", d.u.tr.Country(n.Country))
	if n.Personal {
		hint = d.u.tr.T("ui.org.orgnr_personal", "Number", n.String())
	}
	d.orgnrHint.SetText(hint)
	if other, taken, _ := d.u.storeForOrgs().OrgNumberTaken(d.u.ctx(), n.Digits, d.org.ID); taken {
		d.f.SetProblem("orgnr", d.u.tr.T("ui.org.orgnr_taken", "Name", other.Name))
	}
}

func keepDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

// showSize shows the EU size class derived from the employee count.
func (d *orgDetail) showSize() {
	n, err := parseCount(d.employees.Text)
	switch {
	case strings.TrimSpace(d.employees.Text) == "":
		d.sizeLabel.SetText(d.u.tr.Size(domain.SizeUnknown))
	case err != nil || n < 0:
		d.sizeLabel.SetText("")
	default:
		d.sizeLabel.SetText(d.u.tr.Size(domain.SizeClassFor(n)))
	}
}

// toOrganisation builds the record to store from the form.
func (d *orgDetail) toOrganisation() (domain.Organisation, error) {
	o := d.org
	v := d.read()
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

// save validates and stores the form off the UI goroutine (see saver);
// problems show beside their fields and the typed text stays.
func (d *orgDetail) save() {
	if !d.body.Visible() || d.saver.running {
		return
	}
	o, err := d.toOrganisation()
	before, draft := d.org.ID, d.draft
	var saved domain.Organisation
	d.saver.run(d.overview, []fyne.Disableable{d.saveButton}, func() error {
		if err != nil {
			return err
		}
		if o.ID == "" {
			err = d.u.storeForOrgs().CreateOrganisation(d.u.ctx(), &o)
		} else {
			err = d.u.storeForOrgs().UpdateOrganisation(d.u.ctx(), &o)
		}
		if err != nil {
			return err
		}
		draft.discard()
		saved, err = d.u.storeForOrgs().Organisation(d.u.ctx(), o.ID)
		return err
	}, func(err error) {
		if err != nil {
			if !d.f.ShowErrors(err) {
				d.u.showError(err)
			}
			return
		}
		if d.org.ID == before { // still on the form that was saved
			d.screen.selected = o.ID
			d.show(saved)
		}
		d.screen.refresh()
	})
}

func (d *orgDetail) confirmDelete() {
	o := d.org
	if o.ID == "" {
		return
	}
	msg := d.u.tr.T("ui.org.delete_confirm", "Name", o.Name)
	dialog.NewConfirm(d.u.tr.T("ui.org.delete_title"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := d.u.storeForOrgs().DeleteOrganisation(d.u.ctx(), o.ID); err != nil {
			d.u.showError(err)
			return
		}
		d.draft.discard()
		d.org = domain.Organisation{}
		d.body.Hide()
		d.empty.Show()
		d.screen.deleted(o)
	}, d.u.win).Show()
}

// orgLabel is "Name (municipality)" for lists that mix organisations.
func (u *UI) orgLabel(o domain.Organisation) string {
	if o.Municipality == "" {
		return o.Name
	}
	return fmt.Sprintf("%s (%s)", o.Name, u.municipalityLabel(o.Municipality))
}
