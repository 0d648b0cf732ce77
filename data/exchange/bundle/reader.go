package bundle

import (
	"bufio"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// Reader streams the changes of one bundle and validates everything on the
// way: header, every record, the count, the sequence range, and at the end
// the checksum. Next returns io.EOF only when the whole file has proved
// sound, so a caller that applies changes inside a transaction and commits
// on io.EOF never applies a damaged bundle in part.
type Reader struct {
	h      Header
	src    *hashingReader
	dec    *bufio.Reader
	n      uint64
	last   changelog.Change
	done   bool
	err    error
	digest []byte
	intern map[string]string
	rec    uint64 // bytes of the strings of the change being read, against MaxChange
	env    byte
	tail   *tailReader   // EnvelopeAge: the file after the header, less the trailer
	plain  *bufio.Reader // EnvelopeAge: the decrypted DEFLATE stream
}

// maxPayload is MaxPayload; a variable so that tests need not inflate 2 GiB.
var maxPayload int64 = MaxPayload

// payloadLimit ends the inflated payload at maxPayload bytes, so a small file
// that inflates to gigabytes (a decompression bomb) is refused once it has
// cost that much time, and never any memory. It sits below the buffered
// reader: one comparison per 64 KiB read, none per change.
type payloadLimit struct {
	r    io.Reader
	left int64
}

func (l *payloadLimit) Read(p []byte) (int, error) {
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1] // one byte more than allowed tells "over" from "exactly at"
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return 0, errorf(CodeTooLarge, "payload over %d bytes", maxPayload)
	}
	return n, err
}

// hashingReader hashes exactly the bytes consumed from the file. It is an
// io.ByteReader so the flate decompressor never reads past the end of the
// compressed stream, which is where the trailing checksum begins.
type hashingReader struct {
	br   *bufio.Reader
	h    hash.Hash
	pend []byte
}

func (r *hashingReader) ReadByte() (byte, error) {
	b, err := r.br.ReadByte()
	if err == nil {
		r.pend = append(r.pend, b)
		if len(r.pend) == cap(r.pend) {
			r.flush()
		}
	}
	return b, err
}

func (r *hashingReader) Read(p []byte) (int, error) {
	r.flush()
	n, err := r.br.Read(p)
	r.h.Write(p[:n])
	return n, err
}

func (r *hashingReader) flush() {
	r.h.Write(r.pend)
	r.pend = r.pend[:0]
}

// NewReader reads and checks the preamble and header of a plain bundle (an
// encrypted one is refused with CodeEnvelope).
func NewReader(r io.Reader) (*Reader, error) { return Open(r, nil) }

// Open reads and checks the preamble and header; for an encrypted bundle
// keys gives the identity to decrypt it with (nil: encrypted bundles are
// refused with CodeEnvelope).
func Open(r io.Reader, keys Keys) (*Reader, error) {
	src := &hashingReader{br: bufio.NewReaderSize(r, 64<<10), h: sha256.New(), pend: make([]byte, 0, 4096)}
	pre := make([]byte, len(Magic)+6)
	if n, err := io.ReadFull(src, pre); err != nil {
		// A short file that starts like a bundle is one still being
		// written or synced; anything else is not a bundle at all.
		if got := pre[:min(n, len(Magic))]; !bytes.HasPrefix([]byte(Magic), got) {
			return nil, errorf(CodeMagic, "not a bundle")
		}
		return nil, truncated(err)
	}
	if string(pre[:len(Magic)]) != Magic {
		return nil, errorf(CodeMagic, "not a bundle")
	}
	if v := pre[len(Magic)]; v != Version {
		return nil, errorf(CodeVersion, "format %d, this program reads %d", v, Version)
	}
	env := pre[len(Magic)+1]
	if env != EnvelopePlain && env != EnvelopeAge {
		return nil, errorf(CodeEnvelope, "envelope %d", env)
	}
	hl := binary.BigEndian.Uint32(pre[len(Magic)+2:])
	if hl == 0 || hl > maxHeader {
		return nil, errorf(CodeHeader, "header of %d bytes", hl)
	}
	hj := make([]byte, hl)
	if _, err := io.ReadFull(src, hj); err != nil {
		return nil, truncated(err)
	}
	var h Header
	dec := json.NewDecoder(bytes.NewReader(hj))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		return nil, errorf(CodeHeader, "%v", err)
	}
	if err := h.validate(); err != nil {
		return nil, err
	}
	if env == EnvelopeAge && keys == nil {
		return nil, errorf(CodeEnvelope, "an encrypted bundle and no keys")
	}
	if err := h.validateEnvelope(env); err != nil {
		return nil, err
	}
	rd := &Reader{h: h, src: src, env: env, intern: map[string]string{}}
	var payload io.Reader = src
	if env == EnvelopeAge {
		var err error
		if payload, err = rd.openAge(src, keys); err != nil {
			return nil, err
		}
	}
	rd.dec = bufio.NewReaderSize(&payloadLimit{r: flate.NewReader(payload), left: maxPayload}, 64<<10)
	return rd, nil
}

// Envelope is the bundle's envelope byte.
func (r *Reader) Envelope() byte { return r.env }

// Header is the bundle's header.
func (r *Reader) Header() Header { return r.h }

// Sum is the checksum in hex, known once Next returned io.EOF.
func (r *Reader) Sum() string { return hex.EncodeToString(r.digest) }

// Next returns the next change, or io.EOF when the bundle ended and proved
// sound, or an *Error (or an I/O error) — after which it keeps failing.
func (r *Reader) Next() (changelog.Change, error) {
	if r.err != nil {
		return changelog.Change{}, r.err
	}
	c, err := r.next()
	if err != nil {
		r.err = err
	}
	return c, err
}

