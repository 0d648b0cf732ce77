package bundle

import (
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Fixed parts of the format (docs/sync.md, "Bundle format v1").
const (
	// Magic opens every bundle file.
	Magic = "ILSABNDL"
	// Version is the format version this package writes and reads.
	Version = 1
	// SumSize is the size of the trailing SHA-256 checksum.
	SumSize = 32
	// HashPrefixLen is how many hex digits of the checksum a file name carries.
	HashPrefixLen = 16

	// maxHeader bounds the header JSON, so garbage cannot make us allocate.
	maxHeader = 64 << 10
)

// Limits on what a bundle may hold (docs/sync.md, "Limits"). They sit far
// above anything a person can type (the longest text field takes 100 000
// characters, at most 600 KB as JSON) and keep a hostile or broken file from
// costing more than a bounded amount of memory and time: the reader checks
// each length before it reads (or allocates) the bytes, and refuses the
// bundle with CodeTooLarge.
const (
	// MaxValue bounds a change's value (canonical JSON).
	MaxValue = 1 << 20
	// MaxKey bounds each of a change's device, entity, id and field.
	MaxKey = 64 << 10
	// MaxChange bounds the strings of one change record together.
	MaxChange = MaxValue + 64<<10
	// MaxPayload bounds the inflated payload of one bundle: two million
	// changes of a typical kilobyte, whatever the file's compressed size.
	MaxPayload = 2 << 30
)

// Envelope says how the payload is wrapped: plain (compressed), or
// compressed, encrypted with filippo.io/age to a team key and signed by the
// writing device (docs/sync.md, "Encrypted bundles").
const (
	EnvelopePlain byte = 0
	EnvelopeAge   byte = 1
)

// Kinds of bundle.
const (
	// KindLog holds one device's own changes FirstSeq..LastSeq, contiguous,
	// in seq order: what a device writes into its folder directory.
	KindLog = "log"
	// KindExport holds changes of any devices (everything the writer knows),
	// ordered by device then seq: the manual exchange file.
	KindExport = "export"
)

// Record tags inside the payload.
const (
	tagEnd    byte = 0
	tagChange byte = 1
)

// Header is the plain (never compressed, never encrypted) description of a
// bundle, readable without decoding the payload.
type Header struct {
	Format   int       `json:"format"`
	Kind     string    `json:"kind"`
	Device   string    `json:"device"`
	FirstSeq uint64    `json:"first_seq"`
	LastSeq  uint64    `json:"last_seq"`
	Count    uint64    `json:"count"`
	Created  time.Time `json:"created"`
	App      string    `json:"app,omitempty"`
	// Team, KeyGen and Signer are set exactly in encrypted bundles: the team
	// and key generation the payload is encrypted to, and the writing
	// device's public signing key (EncodeKey).
	Team   string `json:"team,omitempty"`
	KeyGen int    `json:"key_gen,omitempty"`
	Signer string `json:"signer,omitempty"`
}

// MaxSeq is the largest sequence number a bundle may carry: changelog.MaxSeq.
const MaxSeq = changelog.MaxSeq

// validate checks the header's own consistency.
func (h Header) validate() error {
	if h.Format != Version {
		return errorf(CodeVersion, "header format %d", h.Format)
	}
	if h.Device == "" {
		return errorf(CodeHeader, "no device")
	}
	switch h.Kind {
	case KindLog:
		if h.Count == 0 || h.FirstSeq == 0 || h.LastSeq < h.FirstSeq || h.LastSeq-h.FirstSeq+1 != h.Count {
			return errorf(CodeSeqRange, "log bundle %d..%d with %d changes", h.FirstSeq, h.LastSeq, h.Count)
		}
		if h.LastSeq > MaxSeq {
			return errorf(CodeSeqLimit, "log bundle %d..%d beyond %d", h.FirstSeq, h.LastSeq, uint64(MaxSeq))
		}
	case KindExport:
		if h.FirstSeq != 0 || h.LastSeq != 0 {
			return errorf(CodeSeqRange, "export bundle with a seq range")
		}
	default:
		return errorf(CodeHeader, "unknown kind %q", h.Kind)
	}
	return nil
}

// validateEnvelope checks that the header names a team, a key generation
// and a signer exactly when the payload is encrypted.
func (h Header) validateEnvelope(env byte) error {
	switch env {
	case EnvelopePlain:
		if h.Team != "" || h.KeyGen != 0 || h.Signer != "" {
			return errorf(CodeHeader, "team or signer in a plain bundle")
		}
	case EnvelopeAge:
		if _, ok := DecodeKey(h.Signer); !ok || h.Team == "" || h.KeyGen < 1 {
			return errorf(CodeHeader, "an encrypted bundle without its team, key generation or signer")
		}
	default:
		return errorf(CodeEnvelope, "envelope %d", env)
	}
	return nil
}

// checkNext checks change c as the n-th (from 0) of a bundle with header h,
// after last: the reader refuses, and the writer never writes, a change
// beyond the count, without its names, numbered past MaxSeq, or out of the
// header's device, range or order.
func (h Header) checkNext(n uint64, last, c changelog.Change) error {
	if n >= h.Count {
		return errorf(CodeCount, "more than %d changes", h.Count)
	}
	if c.Device == "" || c.Seq == 0 || c.ID == "" || c.Entity == "" || c.Field == "" {
		return errorf(CodeCorrupt, "change %d lacks device, seq, entity, id or field", n+1)
	}
	if c.Seq > MaxSeq {
		return errorf(CodeSeqLimit, "change %s/%d beyond %d", c.Device, c.Seq, uint64(MaxSeq))
	}
	if h.Kind == KindLog {
		if c.Device != h.Device || c.Seq != h.FirstSeq+n {
			return errorf(CodeSeqRange, "change %s/%d where %s/%d belongs", c.Device, c.Seq, h.Device, h.FirstSeq+n)
		}
	} else if n > 0 && !ascending(last, c) {
		return errorf(CodeSeqRange, "change %s/%d out of order", c.Device, c.Seq)
	}
	return nil
}
