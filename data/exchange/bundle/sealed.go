package bundle

import (
	"bufio"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"hash"
	"io"
	"io/fs"

	"filippo.io/age"
)

// Seal says how a writer encrypts and signs a bundle (EnvelopeAge): to the
// team key generation KeyGen of team Team, whose age recipient is
// Recipient, signed by the writing device's key Signer.
type Seal struct {
	Team      string
	KeyGen    int
	Recipient age.Recipient
	Signer    ed25519.PrivateKey
}

// Keys gives the identity that opens an encrypted bundle with header h, or
// an *Error saying why there is none (CodeNoKey: this device has not joined
// a team; CodeNewerKey: h names a generation newer than this device holds;
// CodeOtherTeam: h names another team).
type Keys func(h Header) (age.Identity, error)

// trailerSize is what follows the payload of an encrypted bundle: the
// checksum, then the signature of the checksum.
const trailerSize = SumSize + ed25519.SignatureSize

// sigContext starts the message a device signs, so that a signature over a
// bundle's checksum means nothing anywhere else.
const sigContext = "ILSA Coach bundle v1 signature\n"

func signedMessage(digest []byte) []byte { return append([]byte(sigContext), digest...) }

// EncodeKey is how a public signing key is written in headers and
// device.json: standard base64 of its 32 bytes.
func EncodeKey(pub ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(pub) }

// DecodeKey reads EncodeKey's form.
func DecodeKey(s string) (ed25519.PublicKey, bool) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, false
	}
	return ed25519.PublicKey(b), true
}

// tailReader passes on everything its source gives except the last keep
// bytes, which it keeps: an encrypted payload is read up to the trailer
// without knowing the file's length, so the age stream sees its own end.
type tailReader struct {
	r    io.Reader
	buf  []byte
	keep int
	eof  bool
}

func newTailReader(r io.Reader, keep int) *tailReader {
	return &tailReader{r: r, buf: make([]byte, 0, 64<<10+keep), keep: keep}
}

func (t *tailReader) Read(p []byte) (int, error) {
	for !t.eof && len(t.buf) <= t.keep {
		n, err := t.r.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+n]
		if err == io.EOF {
			t.eof = true
		} else if err != nil {
			return 0, err
		}
	}
	avail := len(t.buf) - t.keep
	if avail <= 0 {
		return 0, io.EOF
	}
	n := copy(p, t.buf[:avail])
	t.buf = t.buf[:copy(t.buf, t.buf[n:])]
	return n, nil
}

// rest is the kept tail once the source ended (shorter than keep when the
// file ended early).
func (t *tailReader) rest() []byte { return t.buf }

// hashTee hashes what is read through it.
type hashTee struct {
	r io.Reader
	h hash.Hash
}

func (t hashTee) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.h.Write(p[:n])
	return n, err
}

// ageErrors turns a failure of the age stream into a bundle error: the
// ciphertext was cut short (truncated) or altered (corrupt). A failure to
// read the file itself is passed on as it is.
type ageErrors struct{ r io.Reader }

func (a ageErrors) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if err != nil && err != io.EOF {
		err = ageErr(err)
	}
	return n, err
}

func ageErr(err error) error {
	var pe *fs.PathError
	var be *Error
	switch {
	case errors.As(err, &pe), errors.As(err, &be):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errorf(CodeTruncated, "the encrypted payload ends early")
	}
	return errorf(CodeCorrupt, "encrypted payload: %v", err)
}

// openAge starts decrypting the payload that follows the header; src has
// hashed everything up to here.
func (r *Reader) openAge(src *hashingReader, keys Keys) (io.Reader, error) {
	id, err := keys(r.h)
	if err != nil {
		return nil, err
	}
	src.flush()
	r.tail = newTailReader(src.br, trailerSize)
	plain, err := age.Decrypt(hashTee{r.tail, src.h}, id)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return nil, errorf(CodeOtherTeam, "encrypted to a key the team's generation %d is not", r.h.KeyGen)
		}
		return nil, ageErr(err)
	}
	r.plain = bufio.NewReaderSize(ageErrors{plain}, 64<<10)
	return r.plain, nil
}

// endAge checks, after the end record, that the encrypted stream ends
// there, then the checksum and the signature in the trailer.
func (r *Reader) endAge() error {
	if _, err := r.plain.ReadByte(); err == nil {
		return errorf(CodeCorrupt, "data after the payload")
	} else if err != io.EOF {
		return err
	}
	if n, err := io.Copy(io.Discard, hashTee{r.tail, r.src.h}); err != nil {
		return err
	} else if n > 0 {
		return errorf(CodeCorrupt, "data after the encrypted payload")
	}
	r.digest = r.src.h.Sum(nil)
	trailer := r.tail.rest()
	if len(trailer) < trailerSize {
		return errorf(CodeTruncated, "the file ends early")
	}
	if string(trailer[:SumSize]) != string(r.digest) {
		return errorf(CodeChecksum, "checksum %x, content %x", trailer[:SumSize], r.digest)
	}
	pub, _ := DecodeKey(r.h.Signer) // validate checked it
	if !ed25519.Verify(pub, signedMessage(r.digest), trailer[SumSize:]) {
		return errorf(CodeSignature, "not signed by the key its header names")
	}
	return nil
}
