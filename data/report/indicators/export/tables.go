package export

import (
	"io/fs"
	"math"
	"strings"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/translations"
)

// Options choose the language and the model names of an export.
type Options struct {
	Lang *translations.Localizer
	// Models names models and their dimensions (SDGs, impact); nil means
	// the bundled library.
	Models *models.Library
	// Evaluations are the questionnaires' results over the period, for
	// the XLSX and the PDF (see EvaluationsApply); nil writes none.
	Evaluations []FormResults
}

func (o Options) library() *models.Library {
	if o.Models != nil {
		return o.Models
	}
	bundled, err := fs.Sub(assets.Models, "models")
	if err != nil {
		return nil
	}
	lib, _ := models.Load(bundled)
	return lib
}

// cell is a value of a table: a text or a number (hours carry decimals).
type cell struct {
	text    string
	num     float64
	isNum   bool
	decimal bool
	bold    bool // XLSX: a heading inside a sheet
}

func text(s string) cell { return cell{text: s} }
func count(n int) cell   { return cell{num: float64(n), isNum: true} }
func decimalCell(f float64) cell {
	return cell{num: math.Round(f*100) / 100, isNum: true, decimal: true}
}
func hoursCell(minutes int) cell { return decimalCell(float64(minutes) / 60) }

// table is one translated table of the report.
type table struct {
	sheet  string // worksheet name
	title  string // heading in the PDF
	note   string // a line under the heading, or ""
	header []string
	widths []float64 // relative column widths (characters in XLSX)
	rows   [][]cell
	// subheading: the PDF titles it smaller, under the table it belongs to
	subheading bool
}

// tables builds every table of the report in the reader's language, in the
// order the PDF and the workbook show them (the raw visits come separately).
func tables(r *indicators.Report, o Options) []table {
	tr := o.Lang
	lib := o.library()
	out := []table{indicatorTable(r, tr), genderTable(r, tr), leadershipTable(r, tr)}
	out = append(out, splitTables(r, tr)...)
	for _, b := range r.Breakdowns {
		out = append(out, breakdownTable(b, tr))
	}
	out = append(out, sdgTable(r, tr, lib), impactTable(r, tr, lib))
	if t := submittedTable(r, tr); t != nil {
		out = append(out, *t)
	}
	return out
}

