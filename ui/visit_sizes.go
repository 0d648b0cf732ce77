package ui

// The visit form's sizes: how big each organisation was when the visit was
// recorded. The funder's size split counts that, not today's headcount, so
// the advisor sees the class the headcount gives and may correct it.

import (
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// visitSizes holds the sizes the form shows: chosen (stored with the visit
// or picked by the advisor, which the draft keeps) and, for the others,
// the class of the organisation's headcount now, which the store records
// when nothing is chosen.
type visitSizes struct {
	chosen map[string]domain.SizeClass
	now    map[string]domain.SizeClass
	names  map[string]string
	box    *fyne.Container
}

func (f *visitForm) buildSizes() fyne.CanvasObject {
	f.sizes.box = container.NewVBox()
	return f.sizes.box
}

// setChosenSizes replaces the chosen sizes (a stored visit, a draft).
func (f *visitForm) setChosenSizes(m map[string]string) {
	f.sizes.chosen = map[string]domain.SizeClass{}
	for id, c := range m {
		f.sizes.chosen[id] = domain.SizeClass(c)
	}
}

// chosenSizes are the sizes picked for the organisations on the form, as
// the draft keeps them.
func (f *visitForm) chosenSizes() map[string]string {
	out := map[string]string{}
	for _, id := range f.orgs.Selected() {
		if c, ok := f.sizes.chosen[id]; ok {
			out[id] = string(c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sizesToStore are the visit's sizes to save: the stored ones (entries of
// organisations since taken off the visit, or merged away, stay), with the
// chosen ones over them. Organisations with neither get their headcount's
// class from the store.
func (f *visitForm) sizesToStore(chosen map[string]string) map[string]domain.SizeClass {
	out := maps.Clone(f.orig.Sizes)
	if out == nil && len(chosen) > 0 {
		out = map[string]domain.SizeClass{}
	}
	for id, c := range chosen {
		out[id] = domain.SizeClass(c)
	}
	return out
}

// showSizes lists a size choice per organisation, given the organisations
// looked up by loadSides.
func (f *visitForm) showSizes(orgs map[string]domain.Organisation) {
	tr := f.u.tr
	f.sizes.now, f.sizes.names = map[string]domain.SizeClass{}, map[string]string{}
	for id, o := range orgs {
		f.sizes.now[id], f.sizes.names[id] = domain.SizeOf(o.Employees), o.Name
	}
	var choices []widgets.Choice
	for _, c := range domain.SizeClasses {
		choices = append(choices, widgets.Choice{Value: string(c), Label: tr.Size(c)})
	}
	f.sizes.box.RemoveAll()
	for _, id := range f.orgs.Selected() {
		name, ok := f.sizes.names[id]
		if !ok {
			continue // not there (deleted meanwhile): nothing to record
		}
		value, ok := f.sizes.chosen[id]
		if !ok {
			value = f.sizes.now[id]
		}
		sel := widgets.NewChoiceSelect(choices, nil)
		sel.SetValue(string(value))
		// Set after the value shown: showing is not the advisor choosing.
		sel.Select.OnChanged = func(string) {
			f.sizes.chosen[id] = domain.SizeClass(sel.Value())
			f.changed()
		}
		label := widget.NewLabel(name)
		label.Truncation = fyne.TextTruncateEllipsis
		f.sizes.box.Add(container.NewGridWithColumns(2, label, sel.Select))
	}
	f.sizes.box.Refresh()
	f.form.SetRowVisible("sizes", len(f.sizes.box.Objects) > 0)
	f.relayout()
}

// sizeStrings are a stored visit's sizes of its organisations, as the
// draft keeps them.
func sizeStrings(sizes map[string]domain.SizeClass, orgs []string) map[string]string {
	out := map[string]string{}
	for _, id := range orgs {
		if c, ok := sizes[id]; ok {
			out[id] = string(c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
