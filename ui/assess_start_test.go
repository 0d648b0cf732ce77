package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Text typed into an assessment survives closing the form (or a crash):
// the next opening offers it back.
func TestAssessmentDraftIsOfferedBack(t *testing.T) {
	u, st := newTestUI(t, "sv")
	withModels(t, u)
	d, o := openAssessmentsTab(t, u, st, "Offerdals Ost AB")
	tapButton(t, u, d.assess.view, "Ny bedömning")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("innovation-readiness")
	test.Tap(f.answers[2].levels[4])
	typeInto(u, f.answers[2].comment, "Prismodell testas i vår")
	u.WaitIdle()
	f.close() // Esc: the form goes, the text stays as a draft
	u.WaitIdle()
	if list, _ := st.Assessments(u.ctx(), o.ID); len(list) != 0 {
		t.Fatal("closing the form stored an assessment")
	}

	tapButton(t, u, d.assess.view, "Ny bedömning")
	ask := topOverlay(t, u)
	if !shows(ask, "Osparad bedömning") {
		t.Fatalf("no offer to restore: %v", visibleTexts(ask))
	}
	tapButton(t, u, ask, "Återställ")
	f = frontAssessForm(t, u)
	if f.model == nil || f.model.ID != "innovation-readiness" || f.answers[2].level == nil || *f.answers[2].level != 5 ||
		f.answers[2].comment.Text != "Prismodell testas i vår" {
		t.Fatal("the restored form lacks what was typed")
	}
	tapButton(t, u, topOverlay(t, u), "Klar")
	tapButton(t, u, topOverlay(t, u), "Slutför ändå") // five dimensions unrated
	u.WaitIdle()
	if _, ok, _ := st.Draft(f.key); ok {
		t.Error("the draft outlived the saved assessment")
	}
	list, _ := st.Assessments(u.ctx(), o.ID)
	if len(list) != 1 || levelOf(t, list[0], "business-model") != 5 {
		t.Fatalf("stored %+v", list)
	}
}

// A canvas model is laid out as the canvas: the value proposition in the
// middle, partners on the left, costs and revenues along the bottom.
func TestBusinessModelCanvasLayout(t *testing.T) {
	u, st := newTestUI(t, "en")
	withModels(t, u)
	d, o := openAssessmentsTab(t, u, st, "Kall Kaffe AB")
	tapButton(t, u, d.assess.view, "New assessment")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("business-model-canvas")
	u.win.Resize(fyne.NewSize(1280, 800))
	f.resize()
	u.WaitIdle()
	pos := map[string]fyne.Position{}
	size := map[string]fyne.Size{}
	for _, r := range f.answers {
		if r.text == nil {
			t.Fatalf("block %s has no text area", r.dim.ID)
		}
		block := blockOf(t, f, r.text)
		pos[r.dim.ID], size[r.dim.ID] = block.Position(), block.Size()
	}
	if !(pos["key-partners"].X < pos["key-activities"].X && pos["key-activities"].X < pos["value-propositions"].X &&
		pos["value-propositions"].X < pos["channels"].X && pos["channels"].X < pos["customer-segments"].X) {
		t.Errorf("left to right order wrong: %v", pos)
	}
	if !(pos["key-resources"].Y > pos["key-activities"].Y && pos["cost-structure"].Y > pos["key-resources"].Y &&
		pos["revenue-streams"].Y == pos["cost-structure"].Y && pos["revenue-streams"].X > pos["cost-structure"].X) {
		t.Errorf("top to bottom order wrong: %v", pos)
	}
	if size["value-propositions"].Height <= size["key-activities"].Height*1.5 {
		t.Errorf("the value proposition does not span two rows: %v", size)
	}
	typeInto(u, f.answers[1].text, "Kaffe som håller sig kall hela dagen")
	tapButton(t, u, topOverlay(t, u), "Done")
	list, _ := st.Assessments(u.ctx(), o.ID)
	if ans, ok := answerOf(list[0], "value-propositions"); !ok || ans.Text != "Kaffe som håller sig kall hela dagen" {
		t.Fatalf("stored %+v", list[0].Answers)
	}
	if !shows(d.assess.view, "1 of 9 blocks filled in") {
		t.Errorf("the list does not summarise the canvas: %v", visibleTexts(d.assess.view))
	}
}

