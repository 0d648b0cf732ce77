package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// visitForm records or edits a visit, built for the car park: organisations
// by type-ahead, today's date already there, participants and next steps on
// the same page. Every change is kept as a draft, so a crash or a closed
// window never loses what was typed.
type visitForm struct {
	formBase              // the draft key is "visit:new" or "visit:<id>"
	orig     domain.Visit // the stored visit when editing (id, advisor, field clocks)

	orgs                 *widgets.OrgPicker
	date, minutes, place *widgets.KeyedEntry
	women, men, other    *widgets.KeyedEntry
	kind, phase          *widgets.ChoiceSelect
	cross                *widget.Check
	crossMarked          bool                   // the advisor's own mark, which is what is stored
	sides                indicators.BorderSides // of the chosen organisations
	sidesGen             atomic.Int64           // the newest look-up of their countries
	notes                *widgets.KeyedEntry
	steps                []*stepRow
	stepBox              *fyne.Container
	agreed               *widget.Label // when editing: next steps stored before
	sizes                visitSizes
	under                *reportedUnder
}

// visitDraft is the form's content as typed (numbers and dates too), so a
// restored draft shows exactly what the advisor left, mistakes included.
type visitDraft struct {
	Orgs        []string          `json:"orgs"`
	Date        string            `json:"date"`
	Type        string            `json:"type"`
	Minutes     string            `json:"minutes"`
	Place       string            `json:"place"`
	Women       string            `json:"women"`
	Men         string            `json:"men"`
	Other       string            `json:"other"`
	Phase       string            `json:"phase"`
	CrossBorder bool              `json:"cross_border"`
	Sizes       map[string]string `json:"sizes,omitempty"` // chosen on the form, by organisation id
	Notes       string            `json:"notes"`
	Steps       []stepDraft       `json:"steps"`
	Partner     string            `json:"partner"`
	Side        string            `json:"side"`
}

type stepDraft struct {
	Text string `json:"text"`
	Due  string `json:"due"`
}

// stepRow is one next step: what to do and by when.
type stepRow struct {
	text, due               *widgets.KeyedEntry
	textProblem, dueProblem *widget.Label
	view                    fyne.CanvasObject
}

// NewVisit opens the visit form, with orgIDs chosen already.
func (u *UI) NewVisit(orgIDs []string) {
	if f, ok := openForm[*visitForm](u, "visit:new"); ok {
		// One new visit at a time: the organisations join the open one.
		if len(orgIDs) > 0 {
			f.orgs.SetSelected(append(f.orgs.Selected(), orgIDs...))
			f.changed()
			f.loadSides()
		}
		f.focusFirst()
		return
	}
	f := u.newVisitForm(domain.Visit{})
	f.open(f.blank(orgIDs))
}

// EditVisit opens the visit form on a stored visit.
func (u *UI) EditVisit(id string) {
	if f, ok := openForm[*visitForm](u, "visit:"+id); ok {
		f.focusFirst()
		return
	}
	v, err := u.storeForVisits().Visit(u.ctx(), id)
	if err != nil {
		u.showError(err)
		return
	}
	f := u.newVisitForm(v)
	f.open(f.fromVisit(v))
	f.loadAgreed()
}

func (u *UI) newVisitForm(orig domain.Visit) *visitForm {
	f := &visitForm{orig: orig}
	key := "visit:new"
	if orig.ID != "" {
		key = "visit:" + orig.ID
	}
	f.init(u, key, func() any { return f.snapshot() }, f.save)
	f.build()
	return f
}

