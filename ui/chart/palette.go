package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The series colours after the first (which is the theme's primary colour),
// chosen to be told apart with the common colour-vision deficiencies
// (after Okabe and Ito) and to keep contrast with the background: darker on
// light, lighter on dark. Nine series are the most a screen shows (nine
// dimensions); beyond that they repeat.
var (
	paletteLight = []color.NRGBA{
		{R: 0xd5, G: 0x6b, B: 0x00, A: 0xff}, // orange
		{R: 0x00, G: 0x8a, B: 0x64, A: 0xff}, // green
		{R: 0xb8, G: 0x4c, B: 0x8f, A: 0xff}, // purple-pink
		{R: 0x6a, G: 0x5a, B: 0xcd, A: 0xff}, // violet
		{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}, // red
		{R: 0x00, G: 0x8b, B: 0xa3, A: 0xff}, // teal
		{R: 0x8a, G: 0x6d, B: 0x2f, A: 0xff}, // brown
		{R: 0x5f, G: 0x6b, B: 0x7a, A: 0xff}, // slate
	}
	paletteDark = []color.NRGBA{
		{R: 0xf0, G: 0xa2, B: 0x3c, A: 0xff},
		{R: 0x3c, G: 0xc8, B: 0x96, A: 0xff},
		{R: 0xe3, G: 0x80, B: 0xbe, A: 0xff},
		{R: 0xa8, G: 0x9b, B: 0xf5, A: 0xff},
		{R: 0xf0, G: 0x6e, B: 0x60, A: 0xff},
		{R: 0x4c, G: 0xc4, B: 0xdb, A: 0xff},
		{R: 0xc9, G: 0xa8, B: 0x62, A: 0xff},
		{R: 0xa9, G: 0xb4, B: 0xc2, A: 0xff},
	}
)

// SeriesColour is the colour a chart gives series i when the caller gives
// none, in theme th and variant v. Screens that show a chart's colours
// elsewhere (a table beside it) use it to match.
func SeriesColour(th fyne.Theme, v fyne.ThemeVariant, i int) color.Color {
	if i <= 0 {
		return th.Color(theme.ColorNamePrimary, v)
	}
	p := paletteLight
	if v == theme.VariantDark {
		p = paletteDark
	}
	return p[(i-1)%len(p)]
}

// colourOf is c, or the palette's colour for series i when c is nil.
func (s style) colourOf(th fyne.Theme, c color.Color, i int) color.Color {
	if c != nil {
		return c
	}
	return SeriesColour(th, s.variant, i)
}
