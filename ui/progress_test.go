package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/chart"
)

// chartView is what a chart shows: its texts and where its dots are.
type chartView struct {
	texts []string
	dots  []fyne.Position
}

func viewOf(w fyne.Widget) chartView {
	var v chartView
	for _, o := range test.WidgetRenderer(w).Objects() {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Visible() {
				v.texts = append(v.texts, x.Text)
			}
		case *canvas.Circle:
			if x.Visible() {
				v.dots = append(v.dots, x.Position())
			}
		}
	}
	return v
}

// Applying a model in the app changes the Progress tab: the radar gains
// the new assessment, the dimension's line gains a point, and the
// suggested next step moves to the new weakest dimension.
func TestApplyingAModelChangesTheProgressCharts(t *testing.T) {
	u, st := newTestUI(t, "sv")
	withModels(t, u)
	o := datatest.Org(t, st, "Hammarstrands Hälsa AB", "")
	m, _ := u.opt.Models.Latest("innovation-readiness")
	lv := func(n int) *int { return &n }
	first := domain.Assessment{OrgID: o.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-03-02", Status: domain.AssessmentDone,
		Answers: []domain.Answer{{Dimension: "customer", Level: lv(2)}, {Dimension: "technology", Level: lv(4)},
			{Dimension: "business-model", Level: lv(3)}, {Dimension: "ipr", Level: lv(3)},
			{Dimension: "team", Level: lv(3), Target: lv(5), TargetDue: "2027-06-30"}, {Dimension: "funding", Level: lv(2)}}}
	if err := st.SaveAssessment(u.ctx(), &first, m); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.selectOrg(o.ID)
	u.WaitIdle()
	d := u.orgs.detail
	d.tabs.SelectIndex(orgTabProgress)
	u.WaitIdle()
	p := d.progress
	if got := d.tabs.Items[orgTabProgress].Text; got != "Utveckling" {
		t.Errorf("tab %q", got)
	}
	before := viewOf(p.radar)
	if !slices.Contains(before.texts, "Kund/Behov") || !slices.Contains(before.texts, "Senaste (2026-03-02)") ||
		slices.Contains(before.texts, "Föregående (2026-03-02)") {
		t.Fatalf("radar before: %v", before.texts)
	}
	if !shows(p.view, "Kund/Behov: från nivå 2 till 3") || !shows(p.view, "Team: nivå 3, mål 5 · senast 2027-06-30 · Inte än") {
		t.Fatalf("next step / targets: %v", visibleTexts(p.view))
	}

	lineBefore := viewOf(firstLine(t, p))

	// The advisor applies the model again, in the app.
	d.tabs.SelectIndex(orgTabAssessments)
	tapButton(t, u, d.assess.view, "Ny bedömning")
	f := frontAssessForm(t, u)
	f.modelSel.SetValue("innovation-readiness")
	for i, level := range []int{5, 4, 3, 3, 5, 4} {
		test.Tap(f.answers[i].levels[level-1])
	}
	tapButton(t, u, topOverlay(t, u), "Klar")
	u.WaitIdle()
	d.tabs.SelectIndex(orgTabProgress)
	u.WaitIdle()

	after := viewOf(p.radar)
	if !slices.Contains(after.texts, "Senaste (2026-11-27)") || !slices.Contains(after.texts, "Föregående (2026-03-02)") {
		t.Fatalf("radar legend after: %v", after.texts)
	}
	if len(after.dots) <= len(before.dots) || slices.Equal(after.dots, before.dots) {
		t.Errorf("the radar did not change: %d dots before, %d after", len(before.dots), len(after.dots))
	}
	if !shows(p.view, "Affärsmodell: från nivå 3 till 4") {
		t.Errorf("the next step did not move: %v", visibleTexts(p.view))
	}
	if !shows(p.view, "Uppnått") {
		t.Errorf("the reached target is not shown as reached: %v", visibleTexts(p.view))
	}
	if got := viewOf(firstLine(t, p)).dots; len(got) != len(lineBefore.dots)+1 {
		t.Errorf("the customer line has %d dots, want one more than the %d before", len(got), len(lineBefore.dots))
	}
}

// firstLine is the line chart of the model's first dimension.
func firstLine(t *testing.T, p *orgProgress) *chart.Line {
	t.Helper()
	var line *chart.Line
	walk(p.lines.Objects[0], func(o fyne.CanvasObject) {
		if l, ok := o.(*chart.Line); ok {
			line = l
		}
	})
	if line == nil {
		t.Fatal("no line chart for the first dimension")
	}
	return line
}
