package ui

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
)

// pickerMax is how many suggestions the organisation picker shows: enough
// to find a client by a few letters, few enough to read at a glance.
const pickerMax = 8

// pickerDelay is shorter than the list search's: the picker queries at most
// a handful of rows and the advisor is waiting for them.
const pickerDelay = 80 * time.Millisecond

// saveShortcut is Ctrl+S (Cmd+S on macOS).
var saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// keyedEntry is an Entry whose owner sees keys and shortcuts first. A
// focused Fyne entry swallows Esc and Ctrl+S before the window's own
// handlers see them, so the visit form hooks them here; the picker also
// takes the arrows and Enter.
type keyedEntry struct {
	widget.Entry
	onKey      func(*fyne.KeyEvent) bool // true: handled, the entry never sees it
	onShortcut func(fyne.Shortcut) bool
}

func newKeyedEntry(multiLine bool) *keyedEntry {
	e := &keyedEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey gives the owner the first look at a key.
func (e *keyedEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut gives the owner the first look at a shortcut.
func (e *keyedEntry) TypedShortcut(s fyne.Shortcut) {
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// pickedOrg is one chosen organisation: its id and its name.
type pickedOrg struct{ id, name string }

// orgPicker chooses one or more organisations by typing part of a name or
// org number: matches pop up under the entry, Enter or a click adds one as
// a chip, and a chip's cross removes it again.
type orgPicker struct {
	u     *UI
	entry *keyedEntry
	chips *fyne.Container
	view  fyne.CanvasObject

	// OnChanged is called when the user adds or removes an organisation.
	OnChanged func()
	// onEscape is Esc when no suggestions are open (the form closes).
	onEscape func()
	// relayout lets the owner make room when the chips take another line.
	relayout func()

	picked  []pickedOrg
	matches []data.OrgRow
	cursor  int // the highlighted suggestion
	// enterPending: Enter came before the first results; take the first one.
	enterPending bool

	box    *suggestionBox
	popup  *widget.PopUp
	gen    atomic.Int64 // the newest query; older results are dropped
	typing *debounce
}

func newOrgPicker(u *UI) *orgPicker {
	p := &orgPicker{u: u}
	p.typing = &debounce{u: u, delay: pickerDelay}
	p.entry = newKeyedEntry(false)
	p.entry.SetPlaceHolder(u.tr.T("ui.picker.placeholder"))
	p.entry.OnChanged = p.typed
	p.entry.onKey = p.key
	p.chips = container.New(layout.NewRowWrapLayout())
	p.box = newSuggestionBox(p)
	p.view = container.NewVBox(p.entry, p.chips)
	return p
}

// Selected is the ids of the chosen organisations, in the order chosen.
func (p *orgPicker) Selected() []string {
	ids := make([]string, len(p.picked))
	for i, o := range p.picked {
		ids[i] = o.id
	}
	return ids
}

// SetSelected replaces the choice. The names are read at once: a lookup
// by primary key is quick, and the chips never show a placeholder. It does
// not call OnChanged: it is the program's change, not the user's.
func (p *orgPicker) SetSelected(ids []string) {
	p.picked = p.picked[:0]
	for _, id := range ids {
		if id != "" && !slices.Contains(p.Selected(), id) {
			p.picked = append(p.picked, pickedOrg{id: id})
		}
	}
	if len(p.picked) > 0 {
		orgs, err := p.u.store.OrganisationsByID(p.u.ctx(), p.Selected())
		if err != nil {
			p.u.showError(err)
		}
		for i := range p.picked {
			if o, ok := orgs[p.picked[i].id]; ok {
				p.picked[i].name = o.Name
			} else {
				// Deleted since (or not synced yet): still part of the visit.
				p.picked[i].name = p.u.tr.T("ui.picker.unknown")
			}
		}
	}
	p.renderChips()
}

func (p *orgPicker) add(o pickedOrg) {
	if slices.Contains(p.Selected(), o.id) {
		return
	}
	p.picked = append(p.picked, o)
	p.renderChips()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

func (p *orgPicker) remove(id string) {
	i := slices.IndexFunc(p.picked, func(o pickedOrg) bool { return o.id == id })
	if i < 0 {
		return
	}
	p.picked = slices.Delete(p.picked, i, i+1)
	p.renderChips()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

func (p *orgPicker) renderChips() {
	objs := make([]fyne.CanvasObject, 0, len(p.picked))
	for _, o := range p.picked {
		id := o.id
		chip := widget.NewButtonWithIcon(o.name, theme.CancelIcon(), func() { p.remove(id) })
		chip.IconPlacement = widget.ButtonIconTrailingText
		objs = append(objs, chip)
	}
	p.chips.Objects = objs
	p.chips.Refresh()
	if p.relayout != nil {
		p.relayout()
	}
}

// typed queries after a short pause in typing; an empty entry closes the list.
func (p *orgPicker) typed(text string) {
	p.stopTimer()
	if strings.TrimSpace(text) == "" {
		p.gen.Add(1)
		p.enterPending = false
		p.hideSuggestions()
		return
	}
	p.typing.run(p.search)
}

func (p *orgPicker) stopTimer() { p.typing.stop() }

// search runs the query off the UI goroutine; only the newest query's
// result is shown, so typing never waits for a stale search.
func (p *orgPicker) search() {
	text := strings.TrimSpace(p.entry.Text)
	if text == "" {
		return
	}
	exclude := p.Selected()
	q := data.OrgQuery{Text: text, Lang: p.u.tr.Lang(), Limit: pickerMax + len(exclude)}
	newest(p.u, &p.gen, func() ([]data.OrgRow, error) {
		return p.u.store.SearchOrganisations(p.u.ctx(), q)
	}, func(rows []data.OrgRow) {
		rows = slices.DeleteFunc(rows, func(r data.OrgRow) bool { return slices.Contains(p.Selected(), r.ID) })
		if len(rows) > pickerMax {
			rows = rows[:pickerMax]
		}
		p.showSuggestions(rows)
	})
}

func (p *orgPicker) showSuggestions(rows []data.OrgRow) {
	p.matches, p.cursor = rows, 0
	if p.enterPending && len(rows) > 0 {
		p.enterPending = false
		p.pick(0)
		return
	}
	p.enterPending = false
	p.box.fill(rows)
	c := p.u.win.Canvas()
	if p.popup == nil {
		p.popup = widget.NewPopUp(p.box, c)
	}
	w := max(p.entry.Size().Width, 360)
	p.popup.Resize(fyne.NewSize(w, p.box.MinSize().Height))
	p.popup.ShowAtRelativePosition(fyne.NewPos(0, p.entry.Size().Height), p.entry)
	// The pop-up is an overlay with its own focus: give it the keyboard,
	// and it hands every key on to the entry.
	c.Focus(p.box)
}

// suggesting reports whether the suggestions are open.
func (p *orgPicker) suggesting() bool { return p.popup != nil && p.popup.Visible() }

// hideSuggestions closes the suggestions and gives the keyboard back to the entry.
func (p *orgPicker) hideSuggestions() {
	if !p.suggesting() {
		return
	}
	p.popup.Hide()
	p.u.win.Canvas().Focus(p.entry)
}

// pick adds suggestion i and clears the entry for the next name.
func (p *orgPicker) pick(i int) {
	if i < 0 || i >= len(p.matches) {
		return
	}
	r := p.matches[i]
	p.entry.SetText("") // closes the suggestions
	p.hideSuggestions()
	p.add(pickedOrg{id: r.ID, name: r.Name})
}

// key handles the keys of a type-ahead list; everything else is typing.
func (p *orgPicker) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if !p.suggesting() {
			if strings.TrimSpace(p.entry.Text) != "" {
				p.stopTimer()
				p.search()
			}
			return true
		}
		if n := len(p.matches); n > 0 {
			step := 1
			if ev.Name == fyne.KeyUp {
				step = n - 1
			}
			p.cursor = (p.cursor + step) % n
			p.box.highlight(p.cursor)
		}
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.suggesting() {
			p.pick(p.cursor)
		} else if strings.TrimSpace(p.entry.Text) != "" {
			// A fast typist's Enter: search now and take the first match.
			p.enterPending = true
			p.stopTimer()
			p.search()
		}
		return true
	case fyne.KeyEscape:
		if p.suggesting() {
			p.hideSuggestions()
			return true
		}
		if p.onEscape != nil {
			p.onEscape()
			return true
		}
	case fyne.KeyBackspace:
		// Backspace in an empty entry takes back the last chip.
		if p.entry.Text == "" && len(p.picked) > 0 {
			p.remove(p.picked[len(p.picked)-1].id)
			return true
		}
	}
	return false
}

// close stops pending searches and closes the suggestions (the form closes).
func (p *orgPicker) close() {
	p.stopTimer()
	p.gen.Add(1)
	if p.suggesting() {
		p.popup.Hide()
	}
}

// suggestionBox is the content of the pop-up: one row per match. While it
// is open it holds the keyboard focus (the pop-up is its own overlay) and
// passes typing on to the picker's entry.
type suggestionBox struct {
	widget.BaseWidget
	p    *orgPicker
	rows *fyne.Container
}

func newSuggestionBox(p *orgPicker) *suggestionBox {
	b := &suggestionBox{p: p, rows: container.NewVBox()}
	b.ExtendBaseWidget(b)
	return b
}

func (b *suggestionBox) fill(rows []data.OrgRow) {
	b.rows.Objects = b.rows.Objects[:0]
	if len(rows) == 0 {
		none := widget.NewLabel(b.p.u.tr.T("ui.picker.none"))
		none.Importance = widget.LowImportance
		b.rows.Add(none)
		return
	}
	for i, r := range rows {
		label := b.p.u.orgLabel(r.Organisation)
		if nr := r.OrgNumberDisplay(); nr != "" {
			label += " · " + nr
		}
		btn := widget.NewButton(label, func() { b.p.pick(i) })
		btn.Alignment = widget.ButtonAlignLeading
		b.rows.Add(btn)
	}
	b.highlight(0)
}

// highlight marks the row Enter would take.
func (b *suggestionBox) highlight(cursor int) {
	for i, o := range b.rows.Objects {
		if btn, ok := o.(*widget.Button); ok {
			btn.Importance = widget.LowImportance
			if i == cursor {
				btn.Importance = widget.HighImportance
			}
			btn.Refresh()
		}
	}
}

func (b *suggestionBox) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.rows)
}

func (b *suggestionBox) FocusGained()                  {}
func (b *suggestionBox) FocusLost()                    {}
func (b *suggestionBox) TypedRune(r rune)              { b.p.entry.TypedRune(r) }
func (b *suggestionBox) TypedKey(ev *fyne.KeyEvent)    { b.p.entry.TypedKey(ev) }
func (b *suggestionBox) TypedShortcut(s fyne.Shortcut) { b.p.entry.TypedShortcut(s) }
