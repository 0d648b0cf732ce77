package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/translations"
)

// testNow is the fixed "today" of the tests: 27 November 2026.
var testNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// newTestPicker shows a picker in lang on a headless window, with today
// testNow (27 November 2026) and selected as chosen (zero: none).
func newTestPicker(t *testing.T, lang string, selected time.Time) (*DatePicker, *[]time.Time) {
	t.Helper()
	test.NewTempApp(t)
	var picked []time.Time
	p := NewDatePicker(translations.New(lang), testNow, selected, func(d time.Time) { picked = append(picked, d) })
	w := test.NewTempWindow(t, p)
	w.Resize(p.MinSize().AddWidthHeight(40, 40))
	return p, &picked
}

// cellOf is the grid's cell for d, failing when the page does not show it.
func cellOf(t *testing.T, p *DatePicker, d time.Time) *dayCell {
	t.Helper()
	for _, c := range p.cells {
		if c.date.Equal(d) {
			return c
		}
	}
	t.Fatalf("%s is not on the page of %s", d.Format("2006-01-02"), p.heading.Text)
	return nil
}

func TestDatePickerHeadingInEachLanguage(t *testing.T) {
	cases := []struct {
		lang  string
		month time.Month
		want  string
	}{
		{"sv", time.November, "November 2026"},
		{"nb", time.November, "November 2026"},
		{"en", time.November, "November 2026"},
		{"sv", time.May, "Maj 2026"},
		{"nb", time.May, "Mai 2026"},
		{"en", time.May, "May 2026"},
		{"sv", time.October, "Oktober 2026"},
		{"nb", time.October, "Oktober 2026"},
		{"en", time.October, "October 2026"},
		{"nb", time.December, "Desember 2026"},
		{"sv", time.January, "Januari 2026"},
	}
	for _, c := range cases {
		p, _ := newTestPicker(t, c.lang, date(2026, c.month, 15))
		if p.heading.Text != c.want {
			t.Errorf("%s, month %d: heading %q, want %q", c.lang, c.month, p.heading.Text, c.want)
		}
	}
}

