package plot

import (
	"fmt"
	"slices"
	"time"
)

// DateLayout is the form of the dates a DateScale reads: the dates the
// store keeps (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// DateScale maps calendar dates onto a range by whole days: a date's
// position does not depend on time zones or daylight saving.
type DateScale struct {
	first, last int64 // days since 1970-01-01
	R0, R1      float64
}

// Day is the number of days from 1970-01-01 to date.
func Day(date string) (int64, error) {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return 0, fmt.Errorf("plot: date %q: %w", date, err)
	}
	return t.Unix() / 86400, nil
}

// DateOf is the date day days after 1970-01-01.
func DateOf(day int64) string {
	return time.Unix(day*86400, 0).UTC().Format(DateLayout)
}

// NewDateScale spans the earliest to the latest of dates onto [r0, r1].
// A single distinct date maps to the middle of the range. Unreadable dates
// are an error: a chart must not silently leave out an assessment.
func NewDateScale(dates []string, r0, r1 float64) (DateScale, error) {
	s := DateScale{R0: r0, R1: r1}
	if len(dates) == 0 {
		return s, fmt.Errorf("plot: no dates")
	}
	for i, d := range dates {
		n, err := Day(d)
		if err != nil {
			return s, err
		}
		if i == 0 || n < s.first {
			s.first = n
		}
		if i == 0 || n > s.last {
			s.last = n
		}
	}
	return s, nil
}

// X is the position of date.
func (s DateScale) X(date string) (float64, error) {
	n, err := Day(date)
	if err != nil {
		return 0, err
	}
	return s.XDay(n), nil
}

// XDay is the position of a day number (see Day).
func (s DateScale) XDay(day int64) float64 {
	return Linear{float64(s.first), float64(s.last), s.R0, s.R1}.Map(float64(day))
}

// Distinct are the different dates among dates, sorted, with unreadable
// ones left out: the candidates for x-axis labels (each assessment date).
func Distinct(dates []string) []string {
	var out []string
	for _, d := range dates {
		if _, err := Day(d); err == nil {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
