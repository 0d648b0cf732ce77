package exchange

import "path/filepath"

// CheckFolder reports whether folder can be used as the shared folder now:
// it exists, is a folder and can be read. The Sync screen uses it to say
// whether the folder is reachable before syncing.
func CheckFolder(folder string) error {
	abs, err := filepath.Abs(folder)
	if err != nil {
		return &Error{Code: CodeFolderMissing, Path: folder, Err: err}
	}
	return checkFolder(abs)
}
