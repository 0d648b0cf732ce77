package data

import (
	"slices"
	"testing"
)

// The fast path must read exactly what the JSON decoder reads.
func TestParseIDList(t *testing.T) {
	for in, want := range map[string][]string{
		``: nil, `[]`: nil, `["a"]`: {"a"}, `["a","b-c"]`: {"a", "b-c"},
		`["x\"y","z"]`: {`x"y`, "z"}, `[ "a" , "b" ]`: {"a", "b"},
	} {
		got, err := parseIDList([]byte(in))
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("parseIDList(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := parseIDList([]byte(`[1,2]`)); err == nil {
		t.Error("a list of numbers was accepted")
	}
}

func TestDateNumber(t *testing.T) {
	if dateNumber("2026-03-01") != 20260301 || dateNumber("2025-12-31") >= dateNumber("2026-01-01") {
		t.Error("dates do not sort as numbers")
	}
}