func (r *Reader) next() (changelog.Change, error) {
	if r.done {
		return changelog.Change{}, io.EOF
	}
	tag, err := r.dec.ReadByte()
	if err != nil {
		return changelog.Change{}, payloadErr(err)
	}
	switch tag {
	case tagEnd:
		return changelog.Change{}, r.end()
	case tagChange:
	default:
		return changelog.Change{}, errorf(CodeCorrupt, "record tag %d", tag)
	}
	var c changelog.Change
	var h, b uint64
	r.rec = 0
	if c.Device, err = r.str(true, MaxKey); err == nil {
		if c.Seq, err = r.uvarint(); err == nil {
			if h, err = r.uvarint(); err == nil {
				if b, err = r.uvarint(); err == nil {
					if c.Entity, err = r.str(true, MaxKey); err == nil {
						if c.ID, err = r.str(false, MaxKey); err == nil {
							if c.Field, err = r.str(true, MaxKey); err == nil {
								c.Value, err = r.str(false, MaxValue)
							}
						}
					}
				}
			}
		}
	}
	if err != nil {
		return changelog.Change{}, err
	}
	c.HLC, c.Base = hlc.Timestamp(h), hlc.Timestamp(b)
	if err := r.check(c); err != nil {
		return changelog.Change{}, err
	}
	r.n++
	r.last = c
	return c, nil
}

func (r *Reader) check(c changelog.Change) error {
	return r.h.checkNext(r.n, r.last, c)
}

// end checks the end record, the end of the compressed stream, the checksum
// and that nothing follows it.
func (r *Reader) end() error {
	n, err := r.uvarint()
	if err != nil {
		return err
	}
	if n != r.n || n != r.h.Count {
		return errorf(CodeCount, "header says %d, end record %d, read %d", r.h.Count, n, r.n)
	}
	if _, err := r.dec.ReadByte(); err == nil {
		return errorf(CodeCorrupt, "data after the end record")
	} else if err != io.EOF {
		return payloadErr(err)
	}
	if r.env == EnvelopeAge {
		if err := r.endAge(); err != nil {
			return err
		}
		r.done = true
		return io.EOF
	}
	r.src.flush()
	r.digest = r.src.h.Sum(nil)
	trailer := make([]byte, SumSize)
	if _, err := io.ReadFull(r.src.br, trailer); err != nil {
		return truncated(err)
	}
	if !bytes.Equal(trailer, r.digest) {
		return errorf(CodeChecksum, "checksum %x, content %x", trailer, r.digest)
	}
	if _, err := r.src.br.ReadByte(); err == nil {
		return errorf(CodeTrailing, "bytes after the checksum")
	} else if err != io.EOF {
		return err
	}
	r.done = true
	return io.EOF
}

func (r *Reader) uvarint() (uint64, error) {
	v, err := binary.ReadUvarint(r.dec)
	if err != nil {
		return 0, payloadErr(err)
	}
	return v, nil
}

// str reads a length-prefixed string of at most limit bytes (and at most
// what is left of MaxChange), checked before anything is read or allocated;
// short repeated strings (device, entity, field names) are interned so a
// million changes do not allocate a million copies of "organisation".
func (r *Reader) str(intern bool, limit uint64) (string, error) {
	n, err := r.uvarint()
	if err != nil {
		return "", err
	}
	if n > limit {
		return "", errorf(CodeTooLarge, "change %d: a string of %d bytes, at most %d allowed", r.n+1, n, limit)
	}
	if r.rec += n; r.rec > MaxChange {
		return "", errorf(CodeTooLarge, "change %d: %d bytes, at most %d allowed", r.n+1, r.rec, MaxChange)
	}
	if n <= 4096 {
		// Short strings (nearly all) are read in place from the buffer.
		b, err := r.dec.Peek(int(n))
		if err != nil {
			return "", payloadErr(err)
		}
		var s string
		if intern && n <= 64 {
			var ok bool
			if s, ok = r.intern[string(b)]; !ok {
				s = string(b)
				if len(r.intern) < 1024 {
					r.intern[s] = s
				}
			}
		} else {
			s = string(b)
		}
		r.dec.Discard(int(n))
		return s, nil
	}
	// A long text: n is bounded above, so one allocation of its size, filled
	// from the buffer in steps, and no copy.
	var sb strings.Builder
	sb.Grow(int(n))
	for left := int(n); left > 0; {
		b, err := r.dec.Peek(min(left, 4096))
		if err != nil {
			return "", payloadErr(err)
		}
		sb.Write(b)
		r.dec.Discard(len(b))
		left -= len(b)
	}
	return sb.String(), nil
}

// payloadErr classifies an error from the decompressed stream.
func payloadErr(err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.As(err, &ce):
		return errorf(CodeCorrupt, "%v", err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return truncated(err)
	case err.Error() == "binary: varint overflows a 64-bit integer":
		return errorf(CodeCorrupt, "%v", err)
	}
	return err
}

func truncated(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errorf(CodeTruncated, "the file ends early")
	}
	return err
}

// Verify reads a whole plain bundle and reports its header and checksum, or
// why it is not sound.
func Verify(r io.Reader) (Header, string, error) { return VerifyWith(r, nil) }

// VerifyWith is Verify, opening encrypted bundles with keys.
func VerifyWith(r io.Reader, keys Keys) (Header, string, error) {
	br, err := Open(r, keys)
	if err != nil {
		return Header{}, "", err
	}
	for {
		if _, err := br.Next(); err == io.EOF {
			return br.h, br.Sum(), nil
		} else if err != nil {
			return br.h, "", err
		}
	}
}
