package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

func TestSettingsLanguageSwitchesAtOnce(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.Show(tabSettings)
	u.WaitIdle()
	if u.tabs.Items[tabSettings].Text != "Settings" || !shows(u.settings.view, "no restart needed") {
		t.Fatalf("English settings: %v", visibleTexts(u.settings.view))
	}
	// Typed but not saved: the switch must not lose it.
	typeInto(u, u.settings.profile.name, "Kari Nordmann")

	u.settings.language.SetValue("nb")
	u.WaitIdle()

	if v := prefs.New(st).Language(); v != "nb" {
		t.Fatalf("stored language %q", v)
	}
	var nav []string
	for _, it := range u.tabs.Items {
		nav = append(nav, it.Text)
	}
	want := []string{"I dag", "Organisasjoner", "Besøk", "Tiltak", "Prosjektet", "Rapporter", "Synk", "Innstillinger"}
	for i := range want {
		if nav[i] != want[i] {
			t.Fatalf("navigation after the switch: %v", nav)
		}
	}
	s := u.settings
	if u.tabs.SelectedIndex() != tabSettings || !shows(s.view, "Lagre profil") ||
		!shows(s.view, "ingen omstart trengs") || s.language.Selected != "Norsk bokmål" {
		t.Fatalf("Norwegian settings: %v", visibleTexts(s.view))
	}
	if s.profile.name.Text != "Kari Nordmann" {
		t.Fatalf("typed name lost in the switch: %q", s.profile.name.Text)
	}
	// Fyne's own strings follow (Fyne ships no Bokmål: ours is used).
	if lang.L("Yes") != "Ja" {
		t.Fatalf("Fyne's strings did not follow: Yes = %q", lang.L("Yes"))
	}

	s.language.SetValue("sv")
	u.WaitIdle()
	if u.tabs.Items[tabSettings].Text != "Inställningar" || u.tabs.Items[tabToday].Text != "I dag" {
		t.Fatalf("Swedish navigation: %q", u.tabs.Items[tabSettings].Text)
	}
	if v := prefs.New(st).Language(); v != "sv" {
		t.Fatalf("stored language %q", v)
	}
}

func TestSettingsProfileValidatedAndSaved(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.Show(tabSettings)
	u.WaitIdle()
	s := u.settings
	if s.profile.name.Text != "Anna Svensson" || s.profile.country.Value() != "SE" {
		t.Fatalf("profile shown: %q %q", s.profile.name.Text, s.profile.country.Value())
	}

	typeInto(u, s.profile.name, "")
	typeInto(u, s.profile.org, "Region Jämtland Härjedalen")
	tapButton(t, u, s.view, "Spara profil")
	if p := s.profile.form.Problem("advisor"); p.Hidden || p.Text != "Måste fyllas i." {
		t.Fatalf("no problem beside the name: %v", visibleTexts(s.view))
	}
	if p, _ := st.Profile(); p.Advisor != "Anna Svensson" || p.Organisation != "" {
		t.Fatalf("an invalid profile was stored: %+v", p)
	}
	if s.profile.org.Text != "Region Jämtland Härjedalen" {
		t.Fatal("typed text lost after a validation error")
	}

	typeInto(u, s.profile.name, "Anna Svensson Berg")
	s.profile.country.SetValue("NO")
	tapButton(t, u, s.view, "Spara profil")
	p, _ := st.Profile()
	if p.Advisor != "Anna Svensson Berg" || p.Organisation != "Region Jämtland Härjedalen" ||
		p.Country != domain.CountryNO || !p.Done {
		t.Fatalf("stored profile: %+v", p)
	}
	if !s.saved.Visible() || !s.profile.form.Problem("advisor").Hidden {
		t.Fatalf("after saving: %v", visibleTexts(s.view))
	}
}

func TestSettingsThemeStoredAndApplied(t *testing.T) {
	u, st := newTestUI(t, "nb")
	u.Show(tabSettings)
	u.WaitIdle()
	s := u.settings
	if s.theme.Selected != "Følg systemet" {
		t.Fatalf("default theme %q", s.theme.Selected)
	}
	s.theme.SetSelected("Mørkt")
	u.WaitIdle()
	if v := prefs.New(st).Theme(); v != themeDark {
		t.Fatalf("stored theme %q", v)
	}
	th, ok := u.app.Settings().Theme().(coachTheme)
	if !ok || th.variant == nil || *th.variant != theme.VariantDark {
		t.Fatalf("dark theme not applied: %#v", u.app.Settings().Theme())
	}
	// The choice is shown again after a rebuild.
	if err := u.SetLanguage("en"); err != nil {
		t.Fatal(err)
	}
	u.WaitIdle()
	if u.settings.theme.Selected != "Dark" {
		t.Fatalf("theme shown after rebuild: %q", u.settings.theme.Selected)
	}
}

