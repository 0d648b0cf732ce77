package data

import (
	"database/sql"
	"path/filepath"
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

// TestMigrationPacksFieldClocks builds a database at schema 9 with per-field
// clocks and checks that opening it packs them per record unchanged.
func TestMigrationPacksFieldClocks(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFileName)
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migrations() {
		if m.version > 9 {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	long := strings.Repeat("x", 300)
	type row struct {
		entity, id, field, device string
		hlc, seq, base            int64
	}
	rows := []row{
		{"organisation", "o1", "name", "dev-a", 1 << 40, 1, 0},
		{"organisation", "o1", "notes", "dev-b", 1<<40 + 3, 7, 1 << 40},
		{"organisation", "o1", "orgnr", long, 5, 1 << 62, 4},
		{"visit", "v1", "date", "dev-a", 9, 2, 0},
		{"organisation", "o2", "name", "dev-c", 1 << 47, 3, 1 << 46},
	}
	for _, r := range rows {
		if _, err := db.Exec(`INSERT INTO clocks(entity, id, field, hlc, device, seq, base) VALUES(?,?,?,?,?,?,?)`,
			r.entity, r.id, r.field, r.hlc, r.device, r.seq, r.base); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`PRAGMA user_version = 9`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]fieldClock{}
	for _, rec := range [][2]string{{"organisation", "o1"}, {"visit", "v1"}, {"organisation", "o2"}} {
		cl, err := recordClocks(s.r, rec[0], rec[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cl {
			got[rec[0]+"/"+rec[1]+"/"+c.field] = c
		}
	}
	if len(got) != len(rows) {
		t.Fatalf("%d clocks after the migration, want %d: %v", len(got), len(rows), got)
	}
	for _, r := range rows {
		want := fieldClock{field: r.field, hlc: hlc.Timestamp(r.hlc), device: r.device, seq: uint64(r.seq), base: hlc.Timestamp(r.base)}
		if c := got[r.entity+"/"+r.id+"/"+r.field]; c != want {
			t.Errorf("%s/%s/%s: %+v, want %+v", r.entity, r.id, r.field, c, want)
		}
	}
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'clocks'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("clocks table left behind (%d, %v)", n, err)
	}
}
