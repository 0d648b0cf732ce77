package indicators

import (
	"strings"

	"eu.ilsa.coach/ilsa/translations"
)

// How a submitted report's differences read in the reader's language, on
// the Reports screen and in the exports alike.

// figureLabelKeys are the translation keys of the figures' names, by
// their keys in a snapshot.
var figureLabelKeys = map[string]string{"RCO01": "report.indicators.rco01", "RCO01.micro": "report.indicators.rco01.micro",
	"RCO01.small": "report.indicators.rco01.small", "RCO01.medium": "report.indicators.rco01.medium",
	"RCO01.large": "report.indicators.rco01.large", "RCO01.unknown": "report.indicators.rco01.unknown",
	"RCO04": "report.indicators.rco04", "RCO81": "report.indicators.rco81", "RCO83": "report.indicators.rco83",
	"RCO84": "report.indicators.rco84", "RCO87": "report.indicators.rco87",
	"organisations_at_cross_border_activities": "report.indicators.border_orgs",
	"organisations_reached":                    "report.indicators.orgs_reached", "unknown_kind": "report.indicators.unknown_kind",
	"women_led": "report.indicators.women_led", "visits": "report.indicators.col.visits",
	"cross_border_visits": "report.indicators.cross_border", "advisor_minutes": "report.submitted.minutes",
	"organisations_improved": "report.indicators.improved"}

// FigureLabel names a figure of a snapshot ("RCO01", "cumulative.visits")
// as the report's tables do; a figure since the project's start says so.
func FigureLabel(key string, tr *translations.Localizer) string {
	k, cumulative := strings.CutPrefix(key, cumulativePrefix)
	label := key
	if t, ok := figureLabelKeys[k]; ok {
		label = tr.T(t)
	}
	if cumulative {
		label += " · " + tr.T("report.indicators.since_start")
	}
	return label
}

// whyKeys are the words for what happened to a record.
var whyKeys = map[WhyCode]string{
	WhyRecordedAfter: "report.submitted.why.recorded_after", WhyDeleted: "report.submitted.why.deleted",
	WhyMerged: "report.submitted.why.merged", WhyMergedFrom: "report.submitted.why.merged_from",
	WhyDateMoved: "report.submitted.why.date_moved", WhyEdited: "report.submitted.why.edited",
	WhyVisits: "report.submitted.why.visits", WhyOrgGone: "report.submitted.why.org_gone",
	WhyUnknown: "report.submitted.why.unknown",
}

// WhyText says in words what happened after the submission to the record
// with id, which entered or left a figure of r.
func (r *Report) WhyText(id string, tr *translations.Localizer) string {
	w := r.Submitted.Why[id]
	name := w.Param
	if o, ok := r.Submitted.Why[w.Param]; ok {
		name = o.Label
	} else if o, ok := r.Orgs[w.Param]; ok {
		name = o.Name
	}
	key, ok := whyKeys[w.Code]
	if !ok {
		key = whyKeys[WhyUnknown]
	}
	return tr.T(key, "Name", name, "Date", tr.DateString(w.Param))
}
