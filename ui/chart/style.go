package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"eu.ilsa.coach/ilsa/data/report/plot"
)

// textStyle is a text size and style with the measures a layout needs.
type textStyle struct {
	size  float32
	style fyne.TextStyle
}

func (ts textStyle) measure(s string) fyne.Size { return fyne.MeasureText(s, ts.size, ts.style) }
func (ts textStyle) width(s string) float32     { return ts.measure(s).Width }

// height is the line height of the style (the same for any text).
func (ts textStyle) height() float32 { return ts.measure("Åg").Height }

// plotMeasure adapts width to plot's text functions.
func (ts textStyle) plotMeasure() plot.Measure {
	return func(s string) float64 { return float64(ts.width(s)) }
}

// fit shortens s with an ellipsis to maxWidth.
func (ts textStyle) fit(s string, maxWidth float32) string {
	return plot.Ellipsize(s, float64(maxWidth), ts.plotMeasure())
}

// style is what a chart takes from the theme for one build.
type style struct {
	variant fyne.ThemeVariant
	pad     float32
	label   textStyle // axis and legend labels
	small   textStyle // ticks, values, level numbers

	fg, muted, grid, axis, bg, primary color.Color
}

// styleOf reads the theme of a chart widget (a ThemeOverride container
// around it applies). The variant for the palette is judged from the
// background colour itself: a theme that forces dark (as the app's does
// when the user chooses it) still reports the OS variant in Settings.
func styleOf(th fyne.Theme) style {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	bg := th.Color(theme.ColorNameBackground, v)
	drawn := theme.VariantLight
	if luminance(bg) < 0.5 {
		drawn = theme.VariantDark
	}
	return style{
		variant: drawn,
		pad:     th.Size(theme.SizeNamePadding),
		label:   textStyle{size: th.Size(theme.SizeNameText)},
		small:   textStyle{size: th.Size(theme.SizeNameCaptionText)},
		fg:      fg,
		// Placeholder text is the theme's grey for secondary text.
		muted:   th.Color(theme.ColorNamePlaceHolder, v),
		grid:    fade(fg, 0x30),
		axis:    fade(fg, 0x80),
		bg:      bg,
		primary: th.Color(theme.ColorNamePrimary, v),
	}
}

// fade is c with alpha a (0–255): grid lines and targets are the
// foreground or series colour seen through, so they suit either variant.
func fade(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

// onColour is black or white, whichever reads better on fill (for
// percentages printed inside a coloured segment).
func onColour(fill color.Color) color.Color {
	// 0.55 rather than 0.5: white on mid-tones reads better than black.
	if luminance(fill) > 0.55 {
		return color.NRGBA{A: 0xff}
	}
	return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
}

// luminance is the brightness of c from 0 to 1, with the usual weights of
// red, green and blue (gamma ignored: only used to pick light or dark).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return (0.2126*float64(n.R) + 0.7152*float64(n.G) + 0.0722*float64(n.B)) / 255
}
