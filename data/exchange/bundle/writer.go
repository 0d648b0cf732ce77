package bundle

import (
	"bufio"
	"compress/flate"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"

	"filippo.io/age"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Writer streams one bundle: NewWriter writes the header, Write each change,
// Close the end record and the checksum. Nothing is held but buffers.
type Writer struct {
	h      Header
	out    io.Writer // the destination, through the checksum
	sum    hash.Hash
	fw     *flate.Writer
	bw     *bufio.Writer
	n      uint64
	last   changelog.Change
	scr    [binary.MaxVarintLen64]byte
	err    error
	digest []byte
	seal   *Seal
	age    io.WriteCloser // EnvelopeAge: the encrypting stream under the compressor
	raw    io.Writer      // the destination itself, for the trailer
}

// hashWriter feeds everything written to the destination into the checksum.
type hashWriter struct {
	w io.Writer
	h hash.Hash
}

func (hw hashWriter) Write(p []byte) (int, error) {
	n, err := hw.w.Write(p)
	hw.h.Write(p[:n])
	return n, err
}

// NewWriter writes the preamble and header of a plain bundle to w. h.Count
// must be the number of changes that will be written (the reader checks it
// before the end).
func NewWriter(w io.Writer, h Header) (*Writer, error) { return newWriter(w, h, nil) }

// NewSealedWriter writes an encrypted, signed bundle (EnvelopeAge).
func NewSealedWriter(w io.Writer, h Header, s Seal) (*Writer, error) {
	h.Team, h.KeyGen, h.Signer = s.Team, s.KeyGen, EncodeKey(s.Signer.Public().(ed25519.PublicKey))
	return newWriter(w, h, &s)
}

func newWriter(w io.Writer, h Header, seal *Seal) (*Writer, error) {
	h.Format = Version
	env := EnvelopePlain
	if seal != nil {
		env = EnvelopeAge
	}
	if err := h.validate(); err != nil {
		return nil, err
	}
	if err := h.validateEnvelope(env); err != nil {
		return nil, err
	}
	hj, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	bw := &Writer{h: h, sum: sha256.New(), seal: seal, raw: w}
	bw.out = hashWriter{w, bw.sum}
	pre := make([]byte, 0, len(Magic)+6+len(hj))
	pre = append(pre, Magic...)
	pre = append(pre, Version, env)
	pre = binary.BigEndian.AppendUint32(pre, uint32(len(hj)))
	pre = append(pre, hj...)
	if _, err := bw.out.Write(pre); err != nil {
		return nil, err
	}
	// BestSpeed: a sync must not keep an advisor waiting on compression;
	// field changes are repetitive text and compress well even so.
	var payload io.Writer = bw.out
	if seal != nil {
		if bw.age, err = age.Encrypt(bw.out, seal.Recipient); err != nil {
			return nil, err
		}
		payload = bw.age
	}
	bw.fw, _ = flate.NewWriter(payload, flate.BestSpeed)
	bw.bw = bufio.NewWriterSize(bw.fw, 64<<10)
	return bw, nil
}

// Write appends one change. For a log bundle it must be the header device's
// next sequence number; for an export, (device, seq) must ascend.
func (w *Writer) Write(c changelog.Change) error {
	if w.err != nil {
		return w.err
	}
	if err := w.check(c); err != nil {
		w.err = err
		return err
	}
	w.bw.WriteByte(tagChange)
	w.str(c.Device)
	w.uvarint(c.Seq)
	w.uvarint(uint64(c.HLC))
	w.uvarint(uint64(c.Base))
	w.str(c.Entity)
	w.str(c.ID)
	w.str(c.Field)
	_, err := w.str(c.Value)
	w.n++
	w.last = c
	if err != nil {
		w.err = err
	}
	return err
}

func (w *Writer) check(c changelog.Change) error {
	// What a reader would refuse is not written (format.go, limits).
	if len(c.Value) > MaxValue || max(len(c.Device), len(c.Entity), len(c.ID), len(c.Field)) > MaxKey ||
		len(c.Device)+len(c.Entity)+len(c.ID)+len(c.Field)+len(c.Value) > MaxChange {
		return errorf(CodeTooLarge, "change %s/%d over the size limits", c.Device, c.Seq)
	}
	return w.h.checkNext(w.n, w.last, c)
}

func ascending(a, b changelog.Change) bool {
	if a.Device != b.Device {
		return a.Device < b.Device
	}
	return a.Seq < b.Seq
}

func (w *Writer) uvarint(v uint64) {
	n := binary.PutUvarint(w.scr[:], v)
	w.bw.Write(w.scr[:n])
}

func (w *Writer) str(s string) (int, error) {
	w.uvarint(uint64(len(s)))
	return w.bw.WriteString(s)
}

// Close writes the end record and the checksum. It fails when fewer changes
// were written than the header announced.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if w.n != w.h.Count {
		w.err = errorf(CodeCount, "wrote %d of %d changes", w.n, w.h.Count)
		return w.err
	}
	w.bw.WriteByte(tagEnd)
	w.uvarint(w.n)
	err := errors.Join(w.bw.Flush(), w.fw.Close())
	if err == nil && w.age != nil {
		err = w.age.Close()
	}
	if err != nil {
		w.err = err
		return err
	}
	w.digest = w.sum.Sum(nil)
	// The checksum itself is not part of what it covers; an encrypted
	// bundle's signature signs it.
	trailer := w.digest
	if w.seal != nil {
		trailer = append(trailer[:len(trailer):len(trailer)], ed25519.Sign(w.seal.Signer, signedMessage(w.digest))...)
	}
	if _, err := w.raw.Write(trailer); err != nil {
		w.err = err
		return err
	}
	w.err = errors.New("bundle: writer closed")
	return nil
}

// Sum is the bundle's checksum in hex, valid after Close.
func (w *Writer) Sum() string { return hex.EncodeToString(w.digest) }

// Header is the header written.
func (w *Writer) Header() Header { return w.h }
