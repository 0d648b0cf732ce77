package indicators

import (
	"slices"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The report's breakdowns: each visit added to the row of its value in every
// dimension, of the visit (phase, type, month, advisor) and of its
// organisations (country, county, municipality, sector, kind, leadership).

// visitDimensions are the dimensions that are properties of visits.
var visitDimensions = [4]Dimension{ByPhase, ByType, ByMonth, ByAdvisor}

// breakdowns adds the visit to the row of each dimension's value: once per
// distinct value among its organisations for organisation dimensions (a
// workshop with a Swedish and a Norwegian client counts in both countries),
// once for visit dimensions.
func (c *computation) breakdowns(n int, v *VisitRow, scope []*org) {
	for i, d := range visitDimensions {
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
		// Visits come in date order, and their values repeat: the row of
		// the last visit is most often the row of this one.
		last := &c.lastRow[i]
		if last.rb == nil || last.key != key {
			last.key, last.rb = key, c.row(d, key)
		}
		rb := last.rb
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
var orgDimensions = [6]Dimension{ByCountry, ByCounty, ByMunicipality, BySector, ByKind, ByLeadership}

func orgKey(d Dimension, o *org) string {
	switch d {
	case ByCountry:
		return string(o.Country)
	case ByCounty:
		return o.county
	case ByMunicipality:
		return o.Municipality
	case ByKind:
		if !o.knownKind {
			return ""
		}
		return string(o.Kind)
	case ByLeadership:
		if !slices.Contains(domain.LeaderGenders, o.LeaderGender) {
			return "" // a value from a newer build: not given here
		}
		return string(o.LeaderGender)
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