// indicatorTable is the table funders ask for: code, name, value, and the
// value for the whole project up to the period's end. It is also the CSV.
func indicatorTable(r *indicators.Report, tr *translations.Localizer) table {
	c := r.Cumulative
	if c == nil {
		c = &indicators.Cumulative{}
	}
	t := table{sheet: tr.T("report.indicators.sheet.indicators"), title: tr.T("report.indicators.title"),
		note: tr.T("report.indicators.size_note"),
		header: []string{tr.T("report.indicators.col.code"), tr.T("report.indicators.col.indicator"), tr.T("report.indicators.col.value"),
			SinceStartHeader(c, tr)},
		widths: []float64{10, 60, 14, 20}}
	if r.Filter.Advisor != "" {
		t.note += " " + tr.T("report.indicators.joint_advisor_note")
	}
	add := func(code, label string, v, since cell) {
		t.rows = append(t.rows, []cell{text(code), text(label), v, since})
	}
	addCount := func(code, label string, v int, since int) { add(code, label, count(v), count(since)) }
	addCount("RCO01", tr.T("report.indicators.rco01"), r.RCO01.Value, c.RCO01.Value)
	addCount("RCO01", tr.T("report.indicators.rco01.micro"), r.RCO01.Micro.Value, c.RCO01.Micro.Value)
	addCount("RCO01", tr.T("report.indicators.rco01.small"), r.RCO01.Small.Value, c.RCO01.Small.Value)
	addCount("RCO01", tr.T("report.indicators.rco01.medium"), r.RCO01.Medium.Value, c.RCO01.Medium.Value)
	addCount("RCO01", tr.T("report.indicators.rco01.large"), r.RCO01.Large.Value, c.RCO01.Large.Value)
	addCount("RCO01", tr.T("report.indicators.rco01.unknown"), r.RCO01.Unknown.Value, c.RCO01.Unknown.Value)
	addCount("RCO04", tr.T("report.indicators.rco04"), r.RCO04.Value, c.RCO04.Value)
	addCount("RCO81", tr.T("report.indicators.rco81"), r.RCO81.Value, c.RCO81.Value)
	addCount("RCO83", tr.T("report.indicators.rco83"), r.RCO83.Value, c.RCO83.Value)
	addCount("RCO84", tr.T("report.indicators.rco84"), r.RCO84.Value, c.RCO84.Value)
	addCount("RCO87", tr.T("report.indicators.rco87"), r.RCO87.Value, c.RCO87.Value)
	addCount("", tr.T("report.indicators.border_orgs"), r.BorderActivityOrgs.Value, c.BorderActivityOrgs.Value)
	addCount("", tr.T("report.indicators.orgs_reached"), r.OrgsReached.Value, c.OrgsReached.Value)
	if w := r.SecondWave; w != nil {
		since := 0
		if c.SecondWave != nil {
			since = c.SecondWave.Enterprises
		}
		addCount("", tr.T("report.indicators.second_wave"), w.Enterprises, since)
	}
	addCount("", tr.T("report.indicators.unknown_kind"), r.UnknownKind.Value, c.UnknownKind.Value)
	addCount("", tr.T("report.indicators.women_led"), r.WomenLed.Value, c.WomenLed.Value)
	sustainabilityRows(&t, r, c, tr)
	addCount("", tr.T("report.indicators.col.visits"), r.VisitCount.Value, c.VisitCount.Value)
	addCount("", tr.T("report.indicators.cross_border"), r.CrossBorder.Value, c.CrossBorder.Value)
	add("", tr.T("report.indicators.col.hours"), hoursCell(r.Minutes), hoursCell(c.Minutes))
	// The head counts, goals and impact are the period's only.
	none := text("")
	participants := tr.T("report.indicators.participants")
	add("", participants+": "+tr.T("field.women"), count(r.Gender.Women), none)
	add("", participants+": "+tr.T("field.men"), count(r.Gender.Men), none)
	add("", participants+": "+tr.T("field.other"), count(r.Gender.Other), none)
	add("", participants+": "+tr.T("report.indicators.total"), count(r.Gender.Total()), none)
	add("", tr.T("report.indicators.sdgs_addressed"), count(r.SDGsAddressed), none)
	add("", tr.T("report.indicators.improved"), count(r.ImpactOrgs.Value), none)
	return t
}

// SinceStartHeader heads the column of the project's figures: "Since
// project start (2025-12-31)", the date in the reader's form.
func SinceStartHeader(c *indicators.Cumulative, tr *translations.Localizer) string {
	if c == nil || c.From == "" {
		return tr.T("report.indicators.since_start")
	}
	return tr.T("report.indicators.since_start_on", "Date", tr.DateString(c.From))
}

// share is a part of a whole in per cent (0 when the whole is 0).
func share(part, whole int) cell {
	if whole == 0 {
		return decimalCell(0)
	}
	return decimalCell(float64(part) * 100 / float64(whole))
}

func genderTable(r *indicators.Report, tr *translations.Localizer) table {
	g := r.Gender
	t := table{sheet: tr.T("report.indicators.sheet.gender"), title: tr.T("report.indicators.gender"),
		header: []string{tr.T("field.gender"), tr.T("report.indicators.participants"), tr.T("report.indicators.col.share") + " %"},
		widths: []float64{24, 14, 12}}
	for _, x := range []struct {
		label string
		n     int
	}{{tr.T("field.women"), g.Women}, {tr.T("field.men"), g.Men}, {tr.T("field.other"), g.Other}, {tr.T("report.indicators.total"), g.Total()}} {
		t.rows = append(t.rows, []cell{text(x.label), count(x.n), share(x.n, g.Total())})
	}
	return t
}

