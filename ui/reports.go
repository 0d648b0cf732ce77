package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/chart"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// Reports is what the Reports screen needs: the indicators for a filter,
// and writing them to a file. The app provides both over the open store.
type Reports interface {
	Indicators(ctx context.Context, f indicators.Filter) (*indicators.Report, error)
	// Export writes r as format ("xlsx", "csv" or "pdf") in lang to path.
	Export(ctx context.Context, r *indicators.Report, format, lang, path string) error
}

// reportsScreen is the project lead's view: choose a period and a
// selection, see every funder indicator, drill down from any number to
// the organisations and visits behind it, see the charts, and export.
type reportsScreen struct {
	u    *UI
	view fyne.CanvasObject

	period                               *widgets.ChoiceSelect
	from, to                             *widgets.KeyedEntry
	projectStart                         *widgets.KeyedEntry // "" counts from the first visit
	calendar                             *widgets.CalendarHost
	country, county, muni, advisor, kind *widgets.ChoiceSelect
	partner, side                        *widgets.ChoiceSelect
	status                               *widget.Label
	figures                              *fyne.Container
	byMonth, byMuni                      *chart.Bars
	gender                               *chart.Shares
	breakdownSel                         *widgets.ChoiceSelect
	breakdown                            *fyne.Container
	exportXLSX, exportCSV, exportPDF     *widget.Button
	report                               *indicators.Report
	advisorsLoaded                       bool
	gen, advisorsGen                     atomic.Int64
	typing                               *debounce
	filling                              bool

	// emptyGuide opens the guide's reports section, shown while the
	// selection holds no visits.
	emptyGuide *widget.Button

	sub submittedUI // the period's submission (reports_submitted.go)
}

// Period presets: funders are reported to by half-year.
const (
	periodThisHalf = "this-half"
	periodLastHalf = "last-half"
	periodThisYear = "this-year"
	periodLastYear = "last-year"
	periodCustom   = "custom"
)

