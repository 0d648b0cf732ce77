package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices in Settings.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// coachTheme is Fyne's default theme with our lake-blue accent and, when the
// user chose one, a fixed light or dark variant; "system" follows the OS.
type coachTheme struct {
	fyne.Theme
	variant *fyne.ThemeVariant
}

var accent = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xa8, A: 0xff}

func (t coachTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		if n == theme.ColorNameFocus {
			return color.NRGBA{R: accent.R, G: accent.G, B: accent.B, A: 0x7f}
		}
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x4d, G: 0xa3, B: 0xe0, A: 0xff}
		}
		return accent
	case theme.ColorNameDisabled:
		// Fyne draws secondary text (low-importance labels: dates, owners,
		// org numbers under a name) in the disabled colour, which is nearly
		// invisible in both variants; this grey keeps a 4.5:1 contrast.
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}
		}
		return color.NRGBA{R: 0x6e, G: 0x6e, B: 0x6e, A: 0xff}
	case theme.ColorNameInputBorder:
		if v != theme.VariantDark {
			return color.NRGBA{R: 0xb4, G: 0xb4, B: 0xb4, A: 0xff}
		}
	}
	return t.Theme.Color(n, v)
}

func (u *UI) applyTheme() {
	choice := u.opt.Prefs.Theme()
	t := coachTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case themeLight:
		v := theme.VariantLight
		t.variant = &v
	case themeDark:
		v := theme.VariantDark
		t.variant = &v
	}
	u.app.Settings().SetTheme(t)
}
