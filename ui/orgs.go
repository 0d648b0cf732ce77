package ui

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// searchDelay lets a fast typist finish a word before the query runs.
const searchDelay = 120 * time.Millisecond

// orgScreen is the organisation list (search, filters, sorting) beside the
// detail of the selected organisation.
type orgScreen struct {
	u    *UI
	view fyne.CanvasObject

	search                                  *widget.Entry
	country, county, muni, sector, size, kd *widgets.ChoiceSelect
	sort                                    *widgets.ChoiceSelect
	filters                                 []*widgets.ChoiceSelect // country … kind, as the Filter button counts them
	filterBox                               *fyne.Container
	filterBtn                               *widget.Button
	count                                   *widget.Label
	list                                    *widget.List

	ids      []string    // every organisation listed, in list order
	rows     orgListRows // the rows of ids read so far
	shown    shownList   // what the list was loaded for
	selected string
	gen      atomic.Int64 // the newest query; older results are dropped
	typing   *debounce

	reasons orgReasons // why the rows a search found were found

	detail *orgDetail
	dups   *duplicates
	ready  bool // set once every widget exists: selecting defaults must not query yet
}

func newOrgScreen(u *UI) *orgScreen {
	s := &orgScreen{u: u}
	s.typing = &debounce{u: u, delay: searchDelay}
	tr := u.tr
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr.T("ui.orgs.search"))
	s.search.OnChanged = func(string) { s.refreshSoon() }
	s.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText("") })

	s.country = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_country")}}, u.countryChoices()...), func(string) { s.filterChanged() })
	var counties []widgets.Choice
	counties = append(counties, widgets.Choice{Value: "", Label: tr.T("ui.filter.any_county")})
	for _, c := range domain.Counties() {
		counties = append(counties, widgets.Choice{Value: c.Code, Label: c.Name})
	}
	s.county = widgets.NewChoiceSelect(counties, func(string) { s.filterChanged() })
	munis := u.municipalityChoices("")
	munis[0] = widgets.Choice{Value: "", Label: tr.T("ui.filter.any_municipality")}
	s.muni = widgets.NewChoiceSelect(munis, func(string) { s.filterChanged() })
	sectors := u.sectorChoices()
	sectors[0] = widgets.Choice{Value: "", Label: tr.T("ui.filter.any_sector")}
	s.sector = widgets.NewChoiceSelect(sectors, func(string) { s.filterChanged() })
	sizes := []widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_size")}}
	for _, sz := range []domain.SizeClass{domain.SizeMicro, domain.SizeSmall, domain.SizeMedium, domain.SizeLarge} {
		sizes = append(sizes, widgets.Choice{Value: string(sz), Label: tr.Size(sz)})
	}
	sizes = append(sizes, widgets.Choice{Value: data.SizeFilterUnknown, Label: tr.Size(domain.SizeUnknown)})
	s.size = widgets.NewChoiceSelect(sizes, func(string) { s.filterChanged() })
	s.kd = widgets.NewChoiceSelect(append([]widgets.Choice{{Value: "", Label: tr.T("ui.filter.any_kind")}}, u.kindChoices()...), func(string) { s.filterChanged() })
	s.sort = widgets.NewChoiceSelect([]widgets.Choice{
		{Value: string(data.SortByName), Label: tr.T("ui.sort.name")},
		{Value: string(data.SortByLastVisit), Label: tr.T("ui.sort.last_visit")},
		{Value: string(data.SortByUpdated), Label: tr.T("ui.sort.updated")},
		{Value: string(data.SortByPlace), Label: tr.T("ui.sort.municipality")},
	}, func(string) { s.refresh() })
	for _, c := range []*widgets.ChoiceSelect{s.country, s.county, s.muni, s.sector, s.size, s.kd, s.sort} {
		c.SetSelectedIndex(0)
	}

	s.dups = newDuplicates(u)
	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Italic: true}
	s.list = widget.NewList(
		func() int { return len(s.ids) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.TextStyle = fyne.TextStyle{Bold: true}
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, newSubLine())
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.ids) {
				return
			}
			r, read := s.rows.of(s, i)
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(r.Name)
			sub := box.Objects[1].(*widget.RichText)
			if !read {
				setSubLine(sub, "")
			} else if m, ok := s.reasons.of(s, i); ok {
				s.u.setWhyLine(sub, m)
			} else {
				setSubLine(sub, s.subtitle(r))
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.ids) {
			s.selected = s.ids[i]
			s.detail.open(s.ids[i])
		}
	}

	newBtn := widget.NewButtonWithIcon(tr.T("ui.orgs.new"), theme.ContentAddIcon(), func() { s.detail.openNew() })
	newBtn.Importance = widget.HighImportance
	// The filters fold away behind one button that counts the active ones,
	// so the list keeps its room; unfolded they stand one a row, each label
	// whole, however narrow the list is.
	filters := []*widgets.ChoiceSelect{s.country, s.county, s.muni, s.sector, s.size, s.kd}
	filterBox := container.NewVBox()
	for _, c := range filters {
		filterBox.Add(atLeast(selectWidth(c.Select.Options...), c.Select))
	}
	filterBox.Add(container.NewHBox(widget.NewButtonWithIcon(tr.T("ui.orgs.filter.clear"), theme.ContentClearIcon(), s.clearFilters)))
	filterBox.Hide()
	s.filters, s.filterBox = filters, filterBox
	s.filterBtn = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), s.toggleFilters)
	s.showFilterCount()
	sortRow := container.NewBorder(nil, nil, container.NewHBox(s.filterBtn, widget.NewLabel(tr.T("ui.sort.label"))), nil,
		atLeast(selectWidth(s.sort.Select.Options...), s.sort.Select))
	search := atLeast(entryWidth(s.search.PlaceHolder), s.search)
	top := container.NewVBox(search, sortRow, filterBox,
		container.NewHBox(s.count, layout.NewSpacer(), s.dups.button))
	// New organisation sits under the list, where the search row would
	// squeeze its field.
	left := container.NewBorder(top, newBtn, nil, nil, s.list)

	s.detail = newOrgDetail(u, s)
	split := container.NewHSplit(left, s.detail.view)
	// The list's own minimum keeps its labels whole when the window is narrow.
	split.SetOffset(0.4)
	s.view = split
	s.ready = true
	return s
}

