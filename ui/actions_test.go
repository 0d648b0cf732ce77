package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// actionRowShowing is the visible Actions row whose text is text.
func actionRowShowing(t *testing.T, s *actionsScreen, text string) *actionRow {
	t.Helper()
	var found *actionRow
	walk(s.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*actionRow); ok && r.text.String() == text && found == nil {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("no row %q in %v", text, visibleTexts(s.list))
	}
	return found
}

// tick taps a row's checkbox in its middle, where a user clicks it.
func tick(u *UI, r *actionRow) {
	test.TapAt(r.check, fyne.NewPos(r.check.MinSize().Width/2, r.check.Size().Height/2))
	u.WaitIdle()
}

// filterTo chooses a filter as the user would, by its label.
func filterTo(u *UI, label string) {
	u.actions.filter.SetSelected(label)
	u.WaitIdle()
}

func TestActionsFilterShowsTheRightRows(t *testing.T) {
	for _, c := range []struct {
		lang                            string
		open, overdue, done, all        string
		countOpen, countOne, countAll   string
		lateDue, doneOn, noDue, ownerOf string
	}{
		{"en", "Open", "Overdue", "Done", "All", "3 actions", "1 action", "4 actions",
			"Due 20 Nov 2026", "Done 2 Nov 2026", "No due date", "Owner: Anna Svensson"},
		{"sv", "Öppna", "Försenade", "Klara", "Alla", "3 åtgärder", "1 åtgärd", "4 åtgärder",
			"Senast 2026-11-20", "Klar 2026-11-02", "Inget slutdatum", "Ansvarig: Anna Svensson"},
		{"nb", "Åpne", "Forsinket", "Utført", "Alle", "3 tiltak", "1 tiltak", "4 tiltak",
			"Frist 20.11.2026", "Utført 02.11.2026", "Ingen frist", "Ansvarlig: Anna Svensson"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			kvarn := datatest.Org(t, st, "Krokoms Kvarn AB", "")
			laks := datatest.Org(t, st, "Lierne Laks AS", "")
			addAction(t, st, kvarn, "Skicka ansökan", "2026-11-20", "")
			addAction(t, st, laks, "Avtale oppfølgingsmøte", "2026-12-10", "")
			addAction(t, st, laks, "Kontakte patentbyrå", "", "")
			addAction(t, st, kvarn, "Boka möte", "2026-11-01", "2026-11-02")
			u.Show(tabActions)
			u.WaitIdle()
			s := u.actions

			if s.filter.Selected != c.open || !shows(s.view, c.countOpen) {
				t.Fatalf("default filter %q: %v", s.filter.Selected, visibleTexts(s.view))
			}
			// Open: by due date, undated last; the late one in red.
			if len(s.rows) != 3 || s.rows[0].Text != "Skicka ansökan" || s.rows[2].Text != "Kontakte patentbyrå" {
				t.Fatalf("open rows: %v", visibleTexts(s.list))
			}
			late := actionRowShowing(t, s, "Skicka ansökan")
			if !inErrorColour(late.text) || late.due.Text != c.lateDue ||
				late.due.Importance != widget.DangerImportance || late.check.Checked {
				t.Fatalf("overdue row: %q %q importance %v", late.text.String(), late.due.Text, late.due.Importance)
			}
			if late.org.Text != "Krokoms Kvarn AB" || late.owner.Text != c.ownerOf {
				t.Fatalf("overdue row names %q, %q", late.org.Text, late.owner.Text)
			}
			if r := actionRowShowing(t, s, "Avtale oppfølgingsmøte"); inErrorColour(r.text) {
				t.Fatal("an action due later is shown as late")
			}
			if r := actionRowShowing(t, s, "Kontakte patentbyrå"); r.due.Text != c.noDue {
				t.Fatalf("undated: %q", r.due.Text)
			}

			filterTo(u, c.overdue)
			if len(s.rows) != 1 || !shows(s.view, c.countOne) || !shows(s.list, "Skicka ansökan") {
				t.Fatalf("overdue: %v", visibleTexts(s.view))
			}
			filterTo(u, c.done)
			if r := actionRowShowing(t, s, "Boka möte"); len(s.rows) != 1 || !r.check.Checked || r.due.Text != c.doneOn {
				t.Fatalf("done: %v", visibleTexts(s.view))
			}
			filterTo(u, c.all)
			if len(s.rows) != 4 || !shows(s.view, c.countAll) {
				t.Fatalf("all: %v", visibleTexts(s.view))
			}
		})
	}
}

