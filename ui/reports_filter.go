package ui

// The Reports screen's choices: the period presets, the filters read into
// an indicators.Filter, and the choices kept over a language switch.

import (
	"time"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// applyPeriod fills the dates of a preset and recomputes the report.
func (s *reportsScreen) applyPeriod(p string) {
	if s.fillPeriod(p) {
		s.refreshSoon()
	}
}

// fillPeriod fills the dates of a preset; false for none (custom dates).
func (s *reportsScreen) fillPeriod(p string) bool {
	if p == periodCustom || p == "" {
		return false
	}
	now := s.u.opt.Now()
	y, m := now.Year(), now.Month()
	start := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	var from, to time.Time
	half := start(y, time.January)
	if m >= time.July {
		half = start(y, time.July)
	}
	switch p {
	case periodThisHalf:
		from, to = half, half.AddDate(0, 6, -1)
	case periodLastHalf:
		from, to = half.AddDate(0, -6, 0), half.AddDate(0, 0, -1)
	case periodThisYear:
		from, to = start(y, time.January), start(y+1, time.January).AddDate(0, 0, -1)
	case periodLastYear:
		from, to = start(y-1, time.January), start(y, time.January).AddDate(0, 0, -1)
	}
	s.filling = true
	s.from.SetText(s.u.tr.Date(from))
	s.to.SetText(s.u.tr.Date(to))
	s.filling = false
	return true
}

func (s *reportsScreen) refreshSoon() { s.typing.run(s.refresh) }

// reportChoices are the period and selection of the Reports screen,
// independent of the language the dates are written in.
type reportChoices struct {
	preset                               string
	from, to                             time.Time // custom periods only
	country, county, muni, advisor, kind string
	partner, side                        string
}

// choices reads what the screen shows, to carry it over a rebuild.
func (s *reportsScreen) choices() reportChoices {
	c := reportChoices{preset: s.period.Value(), country: s.country.Value(), county: s.county.Value(),
		muni: s.muni.Value(), advisor: s.advisor.Value(), kind: s.kind.Value(),
		partner: s.partner.Value(), side: s.side.Value()}
	if c.preset == periodCustom {
		c.from, _ = s.u.tr.ParseDate(s.from.Text)
		c.to, _ = s.u.tr.ParseDate(s.to.Text)
	}
	return c
}

// restore shows choices read from the screen this one replaces, with its
// dates written in the current language. Nothing is computed until the
// screen is shown.
func (s *reportsScreen) restore(c reportChoices) {
	s.filling = true
	defer func() { s.filling = false }()
	if c.preset != "" {
		s.period.SetValue(c.preset)
	}
	if c.preset == periodCustom {
		for _, d := range []struct {
			e *widgets.KeyedEntry
			t time.Time
		}{{s.from, c.from}, {s.to, c.to}} {
			if !d.t.IsZero() {
				d.e.SetText(s.u.tr.Date(d.t))
			}
		}
	} else {
		s.fillPeriod(c.preset)
		s.filling = true // fillPeriod ends its own filling
	}
	s.country.SetValue(c.country)
	s.county.SetValue(c.county)
	s.muni.SetValue(c.muni)
	s.kind.SetValue(c.kind)
	s.side.SetValue(c.side)
	if c.partner != "" {
		// Like the advisors: listed when a report names them.
		s.partner.SetChoices([]widgets.Choice{{Value: "", Label: s.u.tr.T("ui.reports.any_partner")}, {Value: c.partner, Label: c.partner}})
		s.partner.SetValue(c.partner)
	}
	if c.advisor != "" {
		// The advisors are listed when the report is first computed; until
		// then the choice is kept as the only one besides "any".
		s.advisor.SetChoices([]widgets.Choice{{Value: "", Label: s.u.tr.T("ui.reports.any_advisor")}, {Value: c.advisor, Label: c.advisor}})
		s.advisor.SetValue(c.advisor)
	}
}

// filter reads the screen's choices; problems name the fields.
func (s *reportsScreen) filter() (indicators.Filter, error) {
	f := indicators.Filter{Country: domain.Country(s.country.Value()), County: s.county.Value(),
		Municipality: s.muni.Value(), Advisor: s.advisor.Value(), Kind: domain.OrgKind(s.kind.Value()),
		Partner: s.partner.Value(), Side: domain.Country(s.side.Value())}
	var err error
	if f.From, err = s.u.typedDate("from", s.from.Text); err != nil {
		return f, err
	}
	if f.To, err = s.u.typedDate("to", s.to.Text); err != nil {
		return f, err
	}
	if f.ProjectStart, err = s.u.typedDate("project_start", s.projectStart.Text); err != nil {
		return f, err
	}
	return f, f.Validate()
}