// filterChanged counts the active filters on the Filter button and
// reloads the list.
func (s *orgScreen) filterChanged() {
	s.showFilterCount()
	s.refresh()
}

// activeFilters is how many filters narrow the list.
func (s *orgScreen) activeFilters() int {
	n := 0
	for _, c := range s.filters {
		if c.Value() != "" {
			n++
		}
	}
	return n
}

// showFilterCount names the Filter button with the number of active
// filters, and whether the filters are shown.
func (s *orgScreen) showFilterCount() {
	if s.filterBtn == nil {
		return // the selects are still being built
	}
	text := s.u.tr.T("ui.orgs.filter")
	if n := s.activeFilters(); n > 0 {
		text = s.u.tr.T("ui.orgs.filter.active", "N", n)
	}
	s.filterBtn.SetText(text)
	s.filterBtn.Importance = widget.MediumImportance
	if s.activeFilters() > 0 {
		s.filterBtn.Importance = widget.HighImportance
	}
	s.filterBtn.SetIcon(theme.MenuDropDownIcon())
	if s.filterBox.Visible() {
		s.filterBtn.SetIcon(theme.MenuDropUpIcon())
	}
	s.filterBtn.Refresh()
}

// toggleFilters shows or folds away the filters.
func (s *orgScreen) toggleFilters() {
	if s.filterBox.Visible() {
		s.filterBox.Hide()
	} else {
		s.filterBox.Show()
	}
	s.showFilterCount()
}

// clearFilters sets every filter back to "all".
func (s *orgScreen) clearFilters() {
	ready := s.ready
	s.ready = false // one query for all, not one a filter
	for _, c := range s.filters {
		c.SetSelectedIndex(0)
	}
	s.ready = ready
	s.filterChanged()
}

func (s *orgScreen) subtitle(r data.OrgRow) string {
	parts := ""
	add := func(p string) {
		if p == "" {
			return
		}
		if parts != "" {
			parts += " · "
		}
		parts += p
	}
	add(r.OrgNumberMasked())
	add(s.u.municipalityLabel(r.Municipality))
	if r.LastVisit != "" {
		add(s.u.tr.T("ui.orgs.last_visit", "Date", s.u.tr.DateString(r.LastVisit)))
	}
	return parts
}

