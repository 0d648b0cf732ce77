package sync

import (
	"errors"
	"fmt"
	"io/fs"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/sync/bundle"
)

// Reason codes: stable and language-free; translations/errors.go maps each
// to a sentence (as data.ValidationError codes).
const (
	// Why a file in the folder was ignored (never read).
	ReasonSystemFile     = "sync.ignored.system"   // desktop.ini, .DS_Store…
	ReasonEngineTemp     = "sync.ignored.temp"     // a sync engine's (or our) file being written
	ReasonEngineConflict = "sync.ignored.conflict" // a sync engine's conflict copy
	ReasonCopy           = "sync.ignored.copy"     // "name (1).bundle"
	ReasonUnknownFile    = "sync.ignored.unknown"  // anything else

	// Why a bundle was left for a later sync (retried when the file changes,
	// or every time for an unreadable one).
	ReasonTruncated  = "sync.file.truncated"  // half-written or half-synced
	ReasonUnreadable = "sync.file.unreadable" // permission denied or an I/O error
	ReasonNotBundle  = "sync.file.not_bundle" // garbage under a bundle's name
	ReasonNewer      = "sync.file.newer"      // a newer format: update ILSA Coach
	ReasonEncrypted  = "sync.file.encrypted"  // an envelope this version cannot open
	ReasonDamaged    = "sync.file.damaged"    // checksum, count, range or record wrong

	// Why a bundle was quarantined (not trusted as what its place says).
	ReasonNameMismatch     = "sync.file.name_mismatch" // name or directory disagree with the content
	ReasonSameKeyOtherHash = data.ReasonSameKeyOtherHash

	// Why this device's own files were not written (Result.NotWritten):
	// the sync imported what it could and goes on.
	ReasonChangesNotWritten = "sync.write.changes" // its bundle
	ReasonDeviceNotWritten  = "sync.write.device"  // its device.json

	// Errors that stop a sync.
	CodeFolderMissing    = "sync.folder.missing"
	CodeFolderNotDir     = "sync.folder.not_dir"
	CodeFolderUnreadable = "sync.folder.unreadable"
	CodeFolderEmptied    = "sync.folder.emptied"
	CodeFolderUnwritable = "sync.folder.unwritable"
)

// Reasons lists every reason and error code (tests check each is translated).
var Reasons = []string{ReasonSystemFile, ReasonEngineTemp, ReasonEngineConflict, ReasonCopy, ReasonUnknownFile,
	ReasonTruncated, ReasonUnreadable, ReasonNotBundle, ReasonNewer, ReasonEncrypted, ReasonDamaged,
	ReasonNameMismatch, ReasonSameKeyOtherHash, ReasonChangesNotWritten, ReasonDeviceNotWritten,
	CodeFolderMissing, CodeFolderNotDir, CodeFolderUnreadable, CodeFolderEmptied, CodeFolderUnwritable}

// Error stops a sync: the folder is missing, unreadable or wiped. Nothing
// was deleted. (A failure to write into the folder, CodeFolderUnwritable,
// does not stop a sync: Sync reports it in Result.NotWritten.) It unwraps to a *data.ValidationError (field "folder", the
// code, the path as Path) so translations.Localizer.Error reads it out.
type Error struct {
	Code string
	Path string
	Err  error // the underlying cause, if any
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("sync: %s: %s: %v", e.Code, e.Path, e.Err)
	}
	return fmt.Sprintf("sync: %s: %s", e.Code, e.Path)
}

// Unwrap gives the translatable problem and the cause.
func (e *Error) Unwrap() []error {
	v := &data.ValidationError{Field: "folder", Code: e.Code, Params: map[string]any{"Path": e.Path}}
	if e.Err == nil {
		return []error{v}
	}
	return []error{v, e.Err}
}

// fileReason turns a failure to read or import a bundle into a reason code.
func fileReason(err error) string {
	switch bundle.CodeOf(err) {
	case bundle.CodeTruncated:
		return ReasonTruncated
	case bundle.CodeMagic:
		return ReasonNotBundle
	case bundle.CodeVersion:
		return ReasonNewer
	case bundle.CodeEnvelope:
		return ReasonEncrypted
	case "":
		if errors.Is(err, fs.ErrPermission) {
			return ReasonUnreadable
		}
		return ReasonUnreadable
	}
	return ReasonDamaged
}

// retryAlways says whether a failed file is read again at every sync even
// when it has not changed (a permission may be fixed; content does not heal).
func retryAlways(reason string) bool { return reason == ReasonUnreadable }
