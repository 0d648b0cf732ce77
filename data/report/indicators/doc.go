// Package indicators computes the funder report of ILSA Coach: the Interreg
// common indicators (RCO01, RCO04, RCO81 from visits; RCO83, RCO84, RCO87
// from joint actions), the organisations at cross-border activities,
// participants by gender, women-led organisations, visits and advisor hours by country,
// county, municipality, sector, phase and type, the SDGs addressed and the
// impact seen in assessments — each number with the organisations and visits
// behind it. The definitions are in docs/indicators.md; this package is
// what they say in code. It never imports Fyne: the CLI, the Reports screen
// and the exports (sub-package export) all read the same Report.
package indicators