func (s *orgScreen) query() data.OrgQuery {
	return data.OrgQuery{Text: s.search.Text, Country: domain.Country(s.country.Value()), County: s.county.Value(),
		Municipality: s.muni.Value(), Sector: s.sector.Value(), Size: s.size.Value(), Kind: domain.OrgKind(s.kd.Value()),
		Sort: data.OrgSort(s.sort.Value()), Desc: s.sort.Value() == string(data.SortByLastVisit) || s.sort.Value() == string(data.SortByUpdated),
		Lang: s.u.tr.Lang()}
}

// refreshSoon runs the query after a short pause in typing. Meanwhile the
// notes' vocabulary is read if anything was written since (words inside
// compounds), so the search need not wait for it.
func (s *orgScreen) refreshSoon() {
	s.u.prepareSearch()
	s.typing.run(s.refresh)
}

// refresh queries the list off the UI goroutine; only the newest query's
// result is shown, so typing never waits for a stale search. A search lists
// the organisations whose own name, number or notes match first, at once,
// and adds those found through their visits' notes when that answer comes.
func (s *orgScreen) refresh() {
	if !s.ready {
		return
	}
	s.load(s.query(), true)
}

// load lists the organisations q finds; ownFirst shows the matches of
// their own fields before the whole answer.
func (s *orgScreen) load(q data.OrgQuery, ownFirst bool) {
	shown, had := s.shown, s.ids != nil
	type result struct {
		list    *data.OrgList // nil: the list on screen is current
		at      shownList
		partial bool // only the matches of the organisations' own fields
	}
	newest(s.u, &s.gen, func() (result, error) {
		g, err := s.u.storeForOrgs().Generation(s.u.ctx())
		if err != nil {
			return result{}, err
		}
		at := shownList{q, g}
		if had && at == shown {
			return result{at: at}, nil // nothing written since: the list on screen is current
		}
		lq := q
		lq.OwnText = ownFirst && q.Text != ""
		if !lq.OwnText {
			// The vocabulary of the notes (words inside compounds), read
			// again only after a write; the quick first answer of a search
			// does without it.
			if err := s.u.storeForOrgs().PrepareSearch(s.u.ctx()); err != nil {
				return result{}, err
			}
		}
		l, err := s.u.storeForOrgs().ListOrganisations(s.u.ctx(), lq, orgRowsPage)
		if l.IDs == nil {
			l.IDs = []string{}
		}
		return result{&l, at, lq.OwnText}, err
	}, func(r result) {
		if r.list != nil {
			s.ids = r.list.IDs
			s.rows.reset(r.list.Rows)
			s.reasons.listed(r.at)
			if !r.partial {
				s.shown = r.at
			}
			s.count.SetText(s.u.tr.N("ui.orgs.count", len(s.ids), "N", s.u.tr.Number(len(s.ids))))
			s.list.UnselectAll()
			s.list.Refresh()
			if !r.partial {
				s.dups.check() // something was written: look again
			}
		}
		s.showSelected()
		if r.partial {
			s.load(q, false)
		}
	})
}

// showSelected highlights the selected organisation's row, if it is listed.
func (s *orgScreen) showSelected() {
	for i, id := range s.ids {
		if id == s.selected {
			s.list.Select(i)
			s.list.ScrollTo(i)
			return
		}
	}
}

// shownList is the query and database generation a list was loaded for:
// while both stay the same, switching back to the screen reloads nothing.
type shownList struct {
	q   data.OrgQuery
	gen data.Generation
}

// deleted lists the organisations again without the one just deleted,
// and offers to undo the delete with undo.
func (s *orgScreen) deleted(o domain.Organisation, msg string, undo func() error) {
	s.selected = ""
	s.u.undo.offer(msg, undo,
		func() {
			s.selected = o.ID
			s.detail.open(o.ID)
		})
	s.refresh()
}

// selectOrg shows an organisation on the Organisations screen.
func (u *UI) selectOrg(id string) {
	u.Show(tabOrganisations)
	u.orgs.selected = id
	u.orgs.detail.open(id)
	u.orgs.refresh()
}

// prepareSearch reads the notes' vocabulary off the UI goroutine, one read
// at a time, when something was written since the last (Store.PrepareSearch
// is cheap when nothing was).
func (u *UI) prepareSearch() {
	if !u.preparing.CompareAndSwap(false, true) {
		return
	}
	st, ctx := u.storeForOrgs(), u.ctx()
	u.background(func() func() {
		defer u.preparing.Store(false)
		if err := st.PrepareSearch(ctx); err != nil {
			return func() { u.showError(err) }
		}
		return nil
	})
}
