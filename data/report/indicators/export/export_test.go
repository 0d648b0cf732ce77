package export_test

import (
	"bytes"
	"context"
	"slices"
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

// report builds a small report: a Swedish micro enterprise (Åre) and a
// Norwegian one without employee count (Røros) at a cross-border workshop,
// plus a visit of 45 minutes to the Swedish one; before the period, 30
// minutes with a municipality (in the figures since the project's start).
func report(t *testing.T) *indicators.Report {
	t.Helper()
	ctx := context.Background()
	s, _ := datatest.Open(t)
	five := 5
	se := domain.Organisation{Name: "Åre Smörbröd AB", Country: domain.CountrySE, Municipality: "2321", Sector: "I",
		Kind: domain.KindSME, Employees: &five, LeaderGender: domain.LeaderWomen}
	no := domain.Organisation{Name: "Røros Øl AS", Country: domain.CountryNO, Municipality: "5025", Sector: "C", Kind: domain.KindStartup}
	muni := domain.Organisation{Name: "Krokoms kommun", Country: domain.CountrySE, Municipality: "2309", Kind: domain.KindMunicipality}
	for _, o := range []*domain.Organisation{&se, &no, &muni} {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []domain.Visit{
		{Date: "2026-03-02", OrgIDs: []string{se.ID, no.ID}, Type: domain.VisitWorkshop, Minutes: 120, Advisor: "Kari Nordmann",
			Women: 4, Men: 3, Phase: domain.PhasePilot},
		{Date: "2026-04-10", OrgIDs: []string{se.ID}, Type: domain.VisitOnSite, Minutes: 45, Advisor: "Anna Svensson", Women: 1},
		{Date: "2025-11-05", OrgIDs: []string{muni.ID}, Type: domain.VisitOnSite, Minutes: 30, Advisor: "Anna Svensson"},
	} {
		if err := s.CreateVisit(ctx, &v); err != nil {
			t.Fatal(err)
		}
	}
	// The two enterprises' pilot, completed in the period: RCO84 and RCO87.
	pilot := domain.JointAction{Kind: domain.JointPilot, Title: "Smörbröd och öl", OrgIDs: []string{se.ID, no.ID},
		Status: domain.JointCompleted, Start: "2026-03-02", Date: "2026-05-29"}
	if err := s.CreateJointAction(ctx, &pilot); err != nil {
		t.Fatal(err)
	}
	r, err := indicators.Compute(ctx, s, indicators.Filter{From: "2026-01-01", To: "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestXLSX(t *testing.T) {
	r := report(t)
	var buf bytes.Buffer
	if err := export.XLSX(&buf, r, export.Options{Lang: translations.New("sv")}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != 18 || sheets[0] != "Indikatorer" || sheets[len(sheets)-1] != "Besök (rådata)" {
		t.Fatalf("sheets %q", sheets)
	}
	for _, name := range []string{"Per partner", "Per sida", "Stöd per ledning"} {
		if !slices.Contains(sheets, name) {
			t.Errorf("no sheet %q: %q", name, sheets)
		}
	}
	if !strings.Contains(strings.Join(sheets, "|"), "Län-fylke") {
		t.Errorf("the county sheet keeps a name Excel accepts: %q", sheets)
	}
	cells := map[string]string{"A1": "Kod", "B1": "Indikator", "C1": "Värde", "A2": "RCO01", "B2": "Företag som får stöd", "C2": "2",
		"B3": "varav mikroföretag", "C3": "1", "B7": "varav okänd storlek", "C7": "1", "A9": "RCO81", "C9": "7",
		"A10": "RCO83", "B10": "Gemensamt utarbetade strategier och handlingsplaner", "C10": "0", "A11": "RCO84", "C11": "1",
		"A12": "RCO87", "C12": "2", "D12": "2", "B13": "Organisationer vid gränsöverskridande aktiviteter (inte RCO87)", "C13": "2",
		"D1": "Sedan projektstart (2025-11-05)", "D2": "2", "B14": "Organisationer som nåtts", "C14": "2", "D14": "3"}
	for cell, want := range cells {
		if got, _ := f.GetCellValue("Indikatorer", cell); got != want {
			t.Errorf("Indikatorer!%s = %q, want %q", cell, got, want)
		}
	}
	// Bold, frozen header and set widths on every sheet.
	for _, sh := range sheets {
		id, _ := f.GetCellStyle(sh, "A1")
		st, _ := f.GetStyle(id)
		if st == nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("%s: header not bold", sh)
		}
		panes, _ := f.GetPanes(sh)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", sh, panes)
		}
		if w, _ := f.GetColWidth(sh, "A"); w < 9 {
			t.Errorf("%s: column A width %v", sh, w)
		}
	}
	rows, _ := f.GetRows("Besök (rådata)")
	if len(rows) != 3 || rows[0][1] != "Datum" || rows[1][1] != "2026-03-02" || rows[1][2] != "Røros Øl AS; Åre Smörbröd AB" && rows[1][2] != "Åre Smörbröd AB; Røros Øl AS" {
		t.Errorf("raw rows %q", rows)
	}
	if rows[1][3] != "NO, SE" || rows[1][13] != "Ja" || rows[2][13] != "Nej" {
		t.Errorf("raw countries/cross-border %q / %q", rows[1], rows[2])
	}
	// Hours are numbers with two decimals: 165 minutes = 2.75 h.
	idx := -1
	for i, sh := range sheets {
		if sh == "Kommun" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("no municipality sheet in %q", sheets)
	}
	rows, _ = f.GetRows("Kommun", excelize.Options{RawCellValue: true})
	if len(rows) != 3 || rows[1][0] != "Röros" && rows[1][0] != "Åre" {
		t.Errorf("Kommun rows %q", rows)
	}
}

func TestCSVInEachLanguage(t *testing.T) {
	r := report(t)
	for _, tc := range []struct{ lang, header, hours string }{
		{"sv", "Period: 2026-01-01 – 2026-06-30\r\n\r\nKod;Indikator;Värde;Sedan projektstart (2025-11-05)\r\n", "Rådgivartimmar;2,75;3,25\r\n"},
		{"nb", "Periode: 01.01.2026 – 30.06.2026\r\n\r\nKode;Indikator;Verdi;Siden prosjektstart (05.11.2025)\r\n", "Rådgivertimer;2,75;3,25\r\n"},
		{"en", "Period: 1 Jan 2026 – 30 Jun 2026\r\n\r\nCode,Indicator,Value,Since project start (5 Nov 2025)\r\n", "Advisor hours,2.75,3.25\r\n"},
	} {
		var buf bytes.Buffer
		if err := export.CSV(&buf, r, export.Options{Lang: translations.New(tc.lang)}); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
			t.Errorf("%s: no UTF-8 byte-order mark: % x", tc.lang, b[:3])
		}
		s := string(b[3:])
		if !strings.HasPrefix(s, tc.header) || !strings.Contains(s, tc.hours) {
			t.Errorf("%s CSV:\n%s", tc.lang, s)
		}
	}
	var buf bytes.Buffer
	export.CSV(&buf, r, export.Options{Lang: translations.New("sv")})
	for _, line := range []string{"RCO01;Företag som får stöd;2;2\r\n", "RCO83;Gemensamt utarbetade strategier och handlingsplaner;0;0\r\n",
		"RCO84;Gemensamt utvecklade och genomförda pilotinsatser;1;1\r\n", "RCO87;Organisationer som samarbetar över gränsen;2;2\r\n"} {
		if !strings.Contains(buf.String(), line) {
			t.Errorf("sv CSV lacks the line %q:\n%s", line, buf.String())
		}
	}
}

// A CSV of a selection says so on its first line, as the PDF does: a file
// pasted into the funder's system weeks later still says what it counts.
func TestCSVSaysWhichSelectionItCovers(t *testing.T) {
	r := report(t)
	r.Filter.Country = domain.CountryNO
	r.Filter.Advisor = "Kari Nordmann"
	var buf bytes.Buffer
	if err := export.CSV(&buf, r, export.Options{Lang: translations.New("nb")}); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(buf.String(), "\ufeff"), "\r\n")
	if want := "Periode: 01.01.2026 – 30.06.2026;Utvalg: Land: Norge · Rådgiver: Kari Nordmann"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
}

func TestPDFInTheChosenLanguage(t *testing.T) {
	r := report(t)
	r.Filter.Advisor = "Kari Nordmann" // the joint actions' figures say they are not per advisor
	var buf bytes.Buffer
	if err := export.PDF(&buf, r, export.Options{Lang: translations.New("nb")}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	text := pdfdoctest.Text(t, buf.Bytes())
	for _, want := range []string{"Indikatorer for finansiører", "Periode: 01.01.2026 – 30.06.2026", "Foretak som får støtte",
		"Organisasjoner som samarbeider over grensen", "Deltakere etter kjønn", "Besøk og rådgivertimer per kommune",
		"Røros", "Bærekraftsmål som berøres (Agenda 2030)", "side 1 av", "Felles utarbeidede strategier og handlingsplaner",
		"som ikke registreres per rådgiver"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}
