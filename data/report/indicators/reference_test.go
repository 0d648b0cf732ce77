package indicators

// The report as it was computed before the allocation work of issue 6, kept
// word for word (renamed ref…) so the benchmark can time the old path next
// to the new one and the tests can check that both give the same report.

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
)

// ComputeReference computes the report the old way, reading db (the
// store's file) directly.
func ComputeReference(ctx context.Context, db *sql.DB, f Filter) (*Report, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	orgRows, err := refReportOrganisations(ctx, db)
	if err != nil {
		return nil, err
	}
	visits, err := refReportVisits(ctx, db, f.From, f.To)
	if err != nil {
		return nil, err
	}
	answers, err := refReportAnswers(ctx, db, f.To)
	if err != nil {
		return nil, err
	}
	c := refNewComputation(f, refNewOrgTable(orgRows))
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

// refComputation accumulates the report while the visits stream past.
type refComputation struct {
	f    Filter
	orgs *refOrgTable

	visits                                 []data.ReportVisit
	rco01                                  [6]refFigureBuilder // total, then by size class
	rco81, rco87, reached, womenLed, cross refFigureBuilder
	leaders                                map[data.LeaderGender]*refFigureBuilder
	all                                    refFigureBuilder
	minutes                                int
	gender                                 Gender
	pilots                                 map[string]bool // RCO84: groups of organisations
	rco84                                  refFigureBuilder
	rows                                   map[Dimension]map[string]*refRowBuilder
	named                                  refFigureBuilder // every organisation the report names
	sdgs                                   map[string]*refSdgBuilder
	impact                                 []Impact
	impactOrgs                             refFigureBuilder
}

type refRowBuilder struct {
	refFigureBuilder
	minutes int
}

func refNewComputation(f Filter, orgs *refOrgTable) *refComputation {
	c := &refComputation{f: f, orgs: orgs, pilots: map[string]bool{},
		leaders: map[data.LeaderGender]*refFigureBuilder{}, rows: map[Dimension]map[string]*refRowBuilder{}}
	for _, d := range Dimensions {
		c.rows[d] = map[string]*refRowBuilder{}
	}
	for _, g := range data.LeaderGenders {
		c.leaders[g] = &refFigureBuilder{}
	}
	return c
}

// visit counts one visit of the period.
func (c *refComputation) visit(v *data.ReportVisit) {
	if c.f.Advisor != "" && v.Advisor != c.f.Advisor {
		return
	}
	// Resolve the organisations through merges; a duplicate and its keeper
	// on one visit are one organisation.
	var all, scope []*refOrg
	hasSE, hasNO := false, false
	for _, id := range v.OrgIDs {
		o := c.orgs.resolve(id)
		if o == nil || slices.Contains(all, o) {
			continue
		}
		all = append(all, o)
		hasSE = hasSE || o.Country == data.CountrySE
		hasNO = hasNO || o.Country == data.CountryNO
		if refMatchOrg(&c.f, o) {
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
			for _, b := range []*refFigureBuilder{&c.rco01[0], &c.rco01[1+slices.Index(sizeOrder, o.Size())]} {
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
func (c *refComputation) breakdowns(n int, v *data.ReportVisit, scope []*refOrg) {
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
				o.rows[i] = c.row(d, refOrgKey(d, o))
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

func refOrgKey(d Dimension, o *refOrg) string {
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

func (c *refComputation) row(d Dimension, key string) *refRowBuilder {
	m := c.rows[d]
	rb := m[key]
	if rb == nil {
		rb = &refRowBuilder{}
		m[key] = rb
	}
	return rb
}

// report turns the builders into the Report.
func (c *refComputation) report() *Report {
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

// refFigureBuilder collects a Figure: organisations as a bit set over the
// organisation table and visits as positions in the report's visit list, in
// the order they come (oldest first), each once. A report over 100,000
// visits adds millions of members; maps of ids and slices of strings made
// most of its time (hashing, and the garbage collector scanning pointers).
type refFigureBuilder struct {
	value  int
	orgs   []uint64 // bit i: the organisation with index i in refOrgTable.list
	visits []int32  // positions in refComputation.visits
	last   int      // position + 1 of the last visit added, to add each once
}

func (b *refFigureBuilder) addOrg(o *refOrg) {
	w := o.idx >> 6
	if int(w) >= len(b.orgs) {
		b.orgs = append(b.orgs, make([]uint64, int(w)+1-len(b.orgs))...)
	}
	b.orgs[w] |= 1 << (o.idx & 63)
}

func (b *refFigureBuilder) has(o *refOrg) bool {
	w := o.idx >> 6
	return int(w) < len(b.orgs) && b.orgs[w]&(1<<(o.idx&63)) != 0
}

// addVisit adds the visit at position pos once (visits arrive one at a
// time, so a repeat can only be the last one added) and reports whether it
// was new.
func (b *refFigureBuilder) addVisit(pos int) bool {
	if b.last == pos+1 {
		return false
	}
	b.last = pos + 1
	b.visits = append(b.visits, int32(pos))
	return true
}

// orgFigure returns the Figure with Value the number of organisations.
func (b *refFigureBuilder) orgFigure(c *refComputation) Figure {
	f := b.figure(c)
	f.Value = len(f.Orgs)
	return f
}

// figure returns the Figure with the value accumulated in b.value. The
// table's list is sorted by id, so the ids come out sorted.
func (b *refFigureBuilder) figure(c *refComputation) Figure {
	t := c.orgs
	orgs := []string{}
	for w, bits := range b.orgs {
		for i := 0; bits != 0; i++ {
			if bits&1 != 0 {
				orgs = append(orgs, t.list[w*64+i].ID)
			}
			bits >>= 1
		}
	}
	visits := make([]string, len(b.visits))
	for i, pos := range b.visits {
		visits[i] = c.visits[pos].ID
	}
	return Figure{Value: b.value, Orgs: orgs, Visits: visits}
}

// refOrg is an organisation as the report sees it, with its county looked up once.
type refOrg struct {
	data.ReportOrg
	county string // "" for "other" and unknown municipalities
	idx    uint32 // position in refOrgTable.list
	// rows are the breakdown rows of its country, county, municipality and
	// sector (orgDimensions), looked up once per report.
	rows [4]*refRowBuilder
}

// refOrgTable holds every organisation and resolves ids through merges.
type refOrgTable struct {
	list     []*refOrg // sorted by id
	byID     map[string]*refOrg
	resolved map[string]*refOrg // memo of resolve; nil entries mean "no live organisation"
}

func refNewOrgTable(rows []data.ReportOrg) *refOrgTable {
	t := &refOrgTable{byID: make(map[string]*refOrg, len(rows)), resolved: make(map[string]*refOrg, len(rows))}
	counties := map[string]string{}
	for _, m := range data.Municipalities() {
		counties[m.Code] = m.County
	}
	slices.SortFunc(rows, func(a, b data.ReportOrg) int { return cmp.Compare(a.ID, b.ID) })
	t.list = make([]*refOrg, len(rows))
	for i := range rows {
		o := &refOrg{ReportOrg: rows[i], county: counties[rows[i].Municipality], idx: uint32(i)}
		t.list[i] = o
		t.byID[o.ID] = o
	}
	return t
}

// resolve follows merged_into from id to the organisation that now holds
// its records. A merged duplicate is never counted itself: records pointing
// at it count for its keeper. When the keeper has not arrived yet (sync
// brings records in any order) the last duplicate known stands in for it, so
// the organisation is still counted, once. It returns nil when the chain
// ends at no live organisation: deleted without a merge, never received, or
// a cycle of merges.
func (t *refOrgTable) resolve(id string) *refOrg {
	if o, ok := t.resolved[id]; ok {
		return o
	}
	cur := t.byID[id]
	for depth := 0; cur != nil && cur.MergedInto != ""; depth++ {
		next := t.byID[cur.MergedInto]
		if next == nil {
			break // keeper not received yet: cur stands in for it
		}
		if depth == maxMergeDepth {
			cur = nil
			break
		}
		cur = next
	}
	if cur != nil && cur.Deleted && cur.MergedInto == "" {
		cur = nil
	}
	t.resolved[id] = cur
	return cur
}

type refSdgBuilder struct {
	refFigureBuilder
	assessments []string
}

// assessOrg resolves an assessment's organisation and applies the filter.
// Assessments carry no advisor: with an advisor filter they count for the
// organisations that advisor visited in the period.
func (c *refComputation) assessOrg(id string) *refOrg {
	o := c.orgs.resolve(id)
	if o == nil || !refMatchOrg(&c.f, o) {
		return nil
	}
	if c.f.Advisor != "" {
		if !c.reached.has(o) {
			return nil
		}
	}
	return o
}

// assessments computes the SDGs addressed (Agenda 2030 items marked as
// applying in done assessments of the period) and the impact (levels of
// scale models rising between an organisation's first and latest done
// assessment). answers come oldest assessment first.
func (c *refComputation) assessments(answers []data.ReportAnswer) {
	c.sdgs = map[string]*refSdgBuilder{}
	type key struct{ model, dim, org string }
	type measure struct {
		first, latest  int
		latestDate     string
		count          int
		lastAssessment string
		assessmentIDs  []string
	}
	measures := map[key]*measure{}
	var order []key
	for _, a := range answers {
		o := c.assessOrg(a.OrgID)
		if o == nil {
			continue
		}
		if a.ModelID == AgendaModel {
			if a.Applies && c.f.inPeriod(a.Date) {
				b := c.sdgs[a.Dimension]
				if b == nil {
					b = &refSdgBuilder{}
					c.sdgs[a.Dimension] = b
				}
				b.addOrg(o)
				if n := len(b.assessments); n == 0 || b.assessments[n-1] != a.AssessmentID {
					b.assessments = append(b.assessments, a.AssessmentID)
				}
				c.named.addOrg(o)
			}
			continue
		}
		if a.Level == nil {
			continue // canvas blocks, checklist items, unanswered dimensions
		}
		k := key{a.ModelID, a.Dimension, o.ID}
		m := measures[k]
		if m == nil {
			m = &measure{first: *a.Level}
			measures[k] = m
			order = append(order, k)
		}
		// After a merge the keeper may hold two assessments of one day: the
		// later one read (by creation time) is the latest.
		m.latest, m.latestDate = *a.Level, a.Date
		if m.lastAssessment != a.AssessmentID {
			m.count++
			m.lastAssessment = a.AssessmentID
		}
	}
	type row struct{ assessed, improved refFigureBuilder }
	rows := map[[2]string]*row{}
	for _, k := range order {
		m := measures[k]
		if m.count < 2 || !c.f.inPeriod(m.latestDate) {
			continue
		}
		rk := [2]string{k.model, k.dim}
		r := rows[rk]
		if r == nil {
			r = &row{}
			rows[rk] = r
		}
		o := c.orgs.byID[k.org]
		r.assessed.addOrg(o)
		c.named.addOrg(o)
		if m.latest > m.first {
			r.improved.addOrg(o)
			c.impactOrgs.addOrg(o)
		}
	}
	for rk, r := range rows {
		c.impact = append(c.impact, Impact{Model: rk[0], Dimension: rk[1], Assessed: r.assessed.orgFigure(c), Improved: r.improved.orgFigure(c)})
	}
	slices.SortFunc(c.impact, func(x, y Impact) int {
		return cmp.Or(cmp.Compare(x.Model, y.Model), cmp.Compare(x.Dimension, y.Dimension))
	})
	if c.impact == nil {
		c.impact = []Impact{}
	}
}

// sdgList lists the 17 goals (zero counts too, so tables keep their shape)
// and any other item marked, in goal order.
func (c *refComputation) sdgList() ([]SDG, int) {
	goals := SDGGoals()
	for g := range c.sdgs {
		if !slices.Contains(goals, g) {
			goals = append(goals, g)
		}
	}
	slices.SortFunc(goals, func(a, b string) int { return cmp.Or(cmp.Compare(goalNumber(a), goalNumber(b)), cmp.Compare(a, b)) })
	out := make([]SDG, 0, len(goals))
	addressed := 0
	for _, g := range goals {
		s := SDG{Goal: g, Orgs: []string{}, Assessments: []string{}}
		if b := c.sdgs[g]; b != nil {
			s.Orgs = b.orgFigure(c).Orgs
			s.Assessments = b.assessments
			addressed++
		}
		out = append(out, s)
	}
	return out, addressed
}

// ReportOrganisations returns every organisation, tombstones included.
func refReportOrganisations(ctx context.Context, db *sql.DB) ([]data.ReportOrg, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, country, municipality, sector, kind, employees,
		leader_gender, deleted, merged_into FROM organisations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]data.ReportOrg, 0, 1024)
	for rows.Next() {
		var o data.ReportOrg
		var emp sql.NullInt64
		if err := rows.Scan(&o.ID, &o.Name, &o.Country, &o.Municipality, &o.Sector, &o.Kind, &emp,
			&o.LeaderGender, &o.Deleted, &o.MergedInto); err != nil {
			return nil, err
		}
		if emp.Valid {
			n := int(emp.Int64)
			o.Employees = &n
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ReportVisits returns the live visits dated from..to (inclusive; "" leaves
// that end open), oldest first, with their organisations.
//
// It reads the visits table front to back and takes the organisations from
// the visit's own list (visit_orgs is derived from it) rather than walking
// the date index and joining visit_orgs: over 100,000 visits the index walk
// jumps between table pages for every row and takes four times as long as
// the sequential scan plus a sort in Go.
func refReportVisits(ctx context.Context, db *sql.DB, from, to string) ([]data.ReportVisit, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.QueryContext(ctx, `SELECT v.id, v.created_at, v.date, v.type, v.minutes, v.advisor, v.place,
		v.women, v.men, v.other, v.phase, v.cross_border, v.orgs
		FROM visits v NOT INDEXED
		WHERE v.deleted = 0 AND v.date >= ? AND v.date <= ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]data.ReportVisit, 0, 1024)
	// Sort keys are kept apart from the records, so the sort moves 24-byte
	// keys instead of whole visits.
	type sortKey struct {
		date    int32 // YYYYMMDD: integers compare faster than strings
		created int64
		i       int32
	}
	keys := make([]sortKey, 0, 1024)
	var orgs, date, typ, advisor, place, phase sql.RawBytes
	// Dates, types, advisors, places and phases repeat across thousands of
	// visits: one string each instead of one per visit spares the allocator
	// and the garbage collector half a million strings.
	interned := map[string]string{}
	intern := func(b []byte) string {
		if s, ok := interned[string(b)]; ok {
			return s
		}
		s := string(b)
		interned[s] = s
		return s
	}
	for rows.Next() {
		var v data.ReportVisit
		var created int64
		if err := rows.Scan(&v.ID, &created, &date, &typ, &v.Minutes, &advisor, &place,
			&v.Women, &v.Men, &v.Other, &phase, &v.CrossBorder, &orgs); err != nil {
			return nil, err
		}
		v.Date, v.Type, v.Advisor, v.Place, v.Phase = intern(date), data.VisitType(intern(typ)), intern(advisor), intern(place), data.Phase(intern(phase))
		if v.OrgIDs, err = refParseIDList(orgs); err != nil {
			return nil, fmt.Errorf("visit %s: orgs: %w", v.ID, err)
		}
		keys = append(keys, sortKey{refDateNumber(v.Date), created, int32(len(out))})
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// The order of the visit list: date, then creation, then id.
	slices.SortFunc(keys, func(a, b sortKey) int {
		// Not cmp.Or: it would compare the ids (far away in memory) every time.
		if a.date != b.date {
			return cmp.Compare(a.date, b.date)
		}
		if a.created != b.created {
			return cmp.Compare(a.created, b.created)
		}
		return strings.Compare(out[a.i].ID, out[b.i].ID)
	})
	sorted := make([]data.ReportVisit, len(out))
	for i, k := range keys {
		sorted[i] = out[k.i]
	}
	return sorted, nil
}

// refDateNumber turns a stored YYYY-MM-DD date into YYYYMMDD (dates that are
// not in that form sort by their first digits; validation keeps them out).
func refDateNumber(d string) int32 {
	var n int32
	for i := 0; i < len(d) && i < 10; i++ {
		if c := d[i]; c >= '0' && c <= '9' {
			n = n*10 + int32(c-'0')
		}
	}
	return n
}

// refParseIDList reads a stored JSON list of ids. The apply path writes it in
// canonical form (["a","b"]), which is split directly; anything with escapes
// goes through the JSON decoder.
func refParseIDList(b []byte) ([]string, error) {
	s := strings.TrimSpace(string(b))
	if s == "" || s == "[]" {
		return nil, nil
	}
	if strings.HasPrefix(s, `["`) && strings.HasSuffix(s, `"]`) && !strings.ContainsRune(s, '\\') {
		parts := strings.Split(s[2:len(s)-2], `","`)
		if !slices.ContainsFunc(parts, func(p string) bool { return strings.ContainsRune(p, '"') }) {
			return parts, nil
		}
	}
	var ids []string
	err := json.Unmarshal(b, &ids)
	return ids, err
}

// ReportAnswers returns the live answers of live, done assessments dated up
// to to (inclusive; "" for no end), oldest assessment first.
func refReportAnswers(ctx context.Context, db *sql.DB, to string) ([]data.ReportAnswer, error) {
	if to == "" {
		to = "9999-12-31"
	}
	rows, err := db.QueryContext(ctx, `SELECT a.id, a.org_id, a.model_id, a.date, a.created_at, n.dimension, n.level, n.applies
		FROM assessments a JOIN assessment_answers n ON n.assessment_id = a.id AND n.deleted = 0
		WHERE a.deleted = 0 AND a.status = ? AND a.date <= ?
		ORDER BY a.date, a.created_at, a.id, n.dimension`, string(data.AssessmentDone), to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.ReportAnswer
	for rows.Next() {
		var a data.ReportAnswer
		var level sql.NullInt64
		if err := rows.Scan(&a.AssessmentID, &a.OrgID, &a.ModelID, &a.Date, &a.CreatedAt, &a.Dimension, &level, &a.Applies); err != nil {
			return nil, err
		}
		if level.Valid {
			n := int(level.Int64)
			a.Level = &n
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func refMatchOrg(f *Filter, o *refOrg) bool {
	return (f.Country == "" || o.Country == f.Country) &&
		(f.County == "" || o.county == f.County) &&
		(f.Municipality == "" || o.Municipality == f.Municipality) &&
		(f.Kind == "" || o.Kind == f.Kind)
}
