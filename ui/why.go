package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// A list row found through something other than its name says where on
// its second line: "in a visit note, 14 Mar 2026: …patentsøknad…", the
// typed words in bold. newSubLine is that line; setSubLine shows a row's
// ordinary details in it, setWhyLine the reason.

// newSubLine is a row's second line: quiet, one line, cut with "…".
func newSubLine() *widget.RichText {
	rt := widget.NewRichText()
	rt.Truncation = fyne.TextTruncateEllipsis
	return rt
}

// subLineStyle is the second line's look, as a low-importance label's.
func subLineStyle(bold bool) widget.RichTextStyle {
	st := widget.RichTextStyleInline
	st.ColorName = theme.ColorNameDisabled
	if bold {
		// The hit stands out in the text's own colour.
		st.ColorName = theme.ColorNameForeground
		st.TextStyle = fyne.TextStyle{Bold: true}
	}
	return st
}

// setSubLine shows plain text in a row's second line.
func setSubLine(rt *widget.RichText, text string) {
	rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: subLineStyle(false)}}
	rt.Refresh()
}

// setWhyLine shows where a search found a row: the field, then the excerpt
// with each hit bold.
func (u *UI) setWhyLine(rt *widget.RichText, m data.Match) {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: u.whereFound(m) + ": ", Style: subLineStyle(false)}}
	rt.Segments = append(segs, hitSegments(m.Excerpt, m.Hits, subLineStyle(false), subLineStyle(true))...)
	rt.Refresh()
}

// hitSegments is text as rich text, the hits (byte ranges, in order) in the
// hit style and the rest plain.
func hitSegments(text string, hits []domain.Span, plain, hit widget.RichTextStyle) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	at := 0
	for _, h := range hits {
		if h.Start > at {
			segs = append(segs, &widget.TextSegment{Text: text[at:h.Start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[h.Start:h.End], Style: hit})
		at = h.End
	}
	if at < len(text) || len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: text[at:], Style: plain})
	}
	return segs
}

// whereFound names the field a match is in, in the reader's words.
func (u *UI) whereFound(m data.Match) string {
	tr := u.tr
	switch m.Field {
	case data.MatchVisitNotes:
		if m.Date != "" {
			return tr.T("ui.why.visit_note_dated", "Date", tr.DateString(m.Date))
		}
		return tr.T("ui.why.visit_note")
	case data.MatchVisitPlace:
		return tr.T("ui.why.visit_place")
	case data.MatchOrgNotes:
		return tr.T("ui.why.org_notes")
	case data.MatchOrgNumber:
		return tr.T("ui.why.orgnr")
	}
	return ""
}

// orgReasonsPage is how many rows one query asks the reasons of: a
// screenful and then some, so scrolling asks seldom.
const orgReasonsPage = 40

// orgReasons holds why the organisations a search listed were found. They
// are asked only for the rows the list draws, a page in one query off the
// UI goroutine, when a row first needs its line: a search that finds
// thousands costs no more than one that finds forty.
type orgReasons struct {
	text   string
	gen    data.Generation
	known  map[string]data.Match // by organisation id; found by name: absent
	asked  map[string]bool       // ids asked for, answered or not
	serial int                   // bumped on reset, so an answer for older rows is dropped
}

// listed is told the query and data generation of the rows now listed: the
// reasons hold as long as the text and the data stay the same (the quick
// first answer and the whole one share them).
func (r *orgReasons) listed(at shownList) {
	if r.known != nil && at.q.Text == r.text && at.gen == r.gen {
		return
	}
	r.text, r.gen = at.q.Text, at.gen
	r.known, r.asked = map[string]data.Match{}, map[string]bool{}
	r.serial++
}

// of is why row i was found, if known; it asks for the reasons of the
// page from row i when row i's has not been asked yet.
func (r *orgReasons) of(s *orgScreen, i int) (data.Match, bool) {
	if r.text == "" || r.known == nil {
		return data.Match{}, false
	}
	id := s.ids[i]
	if !r.asked[id] {
		r.ask(s, i)
	}
	m, ok := r.known[id]
	return m, ok
}

func (r *orgReasons) ask(s *orgScreen, from int) {
	var ids []string
	for j := from; j < len(s.ids) && len(ids) < orgReasonsPage; j++ {
		if id := s.ids[j]; !r.asked[id] {
			r.asked[id] = true
			ids = append(ids, id)
		}
	}
	text, serial, st, ctx := r.text, r.serial, s.u.storeForOrgs(), s.u.ctx()
	s.u.background(func() func() {
		found, err := st.OrgMatches(ctx, text, ids)
		return func() {
			if serial != r.serial {
				return
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			if len(found) == 0 {
				return
			}
			for id, m := range found {
				r.known[id] = m
			}
			s.list.Refresh()
		}
	})
}