func newReportsScreen(u *UI) *reportsScreen {
	tr := u.tr
	s := &reportsScreen{u: u, calendar: u.newCalendar()}
	s.typing = &debounce{u: u, delay: searchDelay}
	changed := func(string) {
		if !s.filling {
			s.refreshSoon()
		}
	}
	s.period = widgets.NewChoiceSelect([]widgets.Choice{{Value: periodThisHalf, Label: tr.T("ui.reports.this_half")}, {Value: periodLastHalf, Label: tr.T("ui.reports.last_half")},
		{Value: periodThisYear, Label: tr.T("ui.reports.this_year")}, {Value: periodLastYear, Label: tr.T("ui.reports.last_year")},
		{Value: periodCustom, Label: tr.T("ui.reports.custom")}}, func(v string) {
		if !s.filling {
			s.applyPeriod(v)
		}
	})
	s.from, s.to = widgets.NewKeyedEntry(false), widgets.NewKeyedEntry(false)
	for _, e := range []*widgets.KeyedEntry{s.from, s.to} {
		e.SetPlaceHolder(tr.T("ui.date_placeholder"))
		s.calendar.Attach(e)
		e.OnChanged = func(string) {
			if !s.filling {
				s.period.SetValue(periodCustom)
				s.refreshSoon()
			}
		}
	}
	s.projectStart = widgets.NewKeyedEntry(false)
	s.projectStart.SetPlaceHolder(tr.T("ui.reports.project_start_hint"))
	s.calendar.Attach(s.projectStart)
	if d := u.opt.Prefs.ProjectStart(); d != "" {
		s.projectStart.SetText(tr.DateString(d))
	}
	s.projectStart.OnChanged = func(string) {
		if !s.filling {
			s.refreshSoon()
		}
	}
	s.country = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_country")}}, u.countryChoices()...), changed)
	counties := []widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_county")}}
	for _, c := range domain.Counties() {
		counties = append(counties, widgets.Choice{Value: c.Code, Label: c.Name})
	}
	s.county = widgets.NewChoiceSelect(counties, changed)
	s.muni = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_municipality")}}, u.municipalityChoices("")...), changed)
	s.advisor = widgets.NewChoiceSelect([]widgets.Choice{{Value: "", Label: tr.T("ui.reports.any_advisor")}}, changed)
	s.kind = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_kind")}}, u.kindChoices()...), changed)
	s.newPartnerFilters(changed)
	s.filling = true // choosing the first values is not the user asking for a report
	for _, c := range []*widgets.ChoiceSelect{s.country, s.county, s.muni, s.advisor, s.kind, s.partner, s.side} {
		c.SetValue("")
	}
	s.filling = false
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.figures = container.New(&figureLayout{})
	s.emptyGuide = u.guideButton("reports")
	s.emptyGuide.Hide()

	s.byMonth, s.byMuni, s.gender = chart.NewBars(), chart.NewBars(), chart.NewShares()
	for _, b := range []*chart.Bars{s.byMonth, s.byMuni} {
		b.SetEmptyText(tr.T("ui.reports.no_visits"))
		b.SetValueFormat(func(v float64) string { return tr.Number(int(v)) })
	}
	s.gender.SetEmptyText(tr.T("ui.reports.no_participants"))
	s.gender.SetPercentFormat(tr.Percent)

	var dims []widgets.Choice
	for _, d := range indicators.Dimensions {
		_, title := indicators.DimensionTitle(d, tr)
		dims = append(dims, widgets.Choice{Value: string(d), Label: title})
	}
	dims = append(dims, s.splitChoices()...)
	s.breakdown = container.NewVBox()
	s.breakdownSel = widgets.NewChoiceSelect(dims, func(string) { s.showBreakdown() })
	s.breakdownSel.SetValue(string(indicators.ByMunicipality))

	s.exportXLSX = widget.NewButtonWithIcon(tr.T("ui.reports.export_xlsx"), theme.DocumentSaveIcon(), func() { s.export("xlsx") })
	s.exportCSV = widget.NewButtonWithIcon(tr.T("ui.reports.export_csv"), theme.DocumentSaveIcon(), func() { s.export("csv") })
	s.exportPDF = widget.NewButtonWithIcon(tr.T("ui.reports.export_pdf"), theme.DocumentPrintIcon(), func() { s.export("pdf") })

	periodRow := container.NewGridWithColumns(4, s.period.Select,
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.reports.from")), nil, s.from),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.reports.to")), nil, s.to),
		container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.reports.project_start")), nil, s.projectStart))
	// Seven filters take two rows of four: in one row they would widen the
	// window past a laptop's screen.
	filterRow := container.NewGridWithColumns(4, s.country.Select, s.county.Select, s.muni.Select, s.advisor.Select, s.kind.Select,
		s.partner.Select, s.side.Select)
	charts := container.NewGridWithColumns(2,
		container.NewBorder(heading(tr.T("ui.reports.by_month")), nil, nil, nil, sized(s.byMonth, 200)),
		container.NewBorder(heading(tr.T("ui.reports.by_municipality")), nil, nil, nil, sized(s.byMuni, 200)))
	sizeNote := widget.NewLabel(tr.T("report.indicators.size_note"))
	sizeNote.Wrapping = fyne.TextWrapWord
	sizeNote.Importance = widget.LowImportance
	var scroll *container.Scroll
	body := container.NewVBox(
		heading(tr.T("report.indicators.title")), periodRow, filterRow, s.status,
		// The actions wrap onto a second line rather than widen the window.
		container.New(layout.NewRowWrapLayout(), s.exportXLSX, s.exportCSV, s.exportPDF, s.newProjectDraftButton(), s.emptyGuide,
			s.submitControls(), u.evaluations.jump(func(y float32) {
				scroll.ScrollToOffset(fyne.NewPos(0, y))
			})),
		widget.NewSeparator(), s.submittedBanner(), s.figures, sizeNote,
		widget.NewSeparator(), charts,
		heading(tr.T("report.indicators.gender")), sized(s.gender, 70),
		widget.NewSeparator(), container.NewBorder(nil, nil, heading(tr.T("ui.reports.breakdown")), nil, s.breakdownSel.Select),
		s.breakdown,
		widget.NewSeparator(), u.evaluations.view)
	scroll = container.NewVScroll(container.NewPadded(body))
	s.view = scroll
	// The first period is filled in without a refresh: the screen computes
	// its report when it is shown, and a refresh scheduled now would run
	// while the window is still being built.
	s.fillPeriod(periodThisHalf)
	s.filling = true
	s.period.SetValue(periodThisHalf)
	s.filling = false
	return s
}

