package ui

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// reportedUnder is the "Reported under" part of the visit and joint-action
// forms: the project partner and national side the record counts for in
// the reports (stamped from the profile when it is created). It stays
// folded, its title saying what it holds, so the forms are no taller until
// an advisor opens it to correct the stamp.
type reportedUnder struct {
	b       *formBase
	partner *widgets.KeyedEntry
	side    *widgets.ChoiceSelect
	item    *widget.AccordionItem
	acc     *widget.Accordion
}

// addReportedUnder adds the folded part as the form's last row; its
// problems show under it, where they can be seen while it is folded.
func (b *formBase) addReportedUnder() *reportedUnder {
	tr := b.u.tr
	r := &reportedUnder{b: b}
	r.partner = b.entry(false)
	r.partner.SetPlaceHolder(tr.T("ui.partner.hint"))
	r.partner.OnChanged = func(string) {
		r.showTitle()
		b.changed()
	}
	sides := append([]widgets.Choice{{Value: "", Label: tr.T("ui.partner.no_side")}}, b.u.countryChoices()...)
	r.side = widgets.NewChoiceSelect(sides, func(string) {
		r.showTitle()
		b.changed()
	})
	row := container.NewGridWithColumns(2,
		container.NewVBox(widgets.Caption(tr.T("field.partner")), r.partner),
		container.NewVBox(widgets.Caption(tr.T("field.side")), r.side.Select))
	r.item = widget.NewAccordionItem("", row)
	r.acc = widget.NewAccordion(r.item)
	r.showTitle()
	b.form.Add("partner", "", r.acc)
	b.form.SetProblemLine("side", b.form.Problem("partner")) // a select offers only valid sides
	return r
}

// set shows a record's partner and side.
func (r *reportedUnder) set(partner string, side domain.Country) {
	r.partner.SetText(partner)
	r.side.SetValue(string(side))
	r.showTitle()
}

// values are the partner and side as chosen.
func (r *reportedUnder) values() (string, domain.Country) {
	return r.partner.Text, domain.Country(r.side.Value())
}

// showTitle names the partner and side on the folded part.
func (r *reportedUnder) showTitle() {
	tr := r.b.u.tr
	partner, side := strings.TrimSpace(r.partner.Text), r.side.Value()
	var what []string
	if partner != "" {
		what = append(what, partner)
	}
	if side != "" {
		what = append(what, tr.Country(domain.Country(side)))
	}
	if len(what) == 0 {
		what = append(what, tr.T("ui.partner.not_given"))
	}
	r.item.Title = tr.T("ui.partner.reported_under", "What", strings.Join(what, " · "))
	r.acc.Refresh()
}

// profileStamp is the partner and side a new record takes: this device's
// profile organisation and country, as the store stamps it.
func (u *UI) profileStamp() (string, domain.Country) {
	p, err := u.storeForSettings().Profile()
	if err != nil {
		return "", ""
	}
	return p.Organisation, p.Country
}
