package app

import (
	"flag"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The findings-log commands: finding add, edit, delete and list.

// findingFlags declares the flags shared by finding add and edit.
type findingFlags struct {
	orgs, joints, models, forms    *stringList
	text, step, kind, date, source *string
}

func declareFindingFlags(fs *flag.FlagSet) findingFlags {
	f := findingFlags{orgs: &stringList{}, joints: &stringList{}, models: &stringList{}, forms: &stringList{}}
	fs.Var(f.orgs, "org", "cli.flag.finding.org")
	fs.Var(f.joints, "joint", "cli.flag.finding.joint")
	fs.Var(f.models, "model", "cli.flag.finding.model")
	fs.Var(f.forms, "form", "cli.flag.finding.form")
	f.text, f.step = fs.String("text", "", "cli.flag.finding.text"), fs.String("step", "", "cli.flag.finding.step")
	f.kind, f.date = fs.String("kind", "", "cli.flag.finding.kind"), fs.String("date", "", "cli.flag.finding.date")
	f.source = fs.String("source", "", "cli.flag.finding.source")
	return f
}

func (f findingFlags) apply(s *session, r *domain.Finding, given map[string]bool) error {
	if given["step"] && !slices.Contains(domain.ProjectSteps, domain.ProjectStep(*f.step)) {
		return usage("cli.error.flag_value", "Flag", "--step", "Value", *f.step)
	}
	if given["kind"] && !slices.Contains(domain.FindingKinds, domain.FindingKind(*f.kind)) {
		return usage("cli.error.flag_value", "Flag", "--kind", "Value", *f.kind)
	}
	s.isoDates(f.date)
	for name, pair := range map[string][2]*[]string{"org": {&r.OrgIDs, (*[]string)(f.orgs)},
		"joint": {&r.JointIDs, (*[]string)(f.joints)}, "model": {&r.ModelIDs, (*[]string)(f.models)},
		"form": {&r.FormIDs, (*[]string)(f.forms)}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["step"] {
		r.Step = domain.ProjectStep(*f.step)
	}
	if given["kind"] {
		r.Kind = domain.FindingKind(*f.kind)
	}
	for name, pair := range map[string][2]*string{"text": {&r.Text, f.text}, "date": {&r.Date, f.date},
		"source": {&r.Source, f.source}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	return nil
}

var findingRecords = recordStore[domain.Finding]{
	load:   func(s *session, id string) (domain.Finding, error) { return s.store.Finding(s.ctx(), id) },
	create: func(s *session, f *domain.Finding) error { return s.store.CreateFinding(s.ctx(), f) },
	update: func(s *session, f *domain.Finding) error { return s.store.UpdateFinding(s.ctx(), f) },
	id:     func(f *domain.Finding) string { return f.ID },
}

func findingAdd(fs *flag.FlagSet) runFunc {
	return addRecord(fs, declareFindingFlags(fs), findingRecords)
}
func findingEdit(fs *flag.FlagSet) runFunc {
	return editRecord(fs, declareFindingFlags(fs), findingRecords)
}

func findingDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteFinding(s.ctx(), id) })
}

func findingList(fs *flag.FlagSet) runFunc {
	search := fs.String("search", "", "cli.flag.search")
	step := fs.String("step", "", "cli.flag.finding.step")
	org := fs.String("org", "", "cli.flag.only.org")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if *step != "" && !slices.Contains(domain.ProjectSteps, domain.ProjectStep(*step)) {
			return usage("cli.error.flag_value", "Flag", "--step", "Value", *step)
		}
		if err := s.open(); err != nil {
			return err
		}
		if *org != "" {
			if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
				return err
			}
		}
		entries, err := s.store.Findings(s.ctx(), data.FindingQuery{Text: *search, Step: domain.ProjectStep(*step), OrgID: *org})
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(entries))
			for _, f := range entries {
				out = append(out, map[string]any{"id": f.ID, "kind": f.Kind, "step": f.Step, "date": f.Date, "text": f.Text,
					"source": f.Source, "author": f.Author, "orgs": nonNil(f.OrgIDs), "joints": nonNil(f.JointIDs),
					"models": nonNil(f.ModelIDs), "forms": nonNil(f.FormIDs)})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.date"), s.tr.T("field.finding.step"), s.tr.T("field.kind"),
			s.tr.T("field.finding.text"))
		for _, f := range entries {
			text, _, cut := strings.Cut(f.Text, "\n")
			if r := []rune(text); len(r) > 80 {
				text, cut = string(r[:79]), true
			}
			if cut {
				text += "…"
			}
			row(w, f.ID, s.tr.DateString(f.Date), s.tr.ProjectStep(f.Step), s.tr.FindingKind(f.Kind), text)
		}
		return w.Flush()
	}
}
