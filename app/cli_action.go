package app

import (
	"flag"
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The action commands: action add, done, delete and list.

func actionAdd(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.action.org")
	visit := fs.String("visit", "", "cli.flag.visit")
	text := fs.String("text", "", "cli.flag.text")
	due := fs.String("due", "", "cli.flag.due")
	owner := fs.String("owner", "", "cli.flag.owner")
	dimension := fs.String("dimension", "", "cli.flag.dimension")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		s.isoDates(due)
		a := domain.Action{OrgID: *org, VisitID: *visit, Text: *text, Due: *due, Owner: *owner}
		if *dimension != "" {
			// MODEL/DIMENSION: the action works towards that dimension's target.
			model, dim, _ := strings.Cut(*dimension, "/")
			lib, _ := loadModels(s.dataDir, s.store)
			m, ok := lib.Latest(model)
			if !ok {
				return usage("cli.error.unknown_model", "Model", model)
			}
			if _, ok := m.Dimension(dim); !ok {
				return usage("cli.error.unknown_dimension", "Dimension", dim, "Model", model)
			}
			a.ModelID, a.Dimension = m.ID, dim
		}
		if a.Owner == "" {
			if p, err := s.store.Profile(); err == nil {
				a.Owner = p.Advisor
			}
		}
		if err := s.store.CreateAction(s.ctx(), &a); err != nil {
			return err
		}
		fmt.Fprintln(s.env.Stdout, a.ID)
		return nil
	}
}

func actionDone(fs *flag.FlagSet) runFunc {
	date := fs.String("date", "", "cli.flag.action.date")
	undo := fs.Bool("undo", false, "cli.flag.undo")
	return func(s *session, operands []string) error {
		id, err := oneID(operands)
		if err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		s.isoDates(date)
		d := *date
		if d == "" {
			d = s.today()
		}
		if *undo {
			d = ""
		}
		return s.store.SetActionDone(s.ctx(), id, d)
	}
}

func actionDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteAction(s.ctx(), id) })
}

func actionList(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.only.org")
	status := fs.String("status", "", "cli.flag.status")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		switch data.ActionStatus(*status) {
		case data.ActionsAll, data.ActionsOpen, data.ActionsOverdue, data.ActionsDone:
		default:
			return usage("cli.error.flag_value", "Flag", "--status", "Value", *status)
		}
		if err := s.open(); err != nil {
			return err
		}
		rows, err := s.store.Actions(s.ctx(), data.ActionQuery{OrgID: *org, Status: data.ActionStatus(*status), Today: s.today()})
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(rows))
			for _, a := range rows {
				out = append(out, map[string]any{"id": a.ID, "name": a.Text, "text": a.Text, "org": a.OrgID,
					"org_name": a.OrgName, "visit": a.VisitID, "owner": a.Owner, "due": a.Due, "done": a.Done, "date": a.Due})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.due"), s.tr.T("field.text"), s.tr.T("field.org"), s.tr.T("field.done"))
		for _, a := range rows {
			row(w, a.ID, s.tr.DateString(a.Due), a.Text, a.OrgName, s.tr.DateString(a.Done))
		}
		return w.Flush()
	}
}
