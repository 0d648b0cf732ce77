package ui

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/app/syncsvc"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// "Erase this person…" asks, then erases: the contact leaves the list, its
// values are gone from the store, and the Sync screen says on how many
// devices the erasure is complete — none before this one syncs, all after.
func TestEraseAPersonFromTheContactsAndFollowItOnTheSyncScreen(t *testing.T) {
	st, _ := datatest.Open(t)
	if err := st.SetProfile(data.Profile{Advisor: "Anna Svensson", Country: domain.CountrySE, Done: true}); err != nil {
		t.Fatal(err)
	}
	sy := syncsvc.New(st, syncsvc.Options{})
	if err := sy.SetFolder(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), st, translations.New("sv"), Options{Prefs: prefs.New(st), Sync: sy, queue: &applyQueue{}, timers: &testTimers{}})
	u.win.Resize(fyne.NewSize(1200, 760))
	o := datatest.Org(t, st, "Ragunda Rör AB", "")
	p := domain.Contact{OrgID: o.ID, Name: "Lena Holm", Email: "lena@example.se", Phone: "070-123 45 67"}
	if err := st.CreateContact(u.ctx(), &p); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(orgTabContacts)
	u.WaitIdle()
	d.contacts.erase(p)
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Radera Lena Holm") || !shows(topOverlay(t, u), "Det går inte att ångra") {
		t.Fatalf("no question before erasing: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Radera")
	u.WaitIdle()
	if shows(d.contacts.view, "Lena Holm") {
		t.Errorf("the erased contact is still listed: %v", visibleTexts(d.contacts.view))
	}
	person, err := st.PersonData(u.ctx(), p.ID)
	if err != nil || !person.Erased || person.Contact.Email != "" || person.Contact.Name != "" {
		t.Errorf("stored after the erasure: %+v, %v", person.Contact, err)
	}

	u.Show(tabSync)
	u.WaitIdle()
	if text := strings.Join(visibleTexts(u.syncScreen.view), "\n"); !strings.Contains(text, "klar på 0 av 1 enheter") {
		t.Errorf("before a sync the Sync screen says:\n%s", text)
	}
	u.syncScreen.syncNow(true)
	u.WaitIdle()
	u.syncScreen.refresh()
	u.WaitIdle()
	if text := strings.Join(visibleTexts(u.syncScreen.view), "\n"); !strings.Contains(text, "klar på alla 1 enheter") {
		t.Errorf("after a sync the Sync screen says:\n%s", text)
	}
}

// A sole trader's form offers "Erase personal data…"; a company's does not.
func TestSoleTradersFormErasesThePersonalNumber(t *testing.T) {
	u, st := newTestUI(t, "nb")
	company := datatest.Org(t, st, "Storsjö Trä AB", "556036-0793")
	u.selectOrg(company.ID)
	u.WaitIdle()
	if !u.orgs.detail.form.erasePersonal.Hidden {
		t.Error("a company's form offers to erase personal data")
	}
	sole := domain.Organisation{Name: "Anna Berg Snickeri", OrgNr: "811218-9876", Country: domain.CountrySE}
	if err := st.CreateOrganisation(u.ctx(), &sole); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(sole.ID)
	u.WaitIdle()
	f := u.orgs.detail.form
	if f.erasePersonal.Hidden || f.erasePersonal.Text != "Slett personopplysninger…" {
		t.Fatalf("sole trader's erase button: hidden %v, %q", f.erasePersonal.Hidden, f.erasePersonal.Text)
	}
	test.Tap(f.erasePersonal)
	u.WaitIdle()
	tapButton(t, u, topOverlay(t, u), "Slett")
	u.WaitIdle()
	stored, err := st.Organisation(u.ctx(), sole.ID)
	if err != nil || stored.OrgNr != "" || stored.Name != "Anna Berg Snickeri" {
		t.Errorf("after erasing: %+v, %v", stored, err)
	}
	if f.orgnr.Text != "" || !f.erasePersonal.Hidden {
		t.Errorf("the form still shows %q (button hidden %v)", f.orgnr.Text, f.erasePersonal.Hidden)
	}
}
