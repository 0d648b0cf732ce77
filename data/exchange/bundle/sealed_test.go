package bundle

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"io"
	"testing"

	"filippo.io/age"

	"eu.ilsa.coach/ilsa/data/changelog"
)

type teamKey struct {
	id     *age.X25519Identity
	signer ed25519.PrivateKey
}

func newTeamKey(t testing.TB) teamKey {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	return teamKey{id, priv}
}

func (k teamKey) seal() Seal {
	return Seal{Team: "team-a", KeyGen: 1, Recipient: k.id.Recipient(), Signer: k.signer}
}

func (k teamKey) keys(h Header) (age.Identity, error) { return k.id, nil }

func encodeSealed(t testing.TB, h Header, cs []changelog.Change, s Seal) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewSealedWriter(&buf, h, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if err := w.Write(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readSealed(b []byte, keys Keys) (Header, []changelog.Change, error) {
	r, err := Open(bytes.NewReader(b), keys)
	if err != nil {
		return Header{}, nil, err
	}
	var out []changelog.Change
	for {
		c, err := r.Next()
		if err == io.EOF {
			return r.Header(), out, nil
		}
		if err != nil {
			return r.Header(), out, err
		}
		out = append(out, c)
	}
}

func TestSealedBundleRoundTripsAndHidesTheValues(t *testing.T) {
	k := newTeamKey(t)
	cs := sampleChanges("dev-a", 1, 3000)
	b := encodeSealed(t, logHeader("dev-a", 1, 3000), cs, k.seal())
	if bytes.Contains(b, []byte("värde 17")) {
		t.Fatal("a value is readable in the encrypted file")
	}
	h, got, err := readSealed(b, k.keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cs) || got[2999] != cs[2999] || h.Team != "team-a" || h.KeyGen != 1 {
		t.Fatalf("read %d changes, header %+v", len(got), h)
	}
	// A reader without keys (an older program, or Verify) refuses it as before.
	if _, _, err := readAll(b); !errors.Is(err, ErrEnvelope) {
		t.Fatalf("plain reader: %v", err)
	}
}

func TestSealedBundleCutAnywhereOrAlteredIsRefused(t *testing.T) {
	k := newTeamKey(t)
	b := encodeSealed(t, logHeader("dev-a", 1, 200), sampleChanges("dev-a", 1, 200), k.seal())
	for n := 0; n < len(b); n += 1 + n/40 {
		if _, _, err := readSealed(b[:n], k.keys); err == nil {
			t.Fatalf("cut at %d of %d: read as sound", n, len(b))
		}
	}
	for _, at := range []int{len(b) / 2, len(b) - trailerSize - 1, len(b) - trailerSize, len(b) - 1} {
		bad := bytes.Clone(b)
		bad[at] ^= 0x40
		if _, _, err := readSealed(bad, k.keys); err == nil {
			t.Fatalf("byte %d of %d altered: read as sound", at, len(b))
		}
	}
	if _, _, err := readSealed(append(bytes.Clone(b), 0), k.keys); err == nil {
		t.Fatal("a byte after the signature: read as sound")
	}
}

func TestSealedBundleOfAnotherTeamOrForgedSignerIsRefused(t *testing.T) {
	mine, theirs := newTeamKey(t), newTeamKey(t)
	b := encodeSealed(t, logHeader("dev-a", 1, 10), sampleChanges("dev-a", 1, 10), theirs.seal())
	if _, _, err := readSealed(b, mine.keys); !errors.Is(err, ErrOtherTeam) {
		t.Fatalf("encrypted to another team's key: %v", err)
	}
	noKey := func(Header) (age.Identity, error) { return nil, Errorf(CodeNoKey, "not joined") }
	if _, _, err := readSealed(b, noKey); !errors.Is(err, ErrNoKey) {
		t.Fatalf("not joined: %v", err)
	}
	// A forger who knows the team key but not the device's signing key:
	// the header names the device's public key, the signature is the forger's.
	forged := mine.seal()
	forged.Signer = theirs.signer
	b = encodeSealed(t, logHeader("dev-a", 1, 10), sampleChanges("dev-a", 1, 10), forged)
	b = bytes.Replace(b, []byte(EncodeKey(theirs.signer.Public().(ed25519.PublicKey))), []byte(EncodeKey(mine.signer.Public().(ed25519.PublicKey))), 1)
	// The header is covered by the checksum: recompute it so only the
	// signature is wrong.
	b = resum(b)
	if _, got, err := readSealed(b, mine.keys); !errors.Is(err, ErrSignature) {
		t.Fatalf("forged signature: %v (%d changes read)", err, len(got))
	}
}

// resum rewrites an encrypted bundle's checksum after a test altered it.
func resum(b []byte) []byte {
	body := b[:len(b)-trailerSize]
	sum := sha256.Sum256(body)
	out := append(bytes.Clone(body), sum[:]...)
	return append(out, b[len(b)-ed25519.SignatureSize:]...)
}

func TestPlainHeaderWithASignerIsRefused(t *testing.T) {
	h := logHeader("dev-a", 1, 1)
	h.Signer = "x"
	if _, err := NewWriter(io.Discard, h); !errors.Is(err, ErrHeader) {
		t.Fatalf("plain header with a signer: %v", err)
	}
}

// FuzzSealedReader feeds the reader of encrypted bundles arbitrary bytes
// around a sound one: it must never panic, fail only with typed errors
// (I/O aside), and accept only the bundle exactly as written.
func FuzzSealedReader(f *testing.F) {
	k := newTeamKey(f)
	good := encodeSealed(f, logHeader("d", 1, 4), sampleChanges("d", 1, 4), k.seal())
	f.Add(good)
	f.Add(good[:len(good)-1])
	f.Add(good[:len(good)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		_, got, err := readSealed(b, k.keys)
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if !bytes.Equal(b, good) || len(got) != 4 {
			t.Fatalf("accepted %d bytes that are not the bundle written", len(b))
		}
	})
}
