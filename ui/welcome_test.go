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

// newFirstRunUI is a UI on a fresh store without a profile, as on the very
// first start, with the welcome open.
func newFirstRunUI(t *testing.T, lang string, prepare func(*data.Store)) (*UI, *data.Store, *welcome) {
	t.Helper()
	a := test.NewTempApp(t)
	st, _ := datatest.Open(t)
	if prepare != nil {
		prepare(st)
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
	u.FirstRun()
	u.WaitIdle()
	if len(u.dialogs) != 1 {
		t.Fatalf("%d dialogs open on first run", len(u.dialogs))
	}
	return u, st, u.dialogs[0].(*welcome)
}

func TestWelcomeRefusesAnEmptyNameThenStoresTheProfile(t *testing.T) {
	u, st, w := newFirstRunUI(t, "sv", nil)
	d := topOverlay(t, u)
	if !shows(d, "Läs in demodata") || !shows(d, "Börja tomt") {
		t.Fatalf("welcome: %v", visibleTexts(d))
	}

	tapButton(t, u, d, "Börja tomt")
	if p := w.profile.form.Problem("advisor"); p.Hidden || p.Text != "Måste fyllas i." {
		t.Fatalf("no problem beside the name: %v", visibleTexts(d))
	}
	u.closeFrontDialog() // Esc does not skip it either
	u.WaitIdle()
	if len(u.dialogs) != 1 || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the welcome closed without a name")
	}
	if p, _ := st.Profile(); p.Done {
		t.Fatal("a profile without a name was stored")
	}

	typeInto(u, w.profile.name, "Anna Svensson")
	typeInto(u, w.profile.org, "Almi Mitt")
	tapButton(t, u, d, "Börja tomt")
	p, _ := st.Profile()
	if p.Advisor != "Anna Svensson" || p.Organisation != "Almi Mitt" || p.Country != domain.CountrySE || !p.Done {
		t.Fatalf("stored profile: %+v", p)
	}
	if len(u.dialogs) != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the welcome is still open")
	}
	if empty, _ := st.IsEmpty(context.Background()); !empty {
		t.Fatal("Start empty added data")
	}
	// Done once: not asked again.
	u.FirstRun()
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("the welcome came back")
	}
}

func TestWelcomeLoadDemoFillsTheEmptyStore(t *testing.T) {
	u, st, w := newFirstRunUI(t, "en", nil)
	d := topOverlay(t, u)
	typeInto(u, w.profile.name, "Erik Jonsson")
	tapButton(t, u, d, "Load demo data")
	if empty, _ := st.IsEmpty(context.Background()); empty {
		t.Fatal("no demo data was loaded")
	}
	if p, _ := st.Profile(); p.Advisor != "Erik Jonsson" || !p.Done {
		t.Fatalf("profile: %+v", p)
	}
	if len(u.dialogs) != 0 {
		t.Fatal("the welcome is still open")
	}
	// The app behind shows the new data at once.
	if shows(u.today.view, "No visits recorded yet.") {
		t.Fatalf("Today not refreshed: %v", visibleTexts(u.today.view))
	}
}

func TestWelcomeLanguageChangeAppliesAtOnce(t *testing.T) {
	u, st, w := newFirstRunUI(t, "en", nil)
	typeInto(u, w.profile.name, "Kari Nordmann")
	w.language.SetValue("nb")
	u.WaitIdle()

	if len(u.dialogs) != 1 {
		t.Fatalf("%d dialogs after the switch", len(u.dialogs))
	}
	nw := u.dialogs[0].(*welcome)
	d := topOverlay(t, u)
	if !shows(d, "Last inn demodata") || !shows(d, "Start tomt") || !shows(d, "Navnet ditt") {
		t.Fatalf("welcome in Norwegian: %v", visibleTexts(d))
	}
	if nw.profile.name.Text != "Kari Nordmann" || nw.profile.country.Value() != "NO" {
		t.Fatalf("typed name %q, country %q", nw.profile.name.Text, nw.profile.country.Value())
	}
	if u.tabs.Items[tabSettings].Text != "Innstillinger" {
		t.Fatalf("app behind: %q", u.tabs.Items[tabSettings].Text)
	}
	if v := prefs.New(st).Language(); v != "nb" {
		t.Fatalf("stored language %q", v)
	}
	tapButton(t, u, d, "Start tomt")
	if p, _ := st.Profile(); p.Advisor != "Kari Nordmann" || p.Country != domain.CountryNO {
		t.Fatalf("stored profile: %+v", p)
	}
}

func TestWelcomeOffersNoDemoBesideRealData(t *testing.T) {
	u, _, _ := newFirstRunUI(t, "nb", func(st *data.Store) { datatest.Org(t, st, "Lierne Laks AS", "") })
	d := topOverlay(t, u)
	if shows(d, "Last inn demodata") || !shows(d, "Kom i gang") {
		t.Fatalf("welcome with data: %v", visibleTexts(d))
	}
}

func TestNoWelcomeOnceSetUp(t *testing.T) {
	u, _ := newTestUI(t, "en")
	u.FirstRun()
	u.WaitIdle()
	if len(u.dialogs) != 0 || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the welcome showed for a set-up profile")
	}
}

func TestWelcomeStoresTheLanguageShownEvenWhenItIsTheSystems(t *testing.T) {
	u, st, w := newFirstRunUI(t, "sv", nil)
	if v := prefs.New(st).Language(); v != "" {
		t.Fatalf("a language was stored before the advisor chose: %q", v)
	}
	typeInto(u, w.profile.name, "Anna Svensson")
	tapButton(t, u, topOverlay(t, u), "Börja tomt")
	u.WaitIdle()
	if v := prefs.New(st).Language(); v != "sv" {
		t.Fatalf("stored language %q, want sv", v)
	}
}
