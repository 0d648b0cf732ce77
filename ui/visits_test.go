package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// frontVisitForm is the visit form among the open dialogs.
func frontVisitForm(t *testing.T, u *UI) *visitForm {
	t.Helper()
	for i := len(u.dialogs) - 1; i >= 0; i-- {
		if f, ok := u.dialogs[i].(*visitForm); ok {
			return f
		}
	}
	t.Fatal("no visit form is open")
	return nil
}

// chipTexts is what the organisation picker shows as chosen.
func chipTexts(p *widgets.OrgPicker) []string {
	var out []string
	walk(p.View, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out = append(out, b.Text)
		}
	})
	return out
}

// problem is the text shown beside a field of the form ("" when hidden).
func problem(f *visitForm, field string) string {
	p := f.form.Problem(field)
	if p == nil || !p.Visible() {
		return ""
	}
	return p.Text
}

// pressEsc sends Esc to the window, as when no field has the keyboard.
func pressEsc(u *UI) {
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
}

func TestRecordVisitWithTypeAheadAndNextStep(t *testing.T) {
	u, st := newTestUI(t, "en")
	bakery := datatest.Org(t, st, "Krokom Bageri AB", "")
	datatest.Org(t, st, "Krokstad Kraft AS", "")
	datatest.Org(t, st, "Östersund Glas", "")
	u.Show(tabVisits)
	u.WaitIdle()
	if !shows(u.visits.view, "No visits here.") {
		t.Fatalf("empty list not explained: %v", visibleTexts(u.visits.view))
	}

	tapButton(t, u, u.visits.view, "New visit")
	f := frontVisitForm(t, u)
	if f.date.Text != "27 Nov 2026" {
		t.Fatalf("date does not default to today in the reader's form: %q", f.date.Text)
	}

	// Type-ahead: two matches pop up; the arrow moves to the second, back
	// up to the first, and Enter takes it as a chip.
	typeInto(u, f.orgs.Entry, "Krok")
	if !f.orgs.Suggesting() {
		t.Fatal("no suggestions while typing")
	}
	popup := topOverlay(t, u)
	if !shows(popup, "Krokom Bageri AB") || !shows(popup, "Krokstad Kraft AS") || shows(popup, "Östersund Glas") {
		t.Fatalf("suggestions: %v", visibleTexts(popup))
	}
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if got := chipTexts(f.orgs); len(got) != 1 || got[0] != "Krokom Bageri AB" {
		t.Fatalf("chips: %v", got)
	}
	if f.orgs.Suggesting() || f.orgs.Entry.Text != "" {
		t.Fatal("the picker is not ready for the next name")
	}

	f.kind.SetSelected("Workshop")
	typeInto(u, f.minutes, "90")
	typeInto(u, f.place, "Krokom")
	typeInto(u, f.women, "3")
	typeInto(u, f.men, "2")
	f.phase.SetSelected("Pilot")
	test.Tap(f.cross)
	typeInto(u, f.notes, "Talked about the new bread line.\nThey need a funding plan.")
	typeInto(u, f.steps[0].text, "Send the funding checklist")
	typeInto(u, f.steps[0].due, "11 Dec 2026")

	// Ctrl+S from the notes saves, although the entry has the keyboard.
	f.notes.TypedShortcut(widgets.SaveShortcut)
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatalf("form still open after saving: %v", visibleTexts(topOverlay(t, u)))
	}

	visits, err := st.Visits(u.ctx(), data.VisitQuery{})
	if err != nil || len(visits) != 1 {
		t.Fatalf("stored visits: %v %+v", err, visits)
	}
	v := visits[0]
	if v.Date != "2026-11-27" || len(v.OrgIDs) != 1 || v.OrgIDs[0] != bakery.ID || v.Type != domain.VisitWorkshop ||
		v.Minutes != 90 || v.Place != "Krokom" || v.Women != 3 || v.Men != 2 || v.Other != 0 ||
		v.Phase != domain.PhasePilot || !v.CrossBorder || v.Advisor != "Anna Svensson" ||
		v.Notes != "Talked about the new bread line.\nThey need a funding plan." {
		t.Fatalf("stored visit: %+v", v)
	}
	acts, err := st.Actions(u.ctx(), data.ActionQuery{})
	if err != nil || len(acts) != 1 {
		t.Fatalf("stored actions: %v %+v", err, acts)
	}
	if a := acts[0]; a.Text != "Send the funding checklist" || a.Due != "2026-12-11" || a.VisitID != v.ID || a.OrgID != bakery.ID {
		t.Fatalf("stored action: %+v", a)
	}
	if _, ok, _ := st.Draft("visit:new"); ok {
		t.Fatal("the draft outlived the save")
	}

	// The list shows the visit: date and organisation, then type, time,
	// place and the first line of the notes only.
	s := u.visits
	if !shows(s.list, "27 Nov 2026 · Krokom Bageri AB") ||
		!shows(s.list, "Workshop · 90 min · Krokom · Talked about the new bread line.") ||
		shows(s.list, "funding plan") {
		t.Fatalf("list row: %v", visibleTexts(s.list))
	}
	if !shows(s.view, "1 visit · 1.5 hours") {
		t.Fatalf("count: %v", visibleTexts(s.view))
	}
}