func TestActionsTickMarksDoneAndUntickReopens(t *testing.T) {
	u, st := newTestUI(t, "sv")
	org := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	a := addAction(t, st, org, "Skicka ansökan", "2026-11-20", "")
	u.Show(tabActions)
	u.WaitIdle()
	s := u.actions
	filterTo(u, "Alla")

	tick(u, actionRowShowing(t, s, "Skicka ansökan"))
	got, _ := st.Action(context.Background(), a.ID)
	if got.Done != "2026-11-27" {
		t.Fatalf("ticked: stored done %q", got.Done)
	}
	if r := actionRowShowing(t, s, "Skicka ansökan"); !r.check.Checked || r.due.Text != "Klar 2026-11-27" ||
		inErrorColour(r.text) {
		t.Fatalf("after ticking: %q checked=%v", r.due.Text, r.check.Checked)
	}

	tick(u, actionRowShowing(t, s, "Skicka ansökan"))
	got, _ = st.Action(context.Background(), a.ID)
	if got.Done != "" {
		t.Fatalf("unticked: stored done %q", got.Done)
	}
	if r := actionRowShowing(t, s, "Skicka ansökan"); r.check.Checked || r.due.Text != "Senast 2026-11-20" {
		t.Fatalf("after unticking: %q checked=%v", r.due.Text, r.check.Checked)
	}

	// Ticking in the Open list takes the action off it.
	filterTo(u, "Öppna")
	tick(u, actionRowShowing(t, s, "Skicka ansökan"))
	if len(s.rows) != 0 || !shows(s.view, "Inga öppna åtgärder") {
		t.Fatalf("open after ticking: %v", visibleTexts(s.view))
	}
}

func TestNewActionDialog(t *testing.T) {
	u, st := newTestUI(t, "nb")
	datatest.Org(t, st, "Krokoms Kvarn AB", "")
	laks := datatest.Org(t, st, "Lierne Laks AS", "")
	u.Show(tabActions)
	u.WaitIdle()
	tapButton(t, u, u.actions.view, "Nytt tiltak")
	if len(u.dialogs) != 1 {
		t.Fatal("no dialog")
	}
	a := u.dialogs[0].(*newActionForm)
	d := topOverlay(t, u)
	if a.owner.Text != "Anna Svensson" {
		t.Fatalf("owner defaults to %q", a.owner.Text)
	}

	// Nothing chosen, nothing typed: problems beside the fields, nothing stored.
	typeInto(u, a.due, "31.02.2026")
	tapButton(t, u, d, "Legg til tiltak")
	if a.form.Problem("text").Text != "Må fylles ut." || !shows(d, "\"31.02.2026\" er ikke en dato") {
		t.Fatalf("problems: %v", visibleTexts(d))
	}
	if a.form.Problem("org").Hidden || a.form.Problem("text").Hidden || a.form.Problem("due").Hidden {
		t.Fatalf("problems not shown beside org, text and due: %v", visibleTexts(d))
	}
	if rows, _ := st.Actions(context.Background(), data.ActionQuery{}); len(rows) != 0 || len(u.dialogs) != 1 {
		t.Fatal("an invalid action was stored, or the dialog closed")
	}

	typeInto(u, a.search, "lierne")
	tapButton(t, u, d, "Lierne Laks AS")
	if a.orgID != laks.ID || !shows(d, "✓ Lierne Laks AS") {
		t.Fatalf("chosen %q: %v", a.orgID, visibleTexts(d))
	}
	typeInto(u, a.text, "Sende søknadsutkast")
	typeInto(u, a.due, "04.12.2026")
	tapButton(t, u, d, "Legg til tiltak")

	rows, _ := st.Actions(context.Background(), data.ActionQuery{})
	if len(rows) != 1 || rows[0].OrgID != laks.ID || rows[0].Text != "Sende søknadsutkast" ||
		rows[0].Due != "2026-12-04" || rows[0].Owner != "Anna Svensson" {
		t.Fatalf("stored: %+v", rows)
	}
	if len(u.dialogs) != 0 || !shows(u.actions.list, "Sende søknadsutkast") {
		t.Fatalf("after saving: %d dialogs, list %v", len(u.dialogs), visibleTexts(u.actions.list))
	}
}

func TestActionsListIsCappedButCountsAll(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Storlien Fjällhotell AB", "")
	var b data.Bulk
	for i := 0; i < actionsLimit+5; i++ {
		b.Actions = append(b.Actions, &domain.Action{OrgID: o.ID, Text: fmt.Sprintf("Steg %d", i), Due: "2027-01-01"})
	}
	if err := st.CreateBulk(u.ctx(), &b); err != nil {
		t.Fatal(err)
	}
	u.Show(tabActions)
	u.WaitIdle()
	if len(u.actions.rows) != actionsLimit {
		t.Fatalf("listed %d rows", len(u.actions.rows))
	}
	want := "1\u00a0005 åtgärder · de 1\u00a0000 första visas"
	if got := u.actions.count.Text; got != want {
		t.Fatalf("count line %q, want %q", got, want)
	}
}

