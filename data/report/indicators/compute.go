package indicators

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
)

// Compute builds the report for f from the store: one pass over the visits
// of the period (joined with their organisations) and one over the finished
// assessments, both through the store's read pool.
func Compute(ctx context.Context, st *data.Store, f Filter) (*Report, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	orgRows, err := st.ReportOrganisations(ctx)
	if err != nil {
		return nil, err
	}
	visits, err := st.ReportVisits(ctx, f.From, f.To)
	if err != nil {
		return nil, err
	}
	answers, err := st.ReportAnswers(ctx, f.To)
	if err != nil {
		return nil, err
	}
	c := newComputation(f, newOrgTable(orgRows))
	c.visits = make([]data.ReportVisit, 0, len(visits))
	for i := range visits {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c.visit(&visits[i])
	}
	c.assessments(answers)
	return c.report(), nil
}

// computation accumulates the report while the visits stream past.
type computation struct {
	f    Filter
	orgs *orgTable

	visits                                 []data.ReportVisit
	rco01                                  [6]figureBuilder // total, then by size class
	rco81, rco87, reached, womenLed, cross figureBuilder
	leaders                                map[data.LeaderGender]*figureBuilder
	all                                    figureBuilder
	minutes                                int
	gender                                 Gender
	pilots                                 map[string]bool // RCO84: groups of organisations
	rco84                                  figureBuilder
	rows                                   map[Dimension]map[string]*rowBuilder
	named                                  figureBuilder // every organisation the report names
	sdgs                                   map[string]*sdgBuilder
	impact                                 []Impact
	impactOrgs                             figureBuilder
}

type rowBuilder struct {
	figureBuilder
	minutes int
}

var sizeOrder = []data.SizeClass{data.SizeMicro, data.SizeSmall, data.SizeMedium, data.SizeLarge, data.SizeUnknown}

func newComputation(f Filter, orgs *orgTable) *computation {
	c := &computation{f: f, orgs: orgs, pilots: map[string]bool{},
		leaders: map[data.LeaderGender]*figureBuilder{}, rows: map[Dimension]map[string]*rowBuilder{}}
	for _, d := range Dimensions {
		c.rows[d] = map[string]*rowBuilder{}
	}
	for _, g := range data.LeaderGenders {
		c.leaders[g] = &figureBuilder{}
	}
	return c
}

// visit counts one visit of the period.
func (c *computation) visit(v *data.ReportVisit) {
	if c.f.Advisor != "" && v.Advisor != c.f.Advisor {
		return
	}
	// Resolve the organisations through merges; a duplicate and its keeper
	// on one visit are one organisation.
	var all, scope []*org
	hasSE, hasNO := false, false
	for _, id := range v.OrgIDs {
		o := c.orgs.resolve(id)
		if o == nil || slices.Contains(all, o) {
			continue
		}
		all = append(all, o)
		hasSE = hasSE || o.Country == data.CountrySE
		hasNO = hasNO || o.Country == data.CountryNO
		if c.f.matchOrg(o) {
			scope = append(scope, o)
		}
	}
	if c.f.orgFiltered() && len(scope) == 0 {
		return
	}
	resolved := make([]string, len(all))
	for i, o := range all {
		resolved[i] = o.ID
		c.named.addOrg(o)
	}
	slices.Sort(resolved)
	rv := *v
	rv.OrgIDs = resolved
	n := len(c.visits) // the visit's position in the report
	c.visits = append(c.visits, rv)

	c.all.value++
	c.all.addVisit(n)
	c.minutes += v.Minutes
	c.gender.Women += v.Women
	c.gender.Men += v.Men
	c.gender.Other += v.Other

	// Organisations of both countries on one visit cooperate across the
	// border (RCO87); the advisor's mark counts for the visit as a joint
	// action (RCO81, RCO84) but names no partner organisation.
	spans := hasSE && hasNO
	crossBorder := spans || v.CrossBorder
	for _, o := range scope {
		c.all.addOrg(o)
		c.reached.addOrg(o)
		c.reached.addVisit(n)
		lb := c.leaders[o.LeaderGender]
		if lb == nil {
			lb = c.leaders[data.LeaderUnknown]
		}
		lb.addOrg(o)
		lb.addVisit(n)
		if o.LeaderGender == data.LeaderWomen {
			c.womenLed.addOrg(o)
			c.womenLed.addVisit(n)
		}
		if o.Kind.IsEnterprise() {
			for _, b := range []*figureBuilder{&c.rco01[0], &c.rco01[1+slices.Index(sizeOrder, o.Size())]} {
				b.addOrg(o)
				b.addVisit(n)
			}
		}
		if spans {
			c.rco87.addOrg(o)
			c.rco87.addVisit(n)
		}
	}
	if crossBorder {
		c.cross.value++
		c.cross.addVisit(n)
		c.rco81.value += v.Participants()
		c.rco81.addVisit(n)
		for _, o := range scope {
			c.cross.addOrg(o)
			c.rco81.addOrg(o)
		}
		if v.Phase == data.PhasePilot {
			// One pilot action per group of partners, however often they met.
			c.pilots[strings.Join(resolved, "\x00")] = true
			c.rco84.addVisit(n)
			for _, o := range scope {
				c.rco84.addOrg(o)
			}
		}
	}
	c.breakdowns(n, v, scope)
}

