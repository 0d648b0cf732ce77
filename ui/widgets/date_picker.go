package widgets

import (
	"image/color"
	"strconv"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/translations"
)

// The calendar always shows six weeks, so its size stays the same from
// month to month and a popup under a field never jumps.
const (
	pickerWeeks = 6
	pickerCells = pickerWeeks * 7
)

// monthKeys name the months, January first; the texts are as in running
// text (lowercase in sv and nb), the heading capitalises them.
var monthKeys = [12]string{"ui.month.1", "ui.month.2", "ui.month.3", "ui.month.4", "ui.month.5", "ui.month.6",
	"ui.month.7", "ui.month.8", "ui.month.9", "ui.month.10", "ui.month.11", "ui.month.12"}

// weekdayShortKeys are the column headings, Monday first.
var weekdayShortKeys = [7]string{"ui.weekday.short.1", "ui.weekday.short.2", "ui.weekday.short.3",
	"ui.weekday.short.4", "ui.weekday.short.5", "ui.weekday.short.6", "ui.weekday.short.7"}

// DatePicker is a month calendar as Swedish and Norwegian readers expect it:
// month names in their language, weeks from Monday to Sunday with the ISO
// week number at the left, today ringed and the chosen date filled. Fyne's
// own Calendar prints English month names and may start on Sunday.
//
// A click on a day, or Enter on the keyboard cursor, calls OnPicked; the
// arrows move the cursor a day or a week, Page Up/Down a month, and Esc
// calls OnDismiss.
type DatePicker struct {
	widget.BaseWidget

	OnPicked  func(time.Time)
	OnDismiss func()

	tr       *translations.Localizer
	loc      *time.Location
	today    time.Time // midnight of today, in loc
	selected time.Time // midnight of the chosen date; zero when none
	month    time.Time // the first of the month shown
	cursor   time.Time // the keyboard's day
	focused  bool

	prev, next *widget.Button
	heading    *widget.Label
	weekHead   *canvas.Text
	dayNames   [7]*canvas.Text
	weeks      [pickerWeeks]*canvas.Text
	cells      [pickerCells]*dayCell
}

// NewDatePicker shows the month of selected, or of today when selected is
// zero (nothing chosen yet). Dates handed to onPicked are midnight in the
// location of selected (else of today).
func NewDatePicker(tr *translations.Localizer, today, selected time.Time, onPicked func(time.Time)) *DatePicker {
	p := &DatePicker{OnPicked: onPicked, tr: tr, loc: today.Location()}
	if !selected.IsZero() {
		p.loc = selected.Location()
		p.selected = p.day(selected)
	}
	p.today = p.day(today)
	p.cursor = p.today
	if !p.selected.IsZero() {
		p.cursor = p.selected
	}

	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.moveCursor(0, -1) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.moveCursor(0, 1) })
	p.prev.Importance = widget.LowImportance
	p.next.Importance = widget.LowImportance
	p.heading = widget.NewLabel("")
	p.heading.Alignment = fyne.TextAlignCenter
	p.heading.TextStyle = fyne.TextStyle{Bold: true}
	p.weekHead = smallText(tr.T("ui.calendar.week"))
	for i, k := range weekdayShortKeys {
		p.dayNames[i] = smallText(tr.T(k))
	}
	for i := range p.weeks {
		p.weeks[i] = smallText("")
	}
	for i := range p.cells {
		p.cells[i] = newDayCell(p)
	}
	p.ExtendBaseWidget(p)
	p.setMonth(p.cursor)
	return p
}

func smallText(s string) *canvas.Text {
	t := canvas.NewText(s, color.Transparent)
	t.Alignment = fyne.TextAlignCenter
	return t
}

// day is midnight of t's calendar date, in the picker's location.
func (p *DatePicker) day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, p.loc)
}

