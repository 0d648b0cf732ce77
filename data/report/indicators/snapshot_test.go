package indicators_test

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

func TestSnapshotRoundTrips(t *testing.T) {
	fx := newFixture(t)
	r := compute(t, fx, indicators.Filter{From: from, To: to})
	snap := indicators.TakeSnapshot(r)
	enc, err := indicators.EncodeSnapshot(snap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := indicators.DecodeSnapshot(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, snap) {
		t.Errorf("decoded %+v\nwant %+v", got, snap)
	}
	if f := got.Figures["RCO01"]; f.Value != 4 || len(f.Orgs) != 4 || len(f.Visits) != 8 {
		t.Errorf("RCO01 in the snapshot: %+v", f)
	}
	if len(got.Figures) != len(indicators.FigureKeys) {
		t.Errorf("%d figures, want %d", len(got.Figures), len(indicators.FigureKeys))
	}
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Half a year of 10,000 visits to 2,000 organisations, each visit behind
// several figures, stays far below a change's limit of 1 MiB.
func TestSnapshotOfHalfAYearIsSmall(t *testing.T) {
	orgs, visits := make([]string, 2000), make([]string, 10000)
	for i := range orgs {
		orgs[i] = uuid()
	}
	for i := range visits {
		visits[i] = uuid()
	}
	snap := &indicators.Snapshot{From: "2026-01-01", To: "2026-06-30", Figures: map[string]indicators.SnapshotFigure{}}
	for n, k := range indicators.FigureKeys {
		// Each figure a different part of the organisations and visits.
		part := func(ids []string) []string { return ids[n*len(ids)/100 : len(ids)-n*len(ids)/200] }
		f := indicators.SnapshotFigure{Value: len(orgs), Orgs: part(orgs)}
		if !strings.HasPrefix(k, "cumulative.") {
			f.Visits = part(visits)
		}
		snap.Figures[k] = f
	}
	enc, err := indicators.EncodeSnapshot(snap)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("encoded snapshot: %d bytes", len(enc))
	if len(enc) > domain.MaxSnapshotLen {
		t.Errorf("encoded snapshot %d bytes, over %d", len(enc), domain.MaxSnapshotLen)
	}
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return "1." + base64.StdEncoding.EncodeToString(b.Bytes())
}

// A damaged or crafted snapshot (from a record a stranger wrote before the
// submission arrived, or a newer version) is an error, never a panic or a
// gigabyte in memory.
func TestCraftedSnapshotsAreRefused(t *testing.T) {
	var bomb bytes.Buffer
	w := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 65 {
		w.Write(zeros)
	}
	w.Close()
	for name, enc := range map[string]string{
		"empty": "", "newer version": "2.abc", "not base64": "1.!!!", "not gzip": "1." + base64.StdEncoding.EncodeToString([]byte("plain")),
		"not JSON":           gz("{{{"),
		"bomb":               "1." + base64.StdEncoding.EncodeToString(bomb.Bytes()),
		"bit past the table": gz(`{"ids":["a","b"],"figures":[{"k":"RCO01","v":1,"o":"Bw=="}]}`),
		"set too long":       gz(`{"ids":["a"],"figures":[{"k":"RCO01","v":1,"o":"AQE="}]}`),
		"ids repeated":       gz(`{"ids":["a","a"],"figures":[{"k":"RCO01","v":1,"o":"Aw=="}]}`),
		"ids unsorted":       gz(`{"ids":["b","a"],"figures":[]}`),
		"wrong shape ids":    gz(`{"ids":"a","figures":[]}`),
	} {
		if s, err := indicators.DecodeSnapshot(enc); err == nil {
			t.Errorf("%s: decoded %+v", name, s)
		}
	}
}
