package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"eu.ilsa.coach/ilsa/data/demo"
)

// smallWindow is the smallest window the app is made for: a 1024×768
// laptop screen less the desktop's panels.
var smallWindow = fyne.NewSize(1024, 700)

// checkFits fails when what is on screen (the window's content, or a
// dialog in front of it) needs more room than the window has: the window
// would grow past the screen by itself.
func checkFits(t *testing.T, u *UI, what string) {
	t.Helper()
	u.WaitIdle()
	if min := u.win.Content().MinSize(); min.Width > smallWindow.Width || min.Height > smallWindow.Height {
		t.Errorf("%s: the window needs %.0f×%.0f, more than %.0f×%.0f", what, min.Width, min.Height, smallWindow.Width, smallWindow.Height)
	}
	for _, o := range u.win.Canvas().Overlays().List() {
		if min := o.MinSize(); min.Width > smallWindow.Width || min.Height > smallWindow.Height {
			t.Errorf("%s: a dialog needs %.0f×%.0f, more than %.0f×%.0f", what, min.Width, min.Height, smallWindow.Width, smallWindow.Height)
		}
	}
}

// TestNoScreenMakesTheWindowGrow opens every screen, the visit search that
// finds nothing, the common dialogs and every tab of an organisation, on an
// empty database and on demo data, at 1024×700, and checks that none needs
// more room than that.
func TestNoScreenMakesTheWindowGrow(t *testing.T) {
	for _, lang := range []string{"sv", "nb", "en"} {
		for _, full := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/full=%v", lang, full), func(t *testing.T) {
				u, st := newTestUI(t, lang)
				withModels(t, u)
				// Every button shows, as in the app: Export report too.
				u.opt.ClientReport = func(context.Context, string, string, string) (int, error) { return 1, nil }
				u.build(tabToday)
				if full {
					if err := demo.Fill(context.Background(), st, demo.Options{Orgs: 30, Visits: 150, Today: testNow}); err != nil {
						t.Fatal(err)
					}
				}
				u.win.Resize(smallWindow)
				for tab := tabToday; tab <= tabSettings; tab++ {
					u.Show(tab)
					checkFits(t, u, fmt.Sprintf("screen %d", tab))
				}

				u.Show(tabVisits)
				typeInto(u, u.visits.search, "zzqx")
				if !u.visits.empty.Visible() {
					t.Fatal("a search that finds nothing shows no hint")
				}
				checkFits(t, u, "a visit search that finds nothing")
				typeInto(u, u.visits.search, "")

				u.NewVisit(nil)
				checkFits(t, u, "New visit")
				u.closeFrontDialog()
				u.WaitIdle()

				u.NewJointAction(nil)
				checkFits(t, u, "New joint action")
				u.closeFrontDialog()
				u.WaitIdle()

				u.Show(tabOrganisations)
				u.orgs.detail.openNew()
				checkFits(t, u, "a new organisation")

				// An organisation with assessments, when there are any, so
				// Progress shows its charts.
				id := ""
				for _, orgID := range u.orgs.ids {
					if id == "" {
						id = orgID
					}
					if as, err := st.Assessments(context.Background(), orgID); err == nil && len(as) > 0 {
						id = orgID
						break
					}
				}
				if full && id == "" {
					t.Fatal("the demo data lists no organisation")
				}
				if id != "" {
					u.selectOrg(id)
					u.WaitIdle()
					for i := range u.orgs.detail.tabs.Items {
						u.orgs.detail.tabs.SelectIndex(i)
						checkFits(t, u, fmt.Sprintf("organisation tab %d", i))
					}
					u.NewVisit([]string{id})
					checkFits(t, u, "New visit for an organisation")
					u.closeFrontDialog()
				}
			})
		}
	}
}

// A wrong org number shows its problem where the hint was, right under the
// field: no blank line above it, and the form below does not move down.
func TestOrgNumberProblemTakesTheHintsPlace(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	u.win.Resize(smallWindow)
	u.Show(tabOrganisations)
	d := u.orgs.detail
	d.openNew()
	u.WaitIdle()
	f := d.form
	before := f.form.Content().MinSize().Height
	typeInto(u, f.orgnr, "556036-0794") // a wrong check digit
	problem := f.form.Problem("orgnr")
	if !problem.Visible() || problem.Text == "" {
		t.Fatal("no problem shown for a wrong check digit")
	}
	if f.orgnrHint.Visible() {
		t.Errorf("a hint line (%q) stays above the problem", f.orgnrHint.Text)
	}
	if after := f.form.Content().MinSize().Height; after > before+1 {
		t.Errorf("the problem pushed the form down: %.0f px tall, was %.0f (problem %q)", after, before, problem.Text)
	}
}
