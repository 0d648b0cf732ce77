package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// withModels gives the UI the bundled model library.
func withModels(t *testing.T, u *UI) {
	t.Helper()
	lib, errs := models.Load(os.DirFS("../assets/models"))
	if len(errs) > 0 {
		t.Fatalf("bundled models: %v", errs)
	}
	u.opt.Models = lib
}

// openAssessmentsTab opens a new organisation on its Assessments tab.
func openAssessmentsTab(t *testing.T, u *UI, st *data.Store, name string) (*orgDetail, domain.Organisation) {
	t.Helper()
	o := datatest.Org(t, st, name, "")
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(4)
	u.WaitIdle()
	return d, o
}

// frontAssessForm is the assessment form in front, failing when none is.
func frontAssessForm(t *testing.T, u *UI) *assessForm {
	t.Helper()
	if n := len(u.dialogs); n > 0 {
		if f, ok := u.dialogs[n-1].(*assessForm); ok {
			return f
		}
	}
	t.Fatal("no assessment form is open")
	return nil
}

func answerOf(a domain.Assessment, dim string) (domain.Answer, bool) {
	for _, ans := range a.Answers {
		if ans.Dimension == dim {
			return ans, true
		}
	}
	return domain.Answer{}, false
}

func levelOf(t *testing.T, a domain.Assessment, dim string) int {
	t.Helper()
	ans, ok := answerOf(a, dim)
	if !ok || ans.Level == nil {
		t.Fatalf("no level stored for %s: %+v", dim, a.Answers)
	}
	return *ans.Level
}

