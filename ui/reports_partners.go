package ui

// The Reports screen's partner and side: the filters, the tables of the
// figures by project partner and by national side, and the share of the
// enterprises supported with sustainability work.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/indicators/export"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// The breakdown choices that show the figures by partner and by side.
const (
	splitByPartner = "partner"
	splitBySide    = "side"
)

// newPartnerFilters makes the partner and side choices; the partners are
// listed once a report names them.
func (s *reportsScreen) newPartnerFilters(changed func(string)) {
	tr := s.u.tr
	s.partner = widgets.NewChoiceSelect([]widgets.Choice{{Value: "", Label: tr.T("ui.reports.any_partner")}}, changed)
	s.side = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.reports.any_side")}}, s.u.countryChoices()...), changed)
}

// listPartners offers the partners of a report made for every partner.
func (s *reportsScreen) listPartners(r *indicators.Report) {
	if r.Filter.Partner != "" {
		return // a report of one partner names only that one
	}
	keep := s.partner.Value()
	choices := []widgets.Choice{{Value: "", Label: s.u.tr.T("ui.reports.any_partner")}}
	for _, p := range r.Partners {
		if p.Key != "" {
			choices = append(choices, widgets.Choice{Value: p.Key, Label: p.Key})
		}
	}
	s.filling = true
	s.partner.SetChoices(choices)
	s.partner.SetValue(keep)
	s.filling = false
}

// splitChoices are the breakdown choices of the figures by partner and side.
func (s *reportsScreen) splitChoices() []widgets.Choice {
	tr := s.u.tr
	return []widgets.Choice{{Value: splitByPartner, Label: tr.T("report.indicators.by.partner")},
		{Value: splitBySide, Label: tr.T("report.indicators.by.side")}}
}

// showSplit lists the figures by partner or by side: a row each, with its
// visits, hours and main figures; the exports have every figure.
func (s *reportsScreen) showSplit(bySide bool) {
	r, tr := s.report, s.u.tr
	splits := r.Partners
	first := tr.T("field.partner")
	if bySide {
		splits, first = r.Sides, tr.T("field.side")
	}
	cols := []string{first, tr.T("report.indicators.col.visits"), tr.T("report.indicators.col.hours"),
		"RCO01", "RCO81", "RCO84", "RCO87", tr.T("report.indicators.col.organisations")}
	head := container.NewGridWithColumns(len(cols))
	for _, c := range cols {
		head.Add(boldLabel(c))
	}
	s.breakdown.Add(head)
	for _, sp := range splits {
		label := export.SplitLabel(bySide, sp.Key, tr)
		f := sp.Figures
		line := container.NewGridWithColumns(len(cols), widget.NewLabel(label), widget.NewLabel(tr.Number(f.VisitCount.Value)),
			widget.NewLabel(hours(s.u, f.Minutes)))
		for _, fig := range []indicators.Figure{f.RCO01.Figure, f.RCO81, f.RCO84, f.RCO87, f.OrgsReached} {
			if fig.Value > 0 && len(fig.Orgs) > 0 {
				link := widget.NewHyperlink(tr.Number(fig.Value), nil)
				fig := fig
				link.OnTapped = func() { s.drill(label, fig) }
				line.Add(link)
			} else {
				line.Add(widget.NewLabel(tr.Number(fig.Value)))
			}
		}
		s.breakdown.Add(line)
	}
	if len(splits) == 0 {
		none := widget.NewLabel(tr.T("ui.reports.no_visits"))
		none.Importance = widget.LowImportance
		s.breakdown.Add(none)
	}
	if !bySide {
		note := widget.NewLabel(tr.T("report.indicators.by.partner_note"))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		s.breakdown.Add(note)
	}
	s.breakdown.Refresh()
}

// sustainabilityShare is "N of M supported enterprises (P %); K not given"
// for the period, and the project's share since its start.
func (s *reportsScreen) sustainabilityShare(r *indicators.Report, c *indicators.Cumulative) (line, period, since string) {
	tr := s.u.tr
	p := r.Sustainability.Percent(r.RCO01.Value)
	line = tr.T("report.indicators.sustainable_line", "Yes", tr.Number(r.Sustainability.Yes.Value),
		"Of", tr.Number(r.RCO01.Value), "Percent", tr.Number(p), "Unknown", tr.Number(r.Sustainability.Unknown.Value))
	return line, tr.Number(p) + " %", tr.Number(c.Sustainability.Percent(c.RCO01.Value)) + " %"
}
