package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Choosing a model in the assessment form credits it under the picker, in
// the user's language: the Business Model Canvas names Strategyzer, its
// CC BY-SA licence with a link, and that the texts were adapted.
func TestAssessmentFormCreditsTheChosenModel(t *testing.T) {
	u, st := newTestUI(t, "nb")
	withModels(t, u)
	d, _ := openAssessmentsTab(t, u, st, "Selbu Bygg AS")
	tapButton(t, u, d.assess.view, "Ny vurdering")
	f := frontAssessForm(t, u)
	dlg := topOverlay(t, u)
	if f.credit.view.Visible() {
		t.Error("a credit shows before a model is chosen")
	}
	f.modelSel.SetValue("business-model-canvas")
	want := "Kilde: Business Model Canvas by Alexander Osterwalder / Strategyzer, CC BY-SA 3.0. " +
		"Opphav: Alexander Osterwalder, Strategyzer AG. Lisens: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). " +
		"Tekstene er bearbeidet og oversatt av ILSA-prosjektet."
	if !shows(dlg, want) {
		t.Fatalf("no credit for the canvas: %v", visibleTexts(dlg))
	}
	var link *widget.Hyperlink
	walk(dlg, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "Les lisensen" {
			link = h
		}
	})
	if link == nil || link.URL == nil || link.URL.String() != "https://creativecommons.org/licenses/by-sa/3.0/" {
		t.Fatalf("licence link: %+v", link)
	}
	f.modelSel.SetValue("innovation-readiness")
	if !shows(dlg, "Opphav: KTH Innovation, KTH Royal Institute of Technology; level descriptions by the ILSA project") {
		t.Errorf("no credit for the IRL model: %v", visibleTexts(dlg))
	}
}
