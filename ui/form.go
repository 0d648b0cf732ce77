package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
)

// form lays out labelled fields with room under each for its problem, so a
// validation error shows beside the field it belongs to and nothing typed is
// touched.
type form struct {
	u     *UI
	rows  map[string]*formRow
	grid  *fyne.Container
	extra *widget.Label // problems that belong to no field on this form
}

type formRow struct {
	problem *widget.Label
}

func newForm(u *UI) *form {
	f := &form{u: u, rows: map[string]*formRow{}, grid: container.New(layout.NewFormLayout())}
	f.extra = widget.NewLabel("")
	f.extra.Importance = widget.DangerImportance
	f.extra.Wrapping = fyne.TextWrapWord
	f.extra.Hide()
	return f
}

// add appends a field: its label, its widget, and a hidden problem line.
func (f *form) add(field, label string, obj fyne.CanvasObject) {
	p := widget.NewLabel("")
	p.Importance = widget.DangerImportance
	p.Wrapping = fyne.TextWrapWord
	p.Hide()
	f.rows[field] = &formRow{problem: p}
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	f.grid.Add(l)
	f.grid.Add(container.NewVBox(obj, p))
}

// content is the form's widget tree.
func (f *form) content() fyne.CanvasObject { return container.NewVBox(f.extra, f.grid) }

// setProblem shows (or with "" hides) the problem of one field.
func (f *form) setProblem(field, msg string) {
	r, ok := f.rows[field]
	if !ok {
		return
	}
	r.problem.SetText(msg)
	if msg == "" {
		r.problem.Hide()
	} else {
		r.problem.Show()
	}
}

// clear hides every problem.
func (f *form) clear() {
	for k := range f.rows {
		f.setProblem(k, "")
	}
	f.extra.SetText("")
	f.extra.Hide()
}

// showErrors puts each validation problem beside its field; anything else
// (or a problem of a field not on this form) shows at the top. It reports
// whether err was a validation error.
func (f *form) showErrors(err error) bool {
	f.clear()
	vs := domain.ValidationErrors(err)
	if len(vs) == 0 {
		return false
	}
	var other []string
	for _, v := range vs {
		if _, ok := f.rows[v.Field]; ok {
			f.setProblem(v.Field, f.u.tr.Problem(v))
		} else {
			other = append(other, f.u.tr.FieldLabel(v.Field)+": "+f.u.tr.Problem(v))
		}
	}
	if len(other) > 0 {
		f.extra.SetText(strings.Join(other, "\n"))
		f.extra.Show()
	}
	return true
}

// choice is one option of a select: the stored value and its label.
type choice struct{ value, label string }

// choiceSelect is a Select over labelled values.
type choiceSelect struct {
	*widget.Select
	choices []choice
}

func newChoiceSelect(choices []choice, onChange func(value string)) *choiceSelect {
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = c.label
	}
	cs := &choiceSelect{choices: choices}
	cs.Select = widget.NewSelect(labels, func(label string) {
		if onChange != nil {
			onChange(cs.Value())
		}
	})
	// Fyne's own placeholder, "(Select one)", is English only.
	cs.Select.PlaceHolder = "—"
	return cs
}

// setChoices replaces the options (the selection is cleared).
func (c *choiceSelect) setChoices(choices []choice) {
	labels := make([]string, len(choices))
	for i, ch := range choices {
		labels[i] = ch.label
	}
	c.choices = choices
	c.Select.ClearSelected()
	c.Select.SetOptions(labels)
}

// Value is the stored value of the selected option ("" when none).
func (c *choiceSelect) Value() string {
	i := c.Select.SelectedIndex()
	if i < 0 {
		return ""
	}
	return c.choices[i].value
}

// SetValue selects the option with this value (or clears the selection).
func (c *choiceSelect) SetValue(v string) {
	for i, ch := range c.choices {
		if ch.value == v {
			c.Select.SetSelectedIndex(i)
			return
		}
	}
	c.Select.ClearSelected()
}

// errNotANumber marks a number field holding something else.
var errNotANumber = errors.New("not a number")

// parseCount reads a whole number typed by the user ("" is zero).
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", ""))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errNotANumber
	}
	return n, nil
}

// numberProblem is the validation error for a number field holding text.
func numberProblem(field string) error {
	return &domain.ValidationError{Field: field, Code: "number.range", Params: map[string]any{"min": 0, "max": 100000}}
}

// municipalityChoices lists "other" and the municipalities of one country
// (both when country is ""), by county and name.
func (u *UI) municipalityChoices(country domain.Country) []choice {
	out := []choice{{"", u.tr.T("ui.choice.none")}}
	for _, m := range domain.Municipalities() {
		if country != "" && m.Country != country {
			continue
		}
		out = append(out, choice{m.Code, m.Name + " (" + m.Code + ")"})
	}
	return append(out, choice{domain.MunicipalityOther, u.tr.T("ui.municipality.other")})
}

func (u *UI) sectorChoices() []choice {
	out := []choice{{"", u.tr.T("ui.choice.none")}}
	for _, s := range domain.Sectors() {
		out = append(out, choice{s.Code, u.sectorLabel(s)})
	}
	return out
}

func (u *UI) kindChoices() []choice {
	var out []choice
	for _, k := range domain.OrgKinds {
		out = append(out, choice{string(k), u.tr.Kind(k)})
	}
	return out
}

func (u *UI) countryChoices() []choice {
	return []choice{{string(domain.CountrySE), u.tr.Country(domain.CountrySE)}, {string(domain.CountryNO), u.tr.Country(domain.CountryNO)}}
}

// sectorLabel is how a sector reads: its code and its name in the
// reader's language ("G – Handel; …").
func (u *UI) sectorLabel(s domain.Sector) string {
	return s.Code + " – " + s.Name(u.tr.Lang())
}

// municipalityLabel is the display name of a municipality code.
func (u *UI) municipalityLabel(code string) string {
	if code == domain.MunicipalityOther {
		return u.tr.T("ui.municipality.other")
	}
	if m, ok := domain.MunicipalityByCode(code); ok {
		return m.Name
	}
	return code
}

// isoDate reads a date typed in the reader's form (or ISO) into YYYY-MM-DD;
// empty is fine here (the store decides whether a date is required).
func (u *UI) isoDate(s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	t, err := u.tr.ParseDate(s)
	if err != nil {
		return "", false
	}
	return t.Format(domain.DateLayout), true
}

// typedDate is isoDate with the problem to show beside field.
func (u *UI) typedDate(field, s string) (string, error) {
	iso, ok := u.isoDate(s)
	if !ok {
		return "", dateProblem(field, s)
	}
	return iso, nil
}

func dateProblem(field, typed string) *domain.ValidationError {
	return &domain.ValidationError{Field: field, Code: "date.format", Params: map[string]any{"value": strings.TrimSpace(typed)}}
}
