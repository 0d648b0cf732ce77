package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// Budgets of issues 2 and 3 on the 10,000-organisation, 100,000-visit demo:
//   first window < 1 s, a screen switch < 100 ms, search results while
//   typing < 100 ms. These drive the UI headless (Fyne's test driver, no
//   GPU); scripts/startup.sh times the real binary's first window under Xvfb.
// Run: make bench BENCH='Startup|ScreenSwitch|TypeSearch|KeystrokeToRows'

func openBig(b *testing.B) *data.Store {
	st, err := data.Open(datatest.BigDB(b), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkStartup: open the database, build every screen and show Today
// with its data loaded.
func BenchmarkStartup(b *testing.B) {
	path := datatest.BigDB(b)
	for b.Loop() {
		st, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		u := New(test.NewApp(), st, translations.New("sv"), Options{Prefs: prefs.New(st), queue: &applyQueue{}})
		u.WaitIdle()
		st.Close()
	}
}

// BenchmarkScreenSwitch: from Settings to each screen, until its data is on
// screen (leaving Settings is not timed). "changed": something was written
// meanwhile, so the screen reloads its data; "unchanged": nothing was, and
// the screen shows what it had.
func BenchmarkScreenSwitch(b *testing.B) {
	st := openBig(b)
	defer st.Close()
	u := New(test.NewApp(), st, translations.New("sv"), Options{Prefs: prefs.New(st), queue: &applyQueue{}})
	u.WaitIdle()
	rows, err := st.SearchOrganisations(u.ctx(), data.OrgQuery{Limit: 50})
	if err != nil || len(rows) == 0 {
		b.Fatal(rows, err)
	}
	var orgs []domain.Organisation
	for _, r := range rows {
		o, err := st.Organisation(u.ctx(), r.ID)
		if err != nil {
			b.Fatal(err)
		}
		orgs = append(orgs, o)
	}
	for _, tab := range []struct {
		name string
		idx  int
	}{{"organisations", tabOrganisations}, {"visits", tabVisits}, {"actions", tabActions}, {"today", tabToday}} {
		for _, write := range []bool{true, false} {
			name := tab.name + "/unchanged"
			if write {
				name = tab.name + "/changed"
			}
			b.Run(name, func(b *testing.B) {
				for i := range b.N {
					b.StopTimer() // leaving the screen is not part of the switch
					u.Show(tabSettings)
					u.WaitIdle()
					if write {
						// A record written (an organisation's notes), as a
						// colleague's sync or the command line would: device-
						// local writes (drafts, settings) change no list.
						o := orgs[i%len(orgs)]
						o.Notes = fmt.Sprint("bench ", i)
						if err := st.UpdateOrganisation(u.ctx(), &o); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					u.Show(tab.idx)
					u.WaitIdle()
				}
			})
		}
	}
}

// BenchmarkTypeSearch: one more letter typed in the organisation search,
// until the new results are listed (the typing pause is not counted).
func BenchmarkTypeSearch(b *testing.B) {
	st := openBig(b)
	defer st.Close()
	u := New(test.NewApp(), st, translations.New("sv"), Options{Prefs: prefs.New(st), queue: &applyQueue{}})
	u.Show(tabOrganisations)
	u.WaitIdle()
	words := []string{"f", "fj", "fjä", "fjäl", "fjäll"}
	i := 0
	for b.Loop() {
		u.orgs.search.Text = words[i%len(words)]
		u.orgs.refresh()
		u.WaitIdle()
		i++
	}
}

// BenchmarkKeystrokeToRows: a word typed into the Organisations screen's
// search field, from the keystrokes until the list shows the first
// matches, the typing pause (searchDelay) included; issue 13's budget is
// 150 ms. "name" finds organisations by their names (the quick first
// answer shows them); "visit_notes" only through visits' notes (the list
// waits for the whole answer). 3k is the 3,000-organisation, 30,000-visit
// trial of issue 13, 10k the 10,000/100,000 demo. The rest of the answer
// and the reasons under the rows are left to come untimed.
func BenchmarkKeystrokeToRows(b *testing.B) {
	for _, size := range []struct {
		name         string
		orgs, visits int
	}{{"3k", 3_000, 30_000}, {"10k", 10_000, 100_000}} {
		b.Run(size.name, func(b *testing.B) {
			st, err := data.Open(datatest.DemoDB(b, size.orgs, size.visits), data.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			u := New(test.NewApp(), st, translations.New("sv"), Options{Prefs: prefs.New(st), queue: &applyQueue{}})
			u.Show(tabOrganisations)
			u.WaitIdle()
			s := u.orgs
			for _, word := range []struct{ name, text string }{{"name", "fjäll"}, {"visit_notes", "patent"}} {
				b.Run(word.name, func(b *testing.B) {
					var rows int
					for b.Loop() {
						b.StopTimer()
						s.search.SetText("")
						u.WaitIdle()
						u.win.Canvas().Focus(s.search)
						b.StartTimer()
						test.Type(s.search, word.text)
						u.applyUntil(func() bool { return s.reasons.text == word.text && len(s.ids) > 0 })
						b.StopTimer()
						rows = len(s.ids)
						u.WaitIdle() // the whole answer and the reasons, untimed
						b.StartTimer()
					}
					b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
					b.ReportMetric(float64(rows), "first-rows")
				})
			}
		})
	}
}

// applyUntil runs the results of background work on the test's goroutine
// as they arrive, until done (WaitIdle would wait for every one of them).
func (u *UI) applyUntil(done func() bool) {
	for !done() {
		fns := u.opt.queue.take()
		for _, fn := range fns {
			fn()
		}
		if len(fns) == 0 {
			time.Sleep(100 * time.Microsecond)
		}
	}
}
