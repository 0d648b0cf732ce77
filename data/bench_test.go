package data_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The speed budgets of the store, checked by these benchmarks (never by
// tests, whose timing depends on the machine's neighbours), so search keeps
// up with typing and a save never makes the form wait:
//   search over 10,000 organisations and 100,000 visits < 50 ms
//   a single edit committed < 5 ms
// Run: make bench BENCH='Search|Edit|CreateVisit'

// copyDB copies the big database so a benchmark may write to it.
func copyDB(b *testing.B, src string) string {
	dst := filepath.Join(b.TempDir(), data.DBFileName)
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	out.Close()
	return dst
}

// orgSearchCases are the organisation searches both search benchmarks time.
var orgSearchCases = []struct {
	name string
	q    data.OrgQuery
}{
	{"word", data.OrgQuery{Text: "fjäll", Lang: "sv"}},
	{"prefix", data.OrgQuery{Text: "bry", Lang: "sv"}},
	{"visit_notes", data.OrgQuery{Text: "patentsøknad", Lang: "nb"}},
	{"visit_notes_own_text_first", data.OrgQuery{Text: "patentsøknad", Lang: "nb", OwnText: true}},
	{"infix", data.OrgQuery{Text: "bryggeri", Lang: "sv"}},
	{"infix_own_text_first", data.OrgQuery{Text: "bryggeri", Lang: "sv", OwnText: true}},
	{"orgnr", data.OrgQuery{Text: "5560", Lang: "sv"}},
	{"filter_county", data.OrgQuery{County: "50", Size: "small", Lang: "nb"}},
	{"all_10k_sorted", data.OrgQuery{Lang: "sv"}},
	{"infix_visit_notes", data.OrgQuery{Text: "soknad", Lang: "nb"}}, // inside "patentsøknad", through the vocabulary
}

// BenchmarkSearch: whole rows of every match, as the command line and the
// pickers read them.
func BenchmarkSearch(b *testing.B) {
	s, err := data.Open(datatest.BigDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.PrepareSearch(context.Background()); err != nil {
		b.Fatal(err)
	}
	for _, c := range orgSearchCases {
		b.Run(c.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				rows, err := s.SearchOrganisations(context.Background(), c.q)
				if err != nil {
					b.Fatal(err)
				}
				n = len(rows)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

// BenchmarkOrgList: the Organisations screen's answer to a search, every
// match's id in list order and the rows of the first screenful (the budget:
// < 50 ms on 10,000 organisations and 100,000 visits).
func BenchmarkOrgList(b *testing.B) {
	s, err := data.Open(datatest.BigDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.PrepareSearch(context.Background()); err != nil {
		b.Fatal(err)
	}
	const firstPage = 60 // as ui's orgRowsPage
	for _, c := range orgSearchCases {
		b.Run(c.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				l, err := s.ListOrganisations(context.Background(), c.q, firstPage)
				if err != nil {
					b.Fatal(err)
				}
				n = len(l.IDs)
			}
			b.ReportMetric(float64(n), "rows")
		})
	}
}

// BenchmarkSearchWithReasons: a search, then why each of the first rows a
// list shows (orgListPage) was found, as the Organisations screen asks.
func BenchmarkSearchWithReasons(b *testing.B) {
	s, err := data.Open(datatest.BigDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const orgListPage = 40
	for _, c := range []struct{ name, text string }{
		{"visit_notes", "patentsøknad"},
		{"infix", "bryggeri"},
		{"orgnr", "5560"},
	} {
		rows, err := s.SearchOrganisations(context.Background(), data.OrgQuery{Text: c.text, Lang: "sv"})
		if err != nil {
			b.Fatal(err)
		}
		var ids []string
		for _, r := range rows[:min(len(rows), orgListPage)] {
			ids = append(ids, r.ID)
		}
		b.Run(c.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				if _, err := s.SearchOrganisations(context.Background(), data.OrgQuery{Text: c.text, Lang: "sv"}); err != nil {
					b.Fatal(err)
				}
				why, err := s.OrgMatches(context.Background(), c.text, ids)
				if err != nil {
					b.Fatal(err)
				}
				n = len(why)
			}
			b.ReportMetric(float64(n), "reasons")
		})
		// The reasons alone: what they add to a search.
		b.Run(c.name+"_reasons_only", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.OrgMatches(context.Background(), c.text, ids); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSingleEdit(b *testing.B) {
	s, err := data.Open(copyDB(b, datatest.BigDB(b)), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rows, _ := s.SearchOrganisations(context.Background(), data.OrgQuery{Limit: 1})
	o, _ := s.Organisation(context.Background(), rows[0].ID)
	i := 0
	for b.Loop() {
		i++
		o.Notes = fmt.Sprintf("edit %d", i)
		if err := s.UpdateOrganisation(context.Background(), &o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateVisit creates visits one by one, each its own transaction,
// as an advisor does; ns/op × 10,000 is the time for 10,000 visits.
func BenchmarkCreateVisit(b *testing.B) {
	s, _ := datatest.Open(b)
	var orgs []string
	for i := 0; i < 100; i++ {
		orgs = append(orgs, datatest.Org(b, s, fmt.Sprintf("Org %d", i), "").ID)
	}
	i := 0
	for b.Loop() {
		i++
		v := domain.Visit{Date: "2026-11-20", OrgIDs: []string{orgs[i%100]}, Type: domain.VisitOnSite, Minutes: 60,
			Women: 1, Men: 2, Notes: "Gick igenom affärsmodellen", Place: "Östersund"}
		if err := s.CreateVisit(context.Background(), &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDuplicateCandidates: looking for duplicates among 10,000
// organisations (run after writes, off the UI goroutine).
func BenchmarkDuplicateCandidates(b *testing.B) {
	s, err := data.Open(datatest.BigDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		if _, err := s.DuplicateCandidates(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrepareSearch: reading the vocabularies of the notes' word
// indexes again, as the first search after a write does.
func BenchmarkPrepareSearch(b *testing.B) {
	path := datatest.BigDB(b)
	for b.Loop() {
		b.StopTimer()
		s, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := s.PrepareSearch(context.Background()); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
