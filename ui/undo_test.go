package ui

import (
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// testTimers is a clock the test moves on by hand: a timer it hands out
// fires, on the test's goroutine, when advance passes its time.
type testTimers struct {
	now     time.Duration
	waiting []*testTimer
}

type testTimer struct {
	at      time.Duration
	f       func()
	stopped bool
}

func (c *testTimers) afterFunc(d time.Duration, f func()) func() {
	tm := &testTimer{at: c.now + d, f: f}
	c.waiting = append(c.waiting, tm)
	return func() { tm.stopped = true }
}

// advance moves the UI's test clock on by d, fires the timers due by then
// and waits for what they started.
func advance(u *UI, d time.Duration) {
	c := u.opt.timers.(*testTimers)
	c.now += d
	var later []*testTimer
	for _, tm := range c.waiting {
		switch {
		case tm.stopped:
		case tm.at <= c.now:
			tm.f()
		default:
			later = append(later, tm)
		}
	}
	c.waiting = later
	u.WaitIdle()
}

// undoOffered reports whether the window's undo bar shows message.
func undoOffered(u *UI, message string) bool {
	return u.undo.view.Visible() && shows(u.win.Content(), message) && shows(u.undo.view, "Undo")
}

// iconButtonIn is the first visible button under root showing icon.
func iconButtonIn(t *testing.T, root fyne.CanvasObject, icon fyne.Resource) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Icon != nil && b.Icon.Name() == icon.Name() {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button with the icon %s under %v", icon.Name(), visibleTexts(root))
	}
	return found
}

