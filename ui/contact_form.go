package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// contactForm adds or edits one contact person of an organisation. It
// keeps no draft: closing it with text typed asks before the text goes.
type contactForm struct {
	formBase
	orig                     domain.Contact // as stored (ID "" for a new contact)
	name, role, email, phone *widgets.KeyedEntry
	gender                   *widgets.ChoiceSelect
	consent                  *widget.Check
	saved                    func()
}

// contactDraft is the form's content as typed.
type contactDraft struct {
	Name, Role, Email, Phone, Gender string
	Consent                          bool
}

// newContactForm opens the contact form on p (a new contact when p.ID is
// ""); saved runs after it is stored.
func (u *UI) newContactForm(p domain.Contact, saved func()) *contactForm {
	tr := u.tr
	f := &contactForm{orig: p, saved: saved}
	f.init(u, "", func() any { return f.snapshot() }, f.save)
	f.reloadsItself = true
	changed := func(string) { f.changed() }
	f.name, f.role, f.email, f.phone = f.entry(false), f.entry(false), f.entry(false), f.entry(false)
	var genders []widgets.Choice
	for _, g := range domain.Genders {
		genders = append(genders, widgets.Choice{Value: string(g), Label: tr.Gender(g)})
	}
	f.gender = widgets.NewChoiceSelect(genders, changed)
	f.consent = widget.NewCheck(tr.T("ui.contacts.consent"), func(bool) { f.changed() })
	f.form.Add("name", tr.T("field.name"), f.name)
	f.form.Add("role", tr.T("field.role"), f.role)
	f.form.Add("email", tr.T("field.email"), f.email)
	f.form.Add("phone", tr.T("field.phone"), f.phone)
	f.form.Add("gender", tr.T("field.gender"), f.gender.Select)
	f.form.Add("consent_date", tr.T("field.consent_date"), f.consent)
	f.fillWith(func() {
		f.name.SetText(p.Name)
		f.role.SetText(p.Role)
		f.email.SetText(p.Email)
		f.phone.SetText(p.Phone)
		f.gender.SetValue(string(p.Gender))
		f.consent.SetChecked(p.ConsentDate != "")
	})

	title := tr.T("ui.contacts.new")
	if p.ID != "" {
		title = tr.T("ui.contacts.edit")
	}
	save := widget.NewButtonWithIcon(tr.T("ui.save"), theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(tr.T("ui.cancel"), theme.CancelIcon(), f.close)
	f.saveButtons = append(f.saveButtons, save)
	f.body = container.NewVBox(f.form.Content())
	f.newDialog(f, title, f.body, cancel, save)
	f.showDialog(f, fyne.NewSize(520, 420))
	u.win.Canvas().Focus(f.name)
	return f
}

func (f *contactForm) snapshot() contactDraft {
	return contactDraft{Name: f.name.Text, Role: f.role.Text, Email: f.email.Text, Phone: f.phone.Text,
		Gender: f.gender.Value(), Consent: f.consent.Checked}
}

// save stores the contact off the UI goroutine; consent given now is
// dated today, consent kept keeps its date.
func (f *contactForm) save() {
	if !f.canSave() {
		return
	}
	d := f.snapshot()
	q := f.orig
	q.Name, q.Role, q.Email, q.Phone, q.Gender = d.Name, d.Role, d.Email, d.Phone, domain.Gender(d.Gender)
	switch {
	case d.Consent && q.ConsentDate == "":
		q.ConsentDate = f.u.today8601()
	case !d.Consent:
		q.ConsentDate = ""
	}
	st := f.u.storeForOrgs()
	f.runSave(func() error {
		if q.ID == "" {
			return st.CreateContact(f.u.ctx(), &q)
		}
		return st.UpdateContact(f.u.ctx(), &q)
	}, f.saved)
}
