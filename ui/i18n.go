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
// added, so we set the environment and (re)add our files: all of Norwegian
// (Fyne ships Swedish and English but no Bokmål) and a few Swedish words
// that replace Fyne's own (added after Fyne's, so ours win).
func applyFyneLanguage(l string) {
	loc := fyneLocales[l]
	if loc == "" {
		loc = fyneLocales["en"]
	}
	_ = os.Setenv("LANGUAGE", l)
	_ = os.Setenv("LC_ALL", loc)
	for _, name := range []string{"nb", "sv"} {
		b, err := translations.FyneFiles.ReadFile("fyne/" + name + ".json")
		if err == nil {
			err = lang.AddTranslationsForLocale(b, fyne.Locale(name))
		}
		if err != nil {
			fyne.LogError("strings for Fyne in "+name, err)
		}
	}
}
