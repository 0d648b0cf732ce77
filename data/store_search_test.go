package data_test

// Searching organisations: fields, filters, sort orders and visit notes.

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestSearchOrganisations(t *testing.T) {
	s, _ := datatest.Open(t)
	glas := domain.Organisation{Name: "Åre Glasbruk AB", OrgNr: "5560360793", Municipality: "2321", Sector: "C", Employees: ptr(4)}
	if err := s.CreateOrganisation(ctx, &glas); err != nil {
		t.Fatal(err)
	}
	ost := domain.Organisation{Name: "Røros Ysteri AS", OrgNr: "988077917", Municipality: "5025", Sector: "C", Kind: domain.KindStartup}
	if err := s.CreateOrganisation(ctx, &ost); err != nil {
		t.Fatal(err)
	}
	datatest.Visit(t, s, "2026-10-01", "Diskuterade solpaneler på taket", ost.ID)
	names := func(q data.OrgQuery) string {
		rows, err := s.SearchOrganisations(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, r := range rows {
			n = append(n, r.Name)
		}
		// The screen's paged list finds the same, in the same order.
		l, err := s.ListOrganisations(ctx, q, 1)
		if err != nil {
			t.Fatal(err)
		}
		rest, err := s.OrgRows(ctx, l.IDs[min(1, len(l.IDs)):])
		if err != nil {
			t.Fatal(err)
		}
		var paged []string
		for _, r := range append(l.Rows, rest...) {
			paged = append(paged, r.Name)
		}
		if strings.Join(paged, "|") != strings.Join(n, "|") || len(l.IDs) != len(rows) {
			t.Errorf("%+v: paged list %q (%d ids), whole list %q", q, paged, len(l.IDs), n)
		}
		return strings.Join(n, "|")
	}
	for _, c := range []struct {
		q    data.OrgQuery
		want string
	}{
		{data.OrgQuery{Lang: "en"}, "Åre Glasbruk AB|Røros Ysteri AS"},
		{data.OrgQuery{Lang: "sv"}, "Røros Ysteri AS|Åre Glasbruk AB"},
		{data.OrgQuery{Lang: "nb", Desc: true}, "Åre Glasbruk AB|Røros Ysteri AS"},
		{data.OrgQuery{Text: "glas"}, "Åre Glasbruk AB"},
		{data.OrgQuery{Text: "are"}, "Åre Glasbruk AB"},
		{data.OrgQuery{Text: "556036-0793"}, "Åre Glasbruk AB"},
		{data.OrgQuery{Text: "988 077"}, "Røros Ysteri AS"},
		{data.OrgQuery{Text: "solpanel"}, "Røros Ysteri AS"},
		{data.OrgQuery{Text: `"AND OR NEAR(`}, ""},
		{data.OrgQuery{Country: domain.CountryNO}, "Røros Ysteri AS"},
		{data.OrgQuery{County: "23"}, "Åre Glasbruk AB"},
		{data.OrgQuery{Size: data.SizeFilterUnknown}, "Røros Ysteri AS"},
		{data.OrgQuery{Size: "micro"}, "Åre Glasbruk AB"},
		{data.OrgQuery{Kind: domain.KindStartup}, "Røros Ysteri AS"},
		{data.OrgQuery{Sort: data.SortByLastVisit, Desc: true}, "Røros Ysteri AS|Åre Glasbruk AB"},
	} {
		if got := names(c.q); got != c.want {
			t.Errorf("%+v: got %q want %q", c.q, got, c.want)
		}
	}
	// A name match comes before a match in visit notes.
	kontor := domain.Organisation{Name: "Aa Kontor AB", Municipality: "2321"}
	if err := s.CreateOrganisation(ctx, &kontor); err != nil {
		t.Fatal(err)
	}
	datatest.Visit(t, s, "2026-10-02", "Besök på Röros ysteri", kontor.ID)
	if got := names(data.OrgQuery{Text: "ysteri", Lang: "sv"}); got != "Røros Ysteri AS|Aa Kontor AB" {
		t.Errorf("name matches first: %q", got)
	}
	if got := names(data.OrgQuery{Text: "ys", Lang: "sv"}); got != "Røros Ysteri AS|Aa Kontor AB" {
		t.Errorf("name matches first, a short word: %q", got)
	}
	// "Røros" also finds the visit note that spelled it "Röros" (folded
	// alike), after the name match.
	rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{Text: "Røros"})
	if len(rows) != 2 || rows[0].Name != "Røros Ysteri AS" || rows[0].LastVisit != "2026-10-01" || rows[0].Visits != 1 {
		t.Fatalf("row stats: %+v", rows)
	}
	if err := s.DeleteOrganisation(ctx, glas.ID); err != nil {
		t.Fatal(err)
	}
	if got := names(data.OrgQuery{Text: "glas"}); got != "" {
		t.Fatalf("deleted organisation found: %q", got)
	}
}

