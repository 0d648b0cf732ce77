package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/translations"
)

// testReports is the app's funder reports over a test store.
type testReports struct{ st *data.Store }

func (r testReports) Indicators(ctx context.Context, f indicators.Filter) (*indicators.Report, error) {
	return indicators.Compute(ctx, r.st, f)
}

func (r testReports) Export(ctx context.Context, rep *indicators.Report, format, lang, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return export.CSV(f, rep, export.Options{Lang: translations.New(lang)})
}

// figureLink is the period's number shown for an indicator label (a link
// when something lies behind it).
func figureLink(t *testing.T, s *reportsScreen, label string) *widget.Hyperlink {
	t.Helper()
	return figureColumn(t, s, label, 2)
}

// sinceLink is the number since the project's start for an indicator label.
func sinceLink(t *testing.T, s *reportsScreen, label string) *widget.Hyperlink {
	t.Helper()
	return figureColumn(t, s, label, 3)
}

func figureColumn(t *testing.T, s *reportsScreen, label string, col int) *widget.Hyperlink {
	t.Helper()
	objs := s.figures.Objects
	for i := 0; i+3 < len(objs); i += 4 {
		if l, ok := objs[i+1].(*widget.Label); ok && strings.TrimSpace(l.Text) == label {
			if h, ok := objs[i+col].(*widget.Hyperlink); ok {
				return h
			}
			t.Fatalf("indicator %q has no link in column %d: %T", label, col, objs[i+col])
		}
	}
	t.Fatalf("no indicator %q", label)
	return nil
}

func hasFigure(s *reportsScreen, label string) bool {
	objs := s.figures.Objects
	for i := 0; i+3 < len(objs); i += 4 {
		if l, ok := objs[i+1].(*widget.Label); ok && strings.TrimSpace(l.Text) == label {
			return true
		}
	}
	return false
}

