package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// fillReach adds the project's second wave: each innovation actor of the
// demo passed on what it learnt to a few named enterprises of its country
// and some it did not name, once or twice over the last year. The draws
// are their own (seed 23), so everything made before stays as it was.
func fillReach(ctx context.Context, s *data.Store, seed uint64, orgs []*domain.Organisation, today time.Time) error {
	r := rand.New(rand.NewPCG(seed, 23))
	firms := map[domain.Country][]string{}
	for _, o := range orgs {
		if o.Kind.IsEnterprise() {
			firms[o.Country] = append(firms[o.Country], o.ID)
		}
	}
	// Each actor writes in its country's language.
	notes := map[domain.Country][]string{
		domain.CountrySE: {"Workshop om affärsmodellkanvas för medlemsföretagen", "Seminarium om innovationsledning i praktiken"},
		domain.CountryNO: {"Frokostmøte om innovasjonsledelse", "Kurs i kundeintervjuer for medlemsbedriftene"},
	}
	for _, o := range orgs {
		if !o.Kind.IsInnovationActor() || len(firms[o.Country]) == 0 || len(notes[o.Country]) == 0 {
			continue
		}
		for range 1 + r.IntN(2) {
			rec := domain.Reach{ActorID: o.ID, Others: r.IntN(15),
				Date:  today.AddDate(0, -r.IntN(12), -r.IntN(28)).Format(domain.DateLayout),
				Notes: notes[o.Country][r.IntN(len(notes[o.Country]))]}
			pool := firms[o.Country]
			for range 1 + r.IntN(3) {
				rec.OrgIDs = append(rec.OrgIDs, pool[r.IntN(len(pool))])
			}
			if err := s.CreateReach(ctx, &rec); err != nil {
				return err
			}
		}
	}
	return nil
}
