package ui

// The visit form's cross-border box: ticked and held when organisations
// of both countries take part, as the report counts the visit.

import "eu.ilsa.coach/ilsa/data/report/indicators"

// loadSides looks up the chosen organisations off the UI goroutine, then
// shows what the report will count: whether the visit is cross-border, and
// each organisation's size.
func (f *visitForm) loadSides() {
	ids := f.orgs.Selected()
	gen := f.sidesGen.Add(1)
	f.u.background(func() func() {
		orgs, err := f.u.storeForVisits().OrganisationsByID(f.u.ctx(), ids)
		return func() {
			if gen != f.sidesGen.Load() {
				return // the organisations changed since
			}
			if err != nil {
				f.u.showError(err)
				return
			}
			var sides indicators.BorderSides
			for _, o := range orgs {
				sides.Add(o.Country)
			}
			f.sides = sides
			f.showCross()
			f.showSizes(orgs)
		}
	})
}

// showCross ticks the cross-border box when the report will count the visit
// as cross-border. Organisations of both countries make it so whatever the
// advisor marks, so the box is then ticked, held and says why.
func (f *visitForm) showCross() {
	tr := f.u.tr
	checked := f.sides.CrossBorder(f.crossMarked)
	if f.sides.Spans() {
		f.cross.Text = tr.T("ui.visit.cross_border_spans")
		f.cross.Disable()
	} else {
		f.cross.Text = tr.T("ui.visit.cross_border")
		f.cross.Enable()
	}
	if f.cross.Checked != checked {
		onChanged := f.cross.OnChanged // showing is not the advisor marking
		f.cross.OnChanged = nil
		f.cross.SetChecked(checked)
		f.cross.OnChanged = onChanged
	}
	f.cross.Refresh()
}
