package indicators

import "eu.ilsa.coach/ilsa/data/domain"

// BorderSides are the countries of one visit's organisations, as far as the
// border is concerned. The report and the visit form both decide with it
// whether a visit counts as cross-border, so the form shows what the report
// will count.
type BorderSides struct{ se, no bool }

// Add counts one organisation's country.
func (b *BorderSides) Add(c domain.Country) {
	b.se = b.se || c == domain.CountrySE
	b.no = b.no || c == domain.CountryNO
}

// Spans: organisations of both Sweden and Norway take part, so they
// cooperate across the border (RCO87).
func (b BorderSides) Spans() bool { return b.se && b.no }

// CrossBorder is whether the visit counts as cross-border: its
// organisations span the border, or the advisor marked it so (participants
// from both countries, say).
func (b BorderSides) CrossBorder(marked bool) bool { return b.Spans() || marked }
