// Package chart has the small charts ILSA Coach shows on its screens: a
// radar of innovation levels, levels over time, bars by month or
// municipality and a 100% share bar. Fyne 2.7 has no chart widget, so each
// is a widget.BaseWidget whose renderer draws canvas lines, circles,
// rectangles and texts where data/report/plot puts them — the geometry the
// PDF reports use too.
//
// The package holds no user-facing words: callers pass translated axis
// names, series names, empty-state texts and formatters for dates and
// numbers. Colours and text sizes come from the theme, so the charts follow
// the light and dark variants. Set data with a widget's SetData (which
// refreshes it) on the Fyne goroutine.
package chart