func leadershipTable(r *indicators.Report, tr *translations.Localizer) table {
	l := r.Leadership
	total := r.OrgsReached.Value
	t := table{sheet: tr.T("field.leader_gender"), title: tr.T("report.indicators.leadership"),
		header: []string{tr.T("field.leader_gender"), tr.T("report.indicators.col.organisations"), tr.T("report.indicators.col.share") + " %"},
		widths: []float64{24, 14, 12}}
	for _, x := range []struct {
		g domain.LeaderGender
		n int
	}{{domain.LeaderWomen, l.Women.Value}, {domain.LeaderMen, l.Men.Value}, {domain.LeaderMixed, l.Mixed.Value}, {domain.LeaderUnknown, l.Unknown.Value}} {
		t.rows = append(t.rows, []cell{text(tr.Leader(x.g)), count(x.n), share(x.n, total)})
	}
	t.rows = append(t.rows, []cell{text(tr.T("report.indicators.total")), count(total), share(total, total)})
	return t
}

func breakdownTable(b indicators.Breakdown, tr *translations.Localizer) table {
	label, title := indicators.DimensionTitle(b.Dimension, tr)
	t := table{sheet: label, title: title,
		header: []string{label, tr.T("report.indicators.col.visits"), tr.T("report.indicators.col.hours"), tr.T("report.indicators.col.organisations")},
		widths: []float64{40, 12, 16, 16}}
	if b.Dimension == indicators.ByCountry || b.Dimension == indicators.ByCounty ||
		b.Dimension == indicators.ByMunicipality || b.Dimension == indicators.BySector || b.Dimension == indicators.ByKind ||
		b.Dimension == indicators.ByLeadership {
		t.note = tr.T("report.indicators.by.note")
	}
	if b.Dimension == indicators.ByLeadership { // "Leadership" names the sheet of organisations by leadership
		t.sheet = tr.T("report.indicators.sheet.leadership_support")
	}
	for _, r := range b.Rows {
		t.rows = append(t.rows, []cell{text(indicators.RowLabel(b.Dimension, r.Key, tr)), count(r.Visits), hoursCell(r.Minutes), count(len(r.OrgIDs))})
	}
	return t
}

func sdgTable(r *indicators.Report, tr *translations.Localizer, lib *models.Library) table {
	t := table{sheet: tr.T("report.indicators.sheet.sdgs"), title: tr.T("report.indicators.sdgs"),
		header: []string{tr.T("report.indicators.col.goal"), tr.T("report.indicators.col.organisations")},
		widths: []float64{60, 16}}
	var agenda *models.Model
	if lib != nil {
		agenda, _ = lib.Latest(indicators.AgendaModel)
	}
	for _, g := range r.SDGs {
		name := g.Goal
		if agenda != nil {
			if d, ok := agenda.Dimension(g.Goal); ok {
				name = strings.TrimPrefix(g.Goal, "sdg-") + " " + d.Name.In(tr.Lang())
			}
		}
		t.rows = append(t.rows, []cell{text(name), count(len(g.Orgs))})
	}
	return t
}

func impactTable(r *indicators.Report, tr *translations.Localizer, lib *models.Library) table {
	t := table{sheet: tr.T("report.indicators.sheet.impact"), title: tr.T("report.indicators.impact"),
		header: []string{tr.T("field.model"), tr.T("report.indicators.col.dimension"), tr.T("report.indicators.col.assessed"), tr.T("report.indicators.col.improved")},
		widths: []float64{36, 28, 18, 14}}
	for _, im := range r.Impact {
		model, dim := im.Model, im.Dimension
		if lib != nil {
			if m, ok := lib.Latest(im.Model); ok {
				model = m.Name.In(tr.Lang())
				if d, ok := m.Dimension(im.Dimension); ok {
					dim = d.Name.In(tr.Lang())
				}
			}
		}
		t.rows = append(t.rows, []cell{text(model), text(dim), count(im.Assessed.Value), count(im.Improved.Value)})
	}
	return t
}
