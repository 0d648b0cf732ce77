package app

import (
	"flag"
	"slices"

	"eu.ilsa.coach/ilsa/data/domain"
)

// The relation commands: relation add, edit, delete and list.

// relationFlags declares the flags shared by relation add and edit.
type relationFlags struct {
	from, to, kind, start, end, notes *string
}

func declareRelationFlags(fs *flag.FlagSet) relationFlags {
	return relationFlags{
		from: fs.String("from", "", "cli.flag.relation.from"), to: fs.String("to", "", "cli.flag.relation.to"),
		kind: fs.String("kind", "", "cli.flag.relation.kind"), start: fs.String("start", "", "cli.flag.relation.start"),
		end: fs.String("end", "", "cli.flag.relation.end"), notes: fs.String("notes", "", "cli.flag.notes"),
	}
}

func (f relationFlags) apply(s *session, r *domain.Relation, given map[string]bool) error {
	if given["kind"] && !slices.Contains(domain.RelationKinds, domain.RelationKind(*f.kind)) {
		return usage("cli.error.flag_value", "Flag", "--kind", "Value", *f.kind)
	}
	s.isoDates(f.start, f.end)
	if given["kind"] {
		r.Kind = domain.RelationKind(*f.kind)
	}
	for name, pair := range map[string][2]*string{"from": {&r.FromOrg, f.from}, "to": {&r.ToOrg, f.to},
		"start": {&r.Start, f.start}, "end": {&r.End, f.end}, "notes": {&r.Notes, f.notes}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	return nil
}

// relationRecords are the relations, for relation add and relation edit.
var relationRecords = recordStore[domain.Relation]{
	load:   func(s *session, id string) (domain.Relation, error) { return s.store.Relation(s.ctx(), id) },
	create: func(s *session, r *domain.Relation) error { return s.store.CreateRelation(s.ctx(), r) },
	update: func(s *session, r *domain.Relation) error { return s.store.UpdateRelation(s.ctx(), r) },
	id:     func(r *domain.Relation) string { return r.ID },
}

func relationAdd(fs *flag.FlagSet) runFunc {
	return addRecord(fs, declareRelationFlags(fs), relationRecords)
}
func relationEdit(fs *flag.FlagSet) runFunc {
	return editRecord(fs, declareRelationFlags(fs), relationRecords)
}

func relationDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteRelation(s.ctx(), id) })
}

func relationList(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.only.org")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		if *org != "" {
			if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
				return err
			}
		}
		rs, err := s.store.Relations(s.ctx(), *org)
		if err != nil {
			return err
		}
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.FromOrg, r.ToOrg)
		}
		orgs, err := s.store.OrganisationsByID(s.ctx(), ids)
		if err != nil {
			return err
		}
		country := func(id string) domain.Country { return orgs[id].Country }
		if *asJSON {
			out := make([]map[string]any, 0, len(rs))
			for _, r := range rs {
				out = append(out, map[string]any{"id": r.ID, "from": r.FromOrg, "to": r.ToOrg,
					"from_name": orgs[r.FromOrg].Name, "to_name": orgs[r.ToOrg].Name, "kind": r.Kind,
					"start": r.Start, "end": r.End, "notes": r.Notes, "cross_border": r.IsCrossBorder(country)})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.org"), s.tr.T("field.kind"), s.tr.T("field.relation.other"),
			s.tr.T("field.start"), s.tr.T("field.end"))
		for _, r := range rs {
			row(w, r.ID, orgs[r.FromOrg].Name, s.tr.RelationKind(r.Kind), orgs[r.ToOrg].Name,
				s.tr.DateString(r.Start), s.tr.DateString(r.End))
		}
		return w.Flush()
	}
}
