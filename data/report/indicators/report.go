package indicators

import "eu.ilsa.coach/ilsa/data/domain"

// Figure is one number of the report and what lies behind it, so a screen
// can list the organisations and visits a number counts. The id lists of a
// Report are read-only: figures share them (RCO04 is RCO01's; every list of
// visits that are the report's first ones is a window on one list).
type Figure struct {
	Value  int      // the number reported
	Orgs   []string // ids of the organisations behind it (keepers, never merged duplicates), sorted
	Visits []string // ids of the visits behind it, oldest first
	// Joints are the ids of the joint actions behind it (RCO83, RCO84,
	// RCO87), oldest first; nil for figures counted from visits.
	Joints []string `json:",omitempty"`
}

// SizeSplit is an enterprise count split by EU size class. Unknown holds the
// enterprises without an employee count: shown as such, never guessed.
type SizeSplit struct {
	Figure
	Micro, Small, Medium, Large, Unknown Figure
}

// Class returns the part of the split for one size class.
func (s *SizeSplit) Class(c domain.SizeClass) *Figure {
	switch c {
	case domain.SizeMicro:
		return &s.Micro
	case domain.SizeSmall:
		return &s.Small
	case domain.SizeMedium:
		return &s.Medium
	case domain.SizeLarge:
		return &s.Large
	}
	return &s.Unknown
}

// Gender is the head count of participants on the visits in scope.
type Gender struct {
	Women, Men, Other int
	Visits            []string // the visits the head counts come from, oldest first
}

// Total is everyone counted.
func (g Gender) Total() int { return g.Women + g.Men + g.Other }

// Leadership counts the organisations reached by who leads them.
type Leadership struct {
	Women, Men, Mixed, Unknown Figure
}

// Dimension names a breakdown table.
type Dimension string

const (
	ByCountry      Dimension = "country"
	ByCounty       Dimension = "county"
	ByMunicipality Dimension = "municipality"
	BySector       Dimension = "sector"
	ByKind         Dimension = "kind"
	ByLeadership   Dimension = "leadership"
	ByPhase        Dimension = "phase"
	ByType         Dimension = "type"
	ByMonth        Dimension = "month"
	ByAdvisor      Dimension = "advisor"
)

// Dimensions lists the breakdowns in the order reports show them.
var Dimensions = []Dimension{ByCountry, ByCounty, ByMunicipality, BySector, ByKind, ByLeadership, ByPhase, ByType, ByMonth, ByAdvisor}

// Breakdown is one table: visits and advisor time per value of a dimension.
type Breakdown struct {
	Dimension Dimension
	Rows      []Row // sorted by Key; "" (not given) last
}

// Row is one line of a breakdown. Key is the stored value: a country code,
// county code, municipality code, sector letter, organisation kind
// ("" for a kind not given or not known to this build), leadership
// (women, men, mixed; "" not given), phase, visit type,
// YYYY-MM or advisor name; "" when not given.
type Row struct {
	Key     string
	Visits  int
	Minutes int
	// VisitIDs are the visits counted (oldest first), OrgIDs the organisations
	// in scope on them with this value (or all of them, for visit dimensions).
	VisitIDs []string
	OrgIDs   []string
}

// Hours is the advisor time in hours.
func (r Row) Hours() float64 { return float64(r.Minutes) / 60 }

// SDG is one of the Agenda 2030 goals and the organisations that said their
// work serves it.
type SDG struct {
	Goal        string   // the checklist item id, "sdg-1" … "sdg-17"
	Orgs        []string // sorted
	Assessments []string // the done Agenda 2030 assessments that mark the goal
}

// Impact is one dimension of one scale model: how many organisations were
// measured at least twice, and how many of them rose.
type Impact struct {
	Model     string
	Dimension string
	Assessed  Figure // organisations with a first and a later level (latest in the period)
	Improved  Figure // those whose latest level is above their first
}

// Report is the whole funder report for one filter.
type Report struct {
	Filter Filter

	RCO01 SizeSplit // enterprises supported
	RCO04 Figure    // enterprises with non-financial support (all our support is advice: same as RCO01)
	RCO81 Figure    // participations in joint actions across borders: head count on cross-border visits
	RCO83 Figure    // strategies and action plans jointly developed: cross-border joint plans completed in the period
	RCO84 Figure    // pilot actions developed jointly and implemented: cross-border joint pilots completed in the period
	RCO87 Figure    // organisations cooperating across borders: partners of cross-border joint actions that ran in the period

	// BorderActivityOrgs are the organisations at cross-border activities:
	// on a visit in the period together with an organisation of the other
	// country. Attending is not cooperating: this is not RCO87.
	BorderActivityOrgs Figure

	OrgsReached Figure // organisations of any kind visited in the period
	UnknownKind Figure // organisations reached whose kind is not given (or unknown to this build): not in RCO01
	WomenLed    Figure // organisations reached that are led by women
	Leadership  Leadership
	// Sustainability: the enterprises supported (RCO01) with established
	// sustainability work, and those for which it is not given.
	Sustainability Sustainability
	// SecondWave: the enterprises innovation actors reached with what they
	// learnt in the project; nil in a report of one advisor, partner or side.
	SecondWave  *SecondWave
	VisitCount  Figure // visits in scope
	Minutes     int    // advisor time on the visits in scope
	CrossBorder Figure // visits across borders (organisations of both countries, or marked so)
	Gender      Gender

	Breakdowns    []Breakdown // one per entry of Dimensions, in that order
	SDGs          []SDG       // the 17 goals in order (and any other item found), zero counts included
	SDGsAddressed int         // goals marked by at least one organisation
	Impact        []Impact    // per model and dimension, sorted
	ImpactOrgs    Figure      // organisations that rose in at least one dimension

	// Cumulative are the figures of the whole project up to the period's end.
	Cumulative *Cumulative
	// Partners and Sides split the period's figures by the project partner
	// the visits and joint actions are reported under, and by its country.
	Partners, Sides []Split

	// Submitted is the newest submitted report of the period beside this
	// one (CompareSubmitted), when the caller asked for it; nil otherwise.
	Submitted *Submitted `json:"-"`

	// Visits are the visits in scope (the raw data of the exports), oldest
	// first, with organisation ids resolved through merges.
	Visits []VisitRow
	// Orgs describes every organisation an id of the report names.
	Orgs map[string]OrgRow
	// JointActions describes every joint action a figure names.
	JointActions map[string]JointRow
}

// Hours is the advisor time in hours.
func (r *Report) Hours() float64 { return float64(r.Minutes) / 60 }

// Breakdown returns the table of one dimension.
func (r *Report) Breakdown(d Dimension) *Breakdown {
	for i := range r.Breakdowns {
		if r.Breakdowns[i].Dimension == d {
			return &r.Breakdowns[i]
		}
	}
	return nil
}
