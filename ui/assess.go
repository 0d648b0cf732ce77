package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// assessForm applies a model with a client: one section per dimension with
// its level descriptions in view, or a text block per canvas block, or a
// check per checklist item.
type assessForm struct {
	// The draft key is "assessment:new:<org>[:<visit>]" or "assessment:<id>".
	formBase
	orig    domain.Assessment // the stored assessment when editing (ID "" when new)
	model   *models.Model     // nil until one is chosen
	onSaved func()

	modelSel *widgets.ChoiceSelect
	models   []*models.Model // the select's options
	date     *widgets.KeyedEntry
	hint     *widget.Label
	credit   *modelCredit // the chosen model's source, author and licence
	sections *fyne.Container
	answers  []*answerRow // in the model's dimension order
	wheel    *wheelScroll // the body's scroll (formBase.view is its Scroll)
}

// answerRow holds the widgets of one dimension, block or item.
type answerRow struct {
	dim     *models.Dimension
	orig    domain.Answer
	level   *int
	levels  []*levelOption // scale: one per level, one chosen at a time
	target  *widgets.ChoiceSelect
	due     *widgets.KeyedEntry
	comment *widgets.KeyedEntry
	text    *widgets.KeyedEntry // canvas
	applies *widget.Check       // checklist
}

// assessStart says what a new assessment is of: an organisation, perhaps
// at a visit (whose date it takes), perhaps with a model chosen.
type assessStart struct {
	OrgID, VisitID, Date, ModelID string
}

// newAssessment opens the form for a new assessment of an organisation,
// with the model (if any) chosen.
func (u *UI) newAssessment(st assessStart, onSaved func()) *assessForm {
	date := st.Date
	if date == "" {
		date = u.today8601()
	}
	orig := domain.Assessment{OrgID: st.OrgID, VisitID: st.VisitID, Date: date, Status: domain.AssessmentDraft}
	key := "assessment:new:" + st.OrgID
	if st.VisitID != "" {
		key += ":" + st.VisitID
	}
	if open, ok := openForm[*assessForm](u, key); ok {
		return open // one form per draft: two would overwrite each other's text
	}
	f := &assessForm{orig: orig, onSaved: onSaved}
	f.init(u, key, func() any { return f.snapshot() }, f.save)
	f.filling = true // building fills the fields: not the user's edits
	f.build()
	if m, ok := u.opt.Models.Latest(st.ModelID); ok {
		f.modelSel.SetValue(m.ID) // its OnChanged builds the sections
	}
	f.filling = false
	f.show()
	return f
}

// openAssessment opens a stored assessment with the model version it was
// made with.
func (u *UI) openAssessment(a domain.Assessment, onSaved func()) *assessForm {
	full, err := u.storeForAssessments().Assessment(u.ctx(), a.ID)
	if err != nil {
		u.showError(err)
		return nil
	}
	key := "assessment:" + full.ID
	if open, ok := openForm[*assessForm](u, key); ok {
		return open
	}
	f := &assessForm{orig: full, onSaved: onSaved}
	f.init(u, key, func() any { return f.snapshot() }, f.save)
	f.filling = true
	f.build()
	if m, ok := u.assessmentModel(full); ok {
		f.setModel(m)
	}
	f.filling = false
	f.show()
	return f
}

func (f *assessForm) build() {
	u, tr := f.u, f.u.tr
	lang := tr.Lang()
	editing := f.orig.ID != ""
	var choices []widgets.Choice
	if editing {
		if m, ok := u.assessmentModel(f.orig); ok {
			f.models = []*models.Model{m}
		}
	} else {
		f.models = u.opt.Models.All()
	}
	for _, m := range f.models {
		choices = append(choices, widgets.Choice{Value: m.ID, Label: m.Name.In(lang) + " (" + tr.T("ui.assess.version", "Version", m.Version) + ")"})
	}
	f.modelSel = widgets.NewChoiceSelect(choices, func(id string) {
		for _, m := range f.models {
			if m.ID == id && m != f.model {
				f.setModel(m)
				f.changed()
			}
		}
	})
	f.modelSel.Select.PlaceHolder = tr.T("ui.assess.model_placeholder")
	if editing {
		f.modelSel.Disable() // answers belong to the version they were made with
	}
	f.form.Add("model", tr.T("field.model"), f.modelSel.Select)
	f.date = f.dateEntry()
	f.date.SetPlaceHolder(tr.T("ui.date_placeholder"))
	f.date.SetText(tr.DateString(f.orig.Date))
	f.form.Add("date", tr.T("field.date"), f.date)

	f.hint = widget.NewLabel(tr.T("ui.assess.choose_model"))
	if len(f.models) == 0 {
		f.hint.SetText(tr.T("ui.assess.no_models"))
	}
	f.hint.Importance = widget.LowImportance
	f.hint.Wrapping = fyne.TextWrapWord
	f.credit = newModelCredit(tr)
	f.sections = container.NewVBox()
	f.body = container.NewVBox(f.form.Content(), f.hint, f.credit.view, f.sections)
	f.wheel = newWheelScroll(container.NewPadded(f.body))
	f.view = &f.wheel.Scroll

	title := tr.T("ui.assess.new")
	if editing {
		title = tr.T("ui.assess.edit_title")
	}
	draft := widget.NewButtonWithIcon(tr.T("ui.assess.save_draft"), theme.DocumentSaveIcon(), func() { f.saveAs(domain.AssessmentDraft) })
	done := widget.NewButtonWithIcon(tr.T("ui.assess.done"), theme.ConfirmIcon(), func() { f.saveAs(domain.AssessmentDone) })
	done.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr.T("ui.cancel"), theme.CancelIcon(), f.close)
	f.saveButtons = append(f.saveButtons, draft, done)
	f.newDialog(f, title, f.wheel, cancel, draft, done)
}

