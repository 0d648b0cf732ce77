package ui

// The Visits list: search, period, delete and undo, counts.

import (
	"fmt"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestVisitListSearchPeriodDeleteAndUndo(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Hammerdal Heat AB", "")
	datatest.Visit(t, st, "2026-11-20", "Heat pumps for the school", o.ID)
	datatest.Visit(t, st, "2026-06-01", "Summer fair stand", o.ID)
	datatest.Visit(t, st, "2025-03-10", "First meeting", o.ID)
	u.Show(tabVisits)
	u.WaitIdle()
	s := u.visits
	if len(s.rows) != 3 || s.rows[0].Date != "2026-11-20" || s.rows[2].Date != "2025-03-10" {
		t.Fatalf("not newest first: %+v", s.rows)
	}
	if !shows(s.view, "3 visits · 3 hours") {
		t.Fatalf("count: %v", visibleTexts(s.view))
	}
	s.period.SetSelected("This year")
	u.WaitIdle()
	if len(s.rows) != 2 {
		t.Fatalf("this year: %d rows", len(s.rows))
	}
	s.period.SetSelected("This month")
	u.WaitIdle()
	if len(s.rows) != 1 {
		t.Fatalf("this month: %d rows", len(s.rows))
	}
	s.period.SetSelected("All visits")
	typeInto(u, s.search, "fair")
	if len(s.rows) != 1 || !shows(s.list, "Summer fair stand") {
		t.Fatalf("search: %v", visibleTexts(s.list))
	}

	// Delete asks first, then offers to undo.
	s.confirmDelete(s.rows[0])
	if !shows(topOverlay(t, u), "Delete the visit on 1 Jun 2026 to Hammerdal Heat AB?") {
		t.Fatalf("question: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Delete")
	if vs, _ := st.Visits(u.ctx(), data.VisitQuery{}); len(vs) != 2 {
		t.Fatalf("after delete: %d visits", len(vs))
	}
	if len(s.rows) != 0 || !shows(u.undo.view, "Visit on 1 Jun 2026 to Hammerdal Heat AB deleted.") {
		t.Fatalf("after delete: %v", visibleTexts(u.win.Content()))
	}
	tapButton(t, u, u.undo.view, "Undo")
	if vs, _ := st.Visits(u.ctx(), data.VisitQuery{}); len(vs) != 3 {
		t.Fatalf("after undo: %d visits", len(vs))
	}
	if len(s.rows) != 1 || u.undo.view.Visible() {
		t.Fatal("the list does not show the restored visit")
	}
}

// The list shows the newest thousand; its count and hours are of every
// visit found, and a search folds what a Swedish keyboard cannot type.
func TestVisitListCountsEveryMatchNotOnlyThoseShown(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Røros Limtre AS", "")
	b := &data.Bulk{}
	for i := range visitsLimit + 5 {
		b.Visits = append(b.Visits, &data.NewVisit{Visit: domain.Visit{Date: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
			Type: domain.VisitOnSite, OrgIDs: []string{o.ID}, Minutes: 90, Notes: "Limtrebjelker på Røros"}})
	}
	b.Visits = append(b.Visits, &data.NewVisit{Visit: domain.Visit{Date: "2026-03-14", Type: domain.VisitPhone,
		OrgIDs: []string{o.ID}, Minutes: 30, Notes: "Samtal om patent"}})
	if err := st.CreateBulk(u.ctx(), b); err != nil {
		t.Fatal(err)
	}
	u.Show(tabVisits)
	u.WaitIdle()
	s := u.visits
	if len(s.rows) != visitsLimit || !shows(s.view, "1\u00a0006 besök · 1\u00a0508 timmar · visar de 1\u00a0000 senaste") {
		t.Fatalf("%d rows: %v", len(s.rows), visibleTexts(s.view))
	}
	typeInto(u, s.search, "roros limtre")
	if len(s.rows) != visitsLimit || !shows(s.view, "1\u00a0005 besök · 1\u00a0507,5 timmar · visar de 1\u00a0000 senaste") {
		t.Fatalf("search: %d rows: %v", len(s.rows), visibleTexts(s.view))
	}
	typeInto(u, s.search, "patent")
	if len(s.rows) != 1 || !shows(s.view, "1 besök · 0,5 timmar") || shows(s.view, "visar de") {
		t.Fatalf("search: %d rows: %v", len(s.rows), visibleTexts(s.view))
	}
}
