package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// Form lays out labelled fields with room under each for its problem, so a
// validation error shows beside the field it belongs to and nothing typed is
// touched.
type Form struct {
	tr       *translations.Localizer
	problems map[string]*widget.Label // by field name, as validation errors name them
	grid     *fyne.Container
	extra    *widget.Label                   // problems that belong to no field on this form
	rows     map[string][2]fyne.CanvasObject // by field: its label and its cell, for SetRowVisible
}

// NewForm is an empty form whose problems read in tr's language.
func NewForm(tr *translations.Localizer) *Form {
	f := &Form{tr: tr, problems: map[string]*widget.Label{}, grid: container.New(layout.NewFormLayout()),
		rows: map[string][2]fyne.CanvasObject{}}
	f.extra = newProblemLabel()
	return f
}

func newProblemLabel() *widget.Label {
	p := widget.NewLabel("")
	p.Importance = widget.DangerImportance
	p.Wrapping = fyne.TextWrapWord
	p.Hide()
	return p
}

// Add appends a field: its label, its widget, and a hidden problem line.
func (f *Form) Add(field, label string, obj fyne.CanvasObject) {
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	cell := container.NewVBox(obj, f.ProblemLine(field))
	f.grid.Add(l)
	f.grid.Add(cell)
	f.rows[field] = [2]fyne.CanvasObject{l, cell}
}

// SetRowVisible shows or hides a field added with Add, label and all: the
// form closes up around a hidden row.
func (f *Form) SetRowVisible(field string, visible bool) {
	for _, o := range f.rows[field] {
		if o == nil {
			continue
		}
		if visible {
			o.Show()
		} else {
			o.Hide()
		}
	}
	f.grid.Refresh()
}

// GroupPart is one short field of a row that holds several.
type GroupPart struct {
	Field, Caption string
	Obj            fyne.CanvasObject
}

// AddGroup puts several short fields on one row (date, type and minutes;
// women, men and other), each with its caption above and its own problem
// line below, so the form stays short and a problem still shows beside the
// field it belongs to.
func (f *Form) AddGroup(label string, parts ...GroupPart) {
	cells := make([]fyne.CanvasObject, len(parts))
	for i, p := range parts {
		cells[i] = container.NewVBox(Caption(p.Caption), p.Obj, f.ProblemLine(p.Field))
	}
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	// An empty caption line above the row's label lines it up with the fields.
	f.grid.Add(container.NewVBox(Caption(" "), l))
	f.grid.Add(container.NewGridWithColumns(len(parts), cells...))
}

// Caption is the small text above a field of a group.
func Caption(text string) *widget.Label {
	c := widget.NewLabel(text)
	c.SizeName = theme.SizeNameCaptionText
	return c
}

// ProblemLine is a hidden problem label that the form shows for field
// ("" leaves it unnamed, for SetProblemLine to name later).
func (f *Form) ProblemLine(field string) *widget.Label {
	p := newProblemLabel()
	if field != "" {
		f.problems[field] = p
	}
	return p
}

// SetProblemLine names p as field's problem line (rows that move, such as
// the next steps of a visit, are named by position).
func (f *Form) SetProblemLine(field string, p *widget.Label) { f.problems[field] = p }

// ForgetFields drops the names of the problem lines starting with prefix.
func (f *Form) ForgetFields(prefix string) {
	for k := range f.problems {
		if strings.HasPrefix(k, prefix) {
			delete(f.problems, k)
		}
	}
}

// Problem is field's problem line (nil when the form has no such field).
func (f *Form) Problem(field string) *widget.Label { return f.problems[field] }

// Content is the form's widget tree.
func (f *Form) Content() fyne.CanvasObject { return container.NewVBox(f.extra, f.grid) }

// SetProblem shows (or with "" hides) the problem of one field.
func (f *Form) SetProblem(field, msg string) {
	p, ok := f.problems[field]
	if !ok {
		return
	}
	p.SetText(msg)
	if msg == "" {
		p.Hide()
	} else {
		p.Show()
	}
}

// Clear hides every problem.
func (f *Form) Clear() {
	for k := range f.problems {
		f.SetProblem(k, "")
	}
	f.extra.SetText("")
	f.extra.Hide()
}

// ShowErrors puts each validation problem beside its field; anything else
// (or a problem of a field not on this form) shows at the top. It reports
// whether err was a validation error.
func (f *Form) ShowErrors(err error) bool {
	f.Clear()
	vs := domain.ValidationErrors(err)
	if len(vs) == 0 {
		return false
	}
	var other []string
	for _, v := range vs {
		if _, ok := f.problems[v.Field]; ok {
			f.SetProblem(v.Field, f.tr.Problem(v))
		} else {
			other = append(other, f.tr.FieldLabel(v.Field)+": "+f.tr.Problem(v))
		}
	}
	if len(other) > 0 {
		f.extra.SetText(strings.Join(other, "\n"))
		f.extra.Show()
	}
	return true
}
