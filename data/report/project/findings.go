package project

import (
	"cmp"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// findingSections is the chapter on the findings log: a part per project
// step, in the project's order, each listing the period's entries oldest
// first and leaving room for the lead's account of the step.
func findingSections(in Input, tr *translations.Localizer) []Section {
	out := []Section{{Level: 1, Heading: tr.T("report.project.findings"), Blocks: []Block{Para(tr.T("report.project.findings.intro"))}}}
	titles := make(map[string]string, len(in.Joints))
	for _, j := range in.Joints {
		titles[j.ID] = j.Title
	}
	for _, step := range domain.ProjectSteps {
		var entries []domain.Finding
		for _, f := range in.Findings {
			if f.Step == step {
				entries = append(entries, f)
			}
		}
		slices.SortStableFunc(entries, func(a, b domain.Finding) int {
			return cmp.Or(cmp.Compare(a.Date, b.Date), a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
		})
		s := Section{Level: 2, Heading: tr.ProjectStep(step)}
		if len(entries) == 0 {
			s.Blocks = append(s.Blocks, Para(tr.T("report.project.findings.none")))
		} else {
			var items []string
			for _, f := range entries {
				items = append(items, findingItem(f, in.Orgs, titles, tr))
			}
			s.Blocks = append(s.Blocks, Bullets(items...))
		}
		s.Blocks = append(s.Blocks, PromptFor(tr.T("report.project.prompt.step")))
		out = append(out, s)
	}
	return out
}

// findingItem is one entry as a list item: date, kind and text on the
// first line, then its source and what it links to, a line each.
func findingItem(f domain.Finding, orgs map[string]domain.Organisation, joints map[string]string, tr *translations.Localizer) string {
	lines := []string{tr.DateString(f.Date) + " · " + tr.FindingKind(f.Kind) + ": " + clean(f.Text)}
	if src := clean(f.Source); src != "" {
		lines = append(lines, tr.T("report.project.findings.source", "Source", oneLine(src, " ")))
	}
	var names []string
	for _, id := range f.OrgIDs {
		if o, ok := orgs[id]; ok {
			names = append(names, oneLine(clean(o.Name), " "))
		}
	}
	if len(names) > 0 {
		lines = append(lines, tr.T("report.project.findings.orgs", "Names", strings.Join(names, ", ")))
	}
	names = names[:0]
	for _, id := range f.JointIDs {
		if t, ok := joints[id]; ok {
			names = append(names, oneLine(clean(t), " "))
		}
	}
	if len(names) > 0 {
		lines = append(lines, tr.T("report.project.findings.joints", "Names", strings.Join(names, ", ")))
	}
	return strings.Join(lines, "\n")
}
