package ui

import (
	"testing"

	"fyne.io/fyne/v2"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// frontContactForm is the contact form in front, failing the test when
// none is open.
func frontContactForm(t *testing.T, u *UI) *contactForm {
	t.Helper()
	if n := len(u.dialogs); n > 0 {
		if f, ok := u.dialogs[n-1].(*contactForm); ok {
			return f
		}
	}
	t.Fatal("no contact form is open")
	return nil
}

// Ctrl+S in a field stores the contact; Esc on a contact with text typed
// asks first (no draft keeps it), and discarding stores nothing.
func TestContactFormSavesWithCtrlSAndAsksBeforeDiscarding(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Ragunda Rör AB", "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(orgTabContacts)
	tapButton(t, u, d.contacts.view, "Lägg till kontakt")
	f := frontContactForm(t, u)
	typeInto(u, f.name, "Lena Holm")
	typeInto(u, f.role, "VD")
	f.role.TypedShortcut(widgets.SaveShortcut)
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("the contact form stayed open after Ctrl+S")
	}
	stored, _ := st.Contacts(u.ctx(), o.ID)
	if len(stored) != 1 || stored[0].Name != "Lena Holm" || stored[0].Role != "VD" {
		t.Fatalf("stored contacts: %+v", stored)
	}
	if !shows(d.contacts.view, "Lena Holm") {
		t.Fatalf("the list does not show the new contact: %v", visibleTexts(d.contacts.view))
	}

	// Esc on an untouched form closes it without a question.
	d.contacts.edit(stored[0])
	f = frontContactForm(t, u)
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("Esc did not close an untouched contact form")
	}

	// With a change, Esc asks; "Kasta" throws the change away.
	d.contacts.edit(stored[0])
	f = frontContactForm(t, u)
	typeInto(u, f.phone, "070-123 45 67")
	f.phone.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Kasta det du har skrivit?") {
		t.Fatalf("no question before the text goes: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Kasta")
	if len(u.dialogs) != 0 {
		t.Fatal("the contact form stayed open after discarding")
	}
	stored, _ = st.Contacts(u.ctx(), o.ID)
	if len(stored) != 1 || stored[0].Phone != "" {
		t.Fatalf("a discarded change was stored: %+v", stored)
	}
}
