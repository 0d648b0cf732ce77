package indicators

import (
	"cmp"
	"context"
	"slices"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Compute builds the report for f from the store: one pass over the visits
// (joined with their organisations) from the earlier of the period's and
// the project's start to the period's end, counted for the period and for
// the project so far, and one over the finished assessments, all through
// the store's read pool.
func Compute(ctx context.Context, st *data.Store, f Filter) (*Report, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	db := st.ReadDB()
	start, first, err := projectStart(ctx, db, f)
	if err != nil {
		return nil, err
	}
	orgRows, err := readOrgs(ctx, db)
	if err != nil {
		return nil, err
	}
	readFrom := f.From
	if readFrom != "" && start != "" && start < readFrom {
		readFrom = start
	}
	table, err := readVisits(ctx, db, readFrom, f.To, f.Advisor)
	if err != nil {
		return nil, err
	}
	answers, err := readAnswers(ctx, db, f.To)
	if err != nil {
		return nil, err
	}
	joints, err := readJoints(ctx, db)
	if err != nil {
		return nil, err
	}
	reaches, err := readReaches(ctx, db)
	if err != nil {
		return nil, err
	}
	c := newComputation(f, newOrgTable(orgRows))
	// The project's figures need none of the period's lists: only their
	// organisations, in a table of their own (organisations keep what a
	// computation worked out about them). When the period holds the same
	// visits, they are the period's.
	var cum *computation
	if start != "" && !sameSpan(f.From, start, first) {
		cum = newComputation(f, newOrgTable(orgRows))
		cum.figuresOnly = true
	}
	split := newSplitter(f, c.orgs)
	// First the organisations of every visit, in the order the visits were
	// read (their memory front to back); then the visits in date order.
	orgs, ends := c.resolveOrgs(table)
	c.visits = make([]VisitRow, 0, table.Len())
	for p, i := range table.Order {
		if p%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		from := int32(0)
		if i > 0 {
			from = ends[i-1]
		}
		v := table.At(int(i))
		if cum != nil && v.Date >= start {
			cum.visit(v, cum.sameOrgs(orgs[from:ends[i]]))
		}
		if v.Date >= f.From {
			c.visit(v, orgs[from:ends[i]])
			split.visit(v, orgs[from:ends[i]])
		}
	}
	c.visitIDs = make([]string, len(c.visits))
	for i := range c.visits {
		c.visitIDs[i] = c.visits[i].ID
	}
	c.assessments(answers)
	period := countJoints(c.orgs, f, joints, f.From, f.To, &c.named)
	r := c.report()
	r.RCO83, r.RCO84, r.RCO87 = period.RCO83, period.RCO84, period.RCO87
	r.Partners, r.Sides = split.splits(joints, f.From, f.To)
	if cum == nil {
		r.Cumulative = cumulativeOf(r, start)
	} else {
		r.Cumulative = cum.cumulative(start)
	}
	project := countJoints(c.orgs, f, joints, start, f.To, nil)
	rc := r.Cumulative
	rc.RCO83, rc.RCO84, rc.RCO87 = project.RCO83, project.RCO84, project.RCO87
	r.SecondWave, rc.SecondWave = countReach(c.orgs, f, reaches, f.From, f.To), countReach(c.orgs, f, reaches, start, f.To)
	r.JointActions = jointRows(c.orgs, joints, r.RCO83, r.RCO84, r.RCO87, rc.RCO83, rc.RCO84, rc.RCO87)
	// The project's figures name organisations the period may not: those
	// reached, and the partners of its joint actions.
	lists := [][]string{rc.OrgsReached.Orgs, rc.RCO87.Orgs}
	for _, w := range []*SecondWave{r.SecondWave, rc.SecondWave} {
		if w != nil {
			lists = append(lists, w.Named.Orgs, w.Actors.Orgs)
		}
	}
	for _, list := range lists {
		for _, id := range list {
			if _, ok := r.Orgs[id]; !ok {
				r.Orgs[id] = c.orgs.byID[id].OrgRow
			}
		}
	}
	for _, j := range r.JointActions {
		for _, id := range j.OrgIDs {
			if _, ok := r.Orgs[id]; !ok {
				r.Orgs[id] = c.orgs.byID[id].OrgRow
			}
		}
	}
	return r, nil
}

// computation accumulates the report while the visits stream past.
type computation struct {
	f    Filter
	orgs *orgTable
	// figuresOnly: the project's figures, which keep no visits, no
	// breakdowns and no names of their own.
	figuresOnly bool
	count       int // visits counted

	visits                                    []VisitRow
	visitIDs                                  []string         // the ids of visits, which figures share
	rco01                                     [6]figureBuilder // total, then by size class
	rco81, atBorder, reached, womenLed, cross figureBuilder
	unknownKind                               figureBuilder
	sustYes, sustUnknown                      figureBuilder
	leaders                                   map[domain.LeaderGender]*figureBuilder
	leaderBy                                  []*figureBuilder // leaders by org.leader
	// periodSize is each organisation's size class (index in sizeOrder)
	// at its first support in the period, by org.idx.
	periodSize []uint8
	all        figureBuilder
	minutes    int
	gender     Gender
	rows       map[Dimension]map[string]*rowBuilder
	named      figureBuilder // every organisation the report names
	sdgs       map[string]*sdgBuilder
	impact     []Impact
	impactOrgs figureBuilder

	// Reused for every visit.
	scopeBuf []*org
	sizesBuf []string
	orgBuf   []*org
	lastRow  [len(visitDimensions)]struct {
		key string
		rb  *rowBuilder
	}
}

type rowBuilder struct {
	figureBuilder
	minutes int
}

var sizeOrder = []domain.SizeClass{domain.SizeMicro, domain.SizeSmall, domain.SizeMedium, domain.SizeLarge, domain.SizeUnknown}

func newComputation(f Filter, orgs *orgTable) *computation {
	c := &computation{f: f, orgs: orgs,
		leaders: map[domain.LeaderGender]*figureBuilder{}, rows: map[Dimension]map[string]*rowBuilder{}}
	for _, d := range Dimensions {
		c.rows[d] = map[string]*rowBuilder{}
	}
	for _, g := range domain.LeaderGenders {
		c.leaders[g] = &figureBuilder{}
		c.leaderBy = append(c.leaderBy, c.leaders[g])
	}
	c.periodSize = make([]uint8, len(orgs.list))
	return c
}

// resolveOrgs resolves the organisations of every visit of the table (of
// the filter's advisor) through merges, in the table's order: visit i's are
// orgs[ends[i-1]:ends[i]], distinct (a duplicate and its keeper on one
// visit are one organisation) and sorted by id. Their ids replace the
// visit's stored ones, in place: there are never more of them.
func (c *computation) resolveOrgs(t *visitTable) (orgs []*org, ends []int32) {
	ends = make([]int32, t.Len())
	for i := range ends {
		v := t.At(i)
		if c.f.Advisor == "" || v.Advisor == c.f.Advisor {
			from := len(orgs)
			for _, id := range v.OrgIDs {
				if o := c.orgs.resolve(id); o != nil && !slices.Contains(orgs[from:], o) {
					if len(orgs) == cap(orgs) {
						orgs = slices.Grow(orgs, max(len(orgs), 1024))
					}
					orgs = append(orgs, o)
				}
			}
			all := orgs[from:]
			slices.SortFunc(all, func(a, b *org) int { return cmp.Compare(a.idx, b.idx) })
			ids := v.OrgIDs[:0]
			if ids == nil {
				ids = []string{}
			}
			for _, o := range all {
				ids = append(ids, o.ID)
			}
			v.OrgIDs = ids
		}
		ends[i] = int32(len(orgs))
	}
	return orgs, ends
}

// visit counts one visit of the period, with its organisations resolved by
// resolveOrgs, and when it is in scope appends it to c.visits.
func (c *computation) visit(v *VisitRow, all []*org) {
	if c.f.Advisor != "" && v.Advisor != c.f.Advisor || !c.f.matchPartner(v.Partner, v.Side) {
		return
	}
	scope := c.scopeBuf[:0]
	var sides BorderSides
	orgFiltered := c.f.orgFiltered()
	for _, o := range all {
		sides.se = sides.se || o.se
		sides.no = sides.no || o.no
		if !orgFiltered || c.f.matchOrg(o) {
			scope = append(scope, o)
		}
	}
	c.scopeBuf = scope
	if orgFiltered && len(scope) == 0 {
		return
	}
	n := c.count // the visit's position in the report
	c.count++
	if !c.figuresOnly {
		for _, o := range all {
			c.named.addOrg(o)
		}
		c.visits = append(c.visits, *v)
		v = &c.visits[n]
	}

	c.all.value++
	c.all.addVisit(n)
	c.minutes += v.Minutes
	c.gender.Women += v.Women
	c.gender.Men += v.Men
	c.gender.Other += v.Other

	// Organisations of both countries on one visit are at a cross-border
	// activity (not RCO87: attending is not cooperating); the advisor's mark
	// counts for the visit as a joint action (RCO81) but names no
	// organisation of the other country.
	spans := sides.Spans()
	crossBorder := sides.CrossBorder(v.CrossBorder)
	for _, o := range scope {
		c.all.addOrg(o)
		c.reached.addOrg(o)
		c.reached.addVisit(n)
		lb := c.leaderBy[o.leader]
		lb.addOrg(o)
		lb.addVisit(n)
		if o.womenLed {
			c.womenLed.addOrg(o)
			c.womenLed.addVisit(n)
		}
		if !o.knownKind {
			c.unknownKind.addOrg(o)
			c.unknownKind.addVisit(n)
		}
		if o.enterprise {
			if !c.rco01[0].has(o) { // its first support in the period decides its size
				c.periodSize[o.idx] = c.sizeAtSupport(v, o)
			}
			for _, b := range [2]*figureBuilder{&c.rco01[0], &c.rco01[1+c.periodSize[o.idx]]} {
				b.addOrg(o)
				b.addVisit(n)
			}
			c.sustainability(n, o)
		}
		if spans {
			c.atBorder.addOrg(o)
			c.atBorder.addVisit(n)
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
	}
	if !c.figuresOnly {
		c.breakdowns(n, v, scope)
	}
}

// sizeAtSupport is the size class (index in sizeOrder) o had when visit v
// was recorded: the visit's entry for o — under o's own id, or else under
// a duplicate since merged into o — or, for a visit recorded before visits
// kept sizes, o's headcount now.
func (c *computation) sizeAtSupport(v *VisitRow, o *org) uint8 {
	found := -1
	entries, _ := appendIDList(c.sizesBuf[:0], v.sizes, nil) // a list that is not JSON gives none
	c.sizesBuf = entries
	for _, e := range entries {
		id, class, ok := domain.ParseOrgSize(e)
		if !ok {
			continue
		}
		if id == o.ID {
			return uint8(slices.Index(sizeOrder, class))
		}
		if found < 0 && c.orgs.resolve(id) == o {
			found = slices.Index(sizeOrder, class)
		}
	}
	if found >= 0 {
		return uint8(found)
	}
	return o.size
}

// report turns the builders into the Report.
func (c *computation) report() *Report {
	r := &Report{Filter: c.f, Visits: c.visits, Minutes: c.minutes, Gender: c.gender,
		ImpactOrgs: c.impactOrgs.orgFigure(c), Impact: c.impact}
	if r.Visits == nil {
		r.Visits = []VisitRow{}
	}
	r.RCO01.Figure = c.rco01[0].orgFigure(c)
	for i, sc := range sizeOrder {
		*r.RCO01.Class(sc) = c.rco01[i+1].orgFigure(c)
	}
	r.RCO04 = r.RCO01.Figure // every support we give is advice: non-financial
	r.RCO81 = c.rco81.figure(c)
	r.BorderActivityOrgs = c.atBorder.orgFigure(c)
	r.OrgsReached = c.reached.orgFigure(c)
	r.UnknownKind = c.unknownKind.orgFigure(c)
	r.WomenLed = c.womenLed.orgFigure(c)
	r.Leadership = Leadership{Women: c.leaders[domain.LeaderWomen].orgFigure(c), Men: c.leaders[domain.LeaderMen].orgFigure(c),
		Mixed: c.leaders[domain.LeaderMixed].orgFigure(c), Unknown: c.leaders[domain.LeaderUnknown].orgFigure(c)}
	r.Sustainability = Sustainability{Yes: c.sustYes.orgFigure(c), Unknown: c.sustUnknown.orgFigure(c)}
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
	named := c.named.orgIDs(c.orgs)
	r.Orgs = make(map[string]OrgRow, len(named))
	for _, id := range named {
		r.Orgs[id] = c.orgs.byID[id].OrgRow
	}
	return r
}
