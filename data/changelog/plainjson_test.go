package changelog

import (
	"encoding/json"
	"testing"
)

// The fast decoders of the apply path give exactly what json.Unmarshal gives,
// or decline.
func TestPlainJSONDecodersAgreeWithEncodingJSON(t *testing.T) {
	strs := []string{`""`, `"a"`, `"Företag 1 AB"`, `"a\"b"`, `"a\\b"`, `"\u00e5"`, "\"\xff\"", "\"tab\there\"",
		` "x"`, `"x" `, `"`, `x`, `"ok"x"`, `"日本"`, "\"\xe2\x82\"", `null`, `12`}
	for _, raw := range strs {
		var want string
		werr := json.Unmarshal([]byte(raw), &want)
		got, ok := plainJSONString(raw)
		if ok && (werr != nil || got != want) {
			t.Errorf("string %q: fast %q, json %q %v", raw, got, want, werr)
		}
	}
	ints := []string{`0`, `12`, `-3`, `-0`, `007`, `1e3`, `1.0`, `9223372036854775807`, `9223372036854775808`,
		`-9223372036854775808`, `-`, ``, ` 1`, `"1"`, `+1`}
	for _, raw := range ints {
		var want int64
		werr := json.Unmarshal([]byte(raw), &want)
		got, ok := plainJSONInt(raw)
		if ok && (werr != nil || got != want) {
			t.Errorf("int %q: fast %d, json %d %v", raw, got, want, werr)
		}
		if !ok && werr == nil && raw != ` 1` {
			t.Errorf("int %q: fast declined a plain integer", raw)
		}
	}
}

func FuzzPlainJSON(f *testing.F) {
	f.Add(`"Företag"`)
	f.Add(`-12`)
	f.Fuzz(func(t *testing.T, raw string) {
		if got, ok := plainJSONString(raw); ok {
			var want string
			if err := json.Unmarshal([]byte(raw), &want); err != nil || got != want {
				t.Fatalf("string %q: fast %q, json %q %v", raw, got, want, err)
			}
		}
		if got, ok := plainJSONInt(raw); ok {
			var want int64
			if err := json.Unmarshal([]byte(raw), &want); err != nil || got != want {
				t.Fatalf("int %q: fast %d, json %d %v", raw, got, want, err)
			}
		}
	})
}
