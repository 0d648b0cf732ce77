package client_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/data/report/client"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/translations"
)

const (
	orgName    = "Åsa-Östra Äppelmusteri AB"
	visitNotes = "Gick igenom kundintervjuerna från Östersund; två kedjor vill prova musten."
	actionText = "Boka tre kundintervjuer med dagligvaruhandeln"
	today      = "2026-11-27"
)

// fixture is an organisation with demo-like data: visits, three finished
// assessments of innovation readiness with targets, a canvas, Agenda 2030
// and open actions, one linked to a dimension.
type fixture struct {
	st    *data.Store
	lib   *models.Library
	org   domain.Organisation
	irl   *models.Model
	draft string // a visit note only a draft assessment would show
}

func level(n int) *int { return &n }

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, _ := datatest.Open(t)
	lib, errs := models.Load(assets.Models)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	f := &fixture{st: st, lib: lib}
	f.org = datatest.Org(t, st, orgName, "556036-0793")
	f.org.Country, f.org.Municipality, f.org.Sector, f.org.Kind = domain.CountrySE, "2380", "C", domain.KindSME
	f.org.Employees = level(12)
	f.org.Notes = "Familjeföretag som pressar must av äpplen från Storsjöbygden."
	if err := st.UpdateOrganisation(ctx, &f.org); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateContact(ctx, &domain.Contact{OrgID: f.org.ID, Name: "Märta Ödlund", Role: "VD"}); err != nil {
		t.Fatal(err)
	}
	datatest.Visit(t, st, "2026-01-15", "Första mötet: kartläggning av idén.", f.org.ID)
	datatest.Visit(t, st, "2026-05-12", visitNotes, f.org.ID)
	datatest.Visit(t, st, "2026-10-01", strings.Repeat("Långa anteckningar om prototypen. ", 40), f.org.ID)

	var ok bool
	if f.irl, ok = lib.Latest("innovation-readiness"); !ok {
		t.Fatal("innovation-readiness not bundled")
	}
	scale := func(date string, levels map[string]int, targets map[string][2]any) {
		a := domain.Assessment{OrgID: f.org.ID, ModelID: f.irl.ID, ModelVersion: f.irl.Version, Date: date, Status: domain.AssessmentDone}
		for _, d := range f.irl.Dimensions {
			ans := domain.Answer{Dimension: d.ID, Level: level(levels[d.ID])}
			if tg, ok := targets[d.ID]; ok {
				ans.Target, ans.TargetDue = level(tg[0].(int)), tg[1].(string)
			}
			a.Answers = append(a.Answers, ans)
		}
		if err := st.SaveAssessment(ctx, &a, f.irl); err != nil {
			t.Fatal(err)
		}
	}
	scale("2026-01-15", map[string]int{"customer": 2, "technology": 3, "business-model": 2, "ipr": 1, "team": 3, "funding": 2}, nil)
	scale("2026-05-12", map[string]int{"customer": 3, "technology": 4, "business-model": 3, "ipr": 2, "team": 3, "funding": 2}, nil)
	scale("2026-10-01", map[string]int{"customer": 4, "technology": 5, "business-model": 4, "ipr": 2, "team": 4, "funding": 3},
		map[string][2]any{"customer": {7, "2027-06-30"}, "team": {5, "2026-09-30"}, "technology": {5, "2026-12-31"}})

	save := func(id string, answers []domain.Answer) {
		m, _ := lib.Latest(id)
		a := domain.Assessment{OrgID: f.org.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-10-01",
			Status: domain.AssessmentDone, Answers: answers}
		if err := st.SaveAssessment(ctx, &a, m); err != nil {
			t.Fatal(err)
		}
	}
	save("business-model-canvas", []domain.Answer{
		{Dimension: "customer-segments", Text: "Dagligvarubutiker i Jämtland och Trøndelag"},
		{Dimension: "value-propositions", Text: "Närproducerad must utan tillsatser"}})
	save("agenda-2030", []domain.Answer{
		{Dimension: "sdg-7", Applies: true, Comment: "Solceller på presseriets tak"},
		{Dimension: "sdg-12", Applies: true, Comment: "Fallfrukt tas till vara"},
		{Dimension: "sdg-1", Applies: false, Comment: "Inte aktuellt"}})

	// Technology readiness has one dimension: no radar, still its levels.
	trl, _ := lib.Latest("technology-readiness")
	for i, date := range []string{"2026-02-01", "2026-09-01"} {
		a := domain.Assessment{OrgID: f.org.ID, ModelID: trl.ID, ModelVersion: trl.Version, Date: date, Status: domain.AssessmentDone,
			Answers: []domain.Answer{{Dimension: trl.Dimensions[0].ID, Level: level(3 + 2*i)}}}
		if err := st.SaveAssessment(ctx, &a, trl); err != nil {
			t.Fatal(err)
		}
	}

	// A draft is not a result: its comment must not reach the client.
	f.draft = "UTKAST-SKA-INTE-SYNAS"
	m, _ := lib.Latest("pestel")
	d := domain.Assessment{OrgID: f.org.ID, ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-01",
		Status: domain.AssessmentDraft, Comment: f.draft}
	if err := st.SaveAssessment(ctx, &d, m); err != nil {
		t.Fatal(err)
	}

	for _, a := range []domain.Action{
		{OrgID: f.org.ID, Text: actionText, Due: "2026-12-15", Owner: "Märta Ödlund", ModelID: f.irl.ID, Dimension: "customer"},
		{OrgID: f.org.ID, Text: "Skicka offert på etiketter", Due: "2026-11-01", Owner: "Kalle"},
		{OrgID: f.org.ID, Text: "Redan klar", Done: "2026-10-02"},
	} {
		if err := st.CreateAction(ctx, &a); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// write renders the fixture's report in lang and returns the PDF.
func (f *fixture) write(t *testing.T, lang string) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	pages, err := client.Write(context.Background(), &buf, f.st, f.lib, f.org.ID, translations.New(lang),
		client.Options{Today: today, Advisor: "Anna Rådgivare"})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 1 || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("%d pages, %d bytes: not a PDF", pages, buf.Len())
	}
	// ILSA_CLIENT_PDF_DIR keeps the PDFs for looking at them.
	if dir := os.Getenv("ILSA_CLIENT_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "client-"+lang+".pdf"), buf.Bytes(), 0o644)
	}
	return buf.Bytes(), pages
}

