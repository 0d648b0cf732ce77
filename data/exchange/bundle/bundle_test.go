package bundle

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

func sampleChanges(dev string, first uint64, n int) []changelog.Change {
	out := make([]changelog.Change, n)
	for i := range out {
		out[i] = changelog.Change{Device: dev, Seq: first + uint64(i), HLC: hlc.Timestamp(1000 + i), Base: hlc.Timestamp(i),
			Entity: domain.EntityOrganisation, ID: fmt.Sprintf("org-%d", i/3), Field: []string{"name", "notes", "tags"}[i%3],
			Value: fmt.Sprintf(`"värde %d"`, i)}
	}
	return out
}

func logHeader(dev string, first uint64, n int) Header {
	return Header{Format: Version, Kind: KindLog, Device: dev, FirstSeq: first, LastSeq: first + uint64(n) - 1, Count: uint64(n),
		Created: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), App: "test"}
}

func encode(t testing.TB, h Header, cs []changelog.Change) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, h)
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
	return buf.Bytes(), w.Sum()
}

func readAll(b []byte) (Header, []changelog.Change, error) {
	r, err := NewReader(bytes.NewReader(b))
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

func TestRoundTrip(t *testing.T) {
	cs := sampleChanges("dev-a", 41, 1000)
	cs[7].Value = string(bytes.Repeat([]byte("lång text "), 20000)) // longer than one buffer
	b, sum := encode(t, logHeader("dev-a", 41, 1000), cs)
	h, got, err := readAll(b)
	if err != nil {
		t.Fatal(err)
	}
	if h.Device != "dev-a" || h.FirstSeq != 41 || h.LastSeq != 1040 || h.Count != 1000 || h.Format != Version {
		t.Fatalf("header %+v", h)
	}
	if len(got) != len(cs) {
		t.Fatalf("read %d changes", len(got))
	}
	for i := range cs {
		if got[i] != cs[i] {
			t.Fatalf("change %d: %+v want %+v", i, got[i], cs[i])
		}
	}
	if fmt.Sprintf("%x", sha256.Sum256(b[:len(b)-SumSize])) != sum || !bytes.Equal(b[len(b)-SumSize:], mustHex(sum)) {
		t.Fatal("trailer is not sha256 of everything before it")
	}
}

func mustHex(s string) []byte {
	var b []byte
	fmt.Sscanf(s, "%x", &b)
	return b
}

func TestExportBundleHoldsManyDevices(t *testing.T) {
	cs := append(sampleChanges("a", 1, 3), sampleChanges("b", 5, 2)...)
	b, _ := encode(t, Header{Kind: KindExport, Device: "b", Count: 5}, cs)
	if _, got, err := readAll(b); err != nil || len(got) != 5 {
		t.Fatalf("%d %v", len(got), err)
	}
	// Out of order is refused by the writer.
	w, _ := NewWriter(io.Discard, Header{Kind: KindExport, Device: "b", Count: 2})
	w.Write(cs[1])
	if err := w.Write(cs[0]); !errors.Is(err, ErrSeqRange) {
		t.Fatalf("out of order: %v", err)
	}
}

func TestWriterRefusesWrongCounts(t *testing.T) {
	w, _ := NewWriter(io.Discard, logHeader("d", 1, 2))
	w.Write(sampleChanges("d", 1, 1)[0])
	if err := w.Close(); !errors.Is(err, ErrCount) {
		t.Fatalf("short: %v", err)
	}
	if _, err := NewWriter(io.Discard, Header{Kind: KindLog, Device: "d", FirstSeq: 3, LastSeq: 4, Count: 5}); !errors.Is(err, ErrSeqRange) {
		t.Fatalf("inconsistent header: %v", err)
	}
	w, _ = NewWriter(io.Discard, logHeader("d", 1, 2))
	if err := w.Write(sampleChanges("d", 2, 1)[0]); !errors.Is(err, ErrSeqRange) {
		t.Fatalf("gap: %v", err)
	}
}

// rawBundle builds a bundle without the writer's checks, to give the reader
// what a broken or hostile writer would.
func rawBundle(h Header, version, envelope byte, cs []changelog.Change, endCount uint64) []byte {
	var buf bytes.Buffer
	hj, _ := json.Marshal(h)
	buf.WriteString(Magic)
	buf.WriteByte(version)
	buf.WriteByte(envelope)
	binary.Write(&buf, binary.BigEndian, uint32(len(hj)))
	buf.Write(hj)
	fw, _ := flate.NewWriter(&buf, flate.BestSpeed)
	var p []byte
	str := func(s string) { p = binary.AppendUvarint(p, uint64(len(s))); p = append(p, s...) }
	for _, c := range cs {
		p = append(p, tagChange)
		str(c.Device)
		p = binary.AppendUvarint(p, c.Seq)
		p = binary.AppendUvarint(p, uint64(c.HLC))
		p = binary.AppendUvarint(p, uint64(c.Base))
		str(c.Entity)
		str(c.ID)
		str(c.Field)
		str(c.Value)
	}
	p = append(p, tagEnd)
	p = binary.AppendUvarint(p, endCount)
	fw.Write(p)
	fw.Close()
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])
	return buf.Bytes()
}

