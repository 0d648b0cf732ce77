package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/demo"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// newEmptyUI is the window after the welcome was answered with "start
// empty": a profile, nothing else, and demo data still on offer.
func newEmptyUI(t *testing.T, lang string) (*UI, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, _ := datatest.Open(t)
	if err := st.SetProfile(data.Profile{Advisor: "Anna Svensson", Country: domain.CountrySE, Done: true}); err != nil {
		t.Fatal(err)
	}
	u := New(a, st, translations.New(lang), Options{Prefs: prefs.New(st),
		Now:   func() time.Time { return testNow },
		queue: &applyQueue{},
		LoadDemo: func(ctx context.Context) error {
			return demo.Fill(ctx, st, demo.Options{Orgs: 12, Visits: 30, Today: testNow})
		},
	})
	u.win.Resize(fyne.NewSize(1200, 760))
	u.WaitIdle()
	return u, st
}

func TestEmptyTodayOffersTheFirstSteps(t *testing.T) {
	for _, c := range []struct{ lang, newOrg, newVisit, demo, guide, guideTitle string }{
		{"sv", "Ny organisation", "Nytt besök", "Läs in demodata", "Guiden: kom igång", "Kom igång"},
		{"nb", "Ny organisasjon", "Nytt besøk", "Last inn demodata", "Veiledningen: kom i gang", "Kom i gang"},
		{"en", "New organisation", "New visit", "Load demo data", "Guide: first start", "First start"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, _ := newEmptyUI(t, c.lang)
			page := u.today.view
			for _, b := range []string{c.newOrg, c.newVisit, c.demo, c.guide} {
				buttonWithText(t, page, b)
			}

			tapButton(t, u, page, c.guide)
			if u.tabs.SelectedIndex() != tabHelp || !shows(u.help.view, c.guideTitle) {
				t.Fatalf("the guide link opened tab %d: %q", u.tabs.SelectedIndex(), visibleTexts(u.help.view))
			}

			u.Show(tabToday)
			u.WaitIdle()
			tapButton(t, u, page, c.newOrg)
			if u.tabs.SelectedIndex() != tabOrganisations || !u.orgs.detail.body.Visible() {
				t.Fatal("New organisation did not open an empty organisation form")
			}
			if f := u.win.Canvas().Focused(); f != u.orgs.detail.form.name {
				t.Fatalf("the name field is not focused but %T", f)
			}

			u.Show(tabToday)
			u.WaitIdle()
			tapButton(t, u, page, c.newVisit)
			if len(u.dialogs) != 1 {
				t.Fatalf("New visit opened %d dialogs", len(u.dialogs))
			}
		})
	}
}

// Demo data goes only into an empty database: once the first organisation
// exists, Today no longer offers it; once a visit exists, the card goes.
func TestTodayOffersDemoDataOnlyWhileEmpty(t *testing.T) {
	u, st := newEmptyUI(t, "sv")
	org := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	u.dataChanged()
	u.WaitIdle()
	if !shows(u.today.view, "Nytt besök") || shows(u.today.view, "Läs in demodata") {
		t.Fatalf("with one organisation: %q", visibleTexts(u.today.view))
	}
	addVisit(t, st, "2026-11-20", 60, org)
	u.dataChanged()
	u.WaitIdle()
	if shows(u.today.view, "Kom igång") {
		t.Fatalf("the first steps stay after the first visit: %q", visibleTexts(u.today.view))
	}
}

func TestTodayLoadsDemoData(t *testing.T) {
	u, st := newEmptyUI(t, "nb")
	tapButton(t, u, u.today.view, "Last inn demodata")
	u.WaitIdle()
	if empty, err := st.IsEmpty(context.Background()); err != nil || empty {
		t.Fatalf("nothing stored after loading demo data (%v)", err)
	}
	if shows(u.today.view, "Kom i gang") || len(u.today.recent.Objects) == 0 {
		t.Fatalf("Today after loading demo data: %q", visibleTexts(u.today.view))
	}
}
