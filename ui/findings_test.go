package ui

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// frontFindingForm is the findings form in front.
func frontFindingForm(t *testing.T, u *UI) *findingForm {
	t.Helper()
	if len(u.dialogs) == 0 {
		t.Fatal("no form is open")
	}
	f, ok := u.dialogs[len(u.dialogs)-1].(*findingForm)
	if !ok {
		t.Fatalf("the dialog in front is %T", u.dialogs[len(u.dialogs)-1])
	}
	return f
}

// An entry of the findings log: without a step it is refused beside the
// step with the text kept; saved, it is listed under its step with what it
// is linked to, found by a word, and deleted with Undo.
func TestWriteDownAFindingAndFindItAgain(t *testing.T) {
	u, st := newTestUI(t, "nb")
	hub := datatest.Org(t, st, "Nasjonalparken Næringshage", "")
	u.ShowFindings()
	u.WaitIdle()
	if !shows(u.findings.view, "Ingenting notert ennå.") {
		t.Fatalf("empty log: %v", visibleTexts(u.findings.view))
	}
	tapButton(t, u, u.findings.view, "Ny post")
	f := frontFindingForm(t, u)
	typeInto(u, f.text, "Korte møter på stedet fungerer best\nDigitale møter ble avlyst oftere.")
	f.orgs.SetSelected([]string{hub.ID})
	f.orgs.OnChanged()
	tapButton(t, u, topOverlay(t, u), "Lagre")
	if got := strings.Join(visibleTexts(topOverlay(t, u)), " "); !strings.Contains(got, "Steg") || f.text.Text == "" {
		t.Fatalf("saved without a step, or the text is gone: %s", got)
	}
	if l, _ := st.Findings(u.ctx(), data.FindingQuery{}); len(l) != 0 {
		t.Fatalf("stored without a step: %+v", l)
	}
	f.step.SetValue(string(domain.StepPilot))
	f.kind.SetValue(string(domain.FindingExperience))
	tapButton(t, u, topOverlay(t, u), "Lagre")
	l, err := st.Findings(u.ctx(), data.FindingQuery{})
	if err != nil || len(l) != 1 || l[0].Step != domain.StepPilot || l[0].Kind != domain.FindingExperience ||
		len(l[0].OrgIDs) != 1 || l[0].Date == "" {
		t.Fatalf("stored: %+v %v", l, err)
	}
	u.findings.refresh()
	u.WaitIdle()
	for _, want := range []string{"Korte møter på stedet fungerer best", "Pilotcase · Erfaring", "Nasjonalparken Næringshage", "1 post"} {
		if !shows(u.findings.view, want) {
			t.Errorf("the log lacks %q: %v", want, visibleTexts(u.findings.view))
		}
	}
	u.findings.search.SetText("digitale AVLYST")
	u.findings.refresh()
	u.WaitIdle()
	if len(u.findings.rows) != 1 {
		t.Errorf("a search by words on the second line found %d", len(u.findings.rows))
	}
	u.findings.search.SetText("ingenting slikt")
	u.findings.refresh()
	u.WaitIdle()
	if len(u.findings.rows) != 0 || !shows(u.findings.view, "Ingen post passer") {
		t.Errorf("a search without hits: %v", visibleTexts(u.findings.view))
	}
	u.findings.search.SetText("")
	u.findings.refresh()
	u.WaitIdle()
	u.findings.delete(u.findings.rows[0].Finding)
	u.WaitIdle()
	if l, _ := st.Findings(u.ctx(), data.FindingQuery{}); len(l) != 0 {
		t.Fatalf("not deleted: %d", len(l))
	}
	u.undo.takeBack()
	u.WaitIdle()
	if l, _ := st.Findings(u.ctx(), data.FindingQuery{}); len(l) != 1 {
		t.Fatalf("undo did not bring it back: %d", len(l))
	}
}

// Typed text is never lost: a closed form keeps its draft, and the next
// new entry offers it back.
func TestAnUnsavedFindingComesBack(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.NewFinding(domain.StepBenchmarking)
	u.WaitIdle()
	f := frontFindingForm(t, u)
	if f.step.Value() != string(domain.StepBenchmarking) {
		t.Errorf("a new entry from a step's list starts in %q", f.step.Value())
	}
	typeInto(u, f.text, "Innovasjonsløft kombinerar mentorer och nätverk")
	f.close()
	u.WaitIdle()
	u.NewFinding("")
	u.WaitIdle()
	if !shows(topOverlay(t, u), "En osparad post") {
		t.Fatalf("no draft offered: %v", visibleTexts(topOverlay(t, u)))
	}
}
