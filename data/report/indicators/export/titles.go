package export

import (
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// DimensionTitle is a breakdown's column label ("Municipality") and its
// table title ("Visits and advisor hours by municipality"), as the exports
// write them; the Reports screen uses the same words.
func DimensionTitle(d indicators.Dimension, tr *translations.Localizer) (label, title string) {
	return dimensionTexts(d, tr)
}
