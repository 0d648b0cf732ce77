package datatest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/demo"
)

// demoDBs are the demo databases this process has made or found, by size.
var (
	demoMu  sync.Mutex
	demoDBs = map[[2]int]*demoDB{}
)

type demoDB struct {
	once sync.Once
	path string
	err  error
}

// BigDB returns the path of a database with 10,000 organisations and 100,000
// visits of demo data, the size the benchmarks' budgets are set for. It is
// built once per machine (about a minute) and kept in the system's temp
// folder, keyed by schema version; benchmarks that write must copy it.
func BigDB(b testing.TB) string { return DemoDB(b, 10_000, 100_000) }

// DemoDB returns the path of a database with orgs organisations and visits
// visits of demo data, built once per machine like BigDB's.
func DemoDB(b testing.TB, orgs, visits int) string {
	demoMu.Lock()
	d := demoDBs[[2]int{orgs, visits}]
	if d == nil {
		d = &demoDB{}
		demoDBs[[2]int{orgs, visits}] = d
	}
	demoMu.Unlock()
	d.once.Do(func() {
		// A folder of its own: a data folder holds one database (its
		// device marker, its locks), and the temp folder holds others'.
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("ilsa-bench-s%d-d%d-%s-%s", data.LatestSchema(), demo.Version, size(orgs), size(visits)))
		d.path = filepath.Join(dir, data.DBFileName)
		if _, err := os.Stat(d.path + ".done"); err == nil {
			return
		}
		if d.err = os.RemoveAll(dir); d.err != nil {
			return
		}
		if d.err = os.MkdirAll(dir, 0o755); d.err != nil {
			return
		}
		s, err := data.Open(d.path, data.Options{})
		if err != nil {
			d.err = err
			return
		}
		defer s.Close()
		d.err = demo.Fill(context.Background(), s, demo.Options{Orgs: orgs, Visits: visits,
			Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
		if d.err == nil {
			d.err = os.WriteFile(d.path+".done", nil, 0o644)
		}
	})
	if d.err != nil {
		b.Fatal(d.err)
	}
	return d.path
}

// size is a count as a folder name says it: 10k, 3k, 500.
func size(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}
