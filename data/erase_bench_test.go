package data_test

import (
	"context"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
)

// BenchmarkEraseContact times "Erase this person" on the 10,000-organisation,
// 100,000-visit database: the blanking in every table and the purge of the
// file (VACUUM and the write-ahead log truncated), which dominates.
func BenchmarkEraseContact(b *testing.B) {
	ctx := context.Background()
	s, err := data.Open(copyDB(b, datatest.BigDB(b)), data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Contacts(ctx, "")
	if err != nil || len(cs) < b.N {
		b.Fatalf("%d contacts, %v", len(cs), err)
	}
	b.ResetTimer()
	for i := range b.N {
		if err := s.EraseContact(ctx, cs[i].ID); err != nil {
			b.Fatal(err)
		}
	}
}