func TestSettingsShowsWhereDataLives(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.Show(tabSettings)
	u.WaitIdle()
	s := u.settings
	dir := filepath.Dir(st.Path())
	if s.folder.Text != dir || s.database.Text != st.Path() || !shows(s.view, "ILSA Coach development build") {
		t.Fatalf("data card: %v", visibleTexts(s.view))
	}
	tapButton(t, u, s.view, "Copy path")
	if got := u.app.Clipboard().Content(); got != dir {
		t.Fatalf("clipboard %q, want %q", got, dir)
	}
	if !s.copied.Visible() {
		t.Fatal("no confirmation of the copy")
	}
}

// heldProfileStore holds each profile save until the test answers on
// release (nil lets it through), as a save waits while an import holds
// the writer.
type heldProfileStore struct {
	Store
	started chan struct{}
	release chan error
}

func (s *heldProfileStore) SetProfile(p data.Profile) error {
	s.started <- struct{}{}
	if err := <-s.release; err != nil {
		return err
	}
	return s.Store.SetProfile(p)
}

// While the profile is being stored, Save and the fields are off and
// Ctrl+S starts no second save; afterwards the profile is stored and the
// form is on again. Esc with a change asks, and "Kasta" shows the stored
// profile again.
func TestSettingsProfileSaveHoldsTheFormAndDiscardAsks(t *testing.T) {
	a := test.NewTempApp(t)
	st, _ := datatest.Open(t)
	if err := st.SetProfile(data.Profile{Advisor: "Anna Svensson", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	held := &heldProfileStore{Store: st, started: make(chan struct{}, 2), release: make(chan error)}
	u := New(a, held, translations.New("sv"), Options{Prefs: prefs.New(st), Now: func() time.Time { return testNow }, queue: &applyQueue{}})
	u.win.Resize(fyne.NewSize(1200, 760))
	u.Show(tabSettings)
	u.WaitIdle()
	s := u.settings
	typeInto(u, s.profile.org, "Almi Mitt")
	save := buttonWithText(t, s.view, "Spara profil")
	test.Tap(save)
	<-held.started
	if !save.Disabled() || !s.profile.org.Disabled() {
		t.Fatalf("while saving: Save disabled %v, field disabled %v", save.Disabled(), s.profile.org.Disabled())
	}
	u.SaveFront() // Ctrl+S again: no second save starts
	held.release <- nil
	u.WaitIdle()
	if len(held.started) != 0 {
		t.Fatal("a second save started while the first ran")
	}
	if p, _ := st.Profile(); p.Organisation != "Almi Mitt" {
		t.Fatalf("stored profile: %+v", p)
	}
	if save.Disabled() || s.profile.org.Disabled() || !s.saved.Visible() {
		t.Fatalf("after saving: Save disabled %v, field disabled %v, %v", save.Disabled(), s.profile.org.Disabled(), visibleTexts(s.view))
	}

	typeInto(u, s.profile.name, "Fel namn")
	s.profile.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Kasta det du har skrivit?") {
		t.Fatalf("no question before the change goes: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Kasta")
	if s.profile.name.Text != "Anna Svensson" || s.profile.org.Text != "Almi Mitt" {
		t.Fatalf("after discarding: %q, %q", s.profile.name.Text, s.profile.org.Text)
	}
}

func TestLanguageSwitchKeepsTheSelectedOrganisationAndTheReportsPeriod(t *testing.T) {
	u, st := newTestUI(t, "sv")
	org := datatest.Org(t, st, "Fjällbygg AB", "")
	u.selectOrg(org.ID)
	u.WaitIdle()
	u.Show(tabReports)
	u.WaitIdle()
	u.reports.from.SetText("2025-02-01")
	u.reports.to.SetText("2025-05-31")
	u.reports.country.SetValue("NO")
	u.WaitIdle()

	if err := u.SetLanguage("nb"); err != nil {
		t.Fatal(err)
	}
	u.WaitIdle()
	r := u.reports
	if r.period.Value() != periodCustom || r.from.Text != "01.02.2025" || r.to.Text != "31.05.2025" || r.country.Value() != "NO" {
		t.Fatalf("reports after the switch: %q %q–%q country %q", r.period.Value(), r.from.Text, r.to.Text, r.country.Value())
	}
	u.Show(tabOrganisations)
	u.WaitIdle()
	if u.orgs.selected != org.ID || u.orgs.detail.form.name.Text != "Fjällbygg AB" {
		t.Fatalf("selected organisation after the switch: %q, form shows %q", u.orgs.selected, u.orgs.detail.form.name.Text)
	}
}
