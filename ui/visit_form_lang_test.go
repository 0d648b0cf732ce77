package ui

// The visit form in Swedish and Norwegian, and its date picker.

import (
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/ui/widgets"
	"fyne.io/fyne/v2"
)

func TestVisitFormInSwedish(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Åre Älgsafari", "")
	u.Show(tabVisits)
	u.WaitIdle()
	if !shows(u.visits.view, "Nytt besök") || !shows(u.visits.view, "Alla besök") {
		t.Fatalf("visits screen: %v", visibleTexts(u.visits.view))
	}
	u.NewVisit([]string{o.ID})
	u.WaitIdle()
	dlg := topOverlay(t, u)
	for _, want := range []string{"Nytt besök", "Organisationer", "Mötet", "Datum", "Minuter", "Deltagare", "Kvinnor",
		"Män", "Övriga", "Projektfas", "Gränsöverskridande", "Anteckningar", "Nästa steg", "Lägg till nästa steg",
		"Spara", "Avbryt", "Kasta", "På plats", "Åre Älgsafari"} {
		if !shows(dlg, want) {
			t.Errorf("form lacks %q: %v", want, visibleTexts(dlg))
		}
	}
	f := frontVisitForm(t, u)
	if f.date.Text != "2026-11-27" {
		t.Fatalf("Swedish date: %q", f.date.Text)
	}
	typeInto(u, f.steps[0].text, "Skicka offert")
	typeInto(u, f.steps[0].due, "2026-12-04")
	tapButton(t, u, dlg, "Spara")
	if !shows(u.visits.list, "2026-11-27 · Åre Älgsafari") || !shows(u.visits.view, "1 besök") {
		t.Fatalf("list: %v", visibleTexts(u.visits.view))
	}
}

func TestVisitFormInNorwegian(t *testing.T) {
	u, st := newTestUI(t, "nb")
	datatest.Org(t, st, "Stjørdal Sjømat AS", "")
	u.Show(tabVisits)
	u.WaitIdle()
	if !shows(u.visits.view, "Nytt besøk") || !shows(u.visits.view, "Alle besøk") {
		t.Fatalf("visits screen: %v", visibleTexts(u.visits.view))
	}
	tapButton(t, u, u.visits.view, "Nytt besøk")
	dlg := topOverlay(t, u)
	for _, want := range []string{"Nytt besøk", "Organisasjoner", "Møtet", "Dato", "Minutter", "Deltakere", "Kvinner",
		"Menn", "Andre", "Prosjektfase", "Grenseoverskridende", "Notater", "Neste steg", "Legg til neste steg",
		"Lagre", "Avbryt", "Forkast", "På stedet"} {
		if !shows(dlg, want) {
			t.Errorf("form lacks %q: %v", want, visibleTexts(dlg))
		}
	}
	f := frontVisitForm(t, u)
	if f.date.Text != "27.11.2026" {
		t.Fatalf("Norwegian date: %q", f.date.Text)
	}
	typeInto(u, f.orgs.Entry, "Stjør")
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	typeInto(u, f.date, "26.11.2026")
	typeInto(u, f.women, "tolv")
	tapButton(t, u, dlg, "Lagre")
	if got := problem(f, "women"); got != "Må være et tall fra 0 til 100000." {
		t.Fatalf("women problem in Norwegian: %q", got)
	}
	typeInto(u, f.women, "12")
	typeInto(u, f.steps[0].text, "Sende tilbud")
	typeInto(u, f.steps[0].due, "4.12.2026")
	tapButton(t, u, dlg, "Lagre")
	acts, _ := st.Actions(u.ctx(), data.ActionQuery{})
	if len(acts) != 1 || acts[0].Due != "2026-12-04" {
		t.Fatalf("action: %+v", acts)
	}
	if !shows(u.visits.list, "26.11.2026 · Stjørdal Sjømat AS") || !shows(u.visits.view, "1 besøk") {
		t.Fatalf("list: %v", visibleTexts(u.visits.view))
	}
}

// The visit form's calendar button opens our picker in the reader's
// language; Esc closes it only, a chosen day fills the field.
func TestVisitFormDateUsesDatePicker(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.NewVisit(nil)
	u.WaitIdle()
	f := frontVisitForm(t, u)
	f.date.SetText("2026-05-04")
	f.calendar.Show(f.date)
	cal, ok := u.win.Canvas().Focused().(*widgets.DatePicker)
	if !ok || !f.calendar.Showing() {
		t.Fatalf("no focused date picker (focused %T)", u.win.Canvas().Focused())
	}
	if cal.Heading() != "Maj 2026" || !cal.Selected().Equal(time.Date(2026, 5, 4, 0, 0, 0, 0, time.Local)) {
		t.Errorf("picker shows %q with %v selected, want 4 May", cal.Heading(), cal.Selected())
	}
	cal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.calendar.Showing() || len(u.dialogs) != 1 {
		t.Fatal("Esc in the calendar should close the calendar only")
	}
	f.calendar.Show(f.date)
	cal = u.win.Canvas().Focused().(*widgets.DatePicker)
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyDown, fyne.KeyRight, fyne.KeyRight, fyne.KeyReturn} {
		cal.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if f.date.Text != "2026-05-27" || f.calendar.Showing() {
		t.Errorf("after picking: field %q, calendar open %v", f.date.Text, f.calendar.Showing())
	}
	if u.win.Canvas().Focused() != f.date {
		t.Error("the keyboard does not return to the date field")
	}
}
