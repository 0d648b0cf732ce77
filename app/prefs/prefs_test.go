package prefs

import (
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/exchange"
)

// Every setting reads back what was set, in a real store.
func TestEachSettingRoundTrips(t *testing.T) {
	st, _ := datatest.Open(t)
	p := New(st)

	if p.SyncFolder() != "" || !p.AutoSync() || p.LastSync() != nil || p.Language() != "" || p.Theme() != "" {
		t.Fatalf("a fresh store has settings: %q %v %v %q %q", p.SyncFolder(), p.AutoSync(), p.LastSync(), p.Language(), p.Theme())
	}
	if _, _, ok := p.WindowSize(); ok {
		t.Fatal("a fresh store has a window size")
	}

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(p.SetSyncFolder("/srv/shared/ilsa"))
	must(p.SetAutoSync(false))
	must(p.SetLanguage("nb"))
	must(p.SetTheme("dark"))
	must(p.SetWindowSize(1280, 800))
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	must(p.SetLastSync(exchange.LastSync{At: at, Error: "Mappen finns inte", Imported: 2, Written: 1}))

	p = New(st) // nothing is kept in the value itself
	if got := p.SyncFolder(); got != "/srv/shared/ilsa" {
		t.Errorf("sync folder %q", got)
	}
	if p.AutoSync() {
		t.Error("automatic sync still on")
	}
	if got := p.Language(); got != "nb" {
		t.Errorf("language %q", got)
	}
	if got := p.Theme(); got != "dark" {
		t.Errorf("theme %q", got)
	}
	if w, h, ok := p.WindowSize(); !ok || w != 1280 || h != 800 {
		t.Errorf("window size %d×%d %v", w, h, ok)
	}
	l := p.LastSync()
	if l == nil || !l.At.Equal(at) || l.Error != "Mappen finns inte" || l.Imported != 2 || l.Written != 1 {
		t.Errorf("last sync %+v", l)
	}

	must(p.SetAutoSync(true))
	must(p.SetSyncFolder(""))
	if !p.AutoSync() || p.SyncFolder() != "" {
		t.Errorf("turned back: auto %v, folder %q", p.AutoSync(), p.SyncFolder())
	}
}

// A database written by earlier versions, which stored each setting under
// its key directly, reads the same through the typed settings.
func TestSettingsOfAnEarlierVersionRead(t *testing.T) {
	st, _ := datatest.Open(t)
	old := map[string]string{
		"sync.folder":   "/home/anna/Syncthing/ilsa",
		"sync.auto":     "0",
		"language":      "sv",
		"theme":         "light",
		"window.width":  "1024",
		"window.height": "700",
		"sync.last":     `{"at":"2026-11-26T15:04:00Z","result":{"device":"a1b2c3","written":null,"imported":null,"skipped":0,"conflicts":3,"files":null},"imported":4,"written":1}`,
	}
	for k, v := range old {
		if err := st.SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	p := New(st)
	if p.SyncFolder() != "/home/anna/Syncthing/ilsa" || p.AutoSync() || p.Language() != "sv" || p.Theme() != "light" {
		t.Fatalf("read %q %v %q %q", p.SyncFolder(), p.AutoSync(), p.Language(), p.Theme())
	}
	if w, h, ok := p.WindowSize(); !ok || w != 1024 || h != 700 {
		t.Fatalf("window size %d×%d %v", w, h, ok)
	}
	l := p.LastSync()
	if l == nil || l.At.Format(time.RFC3339) != "2026-11-26T15:04:00Z" || l.Result.Conflicts != 3 || l.Imported != 4 || l.Written != 1 {
		t.Fatalf("last sync %+v", l)
	}
}

// Settings that cannot be read read as never set, so a damaged value never
// keeps the window from opening.
func TestUnreadableSettingsReadAsUnset(t *testing.T) {
	st, _ := datatest.Open(t)
	for k, v := range map[string]string{"sync.last": "{not json", "window.width": "wide", "window.height": "700"} {
		if err := st.SetSetting(k, v); err != nil {
			t.Fatal(err)
		}
	}
	p := New(st)
	if l := p.LastSync(); l != nil {
		t.Errorf("last sync %+v", l)
	}
	if _, _, ok := p.WindowSize(); ok {
		t.Error("a window size from a damaged value")
	}
}
