// Package translations holds the message files (en, sv, nb) of ILSA Coach and
// the localizer that both the command line and the desktop app use: one key
// set, complete in all three languages, plus Norwegian for Fyne's own strings.
package translations

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed en.json sv.json nb.json
var files embed.FS

// FyneFiles holds translations of Fyne's own strings (OK, Cancel, weekdays,
// file dialogs), named by locale: all of them for Norwegian Bokmål, which
// Fyne does not ship, and the few Swedish ones we word otherwise (Fyne's
// "Spara Fil" title, its "(Överordnad)" that does not fit under an icon).
//
//go:embed fyne/*.json
var FyneFiles embed.FS

// Languages are the languages ILSA Coach speaks, in menu order.
var Languages = []string{"sv", "nb", "en"}

// Default is the fallback language.
const Default = "en"

var bundle = func() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range []string{"en", "sv", "nb"} {
		data, err := files.ReadFile(l + ".json")
		if err != nil {
			panic(err)
		}
		if _, err := b.ParseMessageFileBytes(data, l+".json"); err != nil {
			panic(fmt.Sprintf("translations/%s.json: %v", l, err))
		}
	}
	return b
}()

// File returns one message file as stored (for handing to Fyne).
func File(lang string) []byte {
	b, _ := files.ReadFile(Normalise(lang) + ".json")
	return b
}

// Localizer turns keys into text in one language.
type Localizer struct {
	lang string
	loc  *i18n.Localizer
}

// New returns a localizer for lang ("sv", "nb", "en", or a locale such as
// "nb_NO.UTF-8"); anything unknown falls back to English.
func New(lang string) *Localizer {
	l := Normalise(lang)
	return &Localizer{lang: l, loc: i18n.NewLocalizer(bundle, l)}
}

// Lang is the language code in use: "sv", "nb" or "en".
func (l *Localizer) Lang() string { return l.lang }

// Normalise maps a language or locale name to one of Languages, or Default.
// Norwegian without a script ("no", "nn") is served in Bokmål.
func Normalise(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "sv":
		return "sv"
	case "nb", "no", "nn":
		return "nb"
	case "en":
		return "en"
	}
	return Default
}

// Supported reports whether s names one of our languages exactly.
func Supported(s string) bool {
	for _, l := range Languages {
		if s == l {
			return true
		}
	}
	return false
}

// FromEnvironment picks the language the way a POSIX program does, from
// getenv (os.Getenv, or a test's): LANGUAGE (a colon-separated preference
// list), LC_ALL, LC_MESSAGES, LANG. "C" and "POSIX" mean English.
func FromEnvironment(getenv func(string) string) string {
	if v := getenv("LANGUAGE"); v != "" {
		for _, p := range strings.Split(v, ":") {
			if n := Normalise(p); n != Default || strings.HasPrefix(strings.ToLower(p), "en") {
				return n
			}
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return Normalise(v)
		}
	}
	return Default
}

// T translates key, filling {{.Name}} placeholders from data (key, value pairs).
// A missing key returns the key itself, which the key test catches.
func (l *Localizer) T(key string, data ...any) string {
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: pairs(data)})
	if err != nil {
		return key
	}
	return s
}

// N translates a key with plural forms ("one", "other") for count; count is
// also available to the message as {{.Count}}.
func (l *Localizer) N(key string, count int, data ...any) string {
	td := pairs(data)
	td["Count"] = count
	s, err := l.loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: count, TemplateData: td})
	if err != nil {
		return key
	}
	return s
}

func pairs(data []any) map[string]any {
	m := make(map[string]any, len(data)/2+1)
	for i := 0; i+1 < len(data); i += 2 {
		m[fmt.Sprint(data[i])] = data[i+1]
	}
	return m
}

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Date formats a date the way each reader expects: sv 2026-11-27,
// nb 27.11.2026, en 27 Nov 2026.
func (l *Localizer) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	switch l.lang {
	case "sv":
		return t.Format("2006-01-02")
	case "nb":
		return t.Format("02.01.2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
}

// DateString formats a stored YYYY-MM-DD date; other text is returned as is.
func (l *Localizer) DateString(s string) string {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return l.Date(t)
}

// ParseDate reads a date typed in this language's form, or in ISO form.
func (l *Localizer) ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	layouts := []string{"2006-01-02"}
	switch l.lang {
	case "nb":
		layouts = append(layouts, "02.01.2006", "2.1.2006")
	case "en":
		layouts = append(layouts, "2 Jan 2006", "02 Jan 2006", "2 January 2006")
	}
	for _, lay := range layouts {
		if t, err := time.Parse(lay, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// Percent writes a percentage as each reader expects: "49%" in English,
// "49 %" in Swedish and Norwegian (with a no-break space, so the sign never
// wraps onto a line of its own).
func (l *Localizer) Percent(n int) string {
	if l.lang == "en" {
		return l.Number(n) + "%"
	}
	return l.Number(n) + "\u00a0%"
}

// Number formats a whole number with the reader's digit grouping:
// sv and nb use a space (12 345), en a comma (12,345).
func (l *Localizer) Number(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if l.lang != "en" {
		sep = "\u00a0" // no-break space: the group never wraps
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}
