package indicators

import (
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// How the report's breakdowns read in the reader's language: what the
// exports write and the Reports screen shows.

// DimensionTitle is a breakdown's column label ("Municipality") and its
// table title ("Visits and advisor hours by municipality"): the exports and
// the Reports screen use the same words. The keys are spelled out so the
// translation test sees them.
func DimensionTitle(d Dimension, tr *translations.Localizer) (label, title string) {
	switch d {
	case ByCountry:
		return tr.T("field.country"), tr.T("report.indicators.by.country")
	case ByCounty:
		return tr.T("report.indicators.col.county"), tr.T("report.indicators.by.county")
	case ByMunicipality:
		return tr.T("field.municipality"), tr.T("report.indicators.by.municipality")
	case BySector:
		return tr.T("field.sector"), tr.T("report.indicators.by.sector")
	case ByKind:
		return tr.T("report.indicators.col.kind"), tr.T("report.indicators.by.kind")
	case ByLeadership:
		return tr.T("field.leader_gender"), tr.T("report.indicators.by.leadership")
	case ByPhase:
		return tr.T("field.phase"), tr.T("report.indicators.by.phase")
	case ByType:
		return tr.T("field.type"), tr.T("report.indicators.by.type")
	case ByMonth:
		return tr.T("report.indicators.col.month"), tr.T("report.indicators.by.month")
	}
	return tr.T("field.advisor"), tr.T("report.indicators.by.advisor")
}

// RowLabel is how a breakdown row's key reads in the reader's language
// (a municipality's name, a sector's title, a translated phase …), in the
// exports and on the Reports screen alike.
func RowLabel(d Dimension, key string, tr *translations.Localizer) string {
	notGiven := tr.T("report.indicators.not_given")
	if key == "" && d != ByPhase {
		return notGiven
	}
	switch d {
	case ByCountry:
		return tr.Country(domain.Country(key))
	case ByCounty:
		for _, c := range domain.Counties() {
			if c.Code == key {
				return c.Name
			}
		}
	case ByMunicipality:
		if key == domain.MunicipalityOther {
			return tr.T("report.indicators.outside_area")
		}
		if m, ok := domain.MunicipalityByCode(key); ok {
			return m.Name
		}
	case BySector:
		if s, ok := domain.SectorByCode(key); ok {
			return key + " – " + s.Name(tr.Lang())
		}
	case ByKind:
		return tr.Kind(domain.OrgKind(key))
	case ByLeadership:
		return tr.Leader(domain.LeaderGender(key))
	case ByPhase:
		return tr.Phase(domain.Phase(key))
	case ByType:
		return tr.VisitType(domain.VisitType(key))
	}
	return key
}
