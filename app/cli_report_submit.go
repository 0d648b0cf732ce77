package app

import (
	"flag"
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// The submitted-report commands: report submit and report submitted.

// periodFlags reads --from and --to as a period: both dates valid (in the
// ISO form or the language's), the start not after the end; anything else
// is a usage error.
func (s *session) periodFlags(from, to *string) error {
	s.isoDates(from, to)
	for _, f := range []struct{ flag, val string }{{"--from", *from}, {"--to", *to}} {
		if domain.ValidateDate("date", f.val, true) != nil {
			return usage("cli.error.flag_value", "Flag", f.flag, "Value", f.val)
		}
	}
	if *from > *to {
		return usage("cli.error.period_order", "From", *from, "To", *to)
	}
	return nil
}

// reportSubmit is "ilsa report submit": the whole project's report of the
// period frozen as submitted, by the profile's advisor; prints its id.
func reportSubmit(fs *flag.FlagSet) runFunc {
	from := fs.String("from", "", "cli.flag.from")
	to := fs.String("to", "", "cli.flag.to")
	note := fs.String("note", "", "cli.flag.submit.note")
	return func(s *session, _ []string) error {
		if err := s.periodFlags(from, to); err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		p, _ := s.store.Profile()
		sub, _, err := indicators.Submit(s.ctx(), s.store, *from, *to, prefs.New(s.store).ProjectStart(), p.Advisor, p.Organisation, *note)
		if err != nil {
			return err
		}
		fmt.Fprintln(s.env.Stdout, sub.ID)
		return nil
	}
}

// submittedMain are the figures "report submitted" lists beside each one.
var submittedMain = []string{"RCO01", "RCO04", "RCO81", "RCO83", "RCO84", "RCO87", "visits"}

// reportSubmitted is "ilsa report submitted": every submitted report, the
// newest first, with its main figures.
func reportSubmitted(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		subs, err := s.store.Submissions(s.ctx(), "", "")
		if err != nil {
			return err
		}
		values := make([]map[string]int, len(subs))
		for i, sub := range subs {
			// A snapshot this version cannot read is listed without figures.
			values[i], _ = indicators.SubmittedValues(s.ctx(), s.store, sub.ID)
		}
		if *asJSON {
			out := make([]map[string]any, 0, len(subs))
			for i, sub := range subs {
				figs := map[string]int{}
				for k, v := range values[i] {
					if !strings.HasPrefix(k, "cumulative.") && !strings.Contains(k, ".") {
						figs[k] = v
					}
				}
				out = append(out, map[string]any{"id": sub.ID, "from": sub.From, "to": sub.To,
					"at": sub.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), "by": sub.Advisor, "organisation": sub.Partner,
					"note": sub.Note, "project_start": sub.ProjectStart, "figures": figs})
			}
			return s.writeJSON(out)
		}
		head := []string{s.tr.T("cli.col.id"), s.tr.T("field.from"), s.tr.T("field.to"), s.tr.T("cli.col.submitted_at"),
			s.tr.T("cli.col.submitted_by"), s.tr.T("field.note")}
		w := s.table(append(head, submittedMain...)...)
		for i, sub := range subs {
			by := sub.Advisor
			if sub.Partner != "" {
				by += " (" + sub.Partner + ")"
			}
			cells := []string{sub.ID, s.tr.DateString(sub.From), s.tr.DateString(sub.To),
				s.tr.Date(sub.CreatedAt.Local()) + " " + sub.CreatedAt.Local().Format("15:04"), by, sub.Note}
			for _, k := range submittedMain {
				v := "–"
				if n, ok := values[i][k]; ok {
					v = fmt.Sprint(n)
				}
				cells = append(cells, v)
			}
			row(w, cells...)
		}
		return w.Flush()
	}
}
