package widgets

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// OrgMatch is an organisation the picker offers: its id and how it reads
// in the list ("Name (municipality) · org number").
type OrgMatch struct{ ID, Name, Label string }

// OrgLookup is what the picker needs of the store. The picker calls it on
// the UI goroutine.
type OrgLookup interface {
	// Find looks for text once typing pauses (at once with now), leaving
	// out exclude, and hands at most limit matches to show on the UI
	// goroutine — only the newest search's, so typing never waits for a
	// stale one.
	Find(text string, exclude []string, limit int, now bool, show func([]OrgMatch))
	// Stop drops a search waiting or running.
	Stop()
	// Names reads the names of the organisations ids (unknown ones are absent).
	Names(ids []string) map[string]string
}

// pickerMax is how many suggestions the organisation picker shows: enough
// to find a client by a few letters, few enough to read at a glance.
const pickerMax = 8

// pickedOrg is one chosen organisation: its id and its name.
type pickedOrg struct{ id, name string }

// OrgPicker chooses one or more organisations by typing part of a name or
// org number: matches pop up under the entry, Enter or a click adds one as
// a chip, and a chip's cross removes it again.
type OrgPicker struct {
	Entry *KeyedEntry
	View  fyne.CanvasObject

	// OnChanged is called when the user adds or removes an organisation.
	OnChanged func()
	// OnEscape is Esc when no suggestions are open (the form closes).
	OnEscape func()
	// Relayout lets the owner make room when the chips take another line.
	Relayout func()
	// Single makes a new choice replace the one before: one organisation.
	Single bool
	// Exclude is never offered (the organisation a merge starts from).
	Exclude []string

	lookup OrgLookup
	tr     *translations.Localizer
	canvas func() fyne.Canvas
	chips  *fyne.Container

	picked  []pickedOrg
	matches []OrgMatch
	cursor  int // the highlighted suggestion
	// enterPending: Enter came before the first results; take the first one.
	enterPending bool

	box   *suggestionBox
	popup *widget.PopUp
}

// NewOrgPicker finds organisations through lookup and shows its
// suggestions on the canvas the function returns, with texts in tr's language.
func NewOrgPicker(lookup OrgLookup, tr *translations.Localizer, canvas func() fyne.Canvas) *OrgPicker {
	p := &OrgPicker{lookup: lookup, tr: tr, canvas: canvas}
	p.Entry = NewKeyedEntry(false)
	p.Entry.SetPlaceHolder(tr.T("ui.picker.placeholder"))
	p.Entry.OnChanged = p.typed
	p.Entry.OnKey = p.key
	p.chips = container.New(layout.NewRowWrapLayout())
	p.box = newSuggestionBox(p)
	p.View = container.NewVBox(p.Entry, p.chips)
	return p
}

// Selected is the ids of the chosen organisations, in the order chosen.
func (p *OrgPicker) Selected() []string {
	ids := make([]string, len(p.picked))
	for i, o := range p.picked {
		ids[i] = o.id
	}
	return ids
}

// Chips is the names of the chosen organisations, as their chips read.
func (p *OrgPicker) Chips() []string {
	names := make([]string, len(p.picked))
	for i, o := range p.picked {
		names[i] = o.name
	}
	return names
}

// SetSelected replaces the choice. The names are read at once: a lookup
// by primary key is quick, and the chips never show a placeholder. It does
// not call OnChanged: it is the program's change, not the user's.
func (p *OrgPicker) SetSelected(ids []string) {
	p.picked = p.picked[:0]
	for _, id := range ids {
		if id != "" && !slices.Contains(p.Selected(), id) {
			p.picked = append(p.picked, pickedOrg{id: id})
		}
	}
	if len(p.picked) > 0 {
		names := p.lookup.Names(p.Selected())
		for i := range p.picked {
			if n, ok := names[p.picked[i].id]; ok {
				p.picked[i].name = n
			} else {
				// Deleted since (or not synced yet): still part of the visit.
				p.picked[i].name = p.tr.T("ui.picker.unknown")
			}
		}
	}
	p.renderChips()
}

func (p *OrgPicker) add(o pickedOrg) {
	if slices.Contains(p.Selected(), o.id) {
		return
	}
	if p.Single {
		p.picked = p.picked[:0]
	}
	p.picked = append(p.picked, o)
	p.renderChips()
	if p.OnChanged != nil {
		p.OnChanged()
	}
}