func TestVisitPickerSeveralOrganisationsAndFastEnter(t *testing.T) {
	u, st := newTestUI(t, "en")
	a := datatest.Org(t, st, "Lierne Laks AS", "")
	b := datatest.Org(t, st, "Röros Reiseliv AS", "")
	u.NewVisit([]string{a.ID})
	u.WaitIdle()
	f := frontVisitForm(t, u)
	if got := chipTexts(f.orgs); len(got) != 1 || got[0] != "Lierne Laks AS" {
		t.Fatalf("preselected chip: %v", got)
	}
	// A fast typist presses Enter before the search has run: the first
	// match is taken as soon as it arrives.
	test.Type(f.orgs.Entry, "Rör")
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if got := f.orgs.Selected(); len(got) != 2 || got[1] != b.ID {
		t.Fatalf("selected: %v", got)
	}
	// A chosen organisation is not suggested again.
	typeInto(u, f.orgs.Entry, "Lierne")
	if shows(topOverlay(t, u), "Lierne Laks AS") {
		t.Fatal("a chosen organisation is suggested again")
	}
	f.orgs.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.orgs.Suggesting() || len(u.dialogs) != 1 {
		t.Fatal("Esc in the picker should close the suggestions only")
	}
	// The chip's cross removes it.
	f.orgs.Entry.SetText("")
	test.Tap(buttonWithText(t, f.orgs.View, chipTexts(f.orgs)[0]))
	if got := f.orgs.Selected(); len(got) != 1 || got[0] != b.ID {
		t.Fatalf("after removing a chip: %v", got)
	}
	// "New visit" from an organisation while the form is open adds it
	// there, once, instead of opening a second form on the same draft.
	u.NewVisit([]string{a.ID, b.ID})
	u.WaitIdle()
	if got := f.orgs.Selected(); len(u.dialogs) != 1 || len(got) != 2 || got[1] != a.ID {
		t.Fatalf("second New visit: %d dialogs, selected %v", len(u.dialogs), got)
	}
	test.Tap(buttonWithText(t, f.orgs.View, chipTexts(f.orgs)[1])) // the second chosen: a
	f.save()
	u.WaitIdle()
	visits, _ := st.Visits(u.ctx(), data.VisitQuery{})
	if len(visits) != 1 || len(visits[0].OrgIDs) != 1 || visits[0].OrgIDs[0] != b.ID {
		t.Fatalf("stored: %+v", visits)
	}
}