func TestAssessAnOrganisationAndReopen(t *testing.T) {
	u, st := newTestUI(t, "en")
	withModels(t, u)
	d, o := openAssessmentsTab(t, u, st, "Snåsa Smak AS")
	if !shows(d.assess.view, "No assessments yet") {
		t.Fatalf("no empty hint: %v", visibleTexts(d.assess.view))
	}
	tapButton(t, u, d.assess.view, "New assessment")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("innovation-readiness")
	dlg := topOverlay(t, u)
	for _, want := range []string{"Customer", "Technology", "Target level", "Save as draft", "Done",
		"There is a hunch that someone has a need"} {
		if !shows(dlg, want) {
			t.Errorf("the form does not show %q", want)
		}
	}
	if f.date.Text != u.tr.Date(testNow) {
		t.Errorf("date %q, want today", f.date.Text)
	}
	test.Tap(f.answers[0].levels[2]) // customer 3
	test.Tap(f.answers[1].levels[4]) // technology 5
	test.Tap(f.answers[1].levels[3]) // changed mind: technology 4 …
	test.Tap(f.answers[1].levels[4]) // … no, 5
	f.answers[0].target.SetValue("5")
	typeInto(u, f.answers[0].due, u.tr.Date(testNow.AddDate(0, 6, 0)))
	typeInto(u, f.answers[0].comment, "Five pilot talks booked")
	tapButton(t, u, dlg, "Done")
	// Four of six dimensions are not rated: asked before completing.
	q := topOverlay(t, u)
	if !shows(q, "4 dimensions not rated") || !shows(q, "Save as draft") {
		t.Fatalf("no question about the unrated dimensions: %v", visibleTexts(q))
	}
	tapButton(t, u, q, "Complete anyway")
	if len(u.dialogs) != 0 {
		t.Fatal("the form stayed open after saving")
	}

	list, err := st.Assessments(u.ctx(), o.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %d assessments (%v), want 1", len(list), err)
	}
	a := list[0]
	if a.ModelID != "innovation-readiness" || a.ModelVersion != 1 || a.Status != domain.AssessmentDone || a.Date != "2026-11-27" {
		t.Errorf("stored %+v", a)
	}
	if got := levelOf(t, a, "customer"); got != 3 {
		t.Errorf("customer level %d, want 3", got)
	}
	if got := levelOf(t, a, "technology"); got != 5 {
		t.Errorf("technology level %d, want 5", got)
	}
	cust, _ := answerOf(a, "customer")
	if cust.Target == nil || *cust.Target != 5 || cust.TargetDue != "2027-05-27" || cust.Comment != "Five pilot talks booked" {
		t.Errorf("customer answer %+v", cust)
	}
	if _, ok := answerOf(a, "funding"); ok {
		t.Error("an untouched dimension was stored")
	}
	if !shows(d.assess.view, "Customer 3 · Technology 5") || !shows(d.assess.view, "Innovation readiness (IRL)") ||
		!shows(d.assess.view, "version 1") || !shows(d.assess.view, "Done") {
		t.Fatalf("the tab does not list the assessment: %v", visibleTexts(d.assess.view))
	}

	// Reopen it and change a level.
	d.assess.list.Select(0)
	u.WaitIdle()
	f = frontAssessForm(t, u)
	if f.answers[0].level == nil || *f.answers[0].level != 3 || !f.answers[0].levels[2].Selected {
		t.Fatal("the stored level is not shown when reopening")
	}
	if f.modelSel.Disabled() == false {
		t.Error("the model of a stored assessment can be changed")
	}
	test.Tap(f.answers[0].levels[6]) // customer 7
	if f.answers[0].levels[2].Selected {
		t.Error("two levels are checked at once")
	}
	tapButton(t, u, topOverlay(t, u), "Save as draft")
	a, err = st.Assessment(u.ctx(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := levelOf(t, a, "customer"); got != 7 {
		t.Errorf("customer level %d after editing, want 7", got)
	}
	if a.Status != domain.AssessmentDraft {
		t.Errorf("status %q, want draft", a.Status)
	}
	if !shows(d.assess.view, "Customer 7 · Technology 5") || !shows(d.assess.view, "Draft") {
		t.Fatalf("the tab was not refreshed: %v", visibleTexts(d.assess.view))
	}
}

func TestAssessmentProblemKeepsTheForm(t *testing.T) {
	u, st := newTestUI(t, "en")
	withModels(t, u)
	d, o := openAssessmentsTab(t, u, st, "Glasbruket AB")
	tapButton(t, u, d.assess.view, "New assessment")
	f := frontAssessForm(t, u)
	tapButton(t, u, topOverlay(t, u), "Save as draft")
	if len(u.dialogs) == 0 {
		t.Fatal("saved without a model")
	}
	f.modelSel.SetValue("innovation-readiness")
	test.Tap(f.answers[0].levels[1])
	typeInto(u, f.date, "not a date")
	u.SaveFront() // Ctrl+S
	u.WaitIdle()
	if len(u.dialogs) == 0 {
		t.Fatal("the form closed on a bad date")
	}
	if f.date.Text != "not a date" || f.answers[0].level == nil || *f.answers[0].level != 2 {
		t.Error("what was typed was lost")
	}
	if !f.form.Problem("date").Visible() {
		t.Error("no problem shown beside the date")
	}
	if list, _ := st.Assessments(u.ctx(), o.ID); len(list) != 0 {
		t.Fatalf("stored %d assessments", len(list))
	}
	typeInto(u, f.date, u.tr.Date(testNow))
	u.SaveFront()
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("the form stayed open")
	}
	list, _ := st.Assessments(u.ctx(), o.ID)
	if len(list) != 1 || list[0].Status != domain.AssessmentDraft {
		t.Fatalf("stored %+v, want one draft", list)
	}
}

func TestAssessmentInSwedish(t *testing.T) {
	u, st := newTestUI(t, "sv")
	withModels(t, u)
	d, _ := openAssessmentsTab(t, u, st, "Glasbruket AB")
	if got := d.tabs.Items[4].Text; got != "Bedömningar" {
		t.Errorf("tab %q, want Bedömningar", got)
	}
	tapButton(t, u, d.assess.view, "Ny bedömning")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("innovation-readiness")
	if got := f.modelSel.Selected; got != "Innovationsmognad (IRL) (version 1)" {
		t.Errorf("model shown as %q", got)
	}
	dlg := topOverlay(t, u)
	for _, want := range []string{"Kund/Behov", "Teknologi", "Affärsmodell", "Målnivå", "Nås senast",
		"Spara som utkast", "Klar", "Avbryt", "Det finns en aning om att någon har ett behov"} {
		if !shows(dlg, want) {
			t.Errorf("the Swedish form does not show %q", want)
		}
	}
	test.Tap(f.answers[0].levels[3])
	test.Tap(f.answers[1].levels[1])
	tapButton(t, u, dlg, "Klar")
	tapButton(t, u, topOverlay(t, u), "Slutför ändå")
	if !shows(d.assess.view, "Kund/Behov 4 · Teknologi 2") || !shows(d.assess.view, "Innovationsmognad (IRL)") ||
		!shows(d.assess.view, u.tr.DateString("2026-11-27")) {
		t.Fatalf("the Swedish list shows %v", visibleTexts(d.assess.view))
	}
}

// Done with dimensions unrated asks; "Save as draft" there keeps it a
// draft, and "Go on rating" goes back to the form with nothing stored.
func TestAssessmentDoneWithUnratedDimensionsAsks(t *testing.T) {
	u, st := newTestUI(t, "sv")
	withModels(t, u)
	d, o := openAssessmentsTab(t, u, st, "Fjälldata AB")
	tapButton(t, u, d.assess.view, "Ny bedömning")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("innovation-readiness")
	u.WaitIdle()

	// A click on a level's text chooses the level, like one on its mark.
	l := f.answers[0].levels[2]
	at := u.app.Driver().AbsolutePositionForObject(l.text).Add(fyne.NewPos(20, 10))
	test.TapCanvas(u.win.Canvas(), at)
	if f.answers[0].level == nil || *f.answers[0].level != 3 || !l.Selected {
		t.Fatalf("a click on the text of level 3 chose %v", f.answers[0].level)
	}
	// The wheel moves the long form three of Fyne's notches at a time.
	before := f.view.Offset.Y
	f.wheel.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -25)})
	if got := f.view.Offset.Y - before; got != 75 {
		t.Errorf("one wheel notch moved the form %v px, want 75", got)
	}

	tapButton(t, u, topOverlay(t, u), "Klar")
	q := topOverlay(t, u)
	if !shows(q, "5 dimensioner inte bedömda") {
		t.Fatalf("no question: %v", visibleTexts(q))
	}
	tapButton(t, u, q, "Fortsätt bedöma")
	if list, _ := st.Assessments(u.ctx(), o.ID); len(list) != 0 || len(u.dialogs) != 1 {
		t.Fatalf("going back stored %d assessments; %d dialogs open", len(list), len(u.dialogs))
	}
	tapButton(t, u, topOverlay(t, u), "Klar")
	tapButton(t, u, topOverlay(t, u), "Spara som utkast")
	list, _ := st.Assessments(u.ctx(), o.ID)
	if len(list) != 1 || list[0].Status != domain.AssessmentDraft || len(u.dialogs) != 0 {
		t.Fatalf("stored %+v; %d dialogs open", list, len(u.dialogs))
	}
}