func TestSearchByVisitNotesFollowsEditsDeletesAndLateOrganisations(t *testing.T) {
	src, _ := datatest.Open(t)
	o := datatest.Org(t, src, "Grong Gardsmat AS", "")
	v := datatest.Visit(t, src, "2026-11-10", "Snakket om vakuumpakking", o.ID)
	changes, _ := src.Changes(ctx, "", 0, 0)

	// Another device receives the visit before the organisation.
	dst, _ := datatest.Open(t)
	var orgChanges, visitChanges []changelog.Change
	for _, c := range changes {
		if c.Entity == domain.EntityOrganisation {
			orgChanges = append(orgChanges, c)
		} else {
			visitChanges = append(visitChanges, c)
		}
	}
	for _, batch := range [][]changelog.Change{visitChanges, orgChanges} {
		if _, err := datatest.ImportChanges(ctx, dst, batch); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*data.Store{src, dst} {
		if rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{Text: "vakuum"}); len(rows) != 1 || rows[0].Visits != 1 {
			t.Fatalf("visit notes not searchable: %+v", rows)
		}
	}
	v.Notes = "Snakket om etiketter"
	if err := src.UpdateVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	if rows, _ := src.SearchOrganisations(ctx, data.OrgQuery{Text: "vakuum"}); len(rows) != 0 {
		t.Fatal("old notes still found")
	}
	if rows, _ := src.SearchOrganisations(ctx, data.OrgQuery{Text: "etikett"}); len(rows) != 1 {
		t.Fatal("new notes not found")
	}
	if err := src.DeleteVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := src.SearchOrganisations(ctx, data.OrgQuery{Text: "etikett"}); len(rows) != 0 {
		t.Fatal("a deleted visit's notes still find the organisation")
	}
}

// OrgRows reads a page of the list in the order asked, leaving out an
// organisation deleted since its id was listed.
func TestOrgRowsKeepTheListOrder(t *testing.T) {
	s, _ := datatest.Open(t)
	var ids []string
	for _, name := range []string{"Berg AB", "Alm AB", "Ceder AB"} {
		o := domain.Organisation{Name: name, Municipality: "2321"}
		if err := s.CreateOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	if err := s.DeleteOrganisation(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	rows, err := s.OrgRows(ctx, []string{ids[2], ids[1], ids[0], "no-such-id"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Name != "Ceder AB" || rows[1].Name != "Berg AB" {
		t.Fatalf("rows %+v", rows)
	}
}

// A word inside a compound is found in notes and visit notes too, through
// the vocabulary of their word indexes, once it is read (PrepareSearch);
// a word written later is found after the next PrepareSearch.
func TestWordsInsideCompoundsAreFoundInNotes(t *testing.T) {
	s, _ := datatest.Open(t)
	kvarn := domain.Organisation{Name: "Krokoms Kvarn AB", Municipality: "2309", Notes: "Tillverkar takbalkar i gran"}
	fisk := domain.Organisation{Name: "Leka Laks AS", Municipality: "5052"}
	for _, o := range []*domain.Organisation{&kvarn, &fisk} {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	datatest.Visit(t, s, "2026-03-14", "Offert på limträbalkar till hallen", fisk.ID)
	names := func(text string) string {
		l, err := s.ListOrganisations(ctx, data.OrgQuery{Text: text, Lang: "sv"}, 10)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, r := range l.Rows {
			n = append(n, r.Name)
		}
		return strings.Join(n, "|")
	}
	if got := names("limtra"); got != "Leka Laks AS" {
		t.Fatalf("from a word's start, before the vocabulary is read: %q", got)
	}
	if err := s.PrepareSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if got := names("balkar"); got != "Krokoms Kvarn AB|Leka Laks AS" {
		t.Fatalf("inside compounds in notes and visit notes: %q", got)
	}
	if got := names("balkar gran"); got != "Krokoms Kvarn AB" {
		t.Fatalf("with a second word: %q", got)
	}
	vs, err := s.Visits(ctx, data.VisitQuery{Text: "träbalk"})
	if err != nil || len(vs) != 1 {
		t.Fatalf("the visit list: %d visits, %v", len(vs), err)
	}
	why, _ := s.OrgMatches(ctx, "balkar", []string{fisk.ID})
	if m := why[fisk.ID]; m.Field != data.MatchVisitNotes || len(m.Hits) != 1 || m.Excerpt[m.Hits[0].Start:m.Hits[0].End] != "balkar" {
		t.Fatalf("why Leka Laks was found: %+v", m)
	}
	// A word written later is found once the vocabulary is read again.
	datatest.Visit(t, s, "2026-03-20", "Diskuterade solcellsparken", kvarn.ID)
	if err := s.PrepareSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if got := names("parken"); got != "Krokoms Kvarn AB" {
		t.Fatalf("a word written after the first read: %q", got)
	}
}
