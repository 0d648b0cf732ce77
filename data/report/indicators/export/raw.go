package export

import (
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// rawHeader and rawRow describe the raw data sheet: one line per visit in
// scope, with the organisations' names, countries and municipalities
// written out, so a funder's questions can be answered from the workbook.
func rawHeader(tr *translations.Localizer) ([]string, []float64) {
	return []string{tr.T("cli.col.id"), tr.T("field.date"), tr.T("field.orgs"), tr.T("report.indicators.col.countries"),
			tr.T("field.municipality"), tr.T("field.type"), tr.T("field.minutes"), tr.T("field.place"), tr.T("field.advisor"),
			tr.T("field.women"), tr.T("field.men"), tr.T("field.other"), tr.T("field.phase"), tr.T("field.cross_border")},
		[]float64{38, 12, 40, 10, 22, 14, 10, 18, 20, 9, 9, 9, 22, 12}
}

func rawRow(r *indicators.Report, v *indicators.VisitRow, tr *translations.Localizer) []cell {
	var names, munis []string
	var countries []string
	for _, id := range v.OrgIDs {
		o := r.Orgs[id]
		names = append(names, o.Name)
		if c := string(o.Country); c != "" && !slices.Contains(countries, c) {
			countries = append(countries, c)
		}
		if m := indicators.RowLabel(indicators.ByMunicipality, o.Municipality, tr); !slices.Contains(munis, m) {
			munis = append(munis, m)
		}
	}
	slices.Sort(countries)
	cross := v.CrossBorder || len(countries) > 1 // as the indicators read it
	yes := tr.T("report.indicators.no")
	if cross {
		yes = tr.T("report.indicators.yes")
	}
	return []cell{text(v.ID), text(v.Date), text(strings.Join(names, "; ")), text(strings.Join(countries, ", ")),
		text(strings.Join(munis, "; ")), text(tr.VisitType(v.Type)), count(v.Minutes), text(v.Place), text(v.Advisor),
		count(v.Women), count(v.Men), count(v.Other), text(tr.Phase(v.Phase)), text(yes)}
}
