package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// labelShowing is the first visible label under root whose text contains
// want, failing the test when there is none.
func labelShowing(t *testing.T, root fyne.CanvasObject, want string) *widget.Label {
	t.Helper()
	var found *widget.Label
	walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && found == nil && strings.Contains(l.Text, want) {
			found = l
		}
	})
	if found == nil {
		t.Fatalf("no label showing %q in %v", want, visibleTexts(root))
	}
	return found
}

// linkTexts are the texts of the visible hyperlinks under root.
func linkTexts(root fyne.CanvasObject) []string {
	var out []string
	walk(root, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok {
			out = append(out, h.Text)
		}
	})
	return out
}

// addAction stores an open (or done) action of org, failing the test on error.
func addAction(t *testing.T, st *data.Store, org domain.Organisation, text, due, done string) domain.Action {
	t.Helper()
	a := domain.Action{OrgID: org.ID, Text: text, Due: due, Done: done, Owner: "Anna Svensson"}
	if err := st.CreateAction(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// addVisit stores a visit of minutes to orgs, failing the test on error.
func addVisit(t *testing.T, st *data.Store, date string, minutes int, orgs ...domain.Organisation) domain.Visit {
	t.Helper()
	v := domain.Visit{Date: date, Minutes: minutes, Type: domain.VisitOnSite}
	for _, o := range orgs {
		v.OrgIDs = append(v.OrgIDs, o.ID)
	}
	if err := st.CreateVisit(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTodayOverdueInRedAndMarkedDoneInOneClick(t *testing.T) {
	for _, c := range []struct {
		lang, overdue, due, upcoming, nothingLate, done string
	}{
		{"en", "1 overdue", "Due 20 Nov 2026", "1 coming up in the next 14 days", "Nothing overdue.", "Done"},
		{"sv", "1 försenad", "Senast 2026-11-20", "1 kommande de närmaste 14 dagarna", "Inget är försenat.", "Klar"},
		{"nb", "1 forsinket", "Frist 20.11.2026", "1 kommende de neste 14 dagene", "Ingenting er forsinket.", "Utført"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			org := datatest.Org(t, st, "Krokoms Kvarn AB", "")
			late := addAction(t, st, org, "Skicka ansökan", "2026-11-20", "")
			addAction(t, st, org, "Boka uppföljning", "2026-12-03", "")
			addAction(t, st, org, "Planera piloten", "2027-02-01", "") // beyond two weeks
			addAction(t, st, org, "Redan gjort", "2026-11-01", "2026-11-02")
			u.dataChanged()
			u.WaitIdle()
			s := u.today

			if s.overdueTitle.Text != c.overdue || s.overdueTitle.Importance != widget.DangerImportance {
				t.Fatalf("overdue heading %q (importance %v)", s.overdueTitle.Text, s.overdueTitle.Importance)
			}
			if l := labelShowing(t, s.overdue, "Skicka ansökan"); l.Importance != widget.DangerImportance {
				t.Fatal("the overdue action is not shown in red")
			}
			if l := labelShowing(t, s.overdue, c.due); l.Importance != widget.DangerImportance {
				t.Fatal("the overdue date is not shown in red")
			}
			if !slices.Contains(linkTexts(s.overdue), "Krokoms Kvarn AB") {
				t.Fatalf("organisation not named: %v", linkTexts(s.overdue))
			}
			if s.upcomingTitle.Text != c.upcoming || !shows(s.upcoming, "Boka uppföljning") {
				t.Fatalf("upcoming: %q %v", s.upcomingTitle.Text, visibleTexts(s.upcoming))
			}
			if shows(s.view, "Planera piloten") || shows(s.view, "Redan gjort") {
				t.Fatal("Today lists an action that is neither late nor due within two weeks")
			}

			tapButton(t, u, s.overdue, c.done)

			a, err := st.Action(context.Background(), late.ID)
			if err != nil || a.Done != "2026-11-27" {
				t.Fatalf("stored after one click: %+v %v", a, err)
			}
			if s.overdueTitle.Text != c.nothingLate || shows(s.view, "Skicka ansökan") {
				t.Fatalf("the done action is still listed: %v", visibleTexts(s.view))
			}
			if !shows(s.upcoming, "Boka uppföljning") {
				t.Fatal("the upcoming action vanished")
			}
		})
	}
}

func TestTodayRecentVisitsAndThisMonth(t *testing.T) {
	for _, c := range []struct {
		lang, date, visits, hours, heading string
	}{
		{"en", "20 Nov 2026", "visits", "2.3", "Today, 27 Nov 2026"},
		{"sv", "2026-11-20", "besök", "2,3", "I dag, 2026-11-27"},
		{"nb", "20.11.2026", "besøk", "2,3", "I dag, 27.11.2026"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			kvarn := datatest.Org(t, st, "Krokoms Kvarn AB", "")
			laks := datatest.Org(t, st, "Lierne Laks AS", "")
			addVisit(t, st, "2026-10-30", 60, laks) // last month: not counted
			addVisit(t, st, "2026-11-03", 90, kvarn)
			addVisit(t, st, "2026-11-20", 45, kvarn, laks)
			u.dataChanged()
			u.WaitIdle()
			s := u.today

			if !shows(s.view, c.heading) || !shows(s.view, "Anna Svensson") {
				t.Fatalf("heading: %v", visibleTexts(s.view))
			}
			// 135 minutes this month: 2.25 hours, shown with one decimal.
			if s.monthVisits.Text != "2" || s.monthVisitsCap.Text != c.visits || s.monthHours.Text != c.hours {
				t.Fatalf("this month: %q %q, %q hours", s.monthVisits.Text, s.monthVisitsCap.Text, s.monthHours.Text)
			}
			if len(s.recent.Objects) != 3 {
				t.Fatalf("recent visits: %v", visibleTexts(s.recent))
			}
			// Newest first, with the reader's date and every organisation's name.
			first := visibleTexts(s.recent.Objects[0])
			if !slices.Contains(first, c.date) || !slices.Contains(first, "Krokoms Kvarn AB, Lierne Laks AS") {
				t.Fatalf("newest visit row: %v", first)
			}
		})
	}
}

func TestTodaySyncCardTellsTheTruth(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "your data is stored only on this computer",
		"sv": "dina uppgifter finns bara på den här datorn",
		"nb": "dataene dine finnes bare på denne datamaskinen",
	} {
		u, _ := newTestUI(t, lang)
		if !shows(u.today.view, want) {
			t.Errorf("%s: sync card: %v", lang, visibleTexts(u.today.view))
		}
	}
}

func TestTodayEmptyStoreSaysSo(t *testing.T) {
	u, _ := newTestUI(t, "sv")
	s := u.today
	if s.overdueTitle.Text != "Inget är försenat." || !shows(s.view, "Inga besök registrerade än.") ||
		s.monthHours.Text != "0,0" {
		t.Fatalf("empty Today: %v", visibleTexts(s.view))
	}
}

func TestTodayLinksToTheRestOfTheOverdueActions(t *testing.T) {
	u, st := newTestUI(t, "en")
	org := datatest.Org(t, st, "Krokoms Kvarn AB", "")
	for i := 0; i < todayMaxRows+3; i++ {
		addAction(t, st, org, "Late "+string(rune('A'+i)), "2026-11-01", "")
	}
	u.dataChanged()
	u.WaitIdle()
	test.Tap(buttonWithText(t, u.today.overdue, "3 more – show in Actions"))
	u.WaitIdle()
	if u.tabs.SelectedIndex() != tabActions || u.actions.status != data.ActionsOverdue {
		t.Fatalf("tab %d, filter %q", u.tabs.SelectedIndex(), u.actions.status)
	}
	if want := fmt.Sprintf("%d actions", todayMaxRows+3); !shows(u.actions.view, want) {
		t.Fatalf("actions screen: %v", visibleTexts(u.actions.view))
	}
}
