package indicators

// The JSON of the figures by partner and by side, and of the share of
// enterprises with sustainability work.

// jsonShare is "value of of (percent %); unknown not given".
type jsonShare struct {
	Value   int `json:"value"`
	Of      int `json:"of"`
	Percent int `json:"percent"`
	Unknown int `json:"unknown"`
}

func shareJSON(s Sustainability, of int) jsonShare {
	return jsonShare{Value: s.Yes.Value, Of: of, Percent: s.Percent(of), Unknown: s.Unknown.Value}
}

// jsonSplit is one row of breakdowns.partner or breakdowns.side: its
// visits and time as in the other breakdowns, and every figure of the
// period for its records.
type jsonSplit struct {
	Key           string          `json:"key"`
	Visits        int             `json:"visits"`
	Minutes       int             `json:"minutes"`
	Hours         float64         `json:"hours"`
	Organisations int             `json:"organisations"`
	Indicators    jsonSplitFigure `json:"indicators"`
}

type jsonSplitFigure struct {
	RCO01        jsonRCO01 `json:"RCO01"`
	RCO04        jsonValue `json:"RCO04"`
	RCO81        jsonValue `json:"RCO81"`
	RCO83        jsonValue `json:"RCO83"`
	RCO84        jsonValue `json:"RCO84"`
	RCO87        jsonValue `json:"RCO87"`
	BorderOrgs   jsonValue `json:"organisations_at_cross_border_activities"`
	OrgsReached  jsonValue `json:"organisations_reached"`
	UnknownKind  jsonValue `json:"unknown_kind"`
	WomenLed     jsonValue `json:"women_led"`
	Sustainable  jsonShare `json:"sustainability"`
	Visits       jsonValue `json:"visits"`
	CrossBorder  jsonValue `json:"cross_border_visits"`
	AdvisorHours jsonHours `json:"advisor_hours"`
}

func splitsJSON(splits []Split) []jsonSplit {
	out := make([]jsonSplit, 0, len(splits))
	for _, s := range splits {
		c := s.Figures
		out = append(out, jsonSplit{Key: s.Key, Visits: c.VisitCount.Value, Minutes: c.Minutes, Hours: hours(c.Minutes),
			Organisations: c.OrgsReached.Value, Indicators: jsonSplitFigure{RCO01: rco01JSON(c.RCO01),
				RCO04: jsonValue{c.RCO04.Value}, RCO81: jsonValue{c.RCO81.Value}, RCO83: jsonValue{c.RCO83.Value},
				RCO84: jsonValue{c.RCO84.Value}, RCO87: jsonValue{c.RCO87.Value}, BorderOrgs: jsonValue{c.BorderActivityOrgs.Value},
				OrgsReached: jsonValue{c.OrgsReached.Value}, UnknownKind: jsonValue{c.UnknownKind.Value},
				WomenLed: jsonValue{c.WomenLed.Value}, Sustainable: shareJSON(c.Sustainability, c.RCO01.Value),
				Visits: jsonValue{c.VisitCount.Value}, CrossBorder: jsonValue{c.CrossBorder.Value},
				AdvisorHours: jsonHours{hours(c.Minutes)}}})
	}
	return out
}
