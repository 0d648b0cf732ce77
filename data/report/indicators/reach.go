package indicators

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"eu.ilsa.coach/ilsa/data/domain"
)

// SecondWave is the project's reach through the innovation system: the
// enterprises innovation actors reached with what they learnt in the
// project (domain.Reach), reported apart from the project's own support
// and never added to RCO01. A record counts in a span by its date.
type SecondWave struct {
	Enterprises int    // Named's value plus Counted
	Named       Figure // the enterprises named (live, resolved through merges), each once
	Counted     int    // enterprises counted without names: a sum, so one reached twice counts twice
	Actors      Figure // the innovation actors that passed it on
	Records     []string
}

// secondWaveApplies: the records carry no advisor or partner, so a report
// of one advisor, partner or side has no second wave to show.
func (f *Filter) secondWaveApplies() bool { return f.Advisor == "" && f.Partner == "" && f.Side == "" }

// readReaches returns the live second-wave records, oldest first.
func readReaches(ctx context.Context, db *sql.DB) ([]domain.Reach, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, actor, date, orgs, others FROM reaches WHERE deleted = 0 ORDER BY date, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Reach
	var lists idLists
	for rows.Next() {
		var r domain.Reach
		var orgs string
		if err := rows.Scan(&r.ID, &r.ActorID, &r.Date, &orgs, &r.Others); err != nil {
			return nil, err
		}
		if r.OrgIDs, err = lists.parse(orgs, nil); err != nil {
			return nil, fmt.Errorf("reach %s: orgs: %w", r.ID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// countReach counts the records dated from..to (either may be "") whose
// actor passes the organisation filters; nil when the filter rules the
// second wave out.
func countReach(t *orgTable, f Filter, rs []domain.Reach, from, to string) *SecondWave {
	if !f.secondWaveApplies() {
		return nil
	}
	var named, actors figureBuilder
	w := &SecondWave{Records: []string{}}
	for i := range rs {
		r := &rs[i]
		if from != "" && r.Date < from || to != "" && r.Date > to {
			continue
		}
		actor := t.resolve(r.ActorID)
		if actor == nil || f.orgFiltered() && !f.matchOrg(actor) {
			continue // an actor deleted without a merge passes nothing on
		}
		actors.addOrg(actor)
		for _, id := range r.OrgIDs {
			if o := t.resolve(id); o != nil && o != actor {
				named.addOrg(o)
			}
		}
		w.Counted += r.Others
		w.Records = append(w.Records, r.ID)
	}
	w.Named = Figure{Orgs: named.orgIDs(t)}
	w.Named.Value = len(w.Named.Orgs)
	w.Actors = Figure{Orgs: actors.orgIDs(t)}
	w.Actors.Value = len(w.Actors.Orgs)
	w.Enterprises = w.Named.Value + w.Counted
	slices.Sort(w.Records)
	return w
}
