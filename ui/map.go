package ui

import (
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/netmap"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// groupPrefix starts a kind filter's value that chooses a whole group
// (innovation actors, enterprises) rather than one kind.
const groupPrefix = "group:"

// mapScreen is the innovation-system map: every organisation and its
// relations, coloured by country and shaped by group, filtered by country,
// kind, municipality and sector, with the figures behind it beside it. The
// layout is worked out off the UI goroutine when the data changed, and the
// picture drawn off it whenever the filter or the size changes.
type mapScreen struct {
	u    *UI
	view fyne.CanvasObject

	country, kind, municipality, sector *widgets.ChoiceSelect

	canvas  *mapCanvas
	hover   *widget.Label
	figures *fyne.Container
	legend  *canvas.Image
	export  *widget.Button

	m      *netmap.Map // nil until the first load
	rels   []domain.Relation
	loaded data.Generation
	hasGen bool
	size   fyne.Size // the size last drawn
	loads  atomic.Int64
	draws  atomic.Int64
}

func newMapScreen(u *UI) *mapScreen {
	tr := u.tr
	s := &mapScreen{u: u}
	changed := func(string) { s.draw() }
	s.country = widgets.NewChoiceSelect([]widgets.Choice{{Value: "", Label: tr.T("ui.map.any_country")},
		{Value: string(domain.CountrySE), Label: tr.Country(domain.CountrySE)},
		{Value: string(domain.CountryNO), Label: tr.Country(domain.CountryNO)}}, changed)
	s.country.SetSelectedIndex(0)
	kinds := []widgets.Choice{{Value: "", Label: tr.T("ui.map.any_kind")},
		{Value: groupPrefix + "innovation", Label: tr.T("ui.map.innovation_actors")},
		{Value: groupPrefix + "enterprise", Label: tr.T("ui.map.enterprises")}}
	for _, k := range domain.OrgKinds {
		kinds = append(kinds, widgets.Choice{Value: string(k), Label: tr.Kind(k)})
	}
	s.kind = widgets.NewChoiceSelect(kinds, changed)
	s.kind.SetSelectedIndex(0)
	s.municipality = widgets.NewChoiceSelect(nil, changed)
	s.sector = widgets.NewChoiceSelect(nil, changed)
	s.offerPlaces(nil)

	s.canvas = newMapCanvas()
	s.canvas.resized = func(size fyne.Size) {
		if size != s.size {
			s.draw()
		}
	}
	s.canvas.tapped = func(i int) {
		if s.m != nil && i < len(s.m.Nodes) {
			u.selectOrg(s.m.Nodes[i].ID)
		}
	}
	s.hover = widget.NewLabel(tr.T("ui.map.hint"))
	s.hover.Importance = widget.LowImportance
	s.hover.Truncation = fyne.TextTruncateEllipsis
	s.canvas.hovered = s.showHover
	s.figures = container.NewVBox()
	s.legend = canvas.NewImageFromImage(nil)
	s.legend.FillMode = canvas.ImageFillContain
	s.export = widget.NewButtonWithIcon(tr.T("ui.map.export"), theme.DownloadIcon(), s.exportPNG)
	s.export.Disable()

	filters := container.New(&rowWrapLayout{},
		atLeast(selectWidth(tr.T("ui.map.any_country"), tr.Country(domain.CountryNO)), s.country.Select),
		atLeast(selectWidth(tr.T("ui.map.innovation_actors"), tr.T("ui.map.any_kind")), s.kind.Select),
		atLeast(200, s.municipality.Select), atLeast(200, s.sector.Select))
	side := container.NewBorder(nil, container.NewHBox(s.export), nil, nil, container.NewVScroll(container.NewVBox(container.NewHBox(s.legend), s.figures)))
	s.view = container.NewBorder(filters, s.hover, nil, atLeast(250, side), s.canvas)
	return s
}

// offerPlaces fills the municipality and sector filters with those the
// actors have, keeping a choice that is still among them.
func (s *mapScreen) offerPlaces(actors []netmap.Node) {
	tr := s.u.tr
	munis, sectors := map[string]bool{}, map[string]bool{}
	for _, n := range actors {
		if n.Municipality != "" {
			munis[n.Municipality] = true
		}
		if n.Sector != "" {
			sectors[n.Sector] = true
		}
	}
	mc := []widgets.Choice{{Value: "", Label: tr.T("ui.map.any_municipality")}}
	for _, code := range slices.Sorted(maps.Keys(munis)) {
		mc = append(mc, widgets.Choice{Value: code, Label: s.u.municipalityLabel(code)})
	}
	slices.SortStableFunc(mc[1:], func(a, b widgets.Choice) int { return strings.Compare(a.Label, b.Label) })
	sc := []widgets.Choice{{Value: "", Label: tr.T("ui.map.any_sector")}}
	for _, code := range slices.Sorted(maps.Keys(sectors)) {
		label := code
		if sec, ok := domain.SectorByCode(code); ok {
			label = s.u.sectorLabel(sec)
		}
		sc = append(sc, widgets.Choice{Value: code, Label: label})
	}
	for _, f := range []struct {
		sel     *widgets.ChoiceSelect
		choices []widgets.Choice
	}{{s.municipality, mc}, {s.sector, sc}} {
		f.sel.Offer(f.choices)
		if f.sel.Select.SelectedIndex() < 0 {
			f.sel.Select.SetSelectedIndex(0)
		}
	}
}

// filter is what the selects choose.
func (s *mapScreen) filter() netmap.Filter {
	f := netmap.Filter{Country: domain.Country(s.country.Value()), Municipality: s.municipality.Value(), Sector: s.sector.Value()}
	if g, ok := strings.CutPrefix(s.kind.Value(), groupPrefix); ok {
		group := map[string]netmap.Group{"innovation": netmap.GroupInnovation, "enterprise": netmap.GroupEnterprise}[g]
		f.Group = &group
	} else {
		f.Kind = domain.OrgKind(s.kind.Value())
	}
	return f
}

// refresh reads the actors and relations and lays them out again, off the
// UI goroutine, when something was written since the last time.
func (s *mapScreen) refresh() {
	st := s.u.storeForRelations()
	gens := s.u.storeForJoint()
	load := s.loads.Add(1)
	s.u.background(func() func() {
		gen, err := gens.Generation(s.u.ctx())
		if err == nil && s.hasGen && gen == s.loaded {
			return nil
		}
		actors, aerr := st.Actors(s.u.ctx())
		rels, rerr := st.Relations(s.u.ctx(), "")
		if err == nil {
			err = aerr
		}
		if err == nil {
			err = rerr
		}
		var m *netmap.Map
		if err == nil {
			m = netmap.Build(actors, rels)
		}
		return func() {
			if err != nil {
				s.u.showError(err)
				return
			}
			if s.loads.Load() != load {
				return // a newer load is under way
			}
			s.m, s.rels, s.loaded, s.hasGen = m, rels, gen, true
			s.offerPlaces(m.Nodes)
			s.export.Enable()
			s.draw()
		}
	})
}

// draw paints the map for the filter at the canvas's size, off the UI
// goroutine, and puts the figures beside it.
func (s *mapScreen) draw() {
	if s.m == nil {
		return
	}
	size := s.canvas.Size()
	s.size = size
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.canvas); c != nil {
		scale = c.Scale()
	}
	w, h := int(size.Width*scale), int(size.Height*scale)
	if w < 20 || h < 20 {
		return
	}
	m, rels, f, style := s.m, s.rels, s.filter(), s.style(scale)
	since := s.u.opt.Prefs.ProjectStart()
	legend := MapLegend(s.u.tr)
	legend.Title = "" // the tab says what it is
	draw := s.draws.Add(1)
	s.u.background(func() func() {
		v := netmap.NewView(m, w, h, f)
		img := v.Draw(style, -1)
		fig := netmap.Count(m, rels, f, since)
		key := netmap.LegendImage(style, legend)
		return func() {
			if s.draws.Load() != draw {
				return // the filter or size changed meanwhile
			}
			s.canvas.show(img, v, scale)
			s.showFigures(fig)
			s.legend.Image = key
			s.legend.SetMinSize(fyne.NewSize(float32(key.Bounds().Dx())/scale, float32(key.Bounds().Dy())/scale))
			s.legend.Refresh()
		}
	})
}

// style follows the window's theme, with names as large as its text.
func (s *mapScreen) style(scale float32) netmap.Style {
	st := netmap.LightStyle
	if fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark {
		st = netmap.DarkStyle
	}
	st.TextSize = float64(theme.CaptionTextSize() * scale)
	return st
}

// showHover names the actor under the pointer, or says what the map does.
func (s *mapScreen) showHover(i int) {
	tr := s.u.tr
	if i < 0 || s.m == nil || i >= len(s.m.Nodes) {
		s.hover.SetText(tr.T("ui.map.hint"))
		return
	}
	n := s.m.Nodes[i]
	parts := []string{n.Name, tr.Kind(n.Kind)}
	if n.Municipality != "" {
		parts = append(parts, s.u.municipalityLabel(n.Municipality))
	}
	parts = append(parts, tr.N("ui.map.relations", n.Degree, "N", n.Degree))
	s.hover.SetText(strings.Join(parts, " · "))
}
