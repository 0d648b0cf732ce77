package export

import (
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/translations"
)

// decimalComma reports whether the language writes 11,25 rather than 11.25
// (Swedish and Norwegian; Excel in those locales reads numbers so).
func decimalComma(tr *translations.Localizer) bool { return tr.Lang() != "en" }

// plainDecimal writes f with two decimals and the language's decimal mark,
// without digit grouping: the form a spreadsheet parses as a number.
func plainDecimal(tr *translations.Localizer, f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if decimalComma(tr) {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// readableDecimal writes f with two decimals, grouped for reading (PDF).
func readableDecimal(tr *translations.Localizer, f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	mark := "."
	if decimalComma(tr) {
		mark = ","
	}
	return tr.Number(n) + mark + frac
}
