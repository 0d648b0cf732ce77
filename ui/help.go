package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/docs/guide"
)

// helpScreen shows the user guide (docs/guide) in the app's language: the
// list of sections on the left, the chosen section on the right, rendered
// from its Markdown with Fyne's rich text. Links between sections open the
// section; web addresses open the browser.
type helpScreen struct {
	u        *UI
	view     fyne.CanvasObject
	sections []guide.Section
	list     *widget.List
	page     *widget.RichText
	scroll   *container.Scroll
	current  string // the id of the section shown
}

// helpForTab is the section F1 opens on each screen; on the others it
// opens the section read last.
var helpForTab = map[int]string{
	tabToday:   "first-start",
	tabVisits:  "visit",
	tabActions: "follow-ups",
	tabJoint:   "joint-actions",
	tabReports: "reports",
	tabSync:    "sync",
}

func newHelpScreen(u *UI) *helpScreen {
	h := &helpScreen{u: u, sections: guide.Sections(u.tr.Lang())}
	h.page = widget.NewRichText()
	h.page.Wrapping = fyne.TextWrapWord
	h.scroll = container.NewVScroll(h.page)
	h.list = widget.NewList(
		func() int { return len(h.sections) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.sections[i].Title) })
	h.list.OnSelected = func(i widget.ListItemID) { h.render(h.sections[i]) }
	split := container.NewHSplit(h.list, h.scroll)
	split.Offset = 0.25
	h.view = split
	// A rebuild (after a language change) keeps the section being read.
	first := ""
	if len(h.sections) > 0 {
		first = h.sections[0].ID
	}
	if old := u.help; old != nil && old.current != "" {
		first = old.current
	}
	h.show(first)
	return h
}

// show selects and renders the section id; an unknown id shows the first.
func (h *helpScreen) show(id string) {
	for i, s := range h.sections {
		if s.ID == id {
			h.list.Select(i) // renders, unless it is selected already
			h.render(s)
			return
		}
	}
	if len(h.sections) > 0 && id != h.sections[0].ID {
		h.show(h.sections[0].ID)
	}
}

// render puts the section on the page, its links made to work.
func (h *helpScreen) render(s guide.Section) {
	if s.ID == h.current && len(h.page.Segments) > 0 {
		return
	}
	h.current = s.ID
	h.page.Segments = helpSegments(widget.NewRichTextFromMarkdown(s.Markdown).Segments, h.show)
	h.page.Refresh()
	h.scroll.ScrollToTop()
}

// helpSegments prepares the guide's rich text for the help screen: a link
// to a section (`08-conflicts.md`, `guide:sync`) opens it with open, and
// pictures are left out — the app carries the Markdown but not the
// screenshots, which would add megabytes to the program (docs/guide/README.md).
func helpSegments(segs []widget.RichTextSegment, open func(id string)) []widget.RichTextSegment {
	out := segs[:0]
	for i := 0; i < len(segs); i++ {
		seg := segs[i]
		switch s := seg.(type) {
		case *widget.ImageSegment:
			// The picture's paragraph ends in an empty line break: drop
			// it too, or a blank line stands where the picture was.
			if i+1 < len(segs) {
				if t, ok := segs[i+1].(*widget.TextSegment); ok && t.Text == "" {
					i++
				}
			}
			continue
		case *widget.HyperlinkSegment:
			if s.URL != nil && !strings.Contains(s.URL.String(), "://") {
				if id, ok := guide.SectionID(s.URL.String()); ok {
					s.OnTapped = func() { open(id) }
				}
			}
		case *widget.ParagraphSegment:
			s.Texts = helpSegments(s.Texts, open)
		case *widget.ListSegment:
			s.Items = helpSegments(s.Items, open)
		}
		out = append(out, seg)
	}
	return out
}

// openHelp shows the guide at the section id (a file name in docs/guide
// without its number, e.g. "sync" or "conflicts"), in the app's language.
// With a form open, the guide opens in a window of its own beside it, so
// the form and what is typed stay where they are.
func (u *UI) openHelp(id string) {
	if len(u.dialogs) > 0 {
		u.openHelpWindow(id)
		return
	}
	u.Show(tabHelp)
	u.help.show(id)
}

// openHelpWindow shows the guide in its own window (one at a time).
func (u *UI) openHelpWindow(id string) {
	if u.helpWin == nil {
		h := newHelpScreen(u)
		w := u.app.NewWindow(u.tr.T("nav.help") + " – ILSA Coach")
		w.SetContent(h.view)
		w.Resize(fyne.NewSize(900, 640))
		w.SetOnClosed(func() { u.helpWin, u.helpWinScreen = nil, nil })
		u.helpWin, u.helpWinScreen = w, h
	}
	u.helpWinScreen.show(id)
	u.helpWin.Show()
	u.helpWin.RequestFocus()
}

// helpKey answers F1: the guide's section for the screen in front.
func (u *UI) helpKey() {
	id, ok := helpForTab[u.tabs.SelectedIndex()]
	if !ok {
		id = u.help.current
	}
	u.openHelp(id)
}
