package changelog

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
)

// BundleMeta identifies a bundle being imported: the key sync remembers is
// (Device, FirstSeq, LastSeq, Hash).
type BundleMeta struct {
	Device   string // the device that wrote the bundle
	FirstSeq uint64 // a log bundle's range; 0, 0 for an export
	LastSeq  uint64
	// Hash is the bundle's checksum, hex; "" when it is known only once the
	// bundle is read (applied as it is read, in one pass): then the
	// reader's Sum gives it.
	Hash string
	// HashPrefix, if set, is how the checksum must begin (what the bundle's
	// file name says); a bundle that differs is refused with
	// *ChecksumMismatchError.
	HashPrefix string
	Kind       string // "log" or "export"
	File       string // where it came from, for the record
	Count      uint64 // changes announced, for progress
}

// ChangeReader reads one bundle's changes for ImportChanges: Next until
// io.EOF, then Sum, the checksum of what was read (hex).
type ChangeReader interface {
	Next() (Change, error)
	Sum() string
}

// BundleReadError refuses a bundle whose reader failed (a damaged or
// truncated file): nothing was applied, and the database is fine.
type BundleReadError struct{ Err error }

func (e *BundleReadError) Error() string { return "read bundle: " + e.Err.Error() }
func (e *BundleReadError) Unwrap() error { return e.Err }

// ChecksumMismatchError refuses a bundle whose checksum is not the one its
// name promised: nothing was applied.
type ChecksumMismatchError struct {
	Want string // how the checksum should begin
	Got  string // the checksum
}

func (e *ChecksumMismatchError) Error() string {
	return fmt.Sprintf("bundle checksum %s does not begin with %s", e.Got, e.Want)
}

// ImportResult says what importing one bundle did.
type ImportResult struct {
	ApplyResult
	Read int // changes read from the bundle
	// AlreadyImported: this very bundle was imported before; nothing was done.
	AlreadyImported bool
	// SameKeyOtherHash: a bundle with the same device and range but other
	// content was imported before. The bundle is recorded as quarantined;
	// its changes were still compared one by one, and those that differ
	// were kept as clones, so nothing is lost.
	SameKeyOtherHash bool
	// Rewritten: a bundle with the same device and range was imported
	// before, and this one differs from it only in values an erasure
	// blanked (its author rewrote it, docs/sync.md "Erasure"). Recorded as
	// imported.
	Rewritten bool
	// Clones counts changes whose (device, seq) already named other content:
	// another installation uses the same device id (a cloned laptop). They
	// are kept, and applied, under CloneDevice(device, change).
	Clones int
	// NewDeviceID is set when this installation's own device id turned out
	// to be cloned: it writes under this fresh id from now on.
	NewDeviceID string
}

// Bundle statuses in sync_bundles.
const (
	BundleImported    = "imported"
	BundleWritten     = "written"
	BundleQuarantined = "quarantined"
)

// ReasonSameKeyOtherHash is the quarantine reason recorded for a bundle whose
// key was seen with other content.
const ReasonSameKeyOtherHash = "sync.same_key_other_hash"

// CloneDevice is the device id a clashing change is kept under: the original
// id, "~", and 8 hex digits of the change's content. It depends only on the
// change, so the same clashing change arriving twice (in a bundle and in an
// export) is recognised as one.
//
// OriginalDevice undoes it: the id of the installation a clone's changes
// came from (its directory in the shared folder), or device itself.
func CloneDevice(c Change) string {
	h := sha256.New()
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(c.HLC))
	h.Write(n[:])
	binary.BigEndian.PutUint64(n[:], uint64(c.Base))
	h.Write(n[:])
	for _, s := range []string{c.Entity, c.ID, c.Field, c.Value} {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return c.Device + "~" + hex.EncodeToString(h.Sum(nil)[:4])
}

// OriginalDevice is the device a clone id (CloneDevice) was derived from.
func OriginalDevice(device string) string {
	orig, _, _ := strings.Cut(device, "~")
	return orig
}
