package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// AppID is the application id; Fyne keeps the app's files under it.
const AppID = "eu.ilsa.coach"

// DefaultDataDir is where the database lives when neither --data nor
// ILSA_DATA says otherwise; see defaultDataDir.
func DefaultDataDir() (string, error) {
	return defaultDataDir(runtime.GOOS, os.Getenv, os.UserConfigDir)
}

// defaultDataDir is the folder Fyne keeps this app's files in
// (os.UserConfigDir()/fyne/<app id>), except on Windows: there it is the
// local application-data folder (%LOCALAPPDATA%\ILSA Coach). The roaming
// one that os.UserConfigDir gives is copied between machines at log-on and
// log-off and is often redirected to a network share by municipal IT, and
// Documents is moved into OneDrive on many of the advisors' laptops; a
// SQLite database in WAL mode must stay on a local disk, on one machine.
func defaultDataDir(goos string, getenv func(string) string, configDir func() (string, error)) (string, error) {
	if goos == "windows" {
		if local := getenv("LOCALAPPDATA"); local != "" {
			return filepath.Join(local, "ILSA Coach"), nil
		}
	}
	cfg, err := configDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cfg, "fyne", AppID), nil
}

// SyncedFolderError refuses a data directory inside a folder that a sync
// engine keeps: SQLite's WAL must not be copied half-written between machines.
type SyncedFolderError struct {
	Dir    string // the data directory asked for
	Root   string // the synced folder it sits in
	Engine string // "Syncthing", "Dropbox", …
}

func (e *SyncedFolderError) Error() string {
	return fmt.Sprintf("data directory %s is inside a folder synced by %s (%s)", e.Dir, e.Engine, e.Root)
}

// MessageKey lets the translations package put it in the user's language.
func (e *SyncedFolderError) MessageKey() (string, []any) {
	return "error.datadir.synced", []any{"Dir", e.Dir, "Engine", e.Engine, "Root", e.Root}
}

// NotADirError says the data path exists but is a file.
type NotADirError struct{ Path string }

func (e *NotADirError) Error() string { return e.Path + " is not a directory" }

// MessageKey implements translations.Keyed.
func (e *NotADirError) MessageKey() (string, []any) {
	return "error.datadir.not_dir", []any{"Dir", e.Path}
}

// syncMarkers are files or folders that sync clients leave at the root of
// the folders they keep.
var syncMarkers = []struct{ name, engine string }{
	{".stfolder", "Syncthing"},
	{".stignore", "Syncthing"},
	{".dropbox", "Dropbox"},
	{".dropbox.cache", "Dropbox"},
	{".nextcloudsync.log", "Nextcloud"},
	{".owncloudsync.log", "ownCloud"},
	{".sync_journal.db", "Nextcloud"},
}

// detectSyncedFolder walks from dir up to the file-system root looking for a
// sync engine's marker, a Nextcloud/ownCloud journal (.sync_*.db), or a
// OneDrive folder (the OneDrive environment variables, or a folder named
// "OneDrive" / "OneDrive - Company").
func detectSyncedFolder(dir string) (root, engine string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	oneDrive := []string{}
	for _, k := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
		if v := os.Getenv(k); v != "" {
			oneDrive = append(oneDrive, filepath.Clean(v))
		}
	}
	for d := abs; ; d = filepath.Dir(d) {
		for _, m := range syncMarkers {
			if _, err := os.Lstat(filepath.Join(d, m.name)); err == nil {
				return d, m.engine
			}
		}
		if matches, _ := filepath.Glob(filepath.Join(d, "._sync_*.db")); len(matches) > 0 {
			return d, "Nextcloud"
		}
		if matches, _ := filepath.Glob(filepath.Join(d, ".sync_*.db")); len(matches) > 0 {
			return d, "Nextcloud"
		}
		base := filepath.Base(d)
		if base == "OneDrive" || strings.HasPrefix(base, "OneDrive - ") {
			return d, "OneDrive"
		}
		for _, od := range oneDrive {
			if d == od {
				return d, "OneDrive"
			}
		}
		if filepath.Dir(d) == d {
			return "", ""
		}
	}
}

// PrepareDataDir checks and creates the data directory.
func PrepareDataDir(dir string) error {
	if root, engine := detectSyncedFolder(dir); engine != "" {
		return &SyncedFolderError{Dir: dir, Root: root, Engine: engine}
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return &NotADirError{Path: dir}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return os.MkdirAll(dir, 0o700)
}
