package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/translations"
)

// Budgets of issues 2 and 3 on the 10,000-organisation, 100,000-visit demo:
//   first window < 1 s, a screen switch < 100 ms, search results while
//   typing < 100 ms. These drive the UI headless (Fyne's test driver, no
//   GPU); scripts/startup.sh times the real binary's first window under Xvfb.
// Run: make bench BENCH='Startup|ScreenSwitch|TypeSearch'

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
						if err := st.SetSetting("bench.write", fmt.Sprint(i)); err != nil {
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
