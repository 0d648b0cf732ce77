package app

import (
	"bytes"
	"context"
	"image/png"
	"unicode"
	"unicode/utf8"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui"
	"eu.ilsa.coach/ilsa/ui/netmap"
)

// The map picture of the draft, in pixels, and its names' size: on a
// landscape A4 page about 250 mm wide the names print at some 7 points.
const (
	draftMapWidth, draftMapHeight = 1600, 1040
	draftMapTextSize              = 17
)

// innovationSystem is what the draft's chapter on the innovation system is
// built from: the map of every actor and relation recorded (both
// countries, all kinds) and its figures.
type innovationSystem struct {
	m   *netmap.Map
	fig netmap.Figures
}

// gatherInnovationSystem reads the map and counts its figures as `ilsa
// map --json` does, the actors newly linked counted from since.
func gatherInnovationSystem(ctx context.Context, st *data.Store, since string) (innovationSystem, error) {
	actors, err := st.Actors(ctx)
	if err != nil {
		return innovationSystem{}, err
	}
	rels, err := st.Relations(ctx, "")
	if err != nil {
		return innovationSystem{}, err
	}
	m := netmap.Build(actors, rels)
	return innovationSystem{m: m, fig: netmap.Count(m, rels, netmap.Filter{}, since)}, nil
}

// innovationSystemSections is the draft's chapter on the innovation
// system (the project's results 2 and 3): its figures as tables, a prompt
// for the lead, and the map's picture when there are relations to show.
func innovationSystemSections(is innovationSystem) project.SectionsFunc {
	return func(tr *translations.Localizer) []project.Section {
		fig := is.fig
		s := project.Section{Level: 1, Heading: tr.T("report.project.map.heading"),
			Blocks: []project.Block{project.NoteOf(tr.T("report.project.map.intro"))}}
		if fig.Actors == 0 {
			s.Blocks = append(s.Blocks, project.Para(tr.T("report.project.map.no_actors")),
				project.PromptFor(tr.T("report.project.map.prompt")))
			return []project.Section{s}
		}
		s.Blocks = append(s.Blocks, mapSummaryTable(fig, tr), mapKindTable(fig, tr), mapRelationTable(fig, tr),
			project.PromptFor(tr.T("report.project.map.prompt")))
		if fig.Relations == 0 {
			s.Blocks = append(s.Blocks, project.Para(tr.T("report.project.map.no_relations")))
			return []project.Section{s}
		}
		s.Blocks = append(s.Blocks, mapPicture(is, tr))
		return []project.Section{s}
	}
}

// mapSummaryTable is the map's totals: actors, relations, those across the
// border, and the actors newly linked since the project's start.
func mapSummaryTable(fig netmap.Figures, tr *translations.Localizer) project.Block {
	rows := [][]string{
		{tr.T("report.project.map.actors"), tr.Number(fig.Actors)},
		{tr.T("report.project.map.relations"), tr.Number(fig.Relations)},
		{tr.T("report.project.map.across"), tr.Number(fig.CrossBorder)},
	}
	if fig.Since != "" {
		rows = append(rows, []string{tr.T("report.project.map.newly_linked", "Date", tr.DateString(fig.Since)), tr.Number(fig.NewlyLinked)})
	} else {
		rows = append(rows, []string{tr.T("report.project.map.no_start"), "–"})
	}
	return project.TableOf(project.Table{Header: []string{tr.T("report.project.map.col.figure"), tr.T("report.project.map.col.number")},
		Rows: rows, Numeric: []bool{false, true}, Widths: []float64{75, 25}})
}

// mapKindTable is the actors per kind and country, with a total row.
func mapKindTable(fig netmap.Figures, tr *translations.Localizer) project.Block {
	countries := []domain.Country{domain.CountrySE, domain.CountryNO, ""}
	var rows [][]string
	totals := make([]int, len(countries)+1)
	for _, k := range fig.ByKind {
		row, sum := []string{tr.Kind(k.Kind)}, 0
		for i, c := range countries {
			row = append(row, tr.Number(k.ByCountry[c]))
			totals[i] += k.ByCountry[c]
			sum += k.ByCountry[c]
		}
		totals[len(countries)] += sum
		rows = append(rows, append(row, tr.Number(sum)))
	}
	total := []string{tr.T("report.project.map.total")}
	for _, n := range totals {
		total = append(total, tr.Number(n))
	}
	return project.TableOf(project.Table{
		Header: []string{tr.T("report.project.map.col.kind"), tr.Country(domain.CountrySE), tr.Country(domain.CountryNO),
			tr.T("ui.map.no_country"), tr.T("report.project.map.total")},
		Rows: append(rows, total), Numeric: []bool{false, true, true, true, true}, Widths: []float64{40, 15, 15, 15, 15}})
}

// mapRelationTable is the relations per kind, every kind listed.
func mapRelationTable(fig netmap.Figures, tr *translations.Localizer) project.Block {
	var rows [][]string
	for _, k := range domain.RelationKinds {
		rows = append(rows, []string{upperFirst(tr.RelationKind(k)), tr.Number(fig.RelByKind[k])})
	}
	return project.TableOf(project.Table{Header: []string{tr.T("report.project.map.col.relation"), tr.T("report.project.map.col.number")},
		Rows: rows, Numeric: []bool{false, true}, Widths: []float64{75, 25}})
}

// mapPicture is the map of both countries and all kinds with its legend
// in tr's language; a picture that cannot be made is said so in its place.
func mapPicture(is innovationSystem, tr *translations.Localizer) project.Block {
	st := netmap.LightStyle
	st.TextSize = draftMapTextSize
	img := netmap.NewView(is.m, draftMapWidth, draftMapHeight, netmap.Filter{}).Draw(st, -1)
	netmap.DrawLegend(img, st, ui.MapLegend(tr))
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	if err == nil {
		var b project.Block
		caption := tr.T("report.project.map.caption", "Actors", tr.Number(is.fig.Actors), "Relations", tr.Number(is.fig.Relations))
		if b, err = project.PictureOf(buf.Bytes(), caption, "map"); err == nil {
			return b
		}
	}
	return project.NoteOf(tr.T("report.project.map.no_picture", "Error", err.Error()))
}

// upperFirst starts a label that reads mid-sentence ("member of") as a
// table's row does.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
