package indicators_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// BenchmarkComputeSubmitted is BenchmarkCompute's full report (100,000
// visits from 100 advisors, 2,000 joint actions) of a period submitted five
// times: the report, its figures since the project's start, and the
// difference from the newest submission with why (issue 16: < 500 ms).
func BenchmarkComputeSubmitted(b *testing.B) {
	path := filepath.Join(b.TempDir(), "submitted.db")
	if err := copyFile(hundredAdvisorsDB(b), path); err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(path, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	from, to := "2024-01-01", "2026-12-31"
	var sub string
	for i := range 5 {
		su, _, err := indicators.Submit(ctx, s, from, to, "", "Lena Lead", "Peak Innovation", fmt.Sprintf("version %d", i+1))
		if err != nil {
			b.Fatal(err)
		}
		sub = su.Snapshot
	}
	// Something to explain: a few organisations gone since.
	r, err := indicators.Compute(ctx, s, indicators.Filter{From: from, To: to})
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range r.RCO01.Orgs[:20] {
		if err := s.DeleteOrganisation(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	cpu := cpuTime()
	var comparing time.Duration
	for i := 0; i < b.N; i++ {
		r, err := indicators.Compute(ctx, s, indicators.Filter{From: from, To: to})
		if err != nil {
			b.Fatal(err)
		}
		started := time.Now()
		r.Submitted, err = indicators.CompareSubmitted(ctx, s, r)
		comparing += time.Since(started)
		if err != nil || r.Submitted == nil {
			b.Fatal(err)
		}
		if f, _ := r.Submitted.Figure("RCO01"); len(f.Removed.Orgs) != 20 {
			b.Fatalf("RCO01 lost %d organisations, want 20", len(f.Removed.Orgs))
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(comparing.Milliseconds())/float64(b.N), "compare-ms/op")
	b.ReportMetric(float64(len(sub)), "snapshot-bytes")
}
