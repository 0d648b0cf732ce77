package ui

import (
	"eu.ilsa.coach/ilsa/data"
)

// orgRowsPage is how many rows of the organisation list one read asks for:
// a screenful and then some, so scrolling asks seldom. The first page comes
// with the list's ids.
const orgRowsPage = 60

// orgListRows holds the rows of the organisation list read so far. The
// list knows every match's id at once (data.OrgList); a row is read, a page
// in one query off the UI goroutine, when the list first draws it, so a
// search that finds 10,000 costs little more than one that finds forty.
type orgListRows struct {
	known  map[string]data.OrgRow // by organisation id
	asked  map[string]bool        // ids asked for, answered or not
	serial int                    // bumped on reset, so an answer for an older list is dropped
}

// reset starts a new list whose first rows are read.
func (r *orgListRows) reset(first []data.OrgRow) {
	r.serial++
	r.known = make(map[string]data.OrgRow, len(first))
	r.asked = make(map[string]bool, len(first))
	for _, row := range first {
		r.known[row.ID], r.asked[row.ID] = row, true
	}
}

// of is row i of the list, if read; it asks for the page from row i when
// row i has not been asked for yet. An unread row draws blank until its
// page comes.
func (r *orgListRows) of(s *orgScreen, i int) (data.OrgRow, bool) {
	id := s.ids[i]
	if row, ok := r.known[id]; ok {
		return row, true
	}
	if !r.asked[id] {
		r.ask(s, i)
	}
	return data.OrgRow{}, false
}

func (r *orgListRows) ask(s *orgScreen, from int) {
	var ids []string
	for j := from; j < len(s.ids) && len(ids) < orgRowsPage; j++ {
		if id := s.ids[j]; !r.asked[id] {
			r.asked[id] = true
			ids = append(ids, id)
		}
	}
	serial, st, ctx := r.serial, s.u.storeForOrgs(), s.u.ctx()
	s.u.background(func() func() {
		rows, err := st.OrgRows(ctx, ids)
		return func() {
			if serial != r.serial {
				return
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			for _, row := range rows {
				r.known[row.ID] = row
			}
			s.list.Refresh()
		}
	})
}