func TestVisitProblemsShowBesideFieldsAndKeepText(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Frostviken Fisk", "")
	u.NewVisit(nil)
	f := frontVisitForm(t, u)
	typeInto(u, f.date, "31 Foo 2026")
	typeInto(u, f.minutes, "ninety")
	typeInto(u, f.notes, "Long notes that must survive a mistake.")
	typeInto(u, f.steps[0].due, "soon")
	tapButton(t, u, topOverlay(t, u), "Save")

	if got := problem(f, "orgs"); got != "Choose at least one organisation." {
		t.Fatalf("organisations problem: %q", got)
	}
	if got := problem(f, "date"); !strings.Contains(got, `"31 Foo 2026" is not a date`) {
		t.Fatalf("date problem: %q", got)
	}
	if got := problem(f, "minutes"); got != "Must be a number from 0 to 1440." {
		t.Fatalf("minutes problem: %q", got)
	}
	if problem(f, "next_steps.0.due") == "" || problem(f, "next_steps.0.text") != "Required." {
		t.Fatalf("next step problems: due %q, text %q", problem(f, "next_steps.0.due"), problem(f, "next_steps.0.text"))
	}
	if !shows(topOverlay(t, u), "Choose at least one organisation.") {
		t.Fatal("the problem is not visible in the dialog")
	}
	if f.notes.Text != "Long notes that must survive a mistake." || f.date.Text != "31 Foo 2026" || f.minutes.Text != "ninety" {
		t.Fatal("typed text lost after a validation error")
	}
	if vs, _ := st.Visits(u.ctx(), data.VisitQuery{}); len(vs) != 0 {
		t.Fatal("an invalid visit was stored")
	}

	// Fixed (ISO dates are accepted too; the empty step is skipped) it saves.
	f.orgs.SetSelected([]string{o.ID})
	typeInto(u, f.date, "2026-11-20")
	typeInto(u, f.minutes, "45")
	f.removeStep(f.steps[0])
	f.save()
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatalf("form still open after fixing: orgs %q, date %q", problem(f, "orgs"), problem(f, "date"))
	}
	vs, _ := st.Visits(u.ctx(), data.VisitQuery{})
	if len(vs) != 1 || vs[0].Date != "2026-11-20" || vs[0].Minutes != 45 {
		t.Fatalf("stored after fixing: %+v", vs)
	}
	if acts, _ := st.Actions(u.ctx(), data.ActionQuery{}); len(acts) != 0 {
		t.Fatalf("a removed step was stored: %+v", acts)
	}
}

func TestEscClosesTheVisitForm(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.NewVisit(nil)
	frontVisitForm(t, u)
	pressEsc(u)
	if len(u.dialogs) != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the form")
	}
	if _, ok, _ := st.Draft("visit:new"); ok {
		t.Fatal("an untouched form left a draft")
	}

	// Esc while typing in the notes closes it too, keeping the text.
	u.NewVisit(nil)
	f := frontVisitForm(t, u)
	typeInto(u, f.notes, "Half a thought")
	f.notes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("Esc in the notes did not close the form")
	}
	if _, ok, _ := st.Draft("visit:new"); !ok {
		t.Fatal("closing with Esc lost the typed text")
	}
}

