package app

import "flag"

// duplicates lists organisations that look registered twice.
func duplicates(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		pairs, err := s.store.DuplicateCandidates(s.ctx())
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(pairs))
			for _, p := range pairs {
				out = append(out, map[string]any{"reason": p.Reason,
					"a": map[string]any{"id": p.A.ID, "name": p.A.Name, "orgnr": p.A.OrgNrExport(), "municipality": p.A.Municipality},
					"b": map[string]any{"id": p.B.ID, "name": p.B.Name, "orgnr": p.B.OrgNrExport(), "municipality": p.B.Municipality}})
			}
			return s.writeJSON(out)
		}
		if len(pairs) == 0 {
			s.say(s.env.Stdout, s.tr.T("ui.dup.none"))
			return nil
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("cli.col.reason"))
		for _, p := range pairs {
			why := s.tr.T("ui.dup.reason.name")
			if p.Reason == "orgnr" {
				why = s.tr.T("ui.dup.reason.orgnr")
			}
			row(w, p.A.ID, p.A.Name, p.B.ID, p.B.Name, why)
		}
		return w.Flush()
	}
}

// orgMerge is `org merge KEEP-ID DUPLICATE-ID`.
func orgMerge(s *session, pos []string) error {
	if len(pos) != 2 {
		return usage("cli.error.merge_ids")
	}
	if err := s.open(); err != nil {
		return err
	}
	res, err := s.store.MergeOrganisations(s.ctx(), pos[0], pos[1])
	if err != nil {
		return err
	}
	moved := res.Moved()
	s.say(s.env.Stdout, s.tr.N("cli.merged", moved, "N", moved, "Contacts", res.Contacts, "Visits", res.Visits,
		"Actions", res.Actions, "Assessments", res.Assessments))
	return nil
}