// breakdowns adds the visit to the row of each dimension's value: once per
// distinct value among its organisations for organisation dimensions (a
// workshop with a Swedish and a Norwegian client counts in both countries),
// once for visit dimensions.
func (c *computation) breakdowns(n int, v *data.ReportVisit, scope []*org) {
	for _, d := range []Dimension{ByPhase, ByType, ByMonth, ByAdvisor} {
		var key string
		switch d {
		case ByPhase:
			key = string(v.Phase)
		case ByType:
			key = string(v.Type)
		case ByMonth:
			key = v.Date[:min(7, len(v.Date))]
		case ByAdvisor:
			key = v.Advisor
		}
		rb := c.row(d, key)
		rb.addVisit(n)
		rb.minutes += v.Minutes
		for _, o := range scope {
			rb.addOrg(o)
		}
	}
	if len(scope) == 0 { // organisations not known (deleted, not received)
		for _, d := range orgDimensions {
			rb := c.row(d, "")
			rb.addVisit(n)
			rb.minutes += v.Minutes
		}
		return
	}
	for _, o := range scope {
		if o.rows[0] == nil { // first time seen: look its rows up once
			for i, d := range orgDimensions {
				o.rows[i] = c.row(d, orgKey(d, o))
			}
		}
		for _, rb := range o.rows {
			// The first organisation with this value adds the visit and its time.
			if rb.addVisit(n) {
				rb.minutes += v.Minutes
			}
			rb.addOrg(o)
		}
	}
}

// orgDimensions are the dimensions that are properties of organisations, in
// the order of org.rows.
var orgDimensions = [4]Dimension{ByCountry, ByCounty, ByMunicipality, BySector}

func orgKey(d Dimension, o *org) string {
	switch d {
	case ByCountry:
		return string(o.Country)
	case ByCounty:
		return o.county
	case ByMunicipality:
		return o.Municipality
	}
	return o.Sector
}

func (c *computation) row(d Dimension, key string) *rowBuilder {
	m := c.rows[d]
	rb := m[key]
	if rb == nil {
		rb = &rowBuilder{}
		m[key] = rb
	}
	return rb
}

// report turns the builders into the Report.
func (c *computation) report() *Report {
	r := &Report{Filter: c.f, Visits: c.visits, Minutes: c.minutes, Gender: c.gender,
		ImpactOrgs: c.impactOrgs.orgFigure(c), Impact: c.impact}
	if r.Visits == nil {
		r.Visits = []data.ReportVisit{}
	}
	r.RCO01.Figure = c.rco01[0].orgFigure(c)
	for i, sc := range sizeOrder {
		*r.RCO01.Class(sc) = c.rco01[i+1].orgFigure(c)
	}
	r.RCO04 = c.rco01[0].orgFigure(c) // every support we give is advice: non-financial
	r.RCO81 = c.rco81.figure(c)
	r.RCO84 = c.rco84.figure(c)
	r.RCO84.Value = len(c.pilots)
	r.RCO87 = c.rco87.orgFigure(c)
	r.OrgsReached = c.reached.orgFigure(c)
	r.WomenLed = c.womenLed.orgFigure(c)
	r.Leadership = Leadership{Women: c.leaders[data.LeaderWomen].orgFigure(c), Men: c.leaders[data.LeaderMen].orgFigure(c),
		Mixed: c.leaders[data.LeaderMixed].orgFigure(c), Unknown: c.leaders[data.LeaderUnknown].orgFigure(c)}
	r.VisitCount = c.all.figure(c)
	r.Gender.Visits = r.VisitCount.Visits // every visit in scope has its head count
	r.CrossBorder = c.cross.figure(c)
	for _, d := range Dimensions {
		b := Breakdown{Dimension: d, Rows: []Row{}}
		for key, rb := range c.rows[d] {
			f := rb.figure(c)
			b.Rows = append(b.Rows, Row{Key: key, Visits: len(f.Visits), Minutes: rb.minutes, VisitIDs: f.Visits, OrgIDs: f.Orgs})
		}
		slices.SortFunc(b.Rows, func(x, y Row) int {
			if (x.Key == "") != (y.Key == "") { // "not given" last
				if x.Key == "" {
					return 1
				}
				return -1
			}
			return cmp.Compare(x.Key, y.Key)
		})
		r.Breakdowns = append(r.Breakdowns, b)
	}
	r.SDGs, r.SDGsAddressed = c.sdgList()
	named := c.named.orgFigure(c).Orgs
	r.Orgs = make(map[string]data.ReportOrg, len(named))
	for _, id := range named {
		r.Orgs[id] = c.orgs.byID[id].ReportOrg
	}
	return r
}
