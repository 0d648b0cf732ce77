package models

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// FuzzParse: Parse never panics; every problem has a code and a line inside
// the file; the line scanner agrees with the toml package; and a model that
// parses, written back out as TOML, parses again to the same model.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		validScale, validCanvas, validChecklist,
		edit(validScale, map[int]string{25: "level = 2", 31: `id = "customer"`, 3: `kind = "canvas"`}),
		edit(validScale, map[int]string{22: `nb = "Kunde to`}),
		"",
		"id = 1\n[[dimensions]]\n[[dimensions.levels]]\nlevel = 1\n",
		"a = [[1, {b = 2}], 3]\n[x.y]\nz = 1\n[x]\nw = {a.b = 1}\n\"q.r\" = '''\n'''\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkLocator(t, data)
		m, err := Parse("fuzz.toml", data)
		if err != nil {
			if m != nil {
				t.Fatal("model and error")
			}
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %T %v", err, err)
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, p := range ps {
				if p.Problem == "" || p.Line < 0 || p.Line > lines || p.File != "fuzz.toml" {
					t.Fatalf("bad problem %+v in %d lines", p, lines)
				}
				if p.message() == p.Problem {
					t.Fatalf("no message for %q", p.Problem)
				}
			}
			return
		}
		out := encode(t, m)
		m2, err := Parse("fuzz.toml", out)
		if err != nil {
			t.Fatalf("a parsed model does not re-validate: %v\n%s", err, out)
		}
		if !sameContent(m, m2) {
			t.Fatalf("round trip changed the model:\n%+v\n%+v", m, m2)
		}
	})
}

// encode writes a model as a model file.
func encode(t *testing.T, m *Model) []byte {
	type text struct {
		SV string `toml:"sv"`
		NB string `toml:"nb"`
		EN string `toml:"en"`
	}
	type level struct {
		Level int    `toml:"level"`
		SV    string `toml:"sv"`
		NB    string `toml:"nb"`
		EN    string `toml:"en"`
	}
	type dimension struct {
		ID          string  `toml:"id"`
		Name        text    `toml:"name"`
		Description text    `toml:"description"`
		Levels      []level `toml:"levels,omitempty"`
	}
	type file struct {
		ID          string      `toml:"id"`
		Version     int         `toml:"version"`
		Kind        string      `toml:"kind"`
		Levels      int         `toml:"levels,omitzero"`
		Source      string      `toml:"source"`
		URL         string      `toml:"url,omitempty"`
		Name        text        `toml:"name"`
		Description text        `toml:"description"`
		Dimensions  []dimension `toml:"dimensions"`
	}
	tx := func(x Text) text { return text{x.SV, x.NB, x.EN} }
	f := file{ID: m.ID, Version: m.Version, Kind: string(m.Kind), Levels: m.Levels, Source: m.Source, URL: m.URL,
		Name: tx(m.Name), Description: tx(m.Description)}
	for _, d := range m.Dimensions {
		fd := dimension{ID: d.ID, Name: tx(d.Name), Description: tx(d.Description)}
		for _, l := range d.Levels {
			fd.Levels = append(fd.Levels, level{l.Level, l.Text.SV, l.Text.NB, l.Text.EN})
		}
		f.Dimensions = append(f.Dimensions, fd)
	}
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(f); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, src := range []string{validScale, validCanvas, validChecklist} {
		m, err := Parse("x.toml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		m2, err := Parse("x.toml", encode(t, m))
		if err != nil || !sameContent(m, m2) {
			t.Fatalf("round trip: %v\n%+v\n%+v", err, m, m2)
		}
	}
}
