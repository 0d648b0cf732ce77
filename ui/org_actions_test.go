package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Ticking an action in the organisation's tab stores it done (written off
// the UI goroutine), and the tab shows it ticked.
func TestOrgActionsTickMarksDone(t *testing.T) {
	u, st := newTestUI(t, "en")
	o := datatest.Org(t, st, "Selbu Bygg AS", "")
	act := domain.Action{OrgID: o.ID, Text: "Send the quote"}
	if err := st.CreateAction(u.ctx(), &act); err != nil {
		t.Fatal(err)
	}
	u.selectOrg(o.ID)
	u.WaitIdle()
	u.orgs.detail.tabs.SelectIndex(3) // Actions
	u.WaitIdle()
	a := u.orgs.detail.actions
	var check *widget.Check
	walk(a.view, func(obj fyne.CanvasObject) {
		if c, ok := obj.(*widget.Check); ok && c.Text == "Send the quote" {
			check = c
		}
	})
	if check == nil {
		t.Fatalf("the action is not listed: %v", visibleTexts(a.view))
	}
	test.Tap(check)
	u.WaitIdle()
	rows, _ := st.Actions(u.ctx(), data.ActionQuery{OrgID: o.ID})
	if len(rows) != 1 || rows[0].Done != "2026-11-27" {
		t.Fatalf("stored %+v", rows)
	}
	if len(a.rows) != 1 || a.rows[0].IsOpen() || check.Disabled() {
		t.Fatalf("the tab after the tick: %+v, box held %v", a.rows, check.Disabled())
	}
}
