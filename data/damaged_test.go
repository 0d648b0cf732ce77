package data_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
)

// A damaged database file is named as damaged, and opening it changes
// nothing: the bytes stay for a restore or an export.
func TestOpenSaysADamagedDatabaseIsDamagedAndLeavesIt(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(b []byte)
	}{
		{"header", func(b []byte) { copy(b[:100], bytes.Repeat([]byte("x"), 100)) }},
		{"schema page", func(b []byte) { copy(b[100:4096], bytes.Repeat([]byte{0xA5}, 3996)) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, data.DBFileName)
			st, err := data.Open(path, data.Options{})
			if err != nil {
				t.Fatal(err)
			}
			datatest.Org(t, st, "Storsjö Trä AB", "")
			st.Close()
			b, _ := os.ReadFile(path)
			c.damage(b)
			os.WriteFile(path, b, 0o600)
			_, err = data.Open(path, data.Options{})
			var d *data.DamagedError
			if !errors.As(err, &d) || d.Path != path {
				t.Fatalf("got %v, want a DamagedError", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
				t.Error("opening changed the damaged file")
			}
		})
	}
}
