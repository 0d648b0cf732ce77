package bundle

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader feeds the reader arbitrary bytes: it must never panic, never
// allocate without bound, and either accept a sound bundle whose changes
// obey the header or fail with a typed error.
func FuzzReader(f *testing.F) {
	good, _ := encode(f, logHeader("d", 1, 4), sampleChanges("d", 1, 4))
	f.Add(good)
	f.Add(good[:len(good)/2])
	exp, _ := encode(f, Header{Kind: KindExport, Device: "x", Count: 2}, append(sampleChanges("a", 1, 1), sampleChanges("b", 1, 1)...))
	f.Add(exp)
	f.Add([]byte(Magic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b))
		if err != nil {
			if CodeOf(err) == "" {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		h := r.Header()
		var n uint64
		for {
			c, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var be *Error
				if !errors.As(err, &be) {
					t.Fatalf("untyped error %v", err)
				}
				return
			}
			if h.Kind == KindLog && (c.Device != h.Device || c.Seq != h.FirstSeq+n) {
				t.Fatalf("accepted change %s/%d outside %+v", c.Device, c.Seq, h)
			}
			n++
		}
		if n != h.Count {
			t.Fatalf("accepted %d changes, header says %d", n, h.Count)
		}
	})
}
