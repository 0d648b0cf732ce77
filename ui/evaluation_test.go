package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

// answerWidgets are the inputs a respondent can reach in the window.
type answerWidgets struct {
	radios  []*widget.RadioGroup
	checks  []*widget.CheckGroup
	entries []*widget.Entry
}

func findAnswerWidgets(root fyne.CanvasObject) answerWidgets {
	var w answerWidgets
	walk(root, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.RadioGroup:
			w.radios = append(w.radios, x)
		case *widget.CheckGroup:
			w.checks = append(w.checks, x)
		case *widget.Entry:
			w.entries = append(w.entries, x)
		}
	})
	return w
}

// everything is what the window holds now: its content and any dialog.
func everything(u *UI) []string {
	texts := visibleTexts(u.win.Content())
	for _, o := range u.win.Canvas().Overlays().List() {
		texts = append(texts, visibleTexts(o)...)
	}
	return texts
}

// TestThreeRespondentsSeeNoneOfEachOthersAnswers runs the workshop
// evaluation for three respondents in respondent mode, as an advisor
// would start it from the visit list.
func TestThreeRespondentsSeeNoneOfEachOthersAnswers(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	v := datatest.Visit(t, st, "2026-11-20", "Workshop om kundbehov", o.ID)
	u.Show(tabVisits)
	u.WaitIdle()
	u.RunEvaluation(v.ID, "")
	tapButton(t, u, topOverlay(t, u), "Svarsläge")
	if !u.win.FullScreen() || u.respondent == nil {
		t.Fatal("respondent mode is not full screen")
	}
	if texts := everything(u); slices.Contains(texts, "Organisationer") || slices.Contains(texts, "Besök") {
		t.Fatalf("the navigation is reachable in respondent mode: %q", texts)
	}
	secrets := []string{"Första svarandes hemlighet", "Andras hemlighet", "Tredjes hemlighet"}
	for i, secret := range secrets {
		w := findAnswerWidgets(u.win.Content())
		for _, r := range w.radios {
			if r.Selected != "" {
				t.Fatalf("respondent %d finds %q chosen", i+1, r.Selected)
			}
		}
		for _, c := range w.checks {
			if len(c.Selected) > 0 {
				t.Fatalf("respondent %d finds %q ticked", i+1, c.Selected)
			}
		}
		for _, e := range w.entries {
			if e.Text != "" {
				t.Fatalf("respondent %d finds %q typed", i+1, e.Text)
			}
		}
		for _, s := range secrets[:i] {
			for _, text := range everything(u) {
				if strings.Contains(text, s) {
					t.Fatalf("respondent %d can read %q", i+1, s)
				}
			}
		}
		w.radios[0].SetSelected([]string{"5", "4", "3"}[i]) // overall, the first question
		w.radios[len(w.radios)-3].SetSelected("Kvinna")     // gender, the first of the three about you
		test.Type(w.entries[0], secret)                     // "what was best?"
		if rs, _ := st.Responses(context.Background(), data.ResponseQuery{FormID: "workshop-evaluation"}); len(rs) != i {
			t.Fatalf("%d responses stored before respondent %d submitted", len(rs), i+1)
		}
		tapButton(t, u, u.win.Content(), "Skicka mina svar")
		if !shows(u.win.Content(), "Tack! Dina svar är sparade.") {
			t.Fatalf("respondent %d: no thank-you: %q", i+1, everything(u))
		}
		if w := findAnswerWidgets(u.win.Content()); len(w.radios)+len(w.checks)+len(w.entries) > 0 {
			t.Fatal("the thank-you page still holds the answers")
		}
		tapButton(t, u, u.win.Content(), "Nästa svarande")
	}
	// Esc asks for the advisor; saying no keeps the questionnaire.
	u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tapButton(t, u, topOverlay(t, u), "Nej")
	if u.respondent == nil || !u.win.FullScreen() {
		t.Fatal("saying no left respondent mode")
	}
	u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	tapButton(t, u, topOverlay(t, u), "Ja")
	if u.respondent != nil || u.win.FullScreen() {
		t.Fatal("the advisor could not leave respondent mode")
	}
	rs, err := st.Responses(context.Background(), data.ResponseQuery{FormID: "workshop-evaluation", VisitID: v.ID})
	if err != nil || len(rs) != 3 {
		t.Fatalf("%d responses stored (%v), want 3", len(rs), err)
	}
	for i, r := range rs {
		if r.Answers.Values["best"] != secrets[i] && r.Answers.Values["best"] != secrets[2-i] || r.Gender != domain.GenderWoman {
			t.Errorf("response %d: %+v", i, r)
		}
	}
}

// TestTheBeforeAfterChartShowsTheChange: the capacity self-assessment's
// results in Reports compare the group before with the group after.
func TestTheBeforeAfterChartShowsTheChange(t *testing.T) {
	u, st := newTestUI(t, "sv")
	form, _ := evaluation.Bundled().Latest("capacity-self-assessment")
	add := func(timing domain.Timing, level int64) {
		values := map[string]any{}
		for _, q := range form.Questions {
			if q.Kind == evaluation.KindLikert {
				values[q.ID] = level
			}
		}
		r := domain.Response{Date: "2026-11-20", Timing: timing, Answers: evaluation.Answers{Values: values}}
		if err := st.CreateResponse(context.Background(), &r, form); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []int64{2, 2, 3} {
		add(domain.TimingBefore, l)
	}
	for _, l := range []int64{4, 4, 5} {
		add(domain.TimingAfter, l)
	}
	u.Show(tabReports)
	u.evaluations.form.SetValue(form.ID)
	u.WaitIdle()
	view := u.evaluations.view
	for _, want := range []string{"Före och efter", "Före: 3 svarande · efter: 3 svarande", "2,3 → 4,3 (+2,0)", "6 svarande"} {
		if !shows(view, want) {
			t.Errorf("the results do not show %q: %q", want, visibleTexts(view))
		}
	}
}
