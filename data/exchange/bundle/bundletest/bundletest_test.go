package bundletest

import (
	"bytes"
	"errors"
	"testing"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/exchange/bundle"
)

// TestWriteIsTheFormat: what Write writes from a sound description is a
// bundle the reader accepts, with the same checksum; a lying end count is not.
func TestWriteIsTheFormat(t *testing.T) {
	cs := []changelog.Change{
		{Device: "d", Seq: 7, HLC: 5, Entity: "organisation", ID: "o1", Field: "name", Value: `"Ås AB"`},
		{Device: "d", Seq: 8, HLC: 6, Base: 5, Entity: "organisation", ID: "o1", Field: "notes", Value: `"x"`},
	}
	var buf bytes.Buffer
	sum, err := Write(&buf, Raw{Header: LogHeader("d", 7, 2), Changes: Changes(cs...)})
	if err != nil {
		t.Fatal(err)
	}
	h, got, err := bundle.Verify(bytes.NewReader(buf.Bytes()))
	if err != nil || got != sum || h.Count != 2 {
		t.Fatalf("%+v %s %v", h, got, err)
	}
	three := uint64(3)
	buf.Reset()
	Write(&buf, Raw{Header: LogHeader("d", 7, 2), Changes: Changes(cs...), EndCount: &three})
	if _, _, err := bundle.Verify(bytes.NewReader(buf.Bytes())); !errors.Is(err, bundle.ErrCount) {
		t.Fatalf("lying end count: %v", err)
	}
}