// checkIn is the visible checkbox under root labelled text.
func checkIn(t *testing.T, root fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	var found *widget.Check
	walk(root, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == text && found == nil {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no box %q in %v", text, visibleTexts(root))
	}
	return found
}

// stored reads a record's synced fields as the store has them (an error
// when it is deleted).
type stored func() (map[string]any, error)

func actionFields(u *UI, st *data.Store, id string) stored {
	return func() (map[string]any, error) {
		a, err := st.Action(u.ctx(), id)
		return a.Fields(), err
	}
}

// undone is what a quick destructive action left: the message the undo
// bar must show, the record as stored before, how to read it now, and
// whether the screen lists it as before.
type undone struct {
	message string
	before  map[string]any
	read    stored
	listed  func() bool
}

// undoCase is one quick destructive action: do sets up a record and does
// the action as a user does.
type undoCase struct {
	name string
	do   func(t *testing.T, u *UI, st *data.Store) undone
}

// readNow reads a record that must be stored.
func readNow(t *testing.T, read stored) map[string]any {
	t.Helper()
	f, err := read()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var undoCases = []undoCase{
	{"action done on Follow-ups", func(t *testing.T, u *UI, st *data.Store) undone {
		a := addAction(t, st, datatest.Org(t, st, "Selbu Bygg AS", ""), "Send the quote", "2026-12-01", "")
		read := actionFields(u, st, a.ID)
		before := readNow(t, read)
		u.Show(tabActions)
		u.WaitIdle()
		tick(u, actionRowShowing(t, u.actions, "Send the quote"))
		if len(u.actions.rows) != 0 {
			t.Fatalf("the open list still shows %v", visibleTexts(u.actions.list))
		}
		return undone{"Marked done: Send the quote", before, read, func() bool { return shows(u.actions.list, "Send the quote") }}
	}},
	{"action done on Today", func(t *testing.T, u *UI, st *data.Store) undone {
		a := addAction(t, st, datatest.Org(t, st, "Selbu Bygg AS", ""), "Call the bank", "2026-11-20", "")
		read := actionFields(u, st, a.ID)
		before := readNow(t, read)
		u.refreshCurrent()
		u.WaitIdle()
		tapButton(t, u, u.today.overdue, "Done")
		if shows(u.today.overdue, "Call the bank") {
			t.Fatal("Today still lists the action")
		}
		return undone{"Marked done: Call the bank", before, read, func() bool { return shows(u.today.overdue, "Call the bank") }}
	}},
	{"action done in the organisation's tab", func(t *testing.T, u *UI, st *data.Store) undone {
		o := datatest.Org(t, st, "Selbu Bygg AS", "")
		a := addAction(t, st, o, "Visit the sawmill", "2026-12-01", "")
		read := actionFields(u, st, a.ID)
		before := readNow(t, read)
		u.selectOrg(o.ID)
		u.WaitIdle()
		u.orgs.detail.tabs.SelectIndex(orgTabActions)
		u.WaitIdle()
		tab := u.orgs.detail.actions
		test.Tap(checkIn(t, tab.list, "Visit the sawmill"))
		u.WaitIdle()
		return undone{"Marked done: Visit the sawmill", before, read, func() bool {
			return len(tab.rows) == 1 && tab.rows[0].IsOpen() && !checkIn(t, tab.list, "Visit the sawmill").Checked
		}}
	}},
	{"action deleted", func(t *testing.T, u *UI, st *data.Store) undone {
		a := domain.Action{OrgID: datatest.Org(t, st, "Selbu Bygg AS", "").ID, Text: "Apply for the grant",
			Due: "2026-12-10", Owner: "Per Olsen", ModelID: "trl", Dimension: "trl"}
		if err := st.CreateAction(u.ctx(), &a); err != nil {
			t.Fatal(err)
		}
		read := actionFields(u, st, a.ID)
		before := readNow(t, read)
		u.Show(tabActions)
		u.WaitIdle()
		test.Tap(actionRowShowing(t, u.actions, "Apply for the grant").del)
		u.WaitIdle()
		if len(u.actions.rows) != 0 {
			t.Fatalf("the list still shows %v", visibleTexts(u.actions.list))
		}
		return undone{"Deleted action: Apply for the grant", before, read, func() bool { return shows(u.actions.list, "Apply for the grant") }}
	}},
	{"contact deleted", func(t *testing.T, u *UI, st *data.Store) undone {
		o := datatest.Org(t, st, "Selbu Bygg AS", "")
		c := domain.Contact{OrgID: o.ID, Name: "Ingrid Moe", Role: "CEO", Email: "ingrid@example.no",
			Phone: "+47 900 00 000", Gender: domain.GenderWoman, ConsentDate: "2026-10-01"}
		if err := st.CreateContact(u.ctx(), &c); err != nil {
			t.Fatal(err)
		}
		read := func() (map[string]any, error) {
			c, err := st.Contact(u.ctx(), c.ID)
			return c.Fields(), err
		}
		before := readNow(t, read)
		u.selectOrg(o.ID)
		u.WaitIdle()
		u.orgs.detail.tabs.SelectIndex(orgTabContacts)
		u.WaitIdle()
		tab := u.orgs.detail.contacts
		test.Tap(iconButtonIn(t, tab.list, theme.DeleteIcon()))
		tapButton(t, u, topOverlay(t, u), "Yes")
		if shows(tab.list, "Ingrid Moe") {
			t.Fatal("the contact is still listed")
		}
		return undone{"Removed contact Ingrid Moe.", before, read, func() bool { return shows(tab.list, "Ingrid Moe") }}
	}},
	{"visit deleted", func(t *testing.T, u *UI, st *data.Store) undone {
		o := datatest.Org(t, st, "Hammerdal Heat AB", "")
		v := datatest.Visit(t, st, "2026-06-01", "Summer fair stand", o.ID)
		read := func() (map[string]any, error) {
			v, err := st.Visit(u.ctx(), v.ID)
			return v.Fields(), err
		}
		before := readNow(t, read)
		u.Show(tabVisits)
		u.WaitIdle()
		u.visits.confirmDelete(u.visits.rows[0])
		tapButton(t, u, topOverlay(t, u), "Delete")
		if len(u.visits.rows) != 0 {
			t.Fatal("the visit is still listed")
		}
		return undone{"Visit on 1 Jun 2026 to Hammerdal Heat AB deleted.", before, read, func() bool {
			return len(u.visits.rows) == 1 && shows(u.visits.list, "Summer fair stand")
		}}
	}},
	{"organisation deleted", func(t *testing.T, u *UI, st *data.Store) undone {
		o := datatest.Org(t, st, "Snåsa Smak AS", "")
		read := func() (map[string]any, error) {
			o, err := st.Organisation(u.ctx(), o.ID)
			return o.Fields(), err
		}
		before := readNow(t, read)
		u.selectOrg(o.ID)
		u.WaitIdle()
		d := u.orgs.detail
		tapButton(t, u, d.view, "Delete") // counts its visits, then asks
		test.Tap(buttonWithText(t, topOverlay(t, u), "Delete"))
		// The delete runs off the UI goroutine, Delete and Save held meanwhile.
		if !d.delete.Disabled() || !d.form.saveButton.Disabled() {
			t.Fatal("Delete and Save are not held while the delete runs")
		}
		u.WaitIdle()
		if shows(u.orgs.list, "Snåsa Smak AS") || d.body.Visible() {
			t.Fatal("the organisation is still shown")
		}
		return undone{"Deleted Snåsa Smak AS.", before, read, func() bool {
			return shows(u.orgs.list, "Snåsa Smak AS") && d.body.Visible() && d.form.name.Text == "Snåsa Smak AS"
		}}
	}},
}

// Each quick destructive action offers Undo, which puts back exactly what
// was stored, and the offer goes by itself after undoFor.
func TestUndoTakesBackEachQuickDestructiveAction(t *testing.T) {
	for _, c := range undoCases {
		t.Run(c.name+"/undo", func(t *testing.T) {
			u, st := newTestUI(t, "en")
			r := c.do(t, u, st)
			if !undoOffered(u, r.message) {
				t.Fatalf("no undo offer %q: %v", r.message, visibleTexts(u.win.Content()))
			}
			tapButton(t, u, u.undo.view, "Undo")
			got, err := r.read()
			if err != nil || !reflect.DeepEqual(got, r.before) {
				t.Fatalf("after undo the store holds %v (%v), want %v", got, err, r.before)
			}
			if u.undo.view.Visible() {
				t.Fatal("the undo bar stays after the undo")
			}
			if !r.listed() {
				t.Fatalf("the screen does not show it again: %v", visibleTexts(u.win.Content()))
			}
		})
		t.Run(c.name+"/expires", func(t *testing.T) {
			u, st := newTestUI(t, "en")
			r := c.do(t, u, st)
			advance(u, undoFor-time.Second)
			if !undoOffered(u, r.message) {
				t.Fatal("the offer went before its time")
			}
			advance(u, time.Second)
			if u.undo.view.Visible() || shows(u.win.Content(), r.message) {
				t.Fatalf("the offer is still shown after %v", undoFor)
			}
			if got, err := r.read(); err == nil && reflect.DeepEqual(got, r.before) {
				t.Fatal("the action was taken back without Undo")
			}
		})
	}
}

// Going to another screen is doing something else: the offer goes, so an
// Undo pressed later never takes back something the user moved on from.
func TestUndoOfferEndsWhenTheUserMovesOn(t *testing.T) {
	u, st := newTestUI(t, "sv")
	addAction(t, st, datatest.Org(t, st, "Krokoms Kvarn AB", ""), "Skicka ansökan", "2026-12-01", "")
	u.Show(tabActions)
	u.WaitIdle()
	tick(u, actionRowShowing(t, u.actions, "Skicka ansökan"))
	if !u.undo.view.Visible() || !shows(u.undo.view, "Markerad som klar: Skicka ansökan") || !shows(u.undo.view, "Ångra") {
		t.Fatalf("no offer in Swedish: %v", visibleTexts(u.undo.view))
	}
	u.Show(tabVisits)
	u.WaitIdle()
	if u.undo.view.Visible() {
		t.Fatal("the offer stays on another screen")
	}
}