// The new-action dialog: Esc on what the dialog filled in itself (the
// owner) closes it; Esc with text typed asks, and "Avbryt" on the question
// keeps the dialog and the text; Ctrl+S in a field stores the action.
func TestNewActionDialogAsksBeforeTypedTextGoesAndSavesWithCtrlS(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	u.Show(tabActions)
	u.WaitIdle()
	a := u.newActionDialog()
	u.WaitIdle()
	a.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("Esc did not close the untouched dialog")
	}

	a = u.newActionDialog()
	u.WaitIdle()
	typeInto(u, a.text, "Ringa om offerten")
	a.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Kasta det du har skrivit?") {
		t.Fatalf("no question before the text goes: %v", visibleTexts(topOverlay(t, u)))
	}
	pressEsc(u) // no: back to the dialog
	if len(u.dialogs) != 1 || a.text.Text != "Ringa om offerten" {
		t.Fatalf("after saying no: %d dialogs, text %q", len(u.dialogs), a.text.Text)
	}

	typeInto(u, a.search, "krokom")
	tapButton(t, u, topOverlay(t, u), "Krokoms Kvarn AB")
	a.text.TypedShortcut(widgets.SaveShortcut)
	u.WaitIdle()
	rows, _ := st.Actions(context.Background(), data.ActionQuery{})
	if len(rows) != 1 || rows[0].OrgID != o.ID || rows[0].Text != "Ringa om offerten" || len(u.dialogs) != 0 {
		t.Fatalf("after Ctrl+S: %d dialogs, stored %+v", len(u.dialogs), rows)
	}
}

func TestActionsSearchTextAndFilterByOwner(t *testing.T) {
	u, st := newTestUI(t, "sv")
	kvarn := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	addAction(t, st, kvarn, "Skicka offert på limträbalkar", "2026-11-20", "")
	addAction(t, st, kvarn, "Kontakte patentbyrå om søknad", "", "")
	kari := domain.Action{OrgID: kvarn.ID, Text: "Ring om patentsøknaden", Owner: "Kari Nordmann"}
	if err := st.CreateAction(u.ctx(), &kari); err != nil {
		t.Fatal(err)
	}
	u.Show(tabActions)
	u.WaitIdle()
	s := u.actions
	if len(s.rows) != 3 || !shows(s.view, "3 åtgärder") {
		t.Fatalf("open: %v", visibleTexts(s.view))
	}
	typeInto(u, s.search, "balkar")
	if len(s.rows) != 1 || !shows(s.list, "Skicka offert på limträbalkar") || !shows(s.view, "1 åtgärd") {
		t.Fatalf("search balkar: %v", visibleTexts(s.view))
	}
	// The row shows why it matched: the typed word bold in the action's text.
	if r := actionRowShowing(t, s, "Skicka offert på limträbalkar"); fmt.Sprint(boldTexts(r.text)) != "[balkar]" {
		t.Fatalf("bold in the row: %v", boldTexts(r.text))
	}
	typeInto(u, s.search, "soknad") // a Swedish keyboard has no ø
	if len(s.rows) != 2 {
		t.Fatalf("search soknad: %v", visibleTexts(s.view))
	}
	s.owner.SetValue("Kari Nordmann")
	u.WaitIdle()
	if len(s.rows) != 1 || !shows(s.list, "Ring om patentsøknaden") {
		t.Fatalf("owner Kari: %v", visibleTexts(s.view))
	}
	typeInto(u, s.search, "balkar")
	if len(s.rows) != 0 || !shows(s.view, "Ingen åtgärd matchar sökningen och filtret.") {
		t.Fatalf("nothing found: %v", visibleTexts(s.view))
	}
	s.owner.SetValue("")
	u.WaitIdle()
	if len(s.rows) != 1 || !shows(s.view, "Alla ansvariga") {
		t.Fatalf("everyone again: %v", visibleTexts(s.view))
	}
}

// boldTexts are the bold parts of rich text.
func boldTexts(rt *widget.RichText) []string {
	var out []string
	for _, seg := range rt.Segments {
		if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			out = append(out, ts.Text)
		}
	}
	return out
}

// inErrorColour reports whether all of rich text shows in the error colour.
func inErrorColour(rt *widget.RichText) bool {
	for _, seg := range rt.Segments {
		if ts, ok := seg.(*widget.TextSegment); !ok || ts.Style.ColorName != theme.ColorNameError {
			return false
		}
	}
	return len(rt.Segments) > 0
}