// firstShown is the Monday on or before the first of the month.
func firstShown(month time.Time) time.Time {
	back := (int(month.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	return month.AddDate(0, 0, -back)
}

// isoWeek is the ISO 8601 week number: weeks start on Monday and week 1
// holds the year's first Thursday, as on Swedish and Norwegian calendars.
func isoWeek(t time.Time) int {
	_, w := t.ISOWeek()
	return w
}

// monthHeading is "November 2026", "Maj 2026": the month name as the
// language writes it, with a capital first letter as a heading has.
func monthHeading(tr *translations.Localizer, month time.Time) string {
	name := tr.T(monthKeys[month.Month()-1])
	if r, n := utf8.DecodeRuneInString(name); r != utf8.RuneError {
		name = string(unicode.ToUpper(r)) + name[n:]
	}
	return name + " " + strconv.Itoa(month.Year())
}

// setMonth shows the month holding t.
func (p *DatePicker) setMonth(t time.Time) {
	p.month = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, p.loc)
	p.heading.SetText(monthHeading(p.tr, p.month))
	d := firstShown(p.month)
	for i, c := range p.cells {
		if i%7 == 0 {
			p.weeks[i/7].Text = strconv.Itoa(isoWeek(d))
		}
		c.date = d
		c.text = strconv.Itoa(d.Day())
		d = d.AddDate(0, 0, 1)
	}
	p.Refresh()
}

// moveCursor moves the keyboard cursor days and months on, turning the page
// when it leaves the month shown. A month step lands on the same day or the
// month's last.
func (p *DatePicker) moveCursor(days, months int) {
	c := p.cursor
	if months != 0 {
		first := time.Date(c.Year(), c.Month()+time.Month(months), 1, 0, 0, 0, 0, p.loc)
		last := first.AddDate(0, 1, -1).Day()
		c = time.Date(first.Year(), first.Month(), min(c.Day(), last), 0, 0, 0, 0, p.loc)
	}
	c = c.AddDate(0, 0, days)
	p.cursor = c
	if c.Year() != p.month.Year() || c.Month() != p.month.Month() {
		p.setMonth(c)
		return
	}
	p.Refresh()
}

// pick chooses d: it becomes the selection and goes to OnPicked.
func (p *DatePicker) pick(d time.Time) {
	p.selected, p.cursor = d, d
	if d.Year() != p.month.Year() || d.Month() != p.month.Month() {
		p.setMonth(d)
	} else {
		p.Refresh()
	}
	if p.OnPicked != nil {
		p.OnPicked(d)
	}
}

// FocusGained shows the keyboard cursor.
func (p *DatePicker) FocusGained() { p.focused = true; p.Refresh() }

// FocusLost hides the keyboard cursor.
func (p *DatePicker) FocusLost() { p.focused = false; p.Refresh() }

// TypedRune ignores letters and digits: dates are typed in the field.
func (p *DatePicker) TypedRune(rune) {}

// TypedKey moves the cursor, picks its day or dismisses the calendar.
func (p *DatePicker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft:
		p.moveCursor(-1, 0)
	case fyne.KeyRight:
		p.moveCursor(1, 0)
	case fyne.KeyUp:
		p.moveCursor(-7, 0)
	case fyne.KeyDown:
		p.moveCursor(7, 0)
	case fyne.KeyPageUp:
		p.moveCursor(0, -1)
	case fyne.KeyPageDown:
		p.moveCursor(0, 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		p.pick(p.cursor)
	case fyne.KeyEscape:
		if p.OnDismiss != nil {
			p.OnDismiss()
		}
	}
}

// CreateRenderer lays the parts out flat with pickerLayout: no nesting.
func (p *DatePicker) CreateRenderer() fyne.WidgetRenderer {
	objs := []fyne.CanvasObject{p.prev, p.heading, p.next, p.weekHead}
	for _, t := range p.dayNames {
		objs = append(objs, t)
	}
	for _, t := range p.weeks {
		objs = append(objs, t)
	}
	for _, c := range p.cells {
		objs = append(objs, c)
	}
	return &datePickerRenderer{p: p, objects: objs}
}

type datePickerRenderer struct {
	p       *DatePicker
	objects []fyne.CanvasObject
}

func (r *datePickerRenderer) Destroy()                     {}
func (r *datePickerRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *datePickerRenderer) Layout(size fyne.Size)        { pickerLayout{}.Layout(r.objects, size) }
func (r *datePickerRenderer) MinSize() fyne.Size           { return pickerLayout{}.MinSize(r.objects) }

// Refresh restyles the small texts and the days (today, selection, cursor,
// other months) after a change of month, selection or theme.
func (r *datePickerRenderer) Refresh() {
	p := r.p
	th := p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	caption := th.Size(theme.SizeNameCaptionText)
	for _, t := range append([]*canvas.Text{p.weekHead}, p.weeks[:]...) {
		t.Color = th.Color(theme.ColorNamePlaceHolder, v)
		t.TextSize = caption
	}
	for _, t := range p.dayNames {
		t.Color = th.Color(theme.ColorNameForeground, v)
		t.TextSize = caption
		t.TextStyle = fyne.TextStyle{Bold: true}
	}
	for _, c := range p.cells {
		c.other = c.date.Month() != p.month.Month()
		c.today = c.date.Equal(p.today)
		c.selected = !p.selected.IsZero() && c.date.Equal(p.selected)
		c.cursor = p.focused && c.date.Equal(p.cursor)
	}
	for _, o := range r.objects {
		o.Refresh()
	}
}

// pickerLayout places the parts of a DatePicker, in the order its renderer
// lists them: previous, heading, next; the week column's heading and the
// seven day names; six week numbers; 42 days. The week column is as wide as
// its widest number, the seven day columns share the rest.
type pickerLayout struct{}

const (
	plPrev, plHeading, plNext, plWeekHead = 0, 1, 2, 3
	plDayNames                            = 4
	plWeeks                               = plDayNames + 7
	plCells                               = plWeeks + pickerWeeks
)

// metrics are the sizes the layout and its MinSize share.
func (pickerLayout) metrics(objs []fyne.CanvasObject) (headH, weekW, namesH float32, cell fyne.Size) {
	for _, o := range objs[:plWeekHead] {
		headH = max(headH, o.MinSize().Height)
	}
	for _, o := range append([]fyne.CanvasObject{objs[plWeekHead]}, objs[plWeeks:plCells]...) {
		weekW = max(weekW, o.MinSize().Width)
	}
	weekW += 2 * theme.Padding()
	for _, o := range objs[plDayNames:plWeeks] {
		namesH = max(namesH, o.MinSize().Height)
		cell.Width = max(cell.Width, o.MinSize().Width+theme.Padding())
	}
	for _, o := range objs[plCells:] {
		cell = cell.Max(o.MinSize())
	}
	return headH, weekW, namesH, cell
}

func (l pickerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	headH, weekW, namesH, cell := l.metrics(objs)
	pad := theme.Padding()
	head := objs[plPrev].MinSize().Width + objs[plHeading].MinSize().Width + objs[plNext].MinSize().Width
	return fyne.NewSize(max(head, weekW+7*cell.Width), headH+pad+namesH+pad+pickerWeeks*cell.Height)
}

func (l pickerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	headH, weekW, namesH, _ := l.metrics(objs)
	pad := theme.Padding()

	prevW, nextW := objs[plPrev].MinSize().Width, objs[plNext].MinSize().Width
	objs[plPrev].Move(fyne.NewPos(0, 0))
	objs[plPrev].Resize(fyne.NewSize(prevW, headH))
	objs[plNext].Move(fyne.NewPos(size.Width-nextW, 0))
	objs[plNext].Resize(fyne.NewSize(nextW, headH))
	objs[plHeading].Move(fyne.NewPos(prevW, 0))
	objs[plHeading].Resize(fyne.NewSize(size.Width-prevW-nextW, headH))

	// place puts o in a cell, a text vertically centred in it.
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		if _, ok := o.(*canvas.Text); ok {
			th := o.MinSize().Height
			o.Move(fyne.NewPos(x, y+(h-th)/2))
			o.Resize(fyne.NewSize(w, th))
			return
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	colW := (size.Width - weekW) / 7
	y := headH + pad
	place(objs[plWeekHead], 0, y, weekW, namesH)
	for i := range 7 {
		place(objs[plDayNames+i], weekW+float32(i)*colW, y, colW, namesH)
	}
	y += namesH + pad
	rowH := (size.Height - y) / pickerWeeks
	for r := range pickerWeeks {
		ry := y + float32(r)*rowH
		place(objs[plWeeks+r], 0, ry, weekW, rowH)
		for c := range 7 {
			place(objs[plCells+r*7+c], weekW+float32(c)*colW, ry, colW, rowH)
		}
	}
}

// Heading is the month shown, as its heading reads ("Maj 2026").
func (p *DatePicker) Heading() string { return p.heading.Text }

// Selected is the chosen date (zero when none).
func (p *DatePicker) Selected() time.Time { return p.selected }

// MonthKey is the translation key of a month's name, as in running text
// ("mars" in Swedish).
func MonthKey(m time.Month) string { return monthKeys[m-1] }