func (p *OrgPicker) remove(id string) {
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

func (p *OrgPicker) renderChips() {
	objs := make([]fyne.CanvasObject, 0, len(p.picked))
	for _, o := range p.picked {
		id := o.id
		chip := widget.NewButtonWithIcon(o.name, theme.CancelIcon(), func() { p.remove(id) })
		chip.IconPlacement = widget.ButtonIconTrailingText
		objs = append(objs, chip)
	}
	p.chips.Objects = objs
	p.chips.Refresh()
	if p.Relayout != nil {
		p.Relayout()
	}
}

// typed queries after a short pause in typing; an empty entry closes the list.
func (p *OrgPicker) typed(text string) {
	if strings.TrimSpace(text) == "" {
		p.lookup.Stop()
		p.enterPending = false
		p.HideSuggestions()
		return
	}
	p.search(false)
}

// search asks for the matches of the entry's text, leaving out those chosen.
func (p *OrgPicker) search(now bool) {
	text := strings.TrimSpace(p.Entry.Text)
	if text == "" {
		return
	}
	p.lookup.Find(text, p.leftOut(), pickerMax, now, func(rows []OrgMatch) {
		// Chosen meanwhile: not offered again.
		rows = slices.DeleteFunc(rows, func(r OrgMatch) bool { return slices.Contains(p.leftOut(), r.ID) })
		p.showSuggestions(rows)
	})
}

// leftOut is what the suggestions never offer: the chosen and the excluded.
func (p *OrgPicker) leftOut() []string {
	return append(p.Selected(), p.Exclude...)
}

func (p *OrgPicker) showSuggestions(rows []OrgMatch) {
	p.matches, p.cursor = rows, 0
	if p.enterPending && len(rows) > 0 {
		p.enterPending = false
		p.pick(0)
		return
	}
	p.enterPending = false
	p.box.fill(rows)
	c := p.canvas()
	if p.popup == nil {
		p.popup = widget.NewPopUp(p.box, c)
	}
	w := max(p.Entry.Size().Width, 360)
	p.popup.Resize(fyne.NewSize(w, p.box.MinSize().Height))
	p.popup.ShowAtRelativePosition(fyne.NewPos(0, p.Entry.Size().Height), p.Entry)
	// The pop-up is an overlay with its own focus: give it the keyboard,
	// and it hands every key on to the entry.
	c.Focus(p.box)
}

// Suggesting reports whether the suggestions are open.
func (p *OrgPicker) Suggesting() bool { return p.popup != nil && p.popup.Visible() }

// HideSuggestions closes the suggestions and gives the keyboard back to the entry.
func (p *OrgPicker) HideSuggestions() {
	if !p.Suggesting() {
		return
	}
	p.popup.Hide()
	p.canvas().Focus(p.Entry)
}

// pick adds suggestion i and clears the entry for the next name.
func (p *OrgPicker) pick(i int) {
	if i < 0 || i >= len(p.matches) {
		return
	}
	r := p.matches[i]
	p.Entry.SetText("") // closes the suggestions
	p.HideSuggestions()
	p.add(pickedOrg{id: r.ID, name: r.Name})
}

// key handles the keys of a type-ahead list; everything else is typing.
func (p *OrgPicker) key(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if !p.Suggesting() {
			p.search(true)
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
		if p.Suggesting() {
			p.pick(p.cursor)
		} else if strings.TrimSpace(p.Entry.Text) != "" {
			// A fast typist's Enter: search now and take the first match.
			p.enterPending = true
			p.search(true)
		}
		return true
	case fyne.KeyEscape:
		if p.Suggesting() {
			p.HideSuggestions()
			return true
		}
		if p.OnEscape != nil {
			p.OnEscape()
			return true
		}
	case fyne.KeyBackspace:
		// Backspace in an empty entry takes back the last chip.
		if p.Entry.Text == "" && len(p.picked) > 0 {
			p.remove(p.picked[len(p.picked)-1].id)
			return true
		}
	}
	return false
}

// Close stops pending searches and closes the suggestions (the form closes).
func (p *OrgPicker) Close() {
	p.lookup.Stop()
	if p.Suggesting() {
		p.popup.Hide()
	}
}

// suggestionBox is the content of the pop-up: one row per match. While it
// is open it holds the keyboard focus (the pop-up is its own overlay) and
// passes typing on to the picker's entry.
type suggestionBox struct {
	widget.BaseWidget
	p    *OrgPicker
	rows *fyne.Container
}

func newSuggestionBox(p *OrgPicker) *suggestionBox {
	b := &suggestionBox{p: p, rows: container.NewVBox()}
	b.ExtendBaseWidget(b)
	return b
}

func (b *suggestionBox) fill(rows []OrgMatch) {
	b.rows.Objects = b.rows.Objects[:0]
	if len(rows) == 0 {
		none := widget.NewLabel(b.p.tr.T("ui.picker.none"))
		none.Importance = widget.LowImportance
		b.rows.Add(none)
		return
	}
	for i, r := range rows {
		btn := widget.NewButton(r.Label, func() { b.p.pick(i) })
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
func (b *suggestionBox) TypedRune(r rune)              { b.p.Entry.TypedRune(r) }
func (b *suggestionBox) TypedKey(ev *fyne.KeyEvent)    { b.p.Entry.TypedKey(ev) }
func (b *suggestionBox) TypedShortcut(s fyne.Shortcut) { b.p.Entry.TypedShortcut(s) }