func TestDatePickerWeekStartsOnMonday(t *testing.T) {
	for lang, want := range map[string][7]string{
		"sv": {"Mån", "Tis", "Ons", "Tor", "Fre", "Lör", "Sön"},
		"nb": {"Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn"},
		"en": {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	} {
		p, _ := newTestPicker(t, lang, time.Time{})
		for i, n := range p.dayNames {
			if n.Text != want[i] {
				t.Errorf("%s: column %d is %q, want %q", lang, i, n.Text, want[i])
			}
		}
		if p.weekHead.Text == "" || p.weekHead.Text == "ui.calendar.week" {
			t.Errorf("%s: week column heading %q", lang, p.weekHead.Text)
		}
		// Every row runs Monday to Sunday.
		for i, c := range p.cells {
			if got, want := c.date.Weekday(), time.Weekday((i%7+1)%7); got != want {
				t.Fatalf("%s: cell %d is a %s, want %s", lang, i, got, want)
			}
		}
	}
}

func TestDatePickerNovember2026Grid(t *testing.T) {
	p, _ := newTestPicker(t, "sv", time.Time{}) // today's month: November 2026
	if p.heading.Text != "November 2026" {
		t.Fatalf("heading %q", p.heading.Text)
	}
	// 1 November 2026 is a Sunday: the first row is 26 Oct – 1 Nov, week 44.
	if p.weeks[0].Text != "44" {
		t.Errorf("first week %q, want 44", p.weeks[0].Text)
	}
	first := p.cells[0]
	if !first.date.Equal(date(2026, 10, 26)) || first.text != "26" || !first.other {
		t.Errorf("first cell %s %q other=%v, want 26 Oct dimmed", first.date, first.text, first.other)
	}
	if c := p.cells[6]; !c.date.Equal(date(2026, 11, 1)) || c.other {
		t.Errorf("first Sunday %s other=%v, want 1 Nov of this month", c.date, c.other)
	}
	wantWeeks := []string{"44", "45", "46", "47", "48", "49"}
	for i, w := range p.weeks {
		if w.Text != wantWeeks[i] {
			t.Errorf("row %d: week %q, want %s", i, w.Text, wantWeeks[i])
		}
	}
	// Today is marked, nothing selected yet.
	for _, c := range p.cells {
		if c.today != c.date.Equal(date(2026, 11, 27)) {
			t.Errorf("%s: today=%v", c.date, c.today)
		}
		if c.selected {
			t.Errorf("%s selected with nothing chosen", c.date)
		}
	}
}

func TestDatePickerClickCallsBack(t *testing.T) {
	p, picked := newTestPicker(t, "nb", time.Time{})
	test.Tap(cellOf(t, p, date(2026, 11, 27)))
	if len(*picked) != 1 || (*picked)[0].Format("2006-01-02") != "2026-11-27" {
		t.Fatalf("picked %v, want 2026-11-27", *picked)
	}
	if !cellOf(t, p, date(2026, 11, 27)).selected {
		t.Error("the clicked day is not highlighted")
	}
}

func TestDatePickerSelectedDateHighlighted(t *testing.T) {
	p, _ := newTestPicker(t, "en", date(2026, 5, 14))
	if p.heading.Text != "May 2026" {
		t.Fatalf("heading %q, want the selected date's month", p.heading.Text)
	}
	for _, c := range p.cells {
		if c.selected != c.date.Equal(date(2026, 5, 14)) {
			t.Errorf("%s: selected=%v", c.date, c.selected)
		}
	}
}

func TestDatePickerMonthsAcrossYearEnd(t *testing.T) {
	p, _ := newTestPicker(t, "sv", date(2026, 12, 10))
	if p.heading.Text != "December 2026" {
		t.Fatalf("heading %q", p.heading.Text)
	}
	test.Tap(p.next)
	if p.heading.Text != "Januari 2027" {
		t.Errorf("after next: %q, want Januari 2027", p.heading.Text)
	}
	// 1 January 2027 is a Friday in ISO week 53 of 2026.
	if !p.cells[0].date.Equal(date(2026, 12, 28)) || p.weeks[0].Text != "53" {
		t.Errorf("January 2027 starts %s, week %s; want 28 Dec, week 53", p.cells[0].date, p.weeks[0].Text)
	}
	test.Tap(p.prev)
	test.Tap(p.prev)
	if p.heading.Text != "November 2026" {
		t.Errorf("after two back: %q, want November 2026", p.heading.Text)
	}
	// A month step from the 31st lands on the month's last day, not beyond.
	p2, _ := newTestPicker(t, "en", date(2027, 1, 31))
	test.Tap(p2.next)
	if p2.heading.Text != "February 2027" || !p2.cursor.Equal(date(2027, 2, 28)) {
		t.Errorf("from 31 Jan: %q, cursor %s", p2.heading.Text, p2.cursor)
	}
}

func TestDatePickerOtherMonthDayTurnsThePage(t *testing.T) {
	p, picked := newTestPicker(t, "en", time.Time{})
	test.Tap(cellOf(t, p, date(2026, 10, 26)))
	if len(*picked) != 1 || !(*picked)[0].Equal(date(2026, 10, 26)) || p.heading.Text != "October 2026" {
		t.Errorf("picked %v, heading %q", *picked, p.heading.Text)
	}
}

func TestISOWeek(t *testing.T) {
	for _, c := range []struct {
		d    time.Time
		want int
	}{
		{date(2026, 12, 31), 53},
		{date(2027, 1, 3), 53},
		{date(2027, 1, 4), 1},
		{date(2026, 11, 27), 48},
		{date(2024, 12, 30), 1},
	} {
		if got := isoWeek(c.d); got != c.want {
			t.Errorf("week of %s = %d, want %d", c.d.Format("2006-01-02"), got, c.want)
		}
	}
}

func TestDatePickerKeyboard(t *testing.T) {
	p, picked := newTestPicker(t, "sv", date(2026, 12, 31))
	var dismissed bool
	p.OnDismiss = func() { dismissed = true }
	p.FocusGained()
	if !cellOf(t, p, date(2026, 12, 31)).cursor {
		t.Fatal("the cursor does not start on the selected date")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // into January
	if p.heading.Text != "Januari 2027" || !cellOf(t, p, date(2027, 1, 1)).cursor {
		t.Errorf("after →: %q, cursor %s", p.heading.Text, p.cursor)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*picked) != 1 || !(*picked)[0].Equal(date(2026, 12, 25)) {
		t.Errorf("↑ then Enter picked %v, want 2026-12-25", *picked)
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !dismissed {
		t.Error("Esc does not dismiss")
	}
}

func TestDatePickerTranslationsComplete(t *testing.T) {
	for _, lang := range translations.Languages {
		tr := translations.New(lang)
		for _, k := range append(append(monthKeys[:], weekdayShortKeys[:]...), "ui.calendar.week") {
			if tr.T(k) == k {
				t.Errorf("%s lacks %s", lang, k)
			}
		}
	}
}

// A disabled date field opens no calendar: its text cannot change.
func TestCalendarStaysShutOnADisabledField(t *testing.T) {
	a := test.NewTempApp(t)
	e := NewKeyedEntry(false)
	w := a.NewWindow("")
	w.SetContent(e)
	h := NewCalendarHost(translations.New("sv"), func() time.Time { return testNow }, w.Canvas)
	h.Attach(e)
	e.Disable()
	h.Show(e)
	if h.Showing() {
		t.Fatal("a calendar opened on a disabled field")
	}
	e.Enable()
	h.Show(e)
	if !h.Showing() {
		t.Fatal("no calendar on an enabled field")
	}
}