// sized gives a chart a height of its own.
func sized(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	return container.New(&minSizeLayout{fyne.NewSize(200, h)}, o)
}

// refresh computes the report off the UI goroutine — only while the
// screen is showing: the full report reads every visit of the period.
func (s *reportsScreen) refresh() {
	u := s.u
	if u.tabs != nil && u.tabs.SelectedIndex() == tabReports {
		u.evaluations.period = func() (string, string, bool) {
			f, err := s.filter()
			return f.From, f.To, err == nil
		}
		u.evaluations.loadActivities()
		u.evaluations.refresh()
	}
	if u.opt.Reports == nil || u.tabs == nil || u.tabs.SelectedIndex() != tabReports {
		return
	}
	s.loadAdvisors()
	f, err := s.filter()
	if err != nil {
		s.status.SetText(u.tr.Error(err))
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		return
	}
	s.status.SetText(u.tr.T("ui.reports.computing"))
	s.status.Importance = widget.LowImportance
	s.status.Refresh()
	started := time.Now()
	newest(u, &s.gen, func() (*indicators.Report, error) {
		if err := u.opt.Prefs.SetProjectStart(f.ProjectStart); err != nil {
			return nil, err
		}
		return s.withSubmitted(u.opt.Reports.Indicators(u.ctx(), f))
	}, func(r *indicators.Report) {
		s.report = r
		status := u.tr.T("ui.reports.computed", "Visits", u.tr.Number(r.VisitCount.Value),
			"Ms", u.tr.Number(int(time.Since(started).Milliseconds())))
		// Nothing to count: say what would fill the report, and where to read more.
		s.emptyGuide.Hide()
		if r.VisitCount.Value == 0 {
			status += " " + u.tr.T("ui.reports.empty_hint")
			s.emptyGuide.Show()
		}
		s.status.SetText(status)
		s.listPartners(r)
		s.show()
	})
}

// loadAdvisors fills the advisor filter once.
func (s *reportsScreen) loadAdvisors() {
	if s.advisorsLoaded {
		return
	}
	s.advisorsLoaded = true
	newest(s.u, &s.advisorsGen, func() ([]string, error) { return s.u.storeForReports().Advisors(s.u.ctx()) }, func(names []string) {
		keep := s.advisor.Value()
		choices := []widgets.Choice{{Value: "", Label: s.u.tr.T("ui.reports.any_advisor")}}
		for _, n := range names {
			choices = append(choices, widgets.Choice{Value: n, Label: n})
		}
		s.filling = true
		s.advisor.SetChoices(choices)
		s.advisor.SetValue(keep)
		s.filling = false
	})
}

