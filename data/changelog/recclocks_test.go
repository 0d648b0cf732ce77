package changelog

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/hlc"
)

func TestPackedClocksRoundTrip(t *testing.T) {
	long := strings.Repeat("d", 200) // a device id longer than one varint byte
	in := []fieldClock{
		{field: "name", hlc: 1 << 40, device: "dev-a", seq: 1, base: 0},
		{field: "notes", hlc: 1<<40 + 1, device: "dev-a", seq: 2, base: 1 << 40},
		{field: "orgnr", hlc: 1<<63 + 5, device: long, seq: 1<<64 - 1, base: 7},
		{field: "kind", hlc: 3, device: "dev-a", seq: 9, base: 2},
	}
	blob := appendClocks(nil, in)
	out, err := decodeClocks(blob, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("%d entries, want %d", len(out), len(in))
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("entry %d: %+v, want %+v", i, out[i], in[i])
		}
	}
	if _, err := decodeClocks(blob[:len(blob)-1], nil); err == nil {
		t.Error("a cut entry decoded")
	}
	if _, err := decodeClocks([]byte{4, 'n', 'a', 'm', 'e', 0}, nil); err == nil {
		t.Error("an entry without a device decoded")
	}
}

// appendClocksFirstForm encodes clocks as migration 0010 wrote them.
func appendClocksFirstForm(b []byte, clocks []fieldClock) []byte {
	prev := ""
	for _, c := range clocks {
		b = append(b, byte(len(c.field)))
		b = append(b, c.field...)
		if c.device == prev {
			b = append(b, 0)
		} else {
			b = binary.AppendUvarint(b, uint64(len(c.device)))
			b = append(b, c.device...)
			prev = c.device
		}
		b = binary.BigEndian.AppendUint64(b, uint64(c.hlc))
		b = binary.BigEndian.AppendUint64(b, c.seq)
		b = binary.BigEndian.AppendUint64(b, uint64(c.base))
	}
	return b
}

// Clocks written by migration 0010 still read, and what is written now is
// under half their size for a record made in one sitting.
func TestPackedClocksBothForms(t *testing.T) {
	var rec []fieldClock
	for i, f := range []string{"created_at", "name", "orgnr", "country", "municipality", "sector", "kind", "employees", "notes", "tags"} {
		rec = append(rec, fieldClock{field: f, hlc: hlc.Timestamp(1764234000000<<16 + uint64(i)), device: "0190c4c0-0000-7000-8000-00000000bench", seq: 1000 + uint64(i)})
	}
	rec[3].base = rec[3].hlc - 5 // an edit of a value its author had seen
	old := appendClocksFirstForm(nil, rec)
	now := appendClocks(nil, rec)
	for name, blob := range map[string][]byte{"first form": old, "second form": now} {
		out, err := decodeClocks(blob, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(out, rec) {
			t.Errorf("%s: decoded %+v, want %+v", name, out, rec)
		}
	}
	if len(now)*2 > len(old) {
		t.Errorf("second form %d bytes, first %d: want half or less", len(now), len(old))
	}
}

// FuzzPackedClocks: any two entries round-trip, whatever their numbers (the
// differences wrap around), and no blob makes the decoder panic.
func FuzzPackedClocks(f *testing.F) {
	f.Add("name", "dev-a", uint64(1<<40), uint64(1), uint64(0), "notes", "dev-b", uint64(3), uint64(1<<64-1), uint64(1<<63), []byte{0, 4, 'n', 'a', 'm', 'e', 1, 1, 'd', 2, 2, 0})
	f.Fuzz(func(t *testing.T, f1, d1 string, h1, s1, b1 uint64, f2, d2 string, h2, s2, b2 uint64, junk []byte) {
		decodeClocks(junk, nil)
		if f1 == "" || f2 == "" || d1 == "" || d2 == "" || len(f1) > 255 || len(f2) > 255 || f1 == f2 {
			return
		}
		in := []fieldClock{{f1, hlc.Timestamp(h1), d1, s1, hlc.Timestamp(b1)}, {f2, hlc.Timestamp(h2), d2, s2, hlc.Timestamp(b2)}}
		out, err := decodeClocks(appendClocks(nil, in), nil)
		if err != nil || !slices.Equal(out, in) {
			t.Fatalf("decoded %+v, %v; want %+v", out, err, in)
		}
	})
}