// blockOf is the framed block (a child of the canvas grid) holding e.
func blockOf(t *testing.T, f *assessForm, e fyne.CanvasObject) fyne.CanvasObject {
	t.Helper()
	grid := f.sections.Objects[0].(*fyne.Container)
	for _, b := range grid.Objects {
		if holds(b, e) {
			return b
		}
	}
	t.Fatal("no block holds the entry")
	return nil
}

func holds(root, want fyne.CanvasObject) bool {
	if root == want {
		return true
	}
	if c, ok := root.(*fyne.Container); ok {
		for _, o := range c.Objects {
			if holds(o, want) {
				return true
			}
		}
	}
	return false
}

// An assessment started from a visit in the organisation's timeline takes
// the visit's date and is linked to it.
func TestAssessFromAVisit(t *testing.T) {
	u, st := newTestUI(t, "nb")
	withModels(t, u)
	o := datatest.Org(t, st, "Røros Ull AS", "")
	v := datatest.Visit(t, st, "2026-10-14", "Workshop om kundebehov", o.ID)
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(2)
	u.WaitIdle()
	row := d.timeline.list
	var btn *widget.Button
	test.NewTempWindow(t, row) // render the rows
	u.WaitIdle()
	walk(row, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Vurder" && btn == nil {
			btn = b
		}
	})
	if btn == nil {
		t.Fatalf("no Vurder button in the timeline: %v", visibleTexts(d.timeline.view))
	}
	test.Tap(btn)
	f := frontAssessForm(t, u)
	if f.date.Text != u.tr.DateString("2026-10-14") {
		t.Errorf("date %q, want the visit's", f.date.Text)
	}
	f.modelSel.SetValue("technology-readiness")
	test.Tap(f.answers[0].levels[3])
	tapButton(t, u, topOverlay(t, u), "Ferdig")
	list, _ := st.Assessments(u.ctx(), o.ID)
	if len(list) != 1 || list[0].VisitID != v.ID || list[0].Date != "2026-10-14" || list[0].Status != domain.AssessmentDone {
		t.Fatalf("stored %+v", list)
	}
}

// An action can be linked to a dimension of a model the organisation was
// assessed in; the list shows the link.
func TestActionLinkedToADimension(t *testing.T) {
	u, st := newTestUI(t, "sv")
	withModels(t, u)
	o := datatest.Org(t, st, "Åre Cykel AB", "")
	m, _ := u.opt.Models.Latest("innovation-readiness")
	three := 3
	a := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-01", Status: domain.AssessmentDone,
		Answers: []domain.Answer{{Dimension: "ipr", Level: &three}}}
	if err := st.SaveAssessment(u.ctx(), &a, m); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(3)
	u.WaitIdle()
	acts := d.actions
	acts.link.SetValue("innovation-readiness|ipr")
	if acts.link.Selected != "Innovationsmognad (IRL): IP" {
		t.Fatalf("link shown as %q; choices %v", acts.link.Selected, acts.link.Options)
	}
	typeInto(u, acts.text, "Boka patentrådgivning")
	tapButton(t, u, acts.view, "Lägg till åtgärd")
	u.WaitIdle()
	rows, _ := st.Actions(u.ctx(), data.ActionQuery{OrgID: o.ID, ModelID: "innovation-readiness", Dimension: "ipr"})
	if len(rows) != 1 || rows[0].Text != "Boka patentrådgivning" {
		t.Fatalf("stored %+v", rows)
	}
	test.NewTempWindow(t, acts.view)
	u.WaitIdle()
	if !shows(acts.view, "Innovationsmognad (IRL): IP · Inget slutdatum") {
		t.Errorf("the list does not show the link: %v", visibleTexts(acts.view))
	}
}