// show puts the computed report on screen.
func (s *reportsScreen) show() {
	r, tr := s.report, s.u.tr
	if r == nil {
		return
	}
	s.figures.RemoveAll()
	c := r.Cumulative
	if c == nil {
		c = &indicators.Cumulative{}
	}
	// A number opens what lies behind it.
	number := func(label string, f indicators.Figure) fyne.CanvasObject {
		if f.Value > 0 && len(f.Orgs)+len(f.Visits)+len(f.Joints) > 0 {
			link := widget.NewHyperlink(tr.Number(f.Value), nil)
			link.OnTapped = func() { s.drill(label, f) }
			link.Alignment = fyne.TextAlignTrailing
			link.TextStyle = fyne.TextStyle{Bold: true}
			return link
		}
		return widget.NewLabelWithStyle(tr.Number(f.Value), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	}
	row := func(code, label string, indent bool, period, since fyne.CanvasObject) {
		cl := widget.NewLabel(code)
		cl.TextStyle = fyne.TextStyle{Bold: true}
		l := widget.NewLabel(label)
		l.Wrapping = fyne.TextWrapWord
		if indent {
			l.SetText("    " + label)
			l.Importance = widget.LowImportance
		}
		s.figures.Add(cl)
		s.figures.Add(l)
		s.figures.Add(period)
		s.figures.Add(since)
	}
	sinceLabel := tr.T("report.indicators.since_start")
	sinceHead := sinceLabel
	if c.From != "" {
		sinceHead += "\n" + tr.DateString(c.From) + " –"
	}
	row("", "", false, widget.NewLabelWithStyle(tr.T("ui.reports.period"), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(sinceHead, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	// add shows a figure of the period and the project's up to its end
	// (nil: the period's only).
	add := func(code, label string, f indicators.Figure, since *indicators.Figure, indent bool) {
		var sinceObj fyne.CanvasObject = widget.NewLabel("")
		if since != nil {
			sinceObj = s.beside(label, true, number(label+" · "+sinceLabel, *since))
		}
		row(code, label, indent, s.beside(label, false, number(label, f)), sinceObj)
	}
	add("RCO01", tr.T("report.indicators.rco01"), r.RCO01.Figure, &c.RCO01.Figure, false)
	for _, sc := range []struct {
		class domain.SizeClass
		key   string
	}{{domain.SizeMicro, "micro"}, {domain.SizeSmall, "small"}, {domain.SizeMedium, "medium"}, {domain.SizeLarge, "large"}, {domain.SizeUnknown, "unknown"}} {
		add("", tr.T("report.indicators.rco01."+sc.key), *r.RCO01.Class(sc.class), c.RCO01.Class(sc.class), true)
	}
	add("RCO04", tr.T("report.indicators.rco04"), r.RCO04, &c.RCO04, false)
	add("RCO81", tr.T("report.indicators.rco81"), r.RCO81, &c.RCO81, false)
	add("RCO83", tr.T("report.indicators.rco83"), r.RCO83, &c.RCO83, false)
	add("RCO84", tr.T("report.indicators.rco84"), r.RCO84, &c.RCO84, false)
	add("RCO87", tr.T("report.indicators.rco87"), r.RCO87, &c.RCO87, false)
	add("", tr.T("report.indicators.border_orgs"), r.BorderActivityOrgs, &c.BorderActivityOrgs, false)
	add("", tr.T("report.indicators.orgs_reached"), r.OrgsReached, &c.OrgsReached, false)
	if w := r.SecondWave; w != nil {
		var since *indicators.Figure
		if cw := c.SecondWave; cw != nil {
			since = &indicators.Figure{Value: cw.Enterprises, Orgs: cw.Named.Orgs}
		}
		add("", tr.T("report.indicators.second_wave"), indicators.Figure{Value: w.Enterprises, Orgs: w.Named.Orgs}, since, false)
	}
	add("", tr.T("report.indicators.unknown_kind"), r.UnknownKind, &c.UnknownKind, true)
	add("", tr.T("report.indicators.women_led"), r.WomenLed, &c.WomenLed, false)
	add("", tr.T("report.indicators.sustainable"), r.Sustainability.Yes, &c.Sustainability.Yes, false)
	shareLine, sharePeriod, shareSince := s.sustainabilityShare(r, c)
	row("", shareLine, true, widget.NewLabelWithStyle(sharePeriod, fyne.TextAlignTrailing, fyne.TextStyle{}),
		widget.NewLabelWithStyle(shareSince, fyne.TextAlignTrailing, fyne.TextStyle{}))
	add("", tr.T("report.indicators.sustainable_unknown"), r.Sustainability.Unknown, &c.Sustainability.Unknown, true)
	add("", tr.T("report.indicators.col.visits"), r.VisitCount, &c.VisitCount, false)
	add("", tr.T("report.indicators.cross_border"), r.CrossBorder, &c.CrossBorder, false)
	add("", tr.T("report.indicators.col.hours"), indicators.Figure{Value: int(r.Hours() + 0.5), Visits: r.VisitCount.Visits},
		&indicators.Figure{Value: int(c.Hours() + 0.5)}, false)
	add("", tr.T("report.indicators.participants"), indicators.Figure{Value: r.Gender.Total(), Visits: r.Gender.Visits}, nil, false)
	var sdgOrgs []string
	for _, g := range r.SDGs {
		sdgOrgs = append(sdgOrgs, g.Orgs...)
	}
	add("", tr.T("report.indicators.sdgs_addressed"), indicators.Figure{Value: r.SDGsAddressed, Orgs: uniq(sdgOrgs)}, nil, false)
	add("", tr.T("report.indicators.improved"), r.ImpactOrgs, nil, false)
	s.figures.Refresh()
	s.showSubmitted()

	if b := r.Breakdown(indicators.ByMonth); b != nil {
		var bars []chart.Bar
		for _, row := range b.Rows {
			bars = append(bars, chart.Bar{Label: monthLabel(tr, row.Key), Value: float64(row.Visits)})
		}
		s.byMonth.SetData(bars)
	}
	if b := r.Breakdown(indicators.ByMunicipality); b != nil {
		rows := append([]indicators.Row(nil), b.Rows...)
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].Visits > rows[j].Visits })
		if len(rows) > 12 {
			rows = rows[:12] // the most visited; the table below has them all
		}
		var bars []chart.Bar
		for _, row := range rows {
			bars = append(bars, chart.Bar{Label: indicators.RowLabel(indicators.ByMunicipality, row.Key, tr), Value: float64(row.Visits)})
		}
		s.byMuni.SetData(bars)
	}
	s.gender.SetData([]chart.Share{{Label: tr.T("field.women"), Value: float64(r.Gender.Women)},
		{Label: tr.T("field.men"), Value: float64(r.Gender.Men)}, {Label: tr.T("field.other"), Value: float64(r.Gender.Other)}})
	s.showBreakdown()
}

// monthLabel writes YYYY-MM as "mar 2026" in Swedish and Norwegian, where
// month names are written small, and "Mar 2026" in English.
func monthLabel(tr *translations.Localizer, key string) string {
	var y, m int
	if _, err := fmt.Sscanf(key, "%d-%d", &y, &m); err != nil || m < 1 || m > 12 {
		return key
	}
	name := []rune(tr.T(widgets.MonthKey(time.Month(m))))
	if len(name) > 3 {
		name = name[:3]
	}
	short := strings.ToLower(string(name))
	if tr.Lang() == "en" {
		short = strings.ToUpper(short[:1]) + short[1:]
	}
	return short + " " + fmt.Sprint(y)
}

func uniq(ids []string) []string {
	sort.Strings(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// export writes the report in format to a file the user chooses.
func (s *reportsScreen) export(format string) {
	u, r := s.u, s.report
	if r == nil || u.opt.Reports == nil {
		return
	}
	lang := u.tr.Lang()
	name := u.tr.T("ui.reports.file_name", "From", r.Filter.From, "To", r.Filter.To) + "." + format
	u.saveAs(name, func(path string) (string, string, error) {
		err := u.opt.Reports.Export(u.ctx(), r, format, lang, path)
		return u.tr.T("ui.reports.exported_title"), u.tr.T("ui.reports.exported", "Path", path), err
	})
}
