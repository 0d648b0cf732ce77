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

	RCO01       SizeSplit // sizes at each enterprise's first visit since the project's start
	RCO04       Figure
	RCO81       Figure
	RCO84       Figure
	RCO87       Figure
	OrgsReached Figure
	UnknownKind Figure
	WomenLed    Figure
	VisitCount  Figure
	CrossBorder Figure
	Minutes     int
}

// Hours is the advisor time in hours.
func (c *Cumulative) Hours() float64 { return float64(c.Minutes) / 60 }

// projectStart is the day the project's figures count from: the filter's
// ProjectStart, or else the date of the first live visit ("" when there is
// none).
func projectStart(ctx context.Context, db *sql.DB, f Filter) (string, error) {
	if f.ProjectStart != "" {
		return f.ProjectStart, nil
	}
	var first sql.NullString
	err := db.QueryRowContext(ctx, `SELECT min(date) FROM visits WHERE deleted = 0`).Scan(&first)
	return first.String, err
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
func (c *computation) cumulative(from, to string) *Cumulative {
	r := c.report()
	return &Cumulative{From: from, To: to, RCO01: r.RCO01, RCO04: r.RCO04, RCO81: r.RCO81, RCO84: r.RCO84, RCO87: r.RCO87,
		OrgsReached: r.OrgsReached, UnknownKind: r.UnknownKind, WomenLed: r.WomenLed, VisitCount: r.VisitCount,
		CrossBorder: r.CrossBorder, Minutes: r.Minutes}
}
