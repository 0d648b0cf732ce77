package project

import (
	"cmp"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// jointEntry is a joint action that ran in the period, with its live
// partners.
type jointEntry struct {
	j        *domain.JointAction
	partners []domain.Organisation
}

// jointsThatRan picks the joint actions that ran between from and to,
// oldest first (by start, else completion date), then by title.
func jointsThatRan(in Input, from, to string) []jointEntry {
	var out []jointEntry
	for i := range in.Joints {
		j := &in.Joints[i]
		if !ranIn(j, from, to) {
			continue
		}
		e := jointEntry{j: j}
		for _, id := range j.OrgIDs {
			if o, ok := in.Orgs[id]; ok {
				e.partners = append(e.partners, o)
			}
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b jointEntry) int {
		return cmp.Or(cmp.Compare(cmp.Or(a.j.Start, a.j.Date), cmp.Or(b.j.Start, b.j.Date)),
			cmp.Compare(a.j.Title, b.j.Title), cmp.Compare(a.j.ID, b.j.ID))
	})
	return out
}

// crossBorder reports whether the partners come from both sides of the
// border, as the indicators decide it.
func (e jointEntry) crossBorder() bool {
	var sides indicators.BorderSides
	for _, o := range e.partners {
		sides.Add(o.Country)
	}
	return sides.Spans()
}

// jointSections is the chapter on joint actions: a table per kind.
func jointSections(joints []jointEntry, in Input, tr *translations.Localizer) []Section {
	head := Section{Level: 1, Heading: tr.T("report.project.joint")}
	if len(joints) == 0 {
		head.Blocks = append(head.Blocks, Para(tr.T("report.project.joint.none")))
	} else {
		head.Blocks = append(head.Blocks, Para(tr.T("report.project.joint.intro")))
	}
	out := []Section{head}
	for _, kind := range domain.JointKinds {
		t := Table{Header: []string{tr.T("report.project.joint.col.title"), tr.T("report.project.joint.col.partners"),
			tr.T("report.project.joint.col.cross_border"), tr.T("report.project.joint.col.status"),
			tr.T("report.project.joint.col.dates"), tr.T("report.project.joint.col.outcome")},
			Widths: []float64{22, 26, 10, 12, 18, 30}}
		for _, e := range joints {
			if e.j.Kind != kind {
				continue
			}
			var names []string
			for _, o := range e.partners {
				names = append(names, o.Name+" ("+tr.Country(o.Country)+")")
			}
			border := tr.T("report.project.no")
			if e.crossBorder() {
				border = tr.T("report.project.yes")
			}
			t.Rows = append(t.Rows, []string{e.j.Title, strings.Join(names, "\n"), border, tr.JointStatus(e.j.Status),
				dates(e.j, tr), e.j.Outcome})
		}
		if len(t.Rows) > 0 {
			out = append(out, Section{Level: 2, Heading: tr.JointKind(kind), Blocks: []Block{TableOf(t)}})
		}
	}
	last := &out[len(out)-1]
	last.Blocks = append(last.Blocks, PromptFor(tr.T("report.project.prompt.joint")))
	return out
}

// dates is a joint action's span as written: "3 mars 2026 – 30 juni
// 2026", or open-ended while it goes on.
func dates(j *domain.JointAction, tr *translations.Localizer) string {
	end := ""
	if j.Status == domain.JointCompleted && j.Date != "" {
		end = tr.DateString(j.Date)
	}
	switch {
	case j.Start != "" && end != "":
		return tr.DateString(j.Start) + " – " + end
	case j.Start != "":
		return tr.DateString(j.Start) + " –"
	}
	return end
}
