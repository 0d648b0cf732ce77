package exchange

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"

	"github.com/mattn/go-sqlite3"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
	"eu.ilsa.coach/ilsa/data/internal/regular"
)

// Reason codes: stable and language-free; translations/errors.go maps each
// to a sentence (as domain.ValidationError codes).
const (
	// Why a file in the folder was ignored (never read).
	ReasonSystemFile     = "sync.ignored.system"   // desktop.ini, .DS_Store…
	ReasonEngineTemp     = "sync.ignored.temp"     // a sync engine's (or our) file being written
	ReasonEngineConflict = "sync.ignored.conflict" // a sync engine's conflict copy
	ReasonCopy           = "sync.ignored.copy"     // "name (1).bundle"
	ReasonUnknownFile    = "sync.ignored.unknown"  // anything else

	// Why a bundle was left for a later sync (retried when the file changes,
	// or every time for an unreadable one).
	ReasonTruncated  = "sync.file.truncated"   // half-written or half-synced
	ReasonUnreadable = "sync.file.unreadable"  // permission denied or an I/O error
	ReasonNotBundle  = "sync.file.not_bundle"  // garbage under a bundle's name
	ReasonNewer      = "sync.file.newer"       // a newer format: update ILSA Coach
	ReasonEncrypted  = "sync.file.encrypted"   // an envelope this version cannot open
	ReasonNoTeamKey  = "sync.file.no_team_key" // encrypted for the team, and this device has not joined it
	ReasonNewerKey   = "sync.file.newer_key"   // encrypted with a team key newer than this device holds
	ReasonOtherTeam  = "sync.file.other_team"  // encrypted for another team (or a key the team never had)
	ReasonDamaged    = "sync.file.damaged"     // checksum, count, range or record wrong
	ReasonNotRegular = "sync.file.not_regular" // a pipe, device or socket under a bundle's name: never opened
	ReasonRefused    = "sync.file.refused"     // sound, but the database refused a change in it

	// Why a bundle was quarantined (not trusted as what its place says, or
	// not to be read again until it changes).
	ReasonTooLarge         = "sync.file.too_large"     // a value, a change or the payload over the limits
	ReasonSeqLimit         = "sync.file.seq_limit"     // sequence numbers no device can reach
	ReasonNameMismatch     = "sync.file.name_mismatch" // name or directory disagree with the content
	ReasonSameKeyOtherHash = changelog.ReasonSameKeyOtherHash
	ReasonBadSignature     = "sync.file.bad_signature"  // the signature does not match the key the header names
	ReasonSignerChanged    = "sync.file.signer_changed" // signed with another key than the device was first seen with
	ReasonUnsigned         = "sync.file.unsigned"       // plain, from a device that signs its bundles

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
	ReasonNotRegular, ReasonRefused, ReasonTooLarge, ReasonSeqLimit, ReasonNameMismatch, ReasonSameKeyOtherHash,
	ReasonNoTeamKey, ReasonNewerKey, ReasonOtherTeam, ReasonBadSignature, ReasonSignerChanged, ReasonUnsigned,
	ReasonChangesNotWritten, ReasonDeviceNotWritten,
	CodeFolderMissing, CodeFolderNotDir, CodeFolderUnreadable, CodeFolderEmptied, CodeFolderUnwritable}

// Error stops a sync: the folder is missing, unreadable or wiped. Nothing
// was deleted. (A failure to write into the folder, CodeFolderUnwritable,
// does not stop a sync: Sync reports it in Result.NotWritten.) It unwraps to a *domain.ValidationError (field "folder", the
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
	v := &domain.ValidationError{Field: "folder", Code: e.Code, Params: map[string]any{"Path": e.Path}}
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
	case bundle.CodeTooLarge:
		return ReasonTooLarge
	case bundle.CodeSeqLimit:
		return ReasonSeqLimit
	case bundle.CodeNoKey:
		return ReasonNoTeamKey
	case bundle.CodeNewerKey:
		return ReasonNewerKey
	case bundle.CodeOtherTeam:
		return ReasonOtherTeam
	case bundle.CodeSignature:
		return ReasonBadSignature
	case "":
		var r *refusedError
		var seq *changelog.SeqRangeError
		switch {
		case errors.As(err, &seq):
			return ReasonSeqLimit
		case errors.Is(err, regular.ErrNotRegular):
			return ReasonNotRegular
		case errors.As(err, &r):
			return ReasonRefused
		}
		return ReasonUnreadable
	}
	return ReasonDamaged
}

// failedAction is how a file that failed for reason is reported: one that
// breaks the limits is quarantined (a hostile or broken writer; it is not
// read again until it changes), the others are left for a later sync.
func failedAction(reason string) string {
	switch reason {
	case ReasonTooLarge, ReasonSeqLimit, ReasonBadSignature, ReasonSignerChanged, ReasonUnsigned:
		return ActionQuarantined
	}
	return ActionPending
}

// refusedError is a sound bundle whose import the database refused because
// of what is in it (a value too big for it, a constraint): the file is
// recorded as failed like a damaged one, and the other files go on.
type refusedError struct{ err error }

func (e *refusedError) Error() string { return "a change could not be applied: " + e.err.Error() }
func (e *refusedError) Unwrap() error { return e.err }

// fileFault says whether an error from importing a bundle comes from the
// bundle rather than from this computer. A full disk, an I/O error, a locked
// or damaged database or a cancelled context stop the sync (recording good
// files as failed would skip them until they change); anything else the
// import refused is the file's, so it is recorded and the sync goes on.
func fileFault(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, sql.ErrConnDone) || errors.Is(err, sql.ErrTxDone) || errors.Is(err, driver.ErrBadConn) {
		return false
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrTooBig, sqlite3.ErrConstraint, sqlite3.ErrMismatch, sqlite3.ErrRange, sqlite3.ErrError:
			return true
		}
		return false // busy, locked, full, I/O, corrupt, read-only, out of memory…
	}
	var pe *fs.PathError
	return !errors.As(err, &pe)
}

// retryAlways says whether a failed file is read again at every sync even
// when it has not changed: a permission may be fixed, and the device may
// have joined the team or got its newer key since (failing costs a header
// read then); content does not heal.
func retryAlways(reason string) bool {
	switch reason {
	case ReasonUnreadable, ReasonNoTeamKey, ReasonNewerKey, ReasonOtherTeam:
		return true
	}
	return false
}
