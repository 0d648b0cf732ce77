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
	}
	return t.Theme.Color(n, v)
}

func (u *UI) applyTheme() {
	choice, _ := u.store.Setting(settingTheme)
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

// errorColor is the colour of problems shown beside fields.
func errorColor() color.Color {
	return theme.Color(theme.ColorNameError)
}
