package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// submittingReports is the app's funder reports with submissions.
type submittingReports struct{ testReports }

func (r submittingReports) Submit(ctx context.Context, from, to, projectStart, note string) (*domain.Submission, error) {
	p, _ := r.st.Profile()
	sub, _, err := indicators.Submit(ctx, r.st, from, to, projectStart, p.Advisor, p.Organisation, note)
	return sub, err
}

func (r submittingReports) Submissions(ctx context.Context) ([]domain.Submission, error) {
	return r.st.Submissions(ctx, "", "")
}

func (r submittingReports) CompareSubmitted(ctx context.Context, rep *indicators.Report) (*indicators.Submitted, error) {
	return indicators.CompareSubmitted(ctx, r.st, rep)
}

func hyperlinkStarting(root fyne.CanvasObject, prefix string) *widget.Hyperlink {
	var found *widget.Hyperlink
	walk(root, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && strings.HasPrefix(h.Text, prefix) && found == nil {
			found = h
		}
	})
	return found
}

// The lead marks the half-year as submitted with a note; a visit recorded
// afterwards shows under RCO01 as the submitted value and the difference,
// and the difference lists the new organisation and visit with why. The
// list of submitted reports sets the period.
func TestReportsScreenSubmitsAndShowsTheDifference(t *testing.T) {
	u, st := newTestUI(t, "nb")
	u.opt.Reports = submittingReports{testReports{st}}
	ctx := u.ctx()
	org := func(name string) string {
		o := domain.Organisation{Name: name, Country: domain.CountryNO, Municipality: "5034", Kind: domain.KindSME}
		if err := st.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	visit := func(date, orgID string) {
		v := domain.Visit{Date: date, OrgIDs: []string{orgID}, Type: domain.VisitOnSite, Minutes: 60, Advisor: "Anna"}
		if err := st.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	visit("2026-10-05", org("Meråker Mølle AS"))
	u.Show(tabReports)
	u.WaitIdle()
	s := u.reports

	tapButton(t, u, s.view, "Merk som innlevert…")
	dlg := topOverlay(t, u)
	if !shows(dlg, "fryses slik den er nå") {
		t.Errorf("the dialog does not say what is frozen: %v", visibleTexts(dlg))
	}
	var note *widget.Entry
	walk(dlg, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.MultiLine {
			note = e
		}
	})
	if note == nil {
		t.Fatal("no note field")
	}
	note.SetText("Sendt med delrapporten")
	tapButton(t, u, dlg, "Merk som innlevert")
	u.WaitIdle()
	if !shows(s.view, "Perioden ble levert inn") || !shows(s.view, "Anna Svensson") || !shows(s.view, "Sendt med delrapporten") || !shows(s.view, "Alle tallene er som da de ble levert inn.") {
		t.Errorf("after submitting: %v", visibleTexts(s.view))
	}
	if subs, _ := st.Submissions(ctx, "", ""); len(subs) != 1 || subs[0].Note != "Sendt med delrapporten" || subs[0].From != "2026-07-01" {
		t.Fatalf("stored: %+v", subs)
	}

	visit("2026-11-02", org("Levanger Lys AS"))
	s.refresh()
	u.WaitIdle()
	diff := hyperlinkStarting(s.figures, "innlevert 1 (+1)")
	if diff == nil {
		t.Fatalf("no difference under RCO01: %v", visibleTexts(s.figures))
	}
	test.TapAt(diff, fyne.NewPos(diff.Size().Width-4, diff.Size().Height/2)) // on the text
	u.WaitIdle()
	dlg = topOverlay(t, u)
	for _, want := range []string{"Kommet til siden innleveringen (2)", "Levanger Lys AS — registrert etter innleveringen", "Nå: 2"} {
		if !shows(dlg, want) {
			t.Errorf("the difference does not show %q: %v", want, visibleTexts(dlg))
		}
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	// A selection is never submitted nor compared.
	s.country.SetValue(string(domain.CountryNO))
	s.refresh()
	u.WaitIdle()
	if !s.sub.submit.Disabled() || s.sub.banner.Visible() {
		t.Errorf("with a selection: submit enabled %v, banner %v", !s.sub.submit.Disabled(), s.sub.banner.Visible())
	}

	// The list of submissions sets its period, without the selection.
	s.from.SetText("2026-01-01")
	tapButton(t, u, s.view, "Innleverte rapporter…")
	dlg = topOverlay(t, u)
	tapButton(t, u, dlg, buttonTextContaining(t, dlg, "levert inn"))
	u.WaitIdle()
	if s.from.Text != "01.07.2026" || s.to.Text != "31.12.2026" || s.country.Value() != "" || !s.sub.banner.Visible() {
		t.Errorf("after choosing the submission: %q – %q, country %q, banner %v", s.from.Text, s.to.Text, s.country.Value(), s.sub.banner.Visible())
	}
}

func buttonTextContaining(t *testing.T, root fyne.CanvasObject, part string) string {
	t.Helper()
	var text string
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, part) && text == "" {
			text = b.Text
		}
	})
	if text == "" {
		t.Fatalf("no button containing %q: %v", part, visibleTexts(root))
	}
	return text
}
