package export

import (
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// The figures by project partner and by national side, one column per
// partner (or side) and one row per figure, as the indicator table reads;
// and the share of enterprises with sustainability work in that table.

// figureRow is one figure of a set, as a labelled row.
type figureRow struct {
	code, label string
	value       func(c *indicators.Cumulative) cell
}

// figureRows are the figures the report gives for a partner or a side.
func figureRows(tr *translations.Localizer) []figureRow {
	n := func(code, key string, f func(c *indicators.Cumulative) int) figureRow {
		return figureRow{code, tr.T(key), func(c *indicators.Cumulative) cell { return count(f(c)) }}
	}
	return []figureRow{
		n("RCO01", "report.indicators.rco01", func(c *indicators.Cumulative) int { return c.RCO01.Value }),
		n("RCO01", "report.indicators.rco01.micro", func(c *indicators.Cumulative) int { return c.RCO01.Micro.Value }),
		n("RCO01", "report.indicators.rco01.small", func(c *indicators.Cumulative) int { return c.RCO01.Small.Value }),
		n("RCO01", "report.indicators.rco01.medium", func(c *indicators.Cumulative) int { return c.RCO01.Medium.Value }),
		n("RCO01", "report.indicators.rco01.large", func(c *indicators.Cumulative) int { return c.RCO01.Large.Value }),
		n("RCO01", "report.indicators.rco01.unknown", func(c *indicators.Cumulative) int { return c.RCO01.Unknown.Value }),
		n("RCO04", "report.indicators.rco04", func(c *indicators.Cumulative) int { return c.RCO04.Value }),
		n("RCO81", "report.indicators.rco81", func(c *indicators.Cumulative) int { return c.RCO81.Value }),
		n("RCO83", "report.indicators.rco83", func(c *indicators.Cumulative) int { return c.RCO83.Value }),
		n("RCO84", "report.indicators.rco84", func(c *indicators.Cumulative) int { return c.RCO84.Value }),
		n("RCO87", "report.indicators.rco87", func(c *indicators.Cumulative) int { return c.RCO87.Value }),
		n("", "report.indicators.border_orgs", func(c *indicators.Cumulative) int { return c.BorderActivityOrgs.Value }),
		n("", "report.indicators.orgs_reached", func(c *indicators.Cumulative) int { return c.OrgsReached.Value }),
		n("", "report.indicators.unknown_kind", func(c *indicators.Cumulative) int { return c.UnknownKind.Value }),
		n("", "report.indicators.women_led", func(c *indicators.Cumulative) int { return c.WomenLed.Value }),
		n("", "report.indicators.sustainable", func(c *indicators.Cumulative) int { return c.Sustainability.Yes.Value }),
		{"", tr.T("report.indicators.sustainable_share"), func(c *indicators.Cumulative) cell {
			return share(c.Sustainability.Yes.Value, c.RCO01.Value)
		}},
		n("", "report.indicators.sustainable_unknown", func(c *indicators.Cumulative) int { return c.Sustainability.Unknown.Value }),
		n("", "report.indicators.col.visits", func(c *indicators.Cumulative) int { return c.VisitCount.Value }),
		n("", "report.indicators.cross_border", func(c *indicators.Cumulative) int { return c.CrossBorder.Value }),
		{"", tr.T("report.indicators.col.hours"), func(c *indicators.Cumulative) cell { return hoursCell(c.Minutes) }},
	}
}

// sustainabilityRows add to the indicator table the enterprises supported
// with established sustainability work, their share and those not given,
// for the period and since the project's start.
func sustainabilityRows(t *table, r *indicators.Report, c *indicators.Cumulative, tr *translations.Localizer) {
	s, cs := r.Sustainability, c.Sustainability
	t.rows = append(t.rows,
		[]cell{text(""), text(tr.T("report.indicators.sustainable")), count(s.Yes.Value), count(cs.Yes.Value)},
		[]cell{text(""), text(tr.T("report.indicators.sustainable_share")), share(s.Yes.Value, r.RCO01.Value),
			share(cs.Yes.Value, c.RCO01.Value)},
		[]cell{text(""), text(tr.T("report.indicators.sustainable_unknown")), count(s.Unknown.Value), count(cs.Unknown.Value)})
}

// SplitLabel is how a partner or side column is headed: the partner's
// name, the side's country, or "not given".
func SplitLabel(bySide bool, key string, tr *translations.Localizer) string {
	switch {
	case key == "":
		return tr.T("report.indicators.not_given")
	case bySide:
		return tr.Country(domain.Country(key))
	}
	return key
}

// splitTable is the figures by partner (or by side): a column each.
func splitTable(splits []indicators.Split, bySide bool, tr *translations.Localizer) table {
	t := table{sheet: tr.T("report.indicators.sheet.partner"), title: tr.T("report.indicators.by.partner"),
		note: tr.T("report.indicators.by.partner_note")}
	if bySide {
		t.sheet, t.title, t.note = tr.T("report.indicators.sheet.side"), tr.T("report.indicators.by.side"), ""
	}
	t.header = []string{tr.T("report.indicators.col.code"), tr.T("report.indicators.col.indicator")}
	t.widths = []float64{10, 50}
	for _, s := range splits {
		t.header = append(t.header, SplitLabel(bySide, s.Key, tr))
		t.widths = append(t.widths, 16)
	}
	for _, fr := range figureRows(tr) {
		row := []cell{text(fr.code), text(fr.label)}
		for _, s := range splits {
			row = append(row, fr.value(s.Figures))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// splitTables are the tables by partner and by side.
func splitTables(r *indicators.Report, tr *translations.Localizer) []table {
	return []table{splitTable(r.Partners, false, tr), splitTable(r.Sides, true, tr)}
}
