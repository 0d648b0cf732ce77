package indicators

import (
	"encoding/json"
	"math"
)

// The JSON form (ilsa report indicators --format json) carries the numbers
// only; the ids behind them stay in the Report for screens, since a year of
// visits would make the file megabytes long.

type jsonValue struct {
	Value int `json:"value"`
}

type jsonRCO01 struct {
	Value   int `json:"value"`
	Micro   int `json:"micro"`
	Small   int `json:"small"`
	Medium  int `json:"medium"`
	Large   int `json:"large"`
	Unknown int `json:"unknown"`
}

type jsonHours struct {
	Value float64 `json:"value"`
}

type jsonIndicators struct {
	RCO01         jsonRCO01       `json:"RCO01"`
	RCO04         jsonValue       `json:"RCO04"`
	RCO81         jsonValue       `json:"RCO81"`
	RCO83         jsonValue       `json:"RCO83"`
	RCO84         jsonValue       `json:"RCO84"`
	RCO87         jsonValue       `json:"RCO87"`
	BorderOrgs    jsonValue       `json:"organisations_at_cross_border_activities"`
	OrgsReached   jsonValue       `json:"organisations_reached"`
	UnknownKind   jsonValue       `json:"unknown_kind"`
	WomenLed      jsonValue       `json:"women_led"`
	Sustainable   jsonShare       `json:"sustainability"`
	SecondWave    *jsonSecondWave `json:"second_wave,omitempty"`
	Visits        jsonValue       `json:"visits"`
	CrossBorder   jsonValue       `json:"cross_border_visits"`
	AdvisorHours  jsonHours       `json:"advisor_hours"`
	SDGsAddressed jsonValue       `json:"sdgs_addressed"`
	Impact        jsonValue       `json:"organisations_improved"`
}

// jsonCumulative is the project up to the period's end: its span and the
// figures that count organisations or visits over it.
type jsonCumulative struct {
	From         string          `json:"from"`
	To           string          `json:"to"`
	RCO01        jsonRCO01       `json:"RCO01"`
	RCO04        jsonValue       `json:"RCO04"`
	RCO81        jsonValue       `json:"RCO81"`
	RCO83        jsonValue       `json:"RCO83"`
	RCO84        jsonValue       `json:"RCO84"`
	RCO87        jsonValue       `json:"RCO87"`
	BorderOrgs   jsonValue       `json:"organisations_at_cross_border_activities"`
	OrgsReached  jsonValue       `json:"organisations_reached"`
	UnknownKind  jsonValue       `json:"unknown_kind"`
	WomenLed     jsonValue       `json:"women_led"`
	Sustainable  jsonShare       `json:"sustainability"`
	SecondWave   *jsonSecondWave `json:"second_wave,omitempty"`
	Visits       jsonValue       `json:"visits"`
	CrossBorder  jsonValue       `json:"cross_border_visits"`
	AdvisorHours jsonHours       `json:"advisor_hours"`
}

func rco01JSON(s SizeSplit) jsonRCO01 {
	return jsonRCO01{Value: s.Value, Micro: s.Micro.Value, Small: s.Small.Value, Medium: s.Medium.Value,
		Large: s.Large.Value, Unknown: s.Unknown.Value}
}

func cumulativeJSON(c *Cumulative) jsonCumulative {
	if c == nil {
		return jsonCumulative{}
	}
	return jsonCumulative{From: c.From, To: c.To, RCO01: rco01JSON(c.RCO01), RCO04: jsonValue{c.RCO04.Value},
		RCO81: jsonValue{c.RCO81.Value}, RCO83: jsonValue{c.RCO83.Value}, RCO84: jsonValue{c.RCO84.Value},
		RCO87: jsonValue{c.RCO87.Value}, BorderOrgs: jsonValue{c.BorderActivityOrgs.Value},
		OrgsReached: jsonValue{c.OrgsReached.Value}, UnknownKind: jsonValue{c.UnknownKind.Value},
		WomenLed: jsonValue{c.WomenLed.Value}, Sustainable: shareJSON(c.Sustainability, c.RCO01.Value), Visits: jsonValue{c.VisitCount.Value},
		SecondWave:  secondWaveJSON(c.SecondWave),
		CrossBorder: jsonValue{c.CrossBorder.Value}, AdvisorHours: jsonHours{hours(c.Minutes)}}
}

type jsonFilter struct {
	Country      string `json:"country,omitempty"`
	County       string `json:"county,omitempty"`
	Municipality string `json:"municipality,omitempty"`
	Advisor      string `json:"advisor,omitempty"`
	Kind         string `json:"kind,omitempty"`
	Partner      string `json:"partner,omitempty"`
	Side         string `json:"side,omitempty"`
	ProjectStart string `json:"project_start,omitempty"`
}

type jsonGender struct {
	Women int `json:"women"`
	Men   int `json:"men"`
	Other int `json:"other"`
	Total int `json:"total"`
}

type jsonLeadership struct {
	Women   int `json:"women"`
	Men     int `json:"men"`
	Mixed   int `json:"mixed"`
	Unknown int `json:"unknown"`
}

