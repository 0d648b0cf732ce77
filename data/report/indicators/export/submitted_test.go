package export_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/translations"
)

// submittedReport: one enterprise visited, the half-year submitted, then a
// second one visited and the first deleted.
func submittedReport(t *testing.T) *indicators.Report {
	t.Helper()
	ctx := context.Background()
	s, _ := datatest.Open(t)
	mk := func(name string) string {
		o := domain.Organisation{Name: name, Country: domain.CountrySE, Municipality: "2321", Kind: domain.KindSME}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		v := domain.Visit{Date: "2026-03-02", OrgIDs: []string{o.ID}, Minutes: 60}
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	first := mk("Åre Smörbröd AB")
	if _, _, err := indicators.Submit(ctx, s, "2026-01-01", "2026-06-30", "", "Lena Lead", "Peak Innovation", ""); err != nil {
		t.Fatal(err)
	}
	mk("Östersunds Ölhall AB")
	if err := s.DeleteOrganisation(ctx, first); err != nil {
		t.Fatal(err)
	}
	r, err := indicators.Compute(ctx, s, indicators.Filter{From: "2026-01-01", To: "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Submitted, err = indicators.CompareSubmitted(ctx, s, r); err != nil || r.Submitted == nil {
		t.Fatal(err)
	}
	return r
}

// Every format lists the differences since the submission, record by
// record, with why.
func TestExportsListTheChangesSinceSubmission(t *testing.T) {
	r := submittedReport(t)
	var csv bytes.Buffer
	if err := export.CSV(&csv, r, export.Options{Lang: translations.New("sv")}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Ändringar sedan inlämningen: Inlämnad", "Lena Lead (Peak Innovation)",
		"Indikator eller post;Inlämnat;Nu;Ändring eller varför", "Företag som får stöd;1;1;±0",
		"+ Östersunds Ölhall AB (organisation);;;registrerad efter inlämningen",
		"− Åre Smörbröd AB (organisation);;;borttagen efter inlämningen"} {
		if !strings.Contains(csv.String(), want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv.String())
		}
	}

	var xlsx bytes.Buffer
	if err := export.XLSX(&xlsx, r, export.Options{Lang: translations.New("nb")}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Siden innlevering")
	if err != nil {
		t.Fatalf("no sheet of the changes: %v (%q)", err, f.GetSheetList())
	}
	var all []string
	for _, row := range rows {
		all = append(all, strings.Join(row, "|"))
	}
	if text := strings.Join(all, "\n"); !strings.Contains(text, "Foretak som får støtte|1|1|±0") ||
		!strings.Contains(text, "− Åre Smörbröd AB (organisasjon)|||slettet etter innleveringen") {
		t.Errorf("the sheet:\n%s", text)
	}

	var pdf bytes.Buffer
	if err := export.PDF(&pdf, r, export.Options{Lang: translations.New("en")}); err != nil {
		t.Fatal(err)
	}
	text := pdfdoctest.Text(t, pdf.Bytes())
	for _, want := range []string{"Changes since the submission", "recorded after the submission", "Östersunds Ölhall AB"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
}
