package app

import (
	"flag"
	"strconv"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The second-wave commands: reach add, edit, delete and list.

// reachFlags declares the flags shared by reach add and edit.
type reachFlags struct {
	orgs, models       *stringList
	actor, date, notes *string
	others             *int
}

func declareReachFlags(fs *flag.FlagSet) reachFlags {
	f := reachFlags{orgs: &stringList{}, models: &stringList{}}
	fs.Var(f.orgs, "org", "cli.flag.reach.org")
	fs.Var(f.models, "model", "cli.flag.reach.model")
	f.actor, f.date = fs.String("actor", "", "cli.flag.reach.actor"), fs.String("date", "", "cli.flag.reach.date")
	f.notes = fs.String("notes", "", "cli.flag.reach.notes")
	f.others = fs.Int("others", 0, "cli.flag.reach.others")
	return f
}

func (f reachFlags) apply(s *session, r *domain.Reach, given map[string]bool) error {
	s.isoDates(f.date)
	if given["org"] {
		r.OrgIDs = *f.orgs
	}
	if given["model"] {
		r.ModelIDs = *f.models
	}
	if given["others"] {
		r.Others = *f.others
	}
	for name, pair := range map[string][2]*string{"actor": {&r.ActorID, f.actor}, "date": {&r.Date, f.date},
		"notes": {&r.Notes, f.notes}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	return nil
}

var reachRecords = recordStore[domain.Reach]{
	load:   func(s *session, id string) (domain.Reach, error) { return s.store.Reach(s.ctx(), id) },
	create: func(s *session, r *domain.Reach) error { return s.store.CreateReach(s.ctx(), r) },
	update: func(s *session, r *domain.Reach) error { return s.store.UpdateReach(s.ctx(), r) },
	id:     func(r *domain.Reach) string { return r.ID },
}

func reachAdd(fs *flag.FlagSet) runFunc  { return addRecord(fs, declareReachFlags(fs), reachRecords) }
func reachEdit(fs *flag.FlagSet) runFunc { return editRecord(fs, declareReachFlags(fs), reachRecords) }

func reachDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteReach(s.ctx(), id) })
}

func reachList(fs *flag.FlagSet) runFunc {
	actor := fs.String("actor", "", "cli.flag.reach.actor")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		if *actor != "" {
			if _, err := s.store.Organisation(s.ctx(), *actor); err != nil {
				return err
			}
		}
		rs, err := s.store.Reaches(s.ctx(), data.ReachQuery{ActorID: *actor})
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(rs))
			for _, r := range rs {
				out = append(out, map[string]any{"id": r.ID, "actor": r.ActorID, "date": r.Date, "orgs": nonNil(r.OrgIDs),
					"others": r.Others, "reached": r.Reached(), "notes": r.Notes, "models": nonNil(r.ModelIDs)})
			}
			return s.writeJSON(out)
		}
		ids := []string{}
		for _, r := range rs {
			ids = append(ids, r.ActorID)
		}
		orgs, err := s.store.OrganisationsByID(s.ctx(), ids)
		if err != nil {
			return err
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.date"), s.tr.T("field.reach.actor"), s.tr.T("field.reach.reached"))
		for _, r := range rs {
			row(w, r.ID, s.tr.DateString(r.Date), orgs[r.ActorID].Name, strconv.Itoa(r.Reached()))
		}
		return w.Flush()
	}
}
