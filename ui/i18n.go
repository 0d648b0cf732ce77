package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"eu.ilsa.coach/ilsa/translations"
)

// fyneLocales are the locale names Fyne's language matcher is given for ours.
var fyneLocales = map[string]string{"sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8", "en": "en_GB.UTF-8"}

// applyFyneLanguage makes Fyne's own strings (OK, Cancel, weekdays, file
// dialogs) follow the language chosen in ILSA Coach rather than the OS.
// Fyne reads the language from the environment whenever translations are
// added, so we set the environment and (re)add our Norwegian file — Fyne
// ships Swedish and English but no Bokmål.
func applyFyneLanguage(l string) {
	loc := fyneLocales[l]
	if loc == "" {
		loc = fyneLocales["en"]
	}
	_ = os.Setenv("LANGUAGE", l)
	_ = os.Setenv("LC_ALL", loc)
	nb, err := translations.FyneFiles.ReadFile("fyne/nb.json")
	if err != nil {
		fyne.LogError("Norwegian strings for Fyne", err)
		return
	}
	if err := lang.AddTranslationsForLocale(nb, fyne.Locale("nb")); err != nil {
		fyne.LogError("Norwegian strings for Fyne", err)
	}
}
