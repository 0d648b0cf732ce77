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

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// BigDB returns the path of a database with 10,000 organisations and 100,000
// visits of demo data, the size the benchmarks' budgets are set for. It is
// built once per machine (about a minute) and kept in the system's temp
// folder, keyed by schema version; benchmarks that write must copy it.
func BigDB(b testing.TB) string {
	bigOnce.Do(func() {
		// A folder of its own: a data folder holds one database (its
		// device marker, its locks), and the temp folder holds others'.
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("ilsa-bench-s%d-d%d-10k-100k", data.LatestSchema(), demo.Version))
		bigPath = filepath.Join(dir, data.DBFileName)
		if _, err := os.Stat(bigPath + ".done"); err == nil {
			return
		}
		if bigErr = os.RemoveAll(dir); bigErr != nil {
			return
		}
		if bigErr = os.MkdirAll(dir, 0o755); bigErr != nil {
			return
		}
		s, err := data.Open(bigPath, data.Options{})
		if err != nil {
			bigErr = err
			return
		}
		defer s.Close()
		bigErr = demo.Fill(context.Background(), s, demo.Options{Orgs: 10_000, Visits: 100_000,
			Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
		if bigErr == nil {
			bigErr = os.WriteFile(bigPath+".done", nil, 0o644)
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}
