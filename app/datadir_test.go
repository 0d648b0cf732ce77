package app

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// On Windows the database goes to the local application-data folder, never
// to the roaming one (copied between machines, often a network share) nor
// to Documents (moved into OneDrive on many municipal laptops).
func TestWindowsKeepsTheDatabaseInLocalAppData(t *testing.T) {
	env := map[string]string{
		"LOCALAPPDATA": `C:\Users\anna\AppData\Local`,
		"APPDATA":      `C:\Users\anna\AppData\Roaming`,
		"USERPROFILE":  `C:\Users\anna`,
	}
	roaming := func() (string, error) { return env["APPDATA"], nil }
	got, err := defaultDataDir("windows", func(k string) string { return env[k] }, roaming)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(env["LOCALAPPDATA"], "ILSA Coach"); got != want {
		t.Errorf("Windows data folder = %q, want %q", got, want)
	}

	// Elsewhere it is the folder Fyne keeps the app's files in.
	got, err = defaultDataDir("linux", func(string) string { return "" }, func() (string, error) { return "/home/anna/.config", nil })
	if err != nil || got != filepath.Join("/home/anna/.config", "fyne", AppID) {
		t.Errorf("Linux data folder = %q, %v", got, err)
	}
	// Without a home there is no default: the error says so.
	if _, err := defaultDataDir("linux", func(string) string { return "" }, func() (string, error) { return "", errors.New("no home") }); err == nil {
		t.Error("no configuration folder gave a data folder")
	}
}

// The version the program prints is the one the packages are built with.
func TestVersionMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Errorf("app.Version = %q, FyneApp.toml says %q: change both", Version, m[1])
	}
}
