// Package plot is the geometry of ILSA Coach's charts, kept apart from any
// drawing library: the Fyne widgets in ui/chart and the PDF reports (which
// draw with fpdf) place the same rings, ticks and bars from the same numbers,
// so a chart looks alike on screen and on paper.
//
// Coordinates are float64 in the caller's units (Fyne device-independent
// pixels, PDF millimetres) with y growing downwards, as both targets have it.
// Nothing here measures text: where a layout depends on text widths the
// caller passes a measure function.
package plot
