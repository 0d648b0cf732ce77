package app

import (
	"flag"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The joint-action commands: joint add, edit, delete and list.

// jointFlags declares the flags shared by joint add and edit.
type jointFlags struct {
	orgs, models                            *stringList
	kind, title, status, start, date, notes *string
	outcome                                 *string
	partner                                 partnerFlags
}

func declareJointFlags(fs *flag.FlagSet) jointFlags {
	f := jointFlags{orgs: &stringList{}, models: &stringList{}}
	fs.Var(f.orgs, "org", "cli.flag.joint.org")
	fs.Var(f.models, "model", "cli.flag.joint.model")
	f.kind, f.title = fs.String("kind", "", "cli.flag.joint.kind"), fs.String("title", "", "cli.flag.joint.title")
	f.status, f.start = fs.String("status", "", "cli.flag.joint.status"), fs.String("start", "", "cli.flag.joint.start")
	f.date, f.notes = fs.String("date", "", "cli.flag.joint.date"), fs.String("notes", "", "cli.flag.notes")
	f.outcome = fs.String("outcome", "", "cli.flag.joint.outcome")
	f.partner = declarePartnerFlags(fs)
	return f
}

func (f jointFlags) apply(s *session, j *domain.JointAction, given map[string]bool) error {
	if given["kind"] && !slices.Contains(domain.JointKinds, domain.JointKind(*f.kind)) {
		return usage("cli.error.flag_value", "Flag", "--kind", "Value", *f.kind)
	}
	if given["status"] && !slices.Contains(domain.JointStatuses, domain.JointStatus(*f.status)) {
		return usage("cli.error.flag_value", "Flag", "--status", "Value", *f.status)
	}
	if err := f.partner.apply(given, &j.Partner, &j.Side); err != nil {
		return err
	}
	s.isoDates(f.start, f.date)
	if given["org"] {
		j.OrgIDs = *f.orgs
	}
	if given["model"] {
		j.ModelIDs = *f.models
	}
	if given["kind"] {
		j.Kind = domain.JointKind(*f.kind)
	}
	if given["status"] {
		j.Status = domain.JointStatus(*f.status)
	}
	for name, pair := range map[string][2]*string{"title": {&j.Title, f.title}, "start": {&j.Start, f.start},
		"date": {&j.Date, f.date}, "notes": {&j.Notes, f.notes}, "outcome": {&j.Outcome, f.outcome}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["date"] && !given["status"] && j.Date != "" {
		// A completion date given alone says the action is completed.
		j.Status = domain.JointCompleted
	}
	return nil
}

// jointRecords are the joint actions, for joint add and joint edit.
var jointRecords = recordStore[domain.JointAction]{
	load:   func(s *session, id string) (domain.JointAction, error) { return s.store.JointAction(s.ctx(), id) },
	create: func(s *session, j *domain.JointAction) error { return s.store.CreateJointAction(s.ctx(), j) },
	update: func(s *session, j *domain.JointAction) error { return s.store.UpdateJointAction(s.ctx(), j) },
	id:     func(j *domain.JointAction) string { return j.ID },
}

func jointAdd(fs *flag.FlagSet) runFunc  { return addRecord(fs, declareJointFlags(fs), jointRecords) }
func jointEdit(fs *flag.FlagSet) runFunc { return editRecord(fs, declareJointFlags(fs), jointRecords) }

func jointDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteJointAction(s.ctx(), id) })
}

func jointList(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.only.org")
	kind := fs.String("kind", "", "cli.flag.joint.kind")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if *kind != "" && !slices.Contains(domain.JointKinds, domain.JointKind(*kind)) {
			return usage("cli.error.flag_value", "Flag", "--kind", "Value", *kind)
		}
		if err := s.open(); err != nil {
			return err
		}
		if *org != "" {
			if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
				return err
			}
		}
		js, err := s.store.JointActions(s.ctx(), data.JointQuery{OrgID: *org, Kind: domain.JointKind(*kind)})
		if err != nil {
			return err
		}
		var ids []string
		for _, j := range js {
			ids = append(ids, j.OrgIDs...)
		}
		orgs, err := s.store.OrganisationsByID(s.ctx(), ids)
		if err != nil {
			return err
		}
		crossBorder := func(j domain.JointAction) bool {
			return j.IsCrossBorder(func(id string) domain.Country { return orgs[id].Country })
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(js))
			for _, j := range js {
				out = append(out, map[string]any{"id": j.ID, "name": j.Title, "title": j.Title, "kind": j.Kind,
					"orgs": nonNil(j.OrgIDs), "status": j.Status, "start": j.Start, "date": j.Date,
					"models": nonNil(j.ModelIDs), "visits": nonNil(j.VisitIDs), "notes": j.Notes, "outcome": j.Outcome,
					"cross_border": crossBorder(j), "partner": j.Partner, "side": j.Side})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.kind"), s.tr.T("field.title"), s.tr.T("field.orgs"),
			s.tr.T("field.status"), s.tr.T("field.joint.date"))
		for _, j := range js {
			var ns []string
			for _, id := range j.OrgIDs {
				if o, ok := orgs[id]; ok {
					ns = append(ns, o.Name)
				}
			}
			row(w, j.ID, s.tr.JointKind(j.Kind), j.Title, strings.Join(ns, ", "), s.tr.JointStatus(j.Status), s.tr.DateString(j.Date))
		}
		return w.Flush()
	}
}

// nonNil is l, or an empty list where l is nil, so JSON shows [] not null.
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
