// Package prefs owns this device's settings: every key the app keeps in the
// store's device-local settings, and typed getters and setters over them.
// The window and the CLI both read and write settings only through it, so a
// key is spelt once. It imports no other package of the app (only the
// exchange package, for the last sync's record), so the window's package
// receives it through an interface without importing app.
package prefs

import (
	"encoding/json"
	"strconv"

	"eu.ilsa.coach/ilsa/data/exchange"
)

// The stored keys. They are what earlier versions wrote: changing one would
// lose every existing user's setting.
const (
	keySyncFolder   = "sync.folder"
	keyAutoSync     = "sync.auto" // "0" off; anything else (or nothing) on
	keyLastSync     = "sync.last" // exchange.LastSync as JSON
	keyLanguage     = "language"
	keyTheme        = "theme"
	keyWindowWidth  = "window.width"
	keyWindowHeight = "window.height"
	keyProjectStart = "report.project_start" // YYYY-MM-DD; "" counts from the first visit
)

// Store is where the settings live (data.Store is one): device-local, never
// synced.
type Store interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
}

// Prefs reads and writes the settings of one store. A setting that cannot be
// read reads as its default, as if never set: a broken setting must not
// keep the window from opening.
type Prefs struct{ st Store }

// New gives the settings kept in st.
func New(st Store) Prefs { return Prefs{st} }

func (p Prefs) get(key string) string {
	v, _ := p.st.Setting(key)
	return v
}

// SyncFolder is the shared folder this device syncs with ("" when none).
func (p Prefs) SyncFolder() string { return p.get(keySyncFolder) }

// SetSyncFolder keeps the shared folder ("" forgets it).
func (p Prefs) SetSyncFolder(folder string) error { return p.st.SetSetting(keySyncFolder, folder) }

// AutoSync says whether the window syncs on start and every few minutes
// (on unless turned off).
func (p Prefs) AutoSync() bool { return p.get(keyAutoSync) != "0" }

// SetAutoSync turns the automatic sync on or off.
func (p Prefs) SetAutoSync(on bool) error {
	v := "1"
	if !on {
		v = "0"
	}
	return p.st.SetSetting(keyAutoSync, v)
}

// LastSync is what this device's last sync did, whoever ran it, or nil when
// there was none (or what was kept cannot be read: then the screens show no
// last sync).
func (p Prefs) LastSync() *exchange.LastSync {
	raw := p.get(keyLastSync)
	if raw == "" {
		return nil
	}
	var l exchange.LastSync
	if json.Unmarshal([]byte(raw), &l) != nil {
		return nil
	}
	return &l
}

// SetLastSync remembers l as the last sync.
func (p Prefs) SetLastSync(l exchange.LastSync) error {
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return p.st.SetSetting(keyLastSync, string(b))
}

// Language is the language chosen for the window and the CLI ("" when none
// was; the caller checks it is one the app speaks).
func (p Prefs) Language() string { return p.get(keyLanguage) }

// SetLanguage keeps the chosen language.
func (p Prefs) SetLanguage(lang string) error { return p.st.SetSetting(keyLanguage, lang) }

// Theme is the chosen look ("" or "system" follow the desktop; the window
// names the others).
func (p Prefs) Theme() string { return p.get(keyTheme) }

// SetTheme keeps the chosen look.
func (p Prefs) SetTheme(theme string) error { return p.st.SetSetting(keyTheme, theme) }

// WindowSize is the window's size when it was last closed; ok is false when
// none was kept or what was kept is not a size.
func (p Prefs) WindowSize() (width, height int, ok bool) {
	// Read as a number, not only as an integer: the window always read it so.
	w, errW := strconv.ParseFloat(p.get(keyWindowWidth), 32)
	h, errH := strconv.ParseFloat(p.get(keyWindowHeight), 32)
	if errW != nil || errH != nil {
		return 0, 0, false
	}
	return int(w), int(h), true
}

// SetWindowSize keeps the window's size for the next start.
func (p Prefs) SetWindowSize(width, height int) error {
	if err := p.st.SetSetting(keyWindowWidth, strconv.Itoa(width)); err != nil {
		return err
	}
	return p.st.SetSetting(keyWindowHeight, strconv.Itoa(height))
}

// ProjectStart is the day the funder report's "since project start" figures
// count from ("" when none was set: from the first visit).
func (p Prefs) ProjectStart() string { return p.get(keyProjectStart) }

// SetProjectStart keeps the project's start ("" forgets it).
func (p Prefs) SetProjectStart(date string) error { return p.st.SetSetting(keyProjectStart, date) }
