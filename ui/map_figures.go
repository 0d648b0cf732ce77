package ui

import (
	"bytes"
	"image/png"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/atomicfile"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/netmap"
)

// The exported picture's size in pixels, as ilsa map draws it.
const MapExportWidth, MapExportHeight = 2000, 1300

// showFigures puts the numbers behind the map beside it: actors per kind and
// country, relations, those across the border, and the actors newly linked
// since the project's start (set on the Reports screen).
func (s *mapScreen) showFigures(f netmap.Figures) {
	tr := s.u.tr
	s.figures.RemoveAll()
	heading := func(text string) {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		s.figures.Add(l)
	}
	line := func(text string) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		s.figures.Add(l)
	}
	heading(tr.N("ui.map.actors", f.Actors, "N", tr.Number(f.Actors)))
	for _, k := range f.ByKind {
		var per []string
		for _, c := range []domain.Country{domain.CountrySE, domain.CountryNO, ""} {
			if n := k.ByCountry[c]; n > 0 {
				per = append(per, countryShort(tr, c)+" "+tr.Number(n))
			}
		}
		line(tr.Kind(k.Kind) + ": " + strings.Join(per, " · "))
	}
	heading(tr.N("ui.map.relations", f.Relations, "N", tr.Number(f.Relations)))
	line(tr.T("ui.map.across", "N", tr.Number(f.CrossBorder)))
	if f.Since == "" {
		line(tr.T("ui.map.no_start"))
	} else {
		line(tr.T("ui.map.newly_linked", "N", tr.Number(f.NewlyLinked), "Date", tr.DateString(f.Since)))
	}
	s.figures.Refresh()
}

// countryShort is SE or NO, or a dash for a country not given.
func countryShort(tr *translations.Localizer, c domain.Country) string {
	if c == "" {
		return tr.T("ui.map.country_none_short")
	}
	return string(c)
}

// exportPNG saves the map as the filter shows it, in the light style with
// its legend, as ilsa map --out does.
func (s *mapScreen) exportPNG() {
	if s.m == nil {
		return
	}
	u, tr := s.u, s.u.tr
	m, f := s.m, s.filter()
	u.saveAs(tr.T("ui.map.file_name", "Date", u.today8601())+".png", func(path string) (string, string, error) {
		err := WriteMapPNG(path, m, f, tr)
		return tr.T("ui.map.saved_title"), tr.T("ui.map.saved", "Path", path), err
	})
}

// WriteMapPNG draws the map of m as f shows it, with its legend in tr's
// language, into a PNG file at path (written whole or not at all).
func WriteMapPNG(path string, m *netmap.Map, f netmap.Filter, tr *translations.Localizer) error {
	st := netmap.LightStyle
	st.TextSize = 17 // names legible on a printed page
	v := netmap.NewView(m, MapExportWidth, MapExportHeight, f)
	img := v.Draw(st, -1)
	netmap.DrawLegend(img, st, MapLegend(tr))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

// MapLegend is the exported map's key in tr's language.
func MapLegend(tr *translations.Localizer) netmap.Legend {
	return netmap.Legend{Title: tr.T("ui.map.title"), Sweden: tr.Country(domain.CountrySE), Norway: tr.Country(domain.CountryNO),
		NoCountry: tr.T("ui.map.no_country"), Innovation: tr.T("ui.map.group.innovation"),
		Enterprise: tr.T("ui.map.group.enterprise"), Other: tr.T("ui.map.group.other"), Across: tr.T("ui.map.cross_border")}
}
