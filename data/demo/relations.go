package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// fillRelations adds the demo's innovation-system network: start-ups
// spun off from a university of their country, a third of the companies
// supported by a municipality of theirs, the odd one funded by it, and the
// institutions partners across the border. The draws are their own (seed
// 17), so the organisations and visits stay those earlier versions made;
// the start dates spread over the last two years, so some relations are
// older than a project start a year ago and some newer.
func fillRelations(ctx context.Context, s *data.Store, seed uint64, orgs []*domain.Organisation, today time.Time) error {
	r := rand.New(rand.NewPCG(seed, 17))
	hubs := map[domain.Country]map[domain.OrgKind][]string{}
	var institutions [2][]string // Sweden's, Norway's
	for _, o := range orgs {
		if o.Kind != domain.KindMunicipality && o.Kind != domain.KindAcademia {
			continue
		}
		if hubs[o.Country] == nil {
			hubs[o.Country] = map[domain.OrgKind][]string{}
		}
		hubs[o.Country][o.Kind] = append(hubs[o.Country][o.Kind], o.ID)
		if o.Country == domain.CountrySE {
			institutions[0] = append(institutions[0], o.ID)
		} else {
			institutions[1] = append(institutions[1], o.ID)
		}
	}
	started := func() string {
		return today.AddDate(0, -r.IntN(24), -r.IntN(28)).Format(domain.DateLayout)
	}
	add := func(from, to string, kind domain.RelationKind) error {
		rel := domain.Relation{FromOrg: from, ToOrg: to, Kind: kind, Start: started()}
		return s.CreateRelation(ctx, &rel)
	}
	for _, o := range orgs {
		h := hubs[o.Country]
		switch {
		case o.Kind == domain.KindStartup && len(h[domain.KindAcademia]) > 0:
			uni := h[domain.KindAcademia]
			if err := add(o.ID, uni[r.IntN(len(uni))], domain.RelationSpinOffOf); err != nil {
				return err
			}
		case o.Kind.IsEnterprise() && len(h[domain.KindMunicipality]) > 0 && r.IntN(3) == 0:
			munis := h[domain.KindMunicipality]
			kind := domain.RelationSupportedBy
			if r.IntN(4) == 0 {
				kind = domain.RelationFundedBy
			}
			if err := add(o.ID, munis[r.IntN(len(munis))], kind); err != nil {
				return err
			}
		}
	}
	for i, se := range institutions[0] {
		if len(institutions[1]) == 0 || i%2 == 1 {
			continue
		}
		if err := add(se, institutions[1][i%len(institutions[1])], domain.RelationPartnerOf); err != nil {
			return err
		}
	}
	return nil
}