func TestReportsScreenShowsIndicatorsChartsAndDrillDown(t *testing.T) {
	u, st := newTestUI(t, "sv")
	u.opt.Reports = testReports{st}
	ctx := u.ctx()
	mk := func(name string, c domain.Country, muni string, emp int, leader domain.LeaderGender) domain.Organisation {
		o := domain.Organisation{Name: name, Country: c, Municipality: muni, Kind: domain.KindSME, Employees: &emp, LeaderGender: leader}
		if err := st.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	se := mk("Strömsunds Snickeri AB", domain.CountrySE, "2313", 8, domain.LeaderWomen)
	no := mk("Meråker Mølle AS", domain.CountryNO, "5034", 30, domain.LeaderMen)
	for _, v := range []domain.Visit{
		{Date: "2026-10-05", OrgIDs: []string{se.ID, no.ID}, Type: domain.VisitWorkshop, Minutes: 180, Women: 4, Men: 2, Advisor: "Anna"},
		{Date: "2026-11-12", OrgIDs: []string{se.ID}, Type: domain.VisitOnSite, Minutes: 60, Women: 1, Advisor: "Anna"},
		{Date: "2026-03-01", OrgIDs: []string{no.ID}, Type: domain.VisitPhone, Minutes: 30, Men: 1, Advisor: "Ola"}, // the other half-year
	} {
		if err := st.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	pilot := domain.JointAction{Kind: domain.JointPilot, Title: "Snickeri och mølle", OrgIDs: []string{se.ID, no.ID},
		Status: domain.JointCompleted, Start: "2026-10-05", Date: "2026-11-30"}
	if err := st.CreateJointAction(ctx, &pilot); err != nil {
		t.Fatal(err)
	}
	coop := domain.JointAction{Kind: domain.JointCooperation, Title: "Avtal", OrgIDs: []string{no.ID, se.ID},
		Status: domain.JointOngoing, Start: "2026-09-01"}
	if err := st.CreateJointAction(ctx, &coop); err != nil {
		t.Fatal(err)
	}
	u.win.Resize(fyne.NewSize(1280, 800))
	u.Show(tabReports)
	u.WaitIdle()
	s := u.reports
	if s.from.Text != "2026-07-01" || s.to.Text != "2026-12-31" {
		t.Fatalf("default period %q – %q, want this half-year", s.from.Text, s.to.Text)
	}
	if got := figureLink(t, s, "Företag som får stöd").Text; got != "2" {
		t.Errorf("RCO01 = %s, want 2", got)
	}
	if got := figureLink(t, s, "varav mikroföretag").Text; got != "1" {
		t.Errorf("micro = %s, want 1", got)
	}
	if !hasFigure(s, "varav okänd storlek") {
		t.Errorf("no line for enterprises of unknown size: %v", visibleTexts(s.figures))
	}
	// Since the project's start (the first visit, 2026-03-01): the same two
	// enterprises, once each, and the three visits.
	if got := sinceLink(t, s, "Företag som får stöd").Text; got != "2" {
		t.Errorf("RCO01 since start = %s, want 2", got)
	}
	if got, period := sinceLink(t, s, "Besök").Text, figureLink(t, s, "Besök").Text; got != "3" || period != "2" {
		t.Errorf("visits since start %s, in the period %s; want 3 and 2", got, period)
	}
	if !shows(s.figures, "Sedan projektstart\n2026-03-01 –") {
		t.Errorf("the column does not say where the project starts: %v", visibleTexts(s.figures))
	}
	cross := figureLink(t, s, "Organisationer som samarbetar över gränsen")
	if cross.Text != "2" {
		t.Errorf("RCO87 = %s, want 2", cross.Text)
	}
	if got := figureLink(t, s, "Gemensamt utvecklade och genomförda pilotinsatser").Text; got != "1" {
		t.Errorf("RCO84 = %s, want 1", got)
	}
	if !hasFigure(s, "Gemensamt utarbetade strategier och handlingsplaner") {
		t.Errorf("no line for RCO83: %v", visibleTexts(s.figures))
	}
	// The workshop of both countries: its organisations were at a cross-border activity.
	atBorder := figureLink(t, s, "Organisationer vid gränsöverskridande aktiviteter (inte RCO87)")
	test.TapAt(atBorder, fyne.NewPos(atBorder.Size().Width-4, atBorder.Size().Height/2))
	if dlg := topOverlay(t, u); !shows(dlg, "1 besök") || !shows(dlg, "2 organisationer") {
		t.Errorf("at cross-border activities: %v", visibleTexts(dlg))
	}
	u.closeFrontDialog()
	// The month chart and the gender shares show the same numbers.
	month := viewOf(s.byMonth)
	if !slices.Contains(month.texts, "okt 2026") || !slices.Contains(month.texts, "nov 2026") || slices.Contains(month.texts, "mar 2026") {
		t.Errorf("visits by month: %v", month.texts)
	}
	if g := viewOf(s.gender); !slices.Contains(g.texts, "Kvinnor 71\u00a0%") {
		t.Errorf("gender shares: %v", g.texts)
	}

	// Drill down from RCO87 to the pilot and its two partners, and open one.
	test.TapAt(cross, fyne.NewPos(cross.Size().Width-4, cross.Size().Height/2)) // on the number
	dlg := topOverlay(t, u)
	for _, want := range []string{"2 gemensamma insatser", "sedan 2026-09-01 · Avtal · Formell samverkan · Pågår · Meråker Mølle AS, Strömsunds Snickeri AB", "2026-11-30 · Snickeri och mølle · Pilot · Genomförd · Meråker Mølle AS, Strömsunds Snickeri AB",
		"2 organisationer", "Strömsunds Snickeri AB", "Meråker Mølle AS"} {
		if !shows(dlg, want) {
			t.Errorf("the drill-down lacks %q: %v", want, visibleTexts(dlg))
		}
	}
	var open *widget.Button
	walk(dlg, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Meråker Mølle AS") {
			open = b
		}
	})
	test.Tap(open)
	u.WaitIdle()
	if u.tabs.SelectedIndex() != tabOrganisations || u.orgs.selected != no.ID {
		t.Error("tapping an organisation does not open it")
	}

	u.Show(tabReports)
	// The lead sets the project's start: the phone call in March is
	// before it, and the start is kept for the next time.
	typeInto(u, s.projectStart, "2026-06-01")
	u.WaitIdle()
	if got := sinceLink(t, s, "Besök").Text; got != "2" {
		t.Errorf("visits since 2026-06-01 = %s, want 2", got)
	}
	if got := u.opt.Prefs.ProjectStart(); got != "2026-06-01" {
		t.Errorf("kept project start %q", got)
	}
	typeInto(u, s.projectStart, "")
	u.WaitIdle()

	// Last half-year: only the phone call.
	s.period.SetValue(periodLastHalf)
	u.WaitIdle()
	if got := figureLink(t, s, "Företag som får stöd").Text; got != "1" {
		t.Errorf("RCO01 in the previous half-year = %s, want 1", got)
	}
	// A bad date is named and changes nothing.
	typeInto(u, s.from, "31 feb")
	u.WaitIdle()
	if !strings.Contains(s.status.Text, "Från") {
		t.Errorf("status on a bad date: %q", s.status.Text)
	}
	path := filepath.Join(t.TempDir(), "r.csv")
	if err := u.opt.Reports.Export(ctx, s.report, "csv", "sv", path); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "\ufeff") {
		t.Error("the CSV has no byte-order mark")
	}
}

// The full report reads every visit of the period: it is computed when the
// Reports screen shows, not at start-up behind another screen.
func TestReportsAreComputedOnlyWhenShown(t *testing.T) {
	u, st := newTestUI(t, "en")
	u.opt.Reports = testReports{st}
	u.build(tabToday)
	u.WaitIdle()
	if u.reports.report != nil {
		t.Fatal("the report was computed behind the Today screen")
	}
	u.Show(tabReports)
	u.WaitIdle()
	if u.reports.report == nil {
		t.Fatal("the report was not computed when its screen showed")
	}
}

// The monthly chart and the gender shares follow each language's
// conventions: "Jul 2026" and "49%" in English, "jul 2026" and "49 %" in
// Swedish and Norwegian.
func TestChartLabelsFollowTheLanguage(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"Jul 2026", "49%"}, "sv": {"jul 2026", "49\u00a0%"}, "nb": {"jul 2026", "49\u00a0%"},
	} {
		tr := translations.New(lang)
		if got := monthLabel(tr, "2026-07"); got != want[0] {
			t.Errorf("%s month: %q, want %q", lang, got, want[0])
		}
		if got := tr.Percent(49); got != want[1] {
			t.Errorf("%s percent: %q, want %q", lang, got, want[1])
		}
	}
}