type jsonRow struct {
	Key           string  `json:"key"`
	Visits        int     `json:"visits"`
	Minutes       int     `json:"minutes"`
	Hours         float64 `json:"hours"`
	Organisations int     `json:"organisations"`
}

type jsonSDG struct {
	Goal          string `json:"goal"`
	Organisations int    `json:"organisations"`
}

type jsonImpact struct {
	Model     string `json:"model"`
	Dimension string `json:"dimension"`
	Assessed  int    `json:"assessed"`
	Improved  int    `json:"improved"`
}

type jsonReport struct {
	From       string         `json:"from"`
	To         string         `json:"to"`
	Filter     jsonFilter     `json:"filter"`
	Indicators jsonIndicators `json:"indicators"`
	Cumulative jsonCumulative `json:"cumulative"`
	Gender     jsonGender     `json:"gender"`
	Leadership jsonLeadership `json:"leadership"`
	Breakdowns map[string]any `json:"breakdowns"`
	SDGs       []jsonSDG      `json:"sdgs"`
	Impact     []jsonImpact   `json:"impact"`
	Submitted  *jsonSubmitted `json:"submitted,omitempty"`
}

// hours rounds minutes to hours with two decimals.
func hours(minutes int) float64 { return math.Round(float64(minutes)/60*100) / 100 }

// MarshalJSON writes the report in the form the funder export documents:
// {"from", "to", "filter", "indicators": {"RCO01": {"value", "micro", …}, …},
// "cumulative": {"from", "to", "RCO01": {…}, …}, "gender", "leadership",
// "breakdowns", "sdgs", "impact"}.
func (r *Report) MarshalJSON() ([]byte, error) {
	j := jsonReport{From: r.Filter.From, To: r.Filter.To,
		Filter: jsonFilter{Country: string(r.Filter.Country), County: r.Filter.County, Municipality: r.Filter.Municipality,
			Advisor: r.Filter.Advisor, Kind: string(r.Filter.Kind), ProjectStart: r.Filter.ProjectStart,
			Partner: r.Filter.Partner, Side: string(r.Filter.Side)},
		Indicators: jsonIndicators{
			RCO01: rco01JSON(r.RCO01),
			RCO04: jsonValue{r.RCO04.Value}, RCO81: jsonValue{r.RCO81.Value}, RCO83: jsonValue{r.RCO83.Value},
			RCO84: jsonValue{r.RCO84.Value}, RCO87: jsonValue{r.RCO87.Value}, BorderOrgs: jsonValue{r.BorderActivityOrgs.Value},
			OrgsReached: jsonValue{r.OrgsReached.Value}, UnknownKind: jsonValue{r.UnknownKind.Value},
			WomenLed: jsonValue{r.WomenLed.Value}, Sustainable: shareJSON(r.Sustainability, r.RCO01.Value),
			SecondWave: secondWaveJSON(r.SecondWave), Visits: jsonValue{r.VisitCount.Value}, CrossBorder: jsonValue{r.CrossBorder.Value},
			AdvisorHours: jsonHours{hours(r.Minutes)}, SDGsAddressed: jsonValue{r.SDGsAddressed}, Impact: jsonValue{r.ImpactOrgs.Value},
		},
		Cumulative: cumulativeJSON(r.Cumulative),
		Gender:     jsonGender{r.Gender.Women, r.Gender.Men, r.Gender.Other, r.Gender.Total()},
		Leadership: jsonLeadership{r.Leadership.Women.Value, r.Leadership.Men.Value, r.Leadership.Mixed.Value,
			r.Leadership.Unknown.Value},
		Breakdowns: map[string]any{},
		SDGs:       []jsonSDG{},
		Impact:     []jsonImpact{},
		Submitted:  submittedJSON(r.Submitted),
	}
	for _, b := range r.Breakdowns {
		rows := make([]jsonRow, 0, len(b.Rows))
		for _, row := range b.Rows {
			rows = append(rows, jsonRow{row.Key, row.Visits, row.Minutes, hours(row.Minutes), len(row.OrgIDs)})
		}
		j.Breakdowns[string(b.Dimension)] = rows
	}
	j.Breakdowns["partner"], j.Breakdowns["side"] = splitsJSON(r.Partners), splitsJSON(r.Sides)
	for _, s := range r.SDGs {
		j.SDGs = append(j.SDGs, jsonSDG{s.Goal, len(s.Orgs)})
	}
	for _, im := range r.Impact {
		j.Impact = append(j.Impact, jsonImpact{im.Model, im.Dimension, im.Assessed.Value, im.Improved.Value})
	}
	return json.Marshal(j)
}

// jsonSecondWave is "second_wave": the enterprises innovation actors
// reached (value = named + counted), apart from the project's own support.
type jsonSecondWave struct {
	Value   int `json:"value"`
	Named   int `json:"named"`
	Counted int `json:"counted"`
	Actors  int `json:"actors"`
}

func secondWaveJSON(w *SecondWave) *jsonSecondWave {
	if w == nil {
		return nil
	}
	return &jsonSecondWave{Value: w.Enterprises, Named: w.Named.Value, Counted: w.Counted, Actors: w.Actors.Value}
}
