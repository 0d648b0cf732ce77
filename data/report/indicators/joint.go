package indicators

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"eu.ilsa.coach/ilsa/data/domain"
)

// JointRow is a joint action as the report shows it behind a figure.
type JointRow struct {
	ID          string
	Kind        domain.JointKind
	Title       string
	Status      domain.JointStatus
	Start, Date string   // YYYY-MM-DD or ""; Date is the completion date
	OrgIDs      []string // the live partners, resolved through merges, sorted by id
}

// jointCounts are the figures counted from joint actions over one span.
type jointCounts struct {
	RCO83, RCO84, RCO87 Figure
}

// readJoints returns the live joint actions with the fields the report
// needs, oldest first (by completion, else start date, then id), so the
// figures list them in that order. One narrow query: the store's list
// decodes every field of every action and took twice as long.
func readJoints(ctx context.Context, db *sql.DB) ([]domain.JointAction, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, created_at, kind, title, orgs, status, start, date, partner, side
		FROM joint_actions WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var js []domain.JointAction
	var lists idLists
	for rows.Next() {
		var j domain.JointAction
		var created int64
		var orgs string
		if err := rows.Scan(&j.ID, &created, &j.Kind, &j.Title, &orgs, &j.Status, &j.Start, &j.Date, &j.Partner, &j.Side); err != nil {
			return nil, err
		}
		j.CreatedAt = time.UnixMilli(created)
		if j.OrgIDs, err = lists.parse(orgs, nil); err != nil {
			return nil, fmt.Errorf("joint action %s: orgs: %w", j.ID, err)
		}
		js = append(js, j)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(js, func(a, b domain.JointAction) int {
		return cmp.Or(cmp.Compare(cmp.Or(a.Date, a.Start), cmp.Or(b.Date, b.Start)), cmp.Compare(a.ID, b.ID))
	})
	return js, nil
}

// jointSpan is the time a joint action ran, as the report reads it: from
// its start (or, without one, its completion date, or else the day it was
// recorded) to its completion date when completed, open while ongoing (a
// date on an ongoing action is not a completion yet). A planned action has
// not run.
func jointSpan(j *domain.JointAction) (begin, end string, ran bool) {
	switch j.Status {
	case domain.JointOngoing:
	case domain.JointCompleted:
		end = j.Date
	default:
		return "", "", false
	}
	begin = j.Start
	if begin == "" {
		begin = end
	}
	if begin == "" && !j.CreatedAt.IsZero() {
		begin = j.CreatedAt.Local().Format("2006-01-02")
	}
	return begin, end, true
}

// activeIn reports whether the joint action was ongoing or completed at
// some point between from and to (both included; "" leaves that end open).
func activeIn(j *domain.JointAction, from, to string) bool {
	begin, end, ran := jointSpan(j)
	if !ran {
		return false
	}
	return (to == "" || begin == "" || begin <= to) && (from == "" || end == "" || end >= from)
}

// completedIn reports whether the joint action was completed between from
// and to (both included).
func completedIn(j *domain.JointAction, from, to string) bool {
	return j.Status == domain.JointCompleted && j.Date != "" &&
		(from == "" || j.Date >= from) && (to == "" || j.Date <= to)
}

// partners resolves a joint action's partners through merges: a merged
// duplicate is its keeper, a deleted or unknown partner is none; each
// once, sorted by id.
func (t *orgTable) partners(ids []string, buf []*org) []*org {
	out := buf[:0]
	for _, id := range ids {
		if o := t.resolve(id); o != nil && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b *org) int { return cmp.Compare(a.idx, b.idx) })
	return out
}

// countJoints counts the cross-border joint actions between from and to
// under f's organisation filters: RCO84 the pilots and RCO83 the plans
// completed then, RCO87 the partners of those that ran then (any kind).
// Cross-border is decided from all live partners; a joint action is in the
// report when one of its partners passes the filters, and only those
// partners count. Joint actions name no advisor: the advisor filter does
// not select them. named, when not nil, collects every partner of a joint
// action counted.
func countJoints(t *orgTable, f Filter, js []domain.JointAction, from, to string, named *figureBuilder) jointCounts {
	var rco83, rco84, rco87 figureBuilder
	var j83, j84, j87 []string
	var buf, scope []*org
	add := func(b *figureBuilder, os []*org) {
		for _, o := range os {
			b.addOrg(o)
		}
	}
	for i := range js {
		j := &js[i]
		if !activeIn(j, from, to) || !f.matchPartner(j.Partner, j.Side) {
			continue // completed in the span means it ran in the span too
		}
		all := t.partners(j.OrgIDs, buf)
		buf = all
		var sides BorderSides
		for _, o := range all {
			sides.Add(o.Country)
		}
		if !sides.Spans() {
			continue
		}
		scope = scope[:0]
		for _, o := range all {
			if !f.orgFiltered() || f.matchOrg(o) {
				scope = append(scope, o)
			}
		}
		if len(scope) == 0 {
			continue
		}
		if named != nil {
			for _, o := range all {
				named.addOrg(o)
			}
		}
		j87 = append(j87, j.ID)
		add(&rco87, scope)
		if completedIn(j, from, to) {
			switch j.Kind {
			case domain.JointPilot:
				j84 = append(j84, j.ID)
				add(&rco84, scope)
			case domain.JointPlan:
				j83 = append(j83, j.ID)
				add(&rco83, scope)
			}
		}
	}
	fig := func(b *figureBuilder, joints []string, value int) Figure {
		if joints == nil {
			joints = []string{}
		}
		return Figure{Value: value, Orgs: b.orgIDs(t), Joints: joints}
	}
	o87 := fig(&rco87, j87, 0)
	o87.Value = len(o87.Orgs)
	return jointCounts{RCO83: fig(&rco83, j83, len(j83)), RCO84: fig(&rco84, j84, len(j84)), RCO87: o87}
}

// jointRows describes the joint actions the figures name.
func jointRows(t *orgTable, js []domain.JointAction, figs ...Figure) map[string]JointRow {
	want := map[string]bool{}
	for _, f := range figs {
		for _, id := range f.Joints {
			want[id] = true
		}
	}
	out := make(map[string]JointRow, len(want))
	for i := range js {
		j := &js[i]
		if !want[j.ID] {
			continue
		}
		row := JointRow{ID: j.ID, Kind: j.Kind, Title: j.Title, Status: j.Status, Start: j.Start, Date: j.Date, OrgIDs: []string{}}
		for _, o := range t.partners(j.OrgIDs, nil) {
			row.OrgIDs = append(row.OrgIDs, o.ID)
		}
		out[j.ID] = row
	}
	return out
}
