// Package bundletest writes bundle files byte by byte, without the checks of
// bundle.Writer, for tests that hand a reader what a broken or hostile
// writer would: oversized values, lying counts, wrong devices, a payload
// that inflates to gigabytes. The checksum is computed as a real writer
// would, so the reader cannot refuse the file for that alone. It is a second
// implementation of the format in docs/sync.md and is used by tests only.
package bundletest

import (
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"iter"
	"slices"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// Raw is a bundle to write exactly as given.
type Raw struct {
	Header bundle.Header // written as JSON as it is (Format too)
	// Version and Envelope are the preamble bytes; Version 0 means bundle.Version.
	Version, Envelope byte
	// Changes are the change records. Values are streamed, so a test can
	// write a bundle far larger than its memory.
	Changes iter.Seq[changelog.Change]
	// EndCount is the count of the end record; nil: the number of changes.
	EndCount *uint64
	// Trailing bytes follow the checksum.
	Trailing []byte
}

// Changes is a convenience for Raw.Changes.
func Changes(cs ...changelog.Change) iter.Seq[changelog.Change] { return slices.Values(cs) }

// Write writes r to w and returns the checksum (hex), as the file name of a
// log bundle uses it.
func Write(w io.Writer, r Raw) (string, error) {
	sum := sha256.New()
	out := io.MultiWriter(w, sum)
	hj, err := json.Marshal(r.Header)
	if err != nil {
		return "", err
	}
	v := r.Version
	if v == 0 {
		v = bundle.Version
	}
	pre := append([]byte(bundle.Magic), v, r.Envelope)
	pre = binary.BigEndian.AppendUint32(pre, uint32(len(hj)))
	if _, err := out.Write(append(pre, hj...)); err != nil {
		return "", err
	}
	fw, _ := flate.NewWriter(out, flate.BestSpeed)
	var n uint64
	var p []byte
	str := func(s string) { p = binary.AppendUvarint(p, uint64(len(s))) }
	if r.Changes != nil {
		for c := range r.Changes {
			// Everything but the value goes through p; the value is written
			// straight into the compressor.
			p = append(p[:0], 1)
			str(c.Device)
			p = append(p, c.Device...)
			p = binary.AppendUvarint(p, c.Seq)
			p = binary.AppendUvarint(p, uint64(c.HLC))
			p = binary.AppendUvarint(p, uint64(c.Base))
			for _, s := range []string{c.Entity, c.ID, c.Field} {
				str(s)
				p = append(p, s...)
			}
			str(c.Value)
			if _, err := fw.Write(p); err != nil {
				return "", err
			}
			if _, err := io.WriteString(fw, c.Value); err != nil {
				return "", err
			}
			n++
		}
	}
	if r.EndCount != nil {
		n = *r.EndCount
	}
	p = binary.AppendUvarint(append(p[:0], 0), n)
	if _, err := fw.Write(p); err != nil {
		return "", err
	}
	if err := fw.Close(); err != nil {
		return "", err
	}
	digest := sum.Sum(nil)
	if _, err := w.Write(append(digest, r.Trailing...)); err != nil {
		return "", err
	}
	return hex.EncodeToString(digest), nil
}

// LogHeader is the header of a sound log bundle of count changes of device
// from first.
func LogHeader(device string, first, count uint64) bundle.Header {
	return bundle.Header{Format: bundle.Version, Kind: bundle.KindLog, Device: device, FirstSeq: first,
		LastSeq: first + count - 1, Count: count}
}