// pdfText is the text pdftotext extracts, with runs of white space made one
// space (table cells wrap).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(pdfdoctest.Text(t, pdf)), " ")
}

func TestReportInEachLanguage(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"sv", []string{"Kundrapport", "Kund/Behov", "Affärsmodell", "Besök", "Nästa steg", "Öppna åtgärder", "Mål",
			"556036-0793", "Östersund", "Tillverkning", "2026-11-27", "Anna Rådgivare", "Märta Ödlund",
			"2027-06-30", "Försenat", "Uppnått", "Kopplad till", "Innovationsmognad (IRL): Kund/Behov",
			"Dagligvarubutiker i Jämtland och Trøndelag", "7. Hållbar energi för alla", "Solceller på presseriets tak",
			"Sida 1 av ", "Modellerna i rapporten:", "Upphov: Alexander Osterwalder, Strategyzer AG. Licens: CC BY-SA 3.0",
			"Texterna är bearbetade och översatta av ILSA-projektet"}},
		{"nb", []string{"Kunderapport", "Kunde/Behov", "Forretningsmodell", "Besøk", "Neste steg", "Åpne tiltak", "Mål",
			"27.11.2026", "30.06.2027", "Forsinket", "Nådd", "Innovasjonsmodenhet (IRL): Kunde/Behov", "Side 1 av ",
			"Modellene i rapporten:", "Opphav: KTH Innovation, KTH Royal Institute of Technology"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			pdf, pages := f.write(t, tc.lang)
			text := pdfText(t, pdf)
			ipr, _ := f.irl.Dimension("ipr")
			next, _ := ipr.Level(3)
			want := append([]string{orgName, visitNotes, actionText, "Skicka offert på etiketter",
				next.Text.In(tc.lang), f.irl.Name.In(tc.lang)}, tc.want...)
			for _, d := range f.irl.Dimensions {
				want = append(want, d.Name.In(tc.lang))
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("%s report lacks %q", tc.lang, w)
				}
			}
			for _, not := range []string{f.draft, "Redan klar", "Inte aktuellt", "report.client."} {
				if strings.Contains(text, not) {
					t.Errorf("%s report shows %q", tc.lang, not)
				}
			}
			// The long visit notes are shortened with an ellipsis.
			if n := strings.Count(text, "Långa anteckningar om prototypen."); n == 0 || n >= 40 || !strings.Contains(text, "…") {
				t.Errorf("long notes not shortened: %d repetitions", n)
			}
			if !strings.Contains(text, " av "+strconv.Itoa(pages)) {
				t.Errorf("footer lacks the page count %d", pages)
			}
		})
	}
}

// The same data and date give the same bytes.
func TestReportIsDeterministic(t *testing.T) {
	f := newFixture(t)
	a, _ := f.write(t, "en")
	b, _ := f.write(t, "en")
	if !bytes.Equal(a, b) {
		t.Error("two runs on the same data gave different PDFs")
	}
}

func TestUnknownOrganisationWritesNothing(t *testing.T) {
	f := newFixture(t)
	var buf bytes.Buffer
	_, err := client.Write(context.Background(), &buf, f.st, f.lib, "no-such-org", translations.New("sv"), client.Options{Today: today})
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want a *data.NotFoundError", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes for an unknown organisation", buf.Len())
	}
}

// An organisation with nothing recorded still gets a tidy report.
func TestReportOfANewOrganisation(t *testing.T) {
	st, _ := datatest.Open(t)
	lib, _ := models.Load(assets.Models)
	o := datatest.Org(t, st, "Ny Kund AS", "")
	var buf bytes.Buffer
	pages, err := client.Write(context.Background(), &buf, st, lib, o.ID, translations.New("nb"), client.Options{Today: today})
	if err != nil || pages != 1 {
		t.Fatalf("pages %d, err %v", pages, err)
	}
	text := pdfText(t, buf.Bytes())
	for _, w := range []string{"Ny Kund AS", "Ingen besøk registrert ennå.", "Ingen fullførte vurderinger ennå.", "Ingen åpne tiltak."} {
		if !strings.Contains(text, w) {
			t.Errorf("report lacks %q:\n%s", w, text)
		}
	}
}

// A visit type longer than its column's default width prints whole: lines
// break between words, and the column is as wide as the longest type.
func TestVisitTypesPrintWhole(t *testing.T) {
	f := newFixture(t)
	v := datatest.Visit(t, f.st, "2026-11-02", "Messe på Stjørdal.", f.org.ID)
	v.Type = domain.VisitEvent
	if err := f.st.UpdateVisit(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	pdf, _ := f.write(t, "nb")
	if text := pdfText(t, pdf); !strings.Contains(text, "Arrangement") {
		t.Errorf("nb report lacks \"Arrangement\" in one piece:\n%s", text)
	}
}