func (f *assessForm) show() {
	f.showDialog(f, f.size())
	var stored assessDraft
	if saved, ok := f.draft.load(&stored); ok && draftText(stored) != f.initial {
		f.offerDraft("ui.assess.draft.title", "ui.assess.draft.message", saved, func() { f.fillFields(stored) }, nil)
	}
}

// size fits the dialog to the model: a canvas needs the width of the
// window, a list of dimensions reads better narrower.
func (f *assessForm) size() fyne.Size {
	if f.model != nil && f.model.Kind == models.KindCanvas {
		win := f.u.win.Canvas().Size()
		return fyne.NewSize(max(880, win.Width-60), max(680, win.Height-60))
	}
	return fyne.NewSize(880, 680)
}

// resize fits the open dialog to the model.
func (f *assessForm) resize() { f.dlg.Resize(f.size()) }

// setModel builds one section per dimension of m, filled from the stored
// answers when editing.
func (f *assessForm) setModel(m *models.Model) {
	f.model = m
	f.modelSel.SetValue(m.ID)
	f.hint.SetText(m.Description.In(f.u.tr.Lang()))
	f.credit.show(m)
	stored := map[string]domain.Answer{}
	if f.orig.ModelID == m.ID && f.orig.ModelVersion == m.Version {
		for _, a := range f.orig.Answers {
			stored[a.Dimension] = a
		}
	}
	// Problem lines of the previous model's dimensions go with it.
	f.form.ForgetFields("answers.")
	f.answers = nil
	f.sections.RemoveAll()
	var blocks []fyne.CanvasObject
	for i := range m.Dimensions {
		r, obj := f.section(&m.Dimensions[i], stored[m.Dimensions[i].ID])
		f.answers = append(f.answers, r)
		blocks = append(blocks, obj)
	}
	if m.Kind == models.KindCanvas {
		// A canvas is read as a whole: its blocks side by side, as on paper.
		f.sections.Add(container.New(newCanvasLayout(m), blocks...))
	} else {
		for _, b := range blocks {
			f.sections.Add(b)
		}
	}
	if f.dlg != nil && f.dlg.MinSize().Width > 0 {
		f.resize()
	}
	f.relayout()
}

// section builds the widgets of one dimension.
func (f *assessForm) section(d *models.Dimension, ans domain.Answer) (*answerRow, fyne.CanvasObject) {
	tr, lang := f.u.tr, f.u.tr.Lang()
	r := &answerRow{dim: d, orig: ans}
	name := widget.NewLabelWithStyle(d.Name.In(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	name.Wrapping = fyne.TextWrapWord
	parts := []fyne.CanvasObject{widget.NewSeparator(), name}
	if f.model.Kind == models.KindCanvas {
		return r, f.canvasBlock(r, d, ans)
	}
	if desc := d.Description.In(lang); desc != "" {
		l := widget.NewLabel(desc)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		parts = append(parts, l)
	}
	r.comment = f.entry(false)
	r.comment.SetPlaceHolder(tr.T("ui.assess.comment"))
	r.comment.SetText(ans.Comment)
	switch f.model.Kind {
	case models.KindScale:
		levels := container.NewVBox()
		for n := 1; n <= f.model.Levels; n++ {
			text := ""
			if l, ok := d.Level(n); ok {
				text = l.Text.In(lang)
			}
			r.levels = append(r.levels, newLevelOption(n, text, func() {
				if r.level != nil && *r.level == n {
					r.clear() // a second tap takes the rating back
				} else {
					r.pick(n)
				}
				f.changed()
			}))
			levels.Add(r.levels[n-1])
		}
		if ans.Level != nil {
			r.pick(*ans.Level)
		}
		targets := []widgets.Choice{{Value: "", Label: tr.T("ui.assess.target_none")}}
		for n := 1; n <= f.model.Levels; n++ {
			targets = append(targets, widgets.Choice{Value: strconv.Itoa(n), Label: strconv.Itoa(n)})
		}
		r.target = widgets.NewChoiceSelect(targets, func(string) { f.changed() })
		if ans.Target != nil {
			r.target.SetValue(strconv.Itoa(*ans.Target))
		} else {
			r.target.SetValue("")
		}
		r.due = f.entry(false)
		f.calendar.Attach(r.due)
		r.due.SetPlaceHolder(tr.T("ui.date_placeholder"))
		r.due.SetText(tr.DateString(ans.TargetDue))
		parts = append(parts, levels, container.NewGridWithColumns(2,
			container.NewVBox(widgets.Caption(tr.T("ui.assess.target")), r.target.Select),
			container.NewVBox(widgets.Caption(tr.T("ui.assess.target_due")), r.due)))
	case models.KindChecklist:
		r.applies = widget.NewCheck(tr.T("ui.assess.applies"), func(bool) { f.changed() })
		r.applies.SetChecked(ans.Applies)
		parts = append(parts, container.NewBorder(nil, nil, r.applies, nil, r.comment))
	}
	if f.model.Kind == models.KindScale {
		parts = append(parts, r.comment)
	}
	parts = append(parts, f.form.ProblemLine("answers."+d.ID))
	return r, container.NewVBox(parts...)
}

// pick chooses level n (1..levels): the only one shown chosen.
func (r *answerRow) pick(n int) {
	r.level = &n
	for i, l := range r.levels {
		l.SetSelected(i+1 == n)
	}
}

// clear leaves the dimension unrated.
func (r *answerRow) clear() {
	r.level = nil
	for _, l := range r.levels {
		l.SetSelected(false)
	}
}

func (f *assessForm) relayout() {
	f.sections.Refresh()
	f.formBase.relayout()
}
