package indicators

import (
	"context"
	"database/sql"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// WhyCode says what happened after a submission to a record that entered
// or left a figure.
type WhyCode string

const (
	WhyRecordedAfter WhyCode = "recorded_after" // recorded after the submission
	WhyDeleted       WhyCode = "deleted"        // deleted after the submission
	WhyMerged        WhyCode = "merged"         // an organisation merged into another (Param: the keeper's id)
	WhyMergedFrom    WhyCode = "merged_from"    // an organisation that took over a merged duplicate (Param: its id)
	WhyDateMoved     WhyCode = "date_moved"     // a visit's date moved (Param: the date now)
	WhyEdited        WhyCode = "edited"         // the record was edited after the submission
	WhyVisits        WhyCode = "visits"         // an organisation's visits changed (the visits listed say how)
	WhyOrgGone       WhyCode = "org_gone"       // a visit whose organisation was deleted or merged (Param: its id)
	WhyUnknown       WhyCode = "unknown"        // nothing written since the submission: e.g. recorded before it by a colleague and received since
)

// Why is what happened to one record, with what a list shows of it.
type Why struct {
	Entity string // domain.EntityOrganisation, domain.EntityVisit or domain.EntityJoint
	Code   WhyCode
	Param  string
	Label  string // the organisation's name, the joint action's title, a visit's first organisation (deleted ones too)
	Date   string // a visit's date
}

// Name is what a list shows of the record: a visit by its date (in the
// reader's form) and first organisation.
func (w Why) Name(tr *translations.Localizer) string {
	return strings.TrimSpace(tr.DateString(w.Date) + " " + w.Label)
}

// explain works out Why for every id that entered or left a figure, from
// the records as they are now (deleted ones included): their deletion,
// merge and date, and whether they were recorded or edited after the
// submission. "After" is by the change log's clocks, not wall time: a
// record written on a device that had seen the submission is stamped after
// it, whatever the device's clock says; a record written before it on a
// colleague's device and received since is neither (WhyUnknown).
func explain(ctx context.Context, st *data.Store, f Filter, subID string, figs []FigureChange) (map[string]Why, error) {
	var orgs, visits, joints []string
	for _, fc := range figs {
		orgs = append(append(orgs, fc.Added.Orgs...), fc.Removed.Orgs...)
		visits = append(append(visits, fc.Added.Visits...), fc.Removed.Visits...)
		joints = append(append(joints, fc.Added.Joints...), fc.Removed.Joints...)
	}
	why := map[string]Why{}
	db := st.ReadDB()
	at, err := changelog.FieldClock(db, domain.EntitySubmission, subID, "created_at")
	if err != nil {
		return nil, err
	}
	// after tells whether the record was created, or last edited, after the submission.
	after := func(entity, id string) (created, edited bool) {
		c, _ := changelog.FieldClock(db, entity, id, "created_at")
		return c > at, changelog.SeenClock(db, entity, id) > at
	}
	visitOrgs := map[string]string{} // visit → its organisations (JSON), for WhyOrgGone
	err = eachRow(ctx, db, `SELECT id, deleted, date, orgs,
		COALESCE((SELECT o.name FROM json_each(v.orgs) j JOIN organisations o ON o.id = j.value ORDER BY o.name LIMIT 1), '')
		FROM visits v WHERE id IN `, visits, func(rows *sql.Rows) error {
		var id, date, orgList, org string
		var deleted bool
		if err := rows.Scan(&id, &deleted, &date, &orgList, &org); err != nil {
			return err
		}
		visitOrgs[id] = orgList
		created, edited := after(domain.EntityVisit, id)
		w := Why{Entity: domain.EntityVisit, Label: org, Date: date}
		switch {
		case deleted:
			w.Code = WhyDeleted
		case date < f.From || date > f.To:
			w.Code, w.Param = WhyDateMoved, date
		case created:
			w.Code = WhyRecordedAfter
		case edited:
			w.Code = WhyEdited
		default:
			w.Code = WhyUnknown
		}
		why[id] = w
		return nil
	})
	if err != nil {
		return nil, err
	}
	mergedInto := map[string]string{} // keeper → a duplicate merged into it
	err = eachRow(ctx, db, `SELECT id, deleted, merged_into, name FROM organisations WHERE id IN `, orgs,
		func(rows *sql.Rows) error {
			var id, merged, name string
			var deleted bool
			if err := rows.Scan(&id, &deleted, &merged, &name); err != nil {
				return err
			}
			created, edited := after(domain.EntityOrganisation, id)
			w := Why{Entity: domain.EntityOrganisation, Label: name}
			switch {
			case deleted && merged != "":
				w.Code, w.Param = WhyMerged, merged
				mergedInto[merged] = id
			case deleted:
				w.Code = WhyDeleted
			case created:
				w.Code = WhyRecordedAfter
			case edited:
				w.Code = WhyEdited
			default:
				w.Code = WhyVisits
			}
			why[id] = w
			return nil
		})
	if err != nil {
		return nil, err
	}
	// A visit that changed in no way of its own left a figure with its
	// organisation: name the organisation deleted or merged since.
	for id, w := range why {
		if w.Entity != domain.EntityVisit || w.Code != WhyUnknown {
			continue
		}
		for o, ow := range why {
			if ow.Entity == domain.EntityOrganisation && (ow.Code == WhyDeleted || ow.Code == WhyMerged) &&
				strings.Contains(visitOrgs[id], `"`+o+`"`) {
				w.Code, w.Param = WhyOrgGone, o
				why[id] = w
				break
			}
		}
	}
	for keeper, dup := range mergedInto {
		if w, ok := why[keeper]; ok && w.Code != WhyDeleted && w.Code != WhyMerged {
			w.Code, w.Param = WhyMergedFrom, dup
			why[keeper] = w
		}
	}
	err = eachRow(ctx, db, `SELECT id, deleted, title FROM joint_actions WHERE id IN `, joints,
		func(rows *sql.Rows) error {
			var id, title string
			var deleted bool
			if err := rows.Scan(&id, &deleted, &title); err != nil {
				return err
			}
			created, edited := after(domain.EntityJoint, id)
			w := Why{Entity: domain.EntityJoint, Label: title}
			switch {
			case deleted:
				w.Code = WhyDeleted
			case created:
				w.Code = WhyRecordedAfter
			case edited:
				w.Code = WhyEdited
			default:
				w.Code = WhyUnknown
			}
			why[id] = w
			return nil
		})
	return why, err
}

// eachRow runs query (ending in "IN ") for ids, a few hundred at a time,
// each id once.
func eachRow(ctx context.Context, db *sql.DB, query string, ids []string, scan func(*sql.Rows) error) error {
	seen := map[string]bool{}
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rows, err := db.QueryContext(ctx, query+"(?"+strings.Repeat(",?", len(batch)-1)+")", batch...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return rows.Err()
	}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if batch = append(batch, id); len(batch) == 500 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
