package ui

import (
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// drill shows the joint actions, organisations and visits behind a
// number; a joint action or an organisation opens with a tap.
func (s *reportsScreen) drill(title string, f indicators.Figure) {
	r, tr := s.report, s.u.tr
	list := container.NewVBox()
	var dlg *dialog.CustomDialog
	if len(f.Joints) > 0 {
		list.Add(boldLabel(tr.N("ui.reports.drill.joints", len(f.Joints), "N", tr.Number(len(f.Joints)))))
		for _, id := range f.Joints {
			j := r.JointActions[id]
			// A completed action by its completion date, any other by its start ("since 1 Mar 2026").
			line := j.Title + " · " + tr.JointKind(j.Kind) + " · " + tr.JointStatus(j.Status)
			if j.Status == domain.JointCompleted && j.Date != "" {
				line = tr.DateString(j.Date) + " · " + line
			} else if j.Start != "" {
				line = tr.T("ui.reports.drill.since", "Date", tr.DateString(j.Start)) + " · " + line
			}
			var names []string
			for _, o := range j.OrgIDs {
				names = append(names, r.Orgs[o].Name)
			}
			slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
			b := widget.NewButton(line+" · "+strings.Join(names, ", "), func() {
				dlg.Hide()
				s.u.EditJointAction(id)
			})
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			list.Add(b)
		}
	}
	if len(f.Orgs) > 0 {
		list.Add(boldLabel(tr.N("ui.reports.drill.orgs", len(f.Orgs), "N", tr.Number(len(f.Orgs)))))
		// By name, as a reader looks for one; a copy, as figures share lists.
		orgs := slices.Clone(f.Orgs)
		sort.SliceStable(orgs, func(i, j int) bool {
			return strings.ToLower(r.Orgs[orgs[i]].Name) < strings.ToLower(r.Orgs[orgs[j]].Name)
		})
		for _, id := range orgs {
			o := r.Orgs[id]
			line := o.Name
			if m := s.u.municipalityLabel(o.Municipality); m != "" {
				line += " · " + m
			}
			line += " · " + tr.Kind(o.Kind) + " · " + tr.Size(o.Size())
			b := widget.NewButton(line, func() {
				dlg.Hide()
				s.u.selectOrg(id)
			})
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			list.Add(b)
		}
	}
	if len(f.Visits) > 0 {
		byID := make(map[string]*indicators.VisitRow, len(r.Visits))
		for i := range r.Visits {
			byID[r.Visits[i].ID] = &r.Visits[i]
		}
		list.Add(boldLabel(tr.N("ui.reports.drill.visits", len(f.Visits), "N", tr.Number(len(f.Visits)))))
		for _, id := range f.Visits {
			v, ok := byID[id]
			if !ok {
				continue
			}
			var names []string
			for _, o := range v.OrgIDs {
				names = append(names, r.Orgs[o].Name)
			}
			l := widget.NewLabel(tr.DateString(v.Date) + " · " + tr.VisitType(v.Type) + " · " + v.Advisor + " · " + strings.Join(names, ", "))
			l.Truncation = fyne.TextTruncateEllipsis
			list.Add(l)
		}
	}
	closeBtn := widget.NewButtonWithIcon(tr.T("ui.close"), theme.CancelIcon(), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(list), s.u.win)
	dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	closer := &drillCloser{hide: func() { dlg.Hide() }}
	dlg.SetOnClosed(func() { s.u.popDialog(closer) })
	s.u.pushDialog(closer)
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}

// drillCloser lets Esc close the drill-down.
type drillCloser struct{ hide func() }

func (d *drillCloser) close() { d.hide() }
