package ui

import (
	"fyne.io/fyne/v2/container"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// profileForm edits the advisor profile; Settings and the welcome share
// it. It is inline (no dialog of its own) and keeps no draft: Esc with
// changes asks before they go and shows the stored profile again.
type profileForm struct {
	formBase
	name    *widgets.KeyedEntry
	org     *widgets.KeyedEntry
	country *widgets.ChoiceSelect
	stored  data.Profile // as last filled or saved: what a discard shows again
	onEdit  func()       // optional: called on each user edit
}

// newProfileForm builds the form; save is Ctrl+S and Enter in the name.
func newProfileForm(u *UI, save func()) *profileForm {
	p := &profileForm{}
	p.init(u, "", func() any { return p.profile() }, save)
	p.revert = func() { p.set(p.stored) }
	edit := func() {
		if p.filling {
			return
		}
		p.changed()
		if p.onEdit != nil {
			p.onEdit()
		}
	}
	p.name = p.entry(false)
	p.name.OnChanged = func(string) {
		edit()
		if p.name.Text != "" {
			p.form.SetProblem("advisor", "")
		}
	}
	p.name.OnSubmitted = func(string) { save() }
	p.org = p.entry(false)
	p.org.OnChanged = func(string) { edit() }
	p.country = widgets.NewChoiceSelect(u.countryChoices(), func(string) { edit() })
	p.form.Add("advisor", u.tr.T("ui.profile.name"), p.name)
	p.form.Add("organisation", u.tr.T("ui.profile.organisation"), p.org)
	p.form.Add("country", u.tr.T("ui.profile.country"), p.country.Select)
	p.body = container.NewVBox(p.form.Content())
	p.begin() // empty until set: nothing typed yet
	return p
}

// set fills the form from a stored profile.
func (p *profileForm) set(pr data.Profile) {
	p.stored = pr
	p.fillWith(func() {
		p.name.SetText(pr.Advisor)
		p.org.SetText(pr.Organisation)
		p.country.SetValue(string(pr.Country))
	})
	p.begin()
}

// takeOver shows what old holds, typed and stored alike: the screen was
// rebuilt (in another language) while the advisor typed.
func (p *profileForm) takeOver(old *profileForm) {
	p.set(old.stored)
	p.fillWith(func() {
		typed := old.profile()
		p.name.SetText(typed.Advisor)
		p.org.SetText(typed.Organisation)
		p.country.SetValue(string(typed.Country))
	})
}

// edited reports whether the user changed the form since it was last
// filled or saved.
func (p *profileForm) edited() bool { return !p.unchanged() }

// profile is what the form holds now.
func (p *profileForm) profile() data.Profile {
	return data.Profile{Advisor: p.name.Text, Organisation: p.org.Text, Country: domain.Country(p.country.Value())}
}

// save validates and stores the profile off the UI goroutine, the form
// and its Save held still meanwhile; problems show beside their fields.
// done learns the outcome on the UI goroutine. A call while a save runs
// does nothing.
func (p *profileForm) save(done func(error)) {
	if !p.canSave() {
		return
	}
	pr := p.profile()
	p.form.Clear()
	st := p.u.storeForSettings()
	p.saver.run(p.body, p.saveButtons, func() error { return st.SetProfile(pr) }, func(err error) {
		if err != nil {
			if !p.form.ShowErrors(err) {
				p.u.showError(err)
			}
		} else {
			p.stored = pr
			p.begin()
		}
		done(err)
	})
}