func TestVisitDraftSurvivesCloseAndCrash(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Bräcke Bygg AB", "")
	u.NewVisit([]string{o.ID})
	u.WaitIdle()
	f := frontVisitForm(t, u)
	typeInto(u, f.notes, "Kunden vill testa en ny produktionslinje.")
	typeInto(u, f.steps[0].text, "Boka uppföljning")
	tapButton(t, u, topOverlay(t, u), "Avbryt")
	if len(u.dialogs) != 0 {
		t.Fatal("Avbryt did not close the form")
	}

	// Reopening asks, and restoring brings every field back.
	u.NewVisit(nil)
	u.WaitIdle()
	f = frontVisitForm(t, u)
	if f.ask == nil || !shows(topOverlay(t, u), "Vill du återställa det osparade besöket från 2026-11-27") {
		t.Fatalf("the draft is not offered back: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Återställ")
	if f.notes.Text != "Kunden vill testa en ny produktionslinje." || f.steps[0].text.Text != "Boka uppföljning" {
		t.Fatalf("restored notes %q, step %q", f.notes.Text, f.steps[0].text.Text)
	}
	if got := chipTexts(f.orgs); len(got) != 1 || got[0] != "Bräcke Bygg AB" {
		t.Fatalf("restored organisations: %v", got)
	}

	// A crash: the window is gone without closing the form. A new UI on
	// the same database offers what was typed last.
	typeInto(u, f.notes, "Kunden vill testa en ny produktionslinje i januari.")
	u2 := New(u.app, st, translations.New("sv"), Options{Prefs: prefs.New(st), Now: func() time.Time { return testNow }, queue: &applyQueue{}})
	u2.WaitIdle()
	u2.NewVisit(nil)
	u2.WaitIdle()
	f2 := frontVisitForm(t, u2)
	if f2.ask == nil {
		t.Fatal("no draft offered after the crash")
	}
	f2.ask.Confirm()
	u2.WaitIdle()
	if f2.notes.Text != "Kunden vill testa en ny produktionslinje i januari." {
		t.Fatalf("notes after the crash: %q", f2.notes.Text)
	}

	// Esc on the question means "not now": the draft stays.
	pressEsc(u2)
	if len(u2.dialogs) != 0 {
		t.Fatal("Esc left the form open")
	}
	u2.NewVisit(nil)
	u2.WaitIdle()
	f2 = frontVisitForm(t, u2)
	if f2.ask == nil {
		t.Fatal("draft not offered again")
	}
	pressEsc(u2)
	if _, ok, _ := st.Draft("visit:new"); !ok {
		t.Fatal("Esc on the question threw the draft away")
	}

	// "Kasta" throws it away for good.
	u2.NewVisit(nil)
	u2.WaitIdle()
	f2 = frontVisitForm(t, u2)
	tapButton(t, u2, topOverlay(t, u2), "Kasta")
	if f2.notes.Text != "" {
		t.Fatalf("discarded text shown: %q", f2.notes.Text)
	}
	if _, ok, _ := st.Draft("visit:new"); ok {
		t.Fatal("the discarded draft is still stored")
	}
	// Typing after discarding keeps a new draft.
	typeInto(u2, f2.notes, "Ny text")
	if _, ok, _ := st.Draft("visit:new"); !ok {
		t.Fatal("no draft kept after discarding the old one")
	}
}

func TestEditVisitAddsNextStep(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Offerdal Ost", "")
	v := datatest.Visit(t, st, "2026-11-02", "Cheese cave visit", o.ID)
	u.Show(tabVisits)
	u.WaitIdle()
	u.visits.list.Select(0)
	u.WaitIdle()
	f := frontVisitForm(t, u)
	if f.key != "visit:"+v.ID || f.date.Text != "2 Nov 2026" || f.notes.Text != "Cheese cave visit" || f.minutes.Text != "60" {
		t.Fatalf("edit form: key %s date %q notes %q minutes %q", f.key, f.date.Text, f.notes.Text, f.minutes.Text)
	}
	typeInto(u, f.notes, "Cheese cave visit; humidity sensors next.")
	tapButton(t, u, topOverlay(t, u), "Add next step")
	typeInto(u, f.steps[0].text, "Quote for sensors")
	tapButton(t, u, topOverlay(t, u), "Save")
	got, err := st.Visit(u.ctx(), v.ID)
	if err != nil || got.Notes != "Cheese cave visit; humidity sensors next." {
		t.Fatalf("updated visit: %v %+v", err, got)
	}
	acts, _ := st.Actions(u.ctx(), data.ActionQuery{})
	if len(acts) != 1 || acts[0].VisitID != v.ID || acts[0].OrgID != o.ID || acts[0].Text != "Quote for sensors" {
		t.Fatalf("actions: %+v", acts)
	}
	// Opening it again lists the step agreed at the visit.
	u.EditVisit(v.ID)
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Quote for sensors") {
		t.Fatalf("agreed steps not shown: %v", visibleTexts(topOverlay(t, u)))
	}
}
