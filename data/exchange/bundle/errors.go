package bundle

import (
	"errors"
	"fmt"
)

// Code names what is wrong with a bundle in a stable, language-free way;
// data/exchange turns it into a reason the user reads.
type Code string

// The problems a reader recognises.
const (
	CodeTruncated Code = "truncated"     // the file ends early: half-written or half-synced
	CodeMagic     Code = "magic"         // not a bundle at all
	CodeVersion   Code = "version"       // a newer format than this program reads
	CodeEnvelope  Code = "envelope"      // an envelope (encryption) this program cannot open
	CodeHeader    Code = "header"        // the header is malformed
	CodeCorrupt   Code = "corrupt"       // the payload does not decode
	CodeChecksum  Code = "checksum"      // the trailing checksum does not match
	CodeCount     Code = "count"         // fewer or more changes than the header says
	CodeSeqRange  Code = "seq_range"     // a change outside the header's device or sequence range
	CodeTrailing  Code = "trailing_data" // bytes after the checksum
	CodeTooLarge  Code = "too_large"     // a value, a change or the payload over its limit (format.go)
	CodeSeqLimit  Code = "seq_limit"     // a sequence number beyond changelog.MaxSeq

	// Encrypted bundles (EnvelopeAge).
	CodeNoKey     Code = "no_key"     // encrypted, and this device has not joined a team
	CodeNewerKey  Code = "newer_key"  // encrypted to a newer generation of the team key than this device holds
	CodeOtherTeam Code = "other_team" // encrypted to another team's key
	CodeSignature Code = "signature"  // the signature does not match the signer its header names
)

// Error is a bundle that fails validation. Compare with errors.Is against the
// Err… values, which match on the code.
type Error struct {
	Code   Code
	Detail string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return "bundle: " + string(e.Code)
	}
	return "bundle: " + string(e.Code) + ": " + e.Detail
}

// Is matches any *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Sentinels for errors.Is.
var (
	ErrTruncated = &Error{Code: CodeTruncated}
	ErrMagic     = &Error{Code: CodeMagic}
	ErrVersion   = &Error{Code: CodeVersion}
	ErrEnvelope  = &Error{Code: CodeEnvelope}
	ErrHeader    = &Error{Code: CodeHeader}
	ErrCorrupt   = &Error{Code: CodeCorrupt}
	ErrChecksum  = &Error{Code: CodeChecksum}
	ErrCount     = &Error{Code: CodeCount}
	ErrSeqRange  = &Error{Code: CodeSeqRange}
	ErrTrailing  = &Error{Code: CodeTrailing}
	ErrTooLarge  = &Error{Code: CodeTooLarge}
	ErrSeqLimit  = &Error{Code: CodeSeqLimit}
	ErrNoKey     = &Error{Code: CodeNoKey}
	ErrNewerKey  = &Error{Code: CodeNewerKey}
	ErrOtherTeam = &Error{Code: CodeOtherTeam}
	ErrSignature = &Error{Code: CodeSignature}
)

// Errorf makes an *Error (a Keys function reports with it).
func Errorf(c Code, format string, args ...any) *Error { return errorf(c, format, args...) }

func errorf(c Code, format string, args ...any) *Error {
	return &Error{Code: c, Detail: fmt.Sprintf(format, args...)}
}

// CodeOf returns the code of a bundle error, "" for other errors (I/O).
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
