package indicators

import (
	"context"
	"database/sql"
)

// Cumulative holds the figures of the whole project up to the end of the
// report's period: from the project's start to Filter.To, under the same
// selection, each organisation counted once over the whole time (so no one
// adds up periods and counts an enterprise twice). Its figures carry the
// organisations behind them but no visits.
type Cumulative struct {
	From, To string // the project's start (the first visit's date when none is set) and the period's end

	RCO01 SizeSplit // sizes at each enterprise's first visit since the project's start
	RCO04 Figure
	RCO81 Figure
	RCO83 Figure
	RCO84 Figure
	RCO87 Figure
	// BorderActivityOrgs: organisations at cross-border activities.
	BorderActivityOrgs Figure
	OrgsReached        Figure
	UnknownKind        Figure
	WomenLed           Figure
	Sustainability     Sustainability
	SecondWave         *SecondWave
	VisitCount         Figure
	CrossBorder        Figure
	Minutes            int
}

// Hours is the advisor time in hours.
func (c *Cumulative) Hours() float64 { return float64(c.Minutes) / 60 }

// projectStart is the day the project's figures count from: the filter's
// ProjectStart, or else the date of the first live visit; first is that
// date ("" when there is no visit).
func projectStart(ctx context.Context, db *sql.DB, f Filter) (start, first string, err error) {
	var d sql.NullString
	if err := db.QueryRowContext(ctx, `SELECT min(date) FROM visits WHERE deleted = 0`).Scan(&d); err != nil {
		return "", "", err
	}
	if f.ProjectStart != "" {
		return f.ProjectStart, d.String, nil
	}
	return d.String, d.String, nil
}

// sameSpan reports whether the period and the project up to its end hold
// the same visits: their starts are the same once moved up to the first
// visit. Then the period's figures are the project's, computed once.
func sameSpan(from, start, first string) bool {
	return max(from, first) == max(start, first)
}

// cumulativeOf is the project's figures of a report whose span is the
// project's (the period's own report, or a figures-only one): the same
// figures, without visits. The joint actions' figures are counted apart
// (countJoints): they do not depend on the visits read.
func cumulativeOf(r *Report, from string) *Cumulative {
	o := func(f Figure) Figure { return Figure{Value: f.Value, Orgs: f.Orgs} }
	rco01 := SizeSplit{Figure: o(r.RCO01.Figure), Micro: o(r.RCO01.Micro), Small: o(r.RCO01.Small), Medium: o(r.RCO01.Medium),
		Large: o(r.RCO01.Large), Unknown: o(r.RCO01.Unknown)}
	return &Cumulative{From: from, To: r.Filter.To, RCO01: rco01, RCO04: o(r.RCO04), RCO81: o(r.RCO81),
		BorderActivityOrgs: o(r.BorderActivityOrgs), OrgsReached: o(r.OrgsReached), UnknownKind: o(r.UnknownKind), WomenLed: o(r.WomenLed),
		Sustainability: Sustainability{Yes: o(r.Sustainability.Yes), Unknown: o(r.Sustainability.Unknown)}, VisitCount: o(r.VisitCount), CrossBorder: o(r.CrossBorder), Minutes: r.Minutes}
}

// sameOrgs gives the organisations of c's table that os (of another
// computation's table over the same rows, sorted alike) are.
func (c *computation) sameOrgs(os []*org) []*org {
	buf := c.orgBuf[:0]
	for _, o := range os {
		buf = append(buf, c.orgs.list[o.idx])
	}
	c.orgBuf = buf
	return buf
}

// cumulative turns a figures-only computation into the project's figures.
func (c *computation) cumulative(from string) *Cumulative {
	return cumulativeOf(c.report(), from)
}
