package indicators

import (
	"cmp"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The period's figures by project partner and by national side: the
// Swedish and the Norwegian partner report to separate systems. A visit
// and a joint action are reported under the partner stamped on them
// (domain.Visit.Partner); partners are grouped by domain.PartnerKey, so
// "Peak innovation " is "Peak Innovation", and a group is named by its
// most common spelling. Each row holds the figures the report gives with
// the partner (or side) filter set to it, counted in the same pass over
// the visits: one figures-only computation per partner and per side.

// Split is one partner's or one side's figures over the period.
type Split struct {
	// Key is the partner as most often spelled, or the side's country
	// code; "" collects the records that name none.
	Key string
	// Figures are the period's figures of its visits and joint actions.
	// (A Cumulative holds the figures of a span: here the period's.)
	Figures *Cumulative
}

// splitPart is one partner's or side's computation while the visits pass.
// The computations share the report's table of organisations: what they
// work out about an organisation they keep themselves.
type splitPart struct {
	c      *computation
	joints []domain.JointAction
}

// spelling is one way a partner is written on records, and how often.
type spelling struct {
	part *splitPart
	n    int
}

// splitter hands each visit to the computations of its partner and side.
type splitter struct {
	f        Filter
	orgs     *orgTable
	partners map[string]*splitPart
	sides    map[domain.Country]*splitPart
	byRaw    map[string]*spelling // partner as spelled on a record
}

func newSplitter(f Filter, orgs *orgTable) *splitter {
	return &splitter{f: f, orgs: orgs, partners: map[string]*splitPart{}, sides: map[domain.Country]*splitPart{},
		byRaw: map[string]*spelling{}}
}

func (s *splitter) newPart() *splitPart {
	c := newComputation(s.f, s.orgs)
	c.figuresOnly = true
	return &splitPart{c: c}
}

// partner is the part of a partner spelled raw.
func (s *splitter) partner(raw string) *splitPart {
	sp := s.byRaw[raw]
	if sp == nil {
		key := domain.PartnerKey(raw)
		p := s.partners[key]
		if p == nil {
			p = s.newPart()
			s.partners[key] = p
		}
		sp = &spelling{part: p}
		s.byRaw[raw] = sp
	}
	sp.n++
	return sp.part
}

func (s *splitter) side(c domain.Country) *splitPart {
	if c != domain.CountrySE && c != domain.CountryNO {
		c = ""
	}
	p := s.sides[c]
	if p == nil {
		p = s.newPart()
		s.sides[c] = p
	}
	return p
}

// visit counts a visit of the period (with its organisations resolved in
// the splitter's table) for its partner and its side. The parts apply the
// filter themselves, as the report does.
func (s *splitter) visit(v *VisitRow, orgs []*org) {
	if !s.f.matchPartner(v.Partner, v.Side) || s.f.Advisor != "" && v.Advisor != s.f.Advisor {
		return
	}
	for _, p := range [2]*splitPart{s.partner(v.Partner), s.side(v.Side)} {
		p.c.visit(v, orgs)
	}
}

// joint files a joint action with its partner and its side.
func (s *splitter) joint(j *domain.JointAction) {
	if !s.f.matchPartner(j.Partner, j.Side) {
		return
	}
	for _, p := range [2]*splitPart{s.partner(j.Partner), s.side(j.Side)} {
		p.joints = append(p.joints, *j)
	}
}

// splits turns the parts into rows, partners by name and sides SE, NO;
// "" (not given) last. from and to are the period.
func (s *splitter) splits(js []domain.JointAction, from, to string) (partners, sides []Split) {
	for i := range js {
		s.joint(&js[i])
	}
	row := func(key string, p *splitPart) Split {
		r := p.c.report()
		jc := countJoints(p.c.orgs, s.f, p.joints, from, to, nil)
		r.RCO83, r.RCO84, r.RCO87 = jc.RCO83, jc.RCO84, jc.RCO87
		figs := cumulativeOf(r, from)
		figs.RCO83, figs.RCO84, figs.RCO87 = jc.RCO83, jc.RCO84, jc.RCO87
		return Split{Key: key, Figures: figs}
	}
	spellings := map[*splitPart]map[string]int{}
	for raw, sp := range s.byRaw {
		m := spellings[sp.part]
		if m == nil {
			m = map[string]int{}
			spellings[sp.part] = m
		}
		m[strings.Join(strings.Fields(raw), " ")] += sp.n
	}
	for key, p := range s.partners {
		name := ""
		if key != "" {
			name = mostCommon(spellings[p])
		}
		partners = append(partners, row(name, p))
	}
	for side, p := range s.sides {
		sides = append(sides, row(string(side), p))
	}
	byKey := func(order func(a, b string) int) func(x, y Split) int {
		return func(x, y Split) int {
			if (x.Key == "") != (y.Key == "") {
				if x.Key == "" {
					return 1
				}
				return -1
			}
			return order(x.Key, y.Key)
		}
	}
	slices.SortFunc(partners, byKey(func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a), strings.ToLower(b)), cmp.Compare(a, b))
	}))
	slices.SortFunc(sides, byKey(func(a, b string) int { return -cmp.Compare(a, b) })) // SE before NO
	return partners, sides
}

// mostCommon is the spelling seen most often; of equals, the first in
// sort order, so the name does not depend on the order records came in.
func mostCommon(spellings map[string]int) string {
	best, n := "", -1
	for s, c := range spellings {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}