func TestReaderRejectsEachBadCase(t *testing.T) {
	cs := sampleChanges("d", 10, 5)
	good := rawBundle(logHeader("d", 10, 5), Version, EnvelopePlain, cs, 5)
	if _, _, err := readAll(good); err != nil {
		t.Fatalf("raw bundle: %v", err)
	}
	flip := func(i int) []byte { b := bytes.Clone(good); b[i] ^= 0x40; return b }
	skipped := append(append([]changelog.Change{}, cs[:2]...), cs[3:]...)
	other := append([]changelog.Change{}, cs...)
	other[4].Device = "e"
	wrongDev := rawBundle(logHeader("d", 10, 5), Version, EnvelopePlain, other, 5)
	for _, tc := range []struct {
		name string
		b    []byte
		want error
	}{
		{"empty", nil, ErrTruncated},
		{"magic only", []byte(Magic[:5]), ErrTruncated},
		{"garbage", []byte("<html>not a bundle at all</html>"), ErrMagic},
		{"newer version", rawBundle(logHeader("d", 10, 5), 2, EnvelopePlain, cs, 5), ErrVersion},
		{"encrypted", rawBundle(logHeader("d", 10, 5), Version, EnvelopeAge, cs, 5), ErrEnvelope},
		{"header lies about count", rawBundle(Header{Format: 1, Kind: KindLog, Device: "d", FirstSeq: 10, LastSeq: 15, Count: 6}, Version, 0, cs, 5), ErrCount},
		{"end record count", rawBundle(logHeader("d", 10, 5), Version, 0, cs, 4), ErrCount},
		{"gap in seqs", rawBundle(logHeader("d", 10, 4), Version, 0, skipped, 4), ErrSeqRange},
		{"other device", wrongDev, ErrSeqRange},
		{"header without device", rawBundle(Header{Format: 1, Kind: "log"}, Version, 0, cs, 5), ErrHeader},
		{"trailing data", append(bytes.Clone(good), 'x'), ErrTrailing},
		{"checksum flipped", flip(len(good) - 1), ErrChecksum},
		{"header flipped", flip(len(Magic) + 8), ErrHeader},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAll(tc.b)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// TestTruncatedAtEveryLength: a half-written file is never accepted, and it
// is recognised as truncated (left for later), not as garbage.
func TestTruncatedAtEveryLength(t *testing.T) {
	good, _ := encode(t, logHeader("d", 1, 50), sampleChanges("d", 1, 50))
	for n := 0; n < len(good); n++ {
		_, _, err := readAll(good[:n])
		if err == nil {
			t.Fatalf("prefix of %d/%d bytes accepted", n, len(good))
		}
		if c := CodeOf(err); c != CodeTruncated && c != CodeChecksum && c != CodeCorrupt {
			t.Fatalf("prefix %d: %v", n, err)
		}
	}
}

// TestCorruptionIsNeverAccepted flips every byte in turn.
func TestCorruptionIsNeverAccepted(t *testing.T) {
	good, _ := encode(t, logHeader("d", 1, 20), sampleChanges("d", 1, 20))
	for i := range good {
		b := bytes.Clone(good)
		b[i] ^= 0x01
		if _, _, err := readAll(b); err == nil {
			t.Fatalf("flipped byte %d accepted", i)
		}
	}
}
