package indicators

import (
	"strings"
	"time"
)

// jsonSubmitted is the "submitted" object of a report of a submitted
// period: the newest submission and, per figure, its value then and now
// and the ids that entered and left it (organisations, then visits, then
// joint actions), with why for each id.
type jsonSubmitted struct {
	ID          string                    `json:"id"`
	At          string                    `json:"at"`
	By          string                    `json:"by"`
	Partner     string                    `json:"organisation"`
	Note        string                    `json:"note"`
	Corrections int                       `json:"corrections"`
	Indicators  map[string]jsonDifference `json:"indicators"`
	Cumulative  map[string]jsonDifference `json:"cumulative"`
	Why         map[string]jsonWhy        `json:"why"`
}

type jsonDifference struct {
	Value   int      `json:"value"`
	Now     int      `json:"now"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

type jsonWhy struct {
	Entity string `json:"entity"`
	Reason string `json:"reason"`
	Param  string `json:"param,omitempty"`
	Name   string `json:"name"`
}

func submittedJSON(s *Submitted) *jsonSubmitted {
	if s == nil {
		return nil
	}
	j := &jsonSubmitted{ID: s.ID, At: s.At.UTC().Format(time.RFC3339), By: s.Advisor, Partner: s.Partner, Note: s.Note,
		Corrections: s.Corrections, Indicators: map[string]jsonDifference{}, Cumulative: map[string]jsonDifference{},
		Why: map[string]jsonWhy{}}
	ids := func(f Figure) []string {
		return append(append(append([]string{}, f.Orgs...), f.Visits...), f.Joints...)
	}
	for _, f := range s.Figures {
		d := jsonDifference{Value: f.Submitted, Now: f.Now, Added: ids(f.Added), Removed: ids(f.Removed)}
		if k, ok := strings.CutPrefix(f.Key, cumulativePrefix); ok {
			j.Cumulative[k] = d
		} else {
			j.Indicators[f.Key] = d
		}
	}
	for id, w := range s.Why {
		j.Why[id] = jsonWhy{Entity: w.Entity, Reason: string(w.Code), Param: w.Param, Name: strings.TrimSpace(w.Date + " " + w.Label)}
	}
	return j
}