func (f *visitForm) build() {
	tr := f.u.tr

	f.orgs = f.u.newOrgPicker()
	f.usesOrgPicker(f.orgs)
	f.orgs.OnChanged = func() {
		f.changed()
		f.loadSides()
	}
	f.orgs.OnEscape = f.close
	f.orgs.Entry.OnShortcut = f.shortcut
	f.orgs.Relayout = f.relayout
	f.form.Add("orgs", tr.FieldLabel("orgs"), f.orgs.View)

	f.date = f.dateEntry()
	var types []widgets.Choice
	for _, t := range domain.VisitTypes {
		types = append(types, widgets.Choice{Value: string(t), Label: tr.VisitType(t)})
	}
	f.kind = widgets.NewChoiceSelect(types, func(string) { f.changed() })
	f.minutes = f.entry(false)
	f.minutes.SetPlaceHolder(tr.T("ui.visit.minutes_hint"))
	f.form.AddGroup(tr.T("ui.visit.meeting"),
		widgets.GroupPart{Field: "date", Caption: tr.FieldLabel("date"), Obj: f.date},
		widgets.GroupPart{Field: "type", Caption: tr.FieldLabel("type"), Obj: f.kind.Select},
		widgets.GroupPart{Field: "minutes", Caption: tr.FieldLabel("minutes"), Obj: f.minutes})

	f.place = f.entry(false)
	f.place.SetPlaceHolder(tr.T("ui.visit.place_hint"))
	f.form.Add("place", tr.FieldLabel("place"), f.place)

	f.women, f.men, f.other = f.entry(false), f.entry(false), f.entry(false)
	f.form.AddGroup(tr.T("ui.visit.participants"),
		widgets.GroupPart{Field: "women", Caption: tr.FieldLabel("women"), Obj: f.women},
		widgets.GroupPart{Field: "men", Caption: tr.FieldLabel("men"), Obj: f.men},
		widgets.GroupPart{Field: "other", Caption: tr.T("ui.visit.participants.other"), Obj: f.other})

	phases := []widgets.Choice{{Value: string(domain.PhaseNone), Label: tr.Phase(domain.PhaseNone)}}
	for _, p := range domain.Phases {
		phases = append(phases, widgets.Choice{Value: string(p), Label: tr.Phase(p)})
	}
	f.phase = widgets.NewChoiceSelect(phases, func(string) { f.changed() })
	f.cross = widget.NewCheck(tr.T("ui.visit.cross_border"), func(on bool) {
		if f.sides.Spans() {
			return // shown, not chosen: the organisations decide
		}
		f.crossMarked = on
		f.changed()
	})
	f.form.Add("phase", tr.FieldLabel("phase"), container.NewBorder(nil, nil, nil, f.cross, f.phase.Select))
	f.form.Add("sizes", tr.FieldLabel("sizes"), f.buildSizes())
	f.form.SetRowVisible("sizes", false) // until an organisation is chosen

	f.notes = f.entry(true)
	f.notes.SetMinRowsVisible(6)
	f.notes.SetPlaceHolder(tr.T("ui.visit.notes_hint"))
	f.form.Add("notes", tr.FieldLabel("notes"), f.notes)

	f.agreed = widget.NewLabel("")
	f.agreed.Wrapping = fyne.TextWrapWord
	f.agreed.Hide()
	f.stepBox = container.NewVBox()
	addStep := widget.NewButtonWithIcon(tr.T("ui.visit.step.add"), theme.ContentAddIcon(), func() {
		r := f.addStep(stepDraft{})
		f.changed()
		f.u.win.Canvas().Focus(r.text)
	})
	addStep.Importance = widget.LowImportance
	f.form.Add("next_steps", tr.T("ui.visit.next_steps"), container.NewVBox(f.agreed, f.stepBox, container.NewHBox(addStep)))
	f.under = f.addReportedUnder()

	hint := widget.NewLabel(tr.T("ui.visit.keys_hint"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord

	title := tr.T("ui.visit.new_title")
	if f.orig.ID != "" {
		title = tr.T("ui.visit.edit_title")
	}
	save := widget.NewButtonWithIcon(tr.T("ui.visit.save"), theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr.T("ui.visit.cancel"), theme.CancelIcon(), f.close)
	discard := widget.NewButtonWithIcon(tr.T("ui.form.discard"), theme.DeleteIcon(), f.confirmDiscard)
	f.saveButtons = append(f.saveButtons, save)
	f.body = container.NewVBox(f.form.Content(), hint)
	f.view = container.NewVScroll(f.body)
	f.newDialog(f, title, f.view, discard, cancel, save)
}

// addStep appends a next-step row.
func (f *visitForm) addStep(d stepDraft) *stepRow {
	tr := f.u.tr
	r := &stepRow{}
	r.text = f.entry(false)
	r.text.SetPlaceHolder(tr.T("ui.visit.step.text_hint"))
	r.text.SetText(d.Text)
	r.due = f.dateEntry()
	r.due.SetPlaceHolder(tr.T("ui.visit.step.due"))
	r.due.SetText(d.Due)
	r.textProblem, r.dueProblem = f.form.ProblemLine(""), f.form.ProblemLine("")
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { f.removeStep(r) })
	remove.Importance = widget.LowImportance
	due := container.NewVBox(container.NewGridWrap(fyne.NewSize(210, r.due.MinSize().Height), r.due), r.dueProblem)
	r.view = container.NewBorder(nil, nil, nil, container.NewHBox(due, container.NewVBox(remove)),
		container.NewVBox(r.text, r.textProblem))
	f.steps = append(f.steps, r)
	f.layoutSteps()
	return r
}

func (f *visitForm) removeStep(r *stepRow) {
	f.steps = slices.DeleteFunc(f.steps, func(s *stepRow) bool { return s == r })
	f.layoutSteps()
	f.changed()
}

// layoutSteps shows the rows and names their problem lines by position
// ("next_steps.1.due"), the way validation errors name them.
func (f *visitForm) layoutSteps() {
	objs := make([]fyne.CanvasObject, len(f.steps))
	f.form.ForgetFields("next_steps.")
	for i, r := range f.steps {
		objs[i] = r.view
		f.form.SetProblemLine(fmt.Sprintf("next_steps.%d.text", i), r.textProblem)
		f.form.SetProblemLine(fmt.Sprintf("next_steps.%d.due", i), r.dueProblem)
	}
	f.stepBox.Objects = objs
	f.relayout()
}

// blank is a new visit: today, on site, with room for one next step,
// reported under the profile's partner and side.
func (f *visitForm) blank(orgIDs []string) visitDraft {
	partner, side := f.u.profileStamp()
	return visitDraft{Orgs: orgIDs, Date: f.u.tr.Date(f.u.opt.Now()), Type: string(domain.VisitOnSite),
		Steps: []stepDraft{{}}, Partner: partner, Side: string(side)}
}

func (f *visitForm) fromVisit(v domain.Visit) visitDraft {
	count := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return visitDraft{Orgs: v.OrgIDs, Date: f.u.tr.DateString(v.Date), Type: string(v.Type), Minutes: count(v.Minutes),
		Place: v.Place, Women: count(v.Women), Men: count(v.Men), Other: count(v.Other), Phase: string(v.Phase),
		CrossBorder: v.CrossBorder, Notes: v.Notes, Sizes: sizeStrings(v.Sizes, v.OrgIDs), Partner: v.Partner, Side: string(v.Side)}
}

// fill shows d in the fields without counting it as the user's typing.
func (f *visitForm) fill(d visitDraft) { f.fillWith(func() { f.fillFields(d) }) }

func (f *visitForm) fillFields(d visitDraft) {
	f.orgs.SetSelected(d.Orgs)
	f.date.SetText(d.Date)
	f.kind.SetValue(d.Type)
	f.minutes.SetText(d.Minutes)
	f.place.SetText(d.Place)
	f.women.SetText(d.Women)
	f.men.SetText(d.Men)
	f.other.SetText(d.Other)
	f.phase.SetValue(d.Phase)
	f.crossMarked = d.CrossBorder
	f.setChosenSizes(d.Sizes)
	f.showCross()
	f.loadSides()
	f.notes.SetText(d.Notes)
	f.under.set(d.Partner, domain.Country(d.Side))
	f.steps = nil
	for _, s := range d.Steps {
		f.addStep(s)
	}
	f.layoutSteps()
}

// snapshot reads the fields as typed.
func (f *visitForm) snapshot() visitDraft {
	d := visitDraft{Orgs: f.orgs.Selected(), Date: f.date.Text, Type: f.kind.Value(), Minutes: f.minutes.Text,
		Place: f.place.Text, Women: f.women.Text, Men: f.men.Text, Other: f.other.Text, Phase: f.phase.Value(),
		CrossBorder: f.crossMarked, Sizes: f.chosenSizes(), Notes: f.notes.Text, Steps: []stepDraft{}}
	partner, side := f.under.values()
	d.Partner, d.Side = partner, string(side)
	for _, r := range f.steps {
		d.Steps = append(d.Steps, stepDraft{Text: r.text.Text, Due: r.due.Text})
	}
	return d
}

func draftJSON(d visitDraft) string {
	if d.Steps == nil {
		d.Steps = []stepDraft{}
	}
	b, _ := json.Marshal(d)
	return string(b)
}

// open shows the form with initial content, then offers a stored draft back.
func (f *visitForm) open(initial visitDraft) {
	f.fill(initial)
	f.showDialog(f, fyne.NewSize(820, 660))
	var stored visitDraft
	if saved, ok := f.draft.load(&stored); ok && draftJSON(stored) != f.initial {
		f.offerDraft("ui.visit.draft.title", "ui.visit.draft.message", saved, func() { f.fillFields(stored) }, f.focusFirst)
		return
	}
	f.focusFirst()
}

// focusFirst puts the cursor where typing starts: the organisations when
// none is chosen yet, else the notes.
func (f *visitForm) focusFirst() {
	if len(f.orgs.Selected()) == 0 {
		f.u.win.Canvas().Focus(f.orgs.Entry)
	} else {
		f.u.win.Canvas().Focus(f.notes)
	}
}

// save stores the visit and its next steps. On a problem every field keeps
// its text and the problem shows beside it.
func (f *visitForm) save() {
	if !f.canSave() {
		return
	}
	nv, rows, err := f.collect()
	f.runSave(func() error {
		if err != nil {
			return err
		}
		return f.store(nv, rows)
	}, nil)
}

// loadAgreed lists, when editing, the next steps stored with the visit.
func (f *visitForm) loadAgreed() {
	id, orgs := f.orig.ID, f.orig.OrgIDs
	tr := f.u.tr
	f.u.background(func() func() {
		var lines []string
		for _, org := range orgs {
			acts, err := f.u.storeForVisits().Actions(f.u.ctx(), data.ActionQuery{OrgID: org})
			if err != nil {
				return func() { f.u.showError(err) }
			}
			for _, a := range acts {
				if a.VisitID != id {
					continue
				}
				line := a.Text
				if a.Due != "" {
					line = tr.T("ui.visit.step.agreed_due", "Text", a.Text, "Date", tr.DateString(a.Due))
				}
				mark := "•"
				if !a.IsOpen() {
					mark = "✓"
				}
				lines = append(lines, mark+" "+line)
			}
		}
		if len(lines) == 0 {
			return nil
		}
		return func() {
			f.agreed.SetText(tr.T("ui.visit.step.agreed") + "\n" + strings.Join(lines, "\n"))
			f.agreed.Show()
			f.relayout()
		}
	})
}
