package export

import (
	"strconv"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// submittedTable lists, for a report of a submitted period, every figure
// that changed since the submission: its submitted value, its value now,
// and one row per organisation, visit or joint action that entered or left
// it, with why. Nil when the period has no submission.
func submittedTable(r *indicators.Report, tr *translations.Localizer) *table {
	s := r.Submitted
	if s == nil {
		return nil
	}
	at := s.At.Local()
	t := &table{sheet: tr.T("report.submitted.sheet"), title: tr.T("report.submitted.title"),
		note: tr.T("report.submitted.note", "When", tr.Date(at)+" "+at.Format("15:04"), "By", submitter(s)),
		header: []string{tr.T("report.submitted.col.record"), tr.T("report.submitted.col.submitted"),
			tr.T("report.submitted.col.now"), tr.T("report.submitted.col.why")},
		widths: []float64{50, 10, 10, 50}}
	for _, f := range s.Figures {
		if !f.Changed() {
			continue
		}
		label := indicators.FigureLabel(f.Key, tr)
		t.rows = append(t.rows, []cell{text(label), count(f.Submitted), count(f.Now), text(signedText(f.Now - f.Submitted))})
		rows := func(sign string, ids []string) {
			for _, id := range ids {
				w := s.Why[id]
				entity := tr.EntityName(w.Entity)
				if w.Entity == "" {
					entity = tr.EntityName(domain.EntityOrganisation)
				}
				t.rows = append(t.rows, []cell{text(sign + " " + w.Name(tr) + " (" + entity + ")"), text(""), text(""), text(r.WhyText(id, tr))})
			}
		}
		for _, l := range [][2][]string{{f.Added.Joints, f.Removed.Joints}, {f.Added.Orgs, f.Removed.Orgs}, {f.Added.Visits, f.Removed.Visits}} {
			rows("+", l[0])
			rows("−", l[1])
		}
	}
	if len(t.rows) == 0 {
		t.rows = append(t.rows, []cell{text(tr.T("report.submitted.same")), text(""), text(""), text("")})
	}
	return t
}

func signedText(n int) string {
	switch {
	case n > 0:
		return "+" + strconv.Itoa(n)
	case n < 0:
		return "−" + strconv.Itoa(-n)
	}
	return "±0"
}

// submitter is who submitted: the advisor and their organisation.
func submitter(s *indicators.Submitted) string {
	if s.Partner != "" && s.Advisor != "" {
		return s.Advisor + " (" + s.Partner + ")"
	}
	return s.Advisor + s.Partner
}
