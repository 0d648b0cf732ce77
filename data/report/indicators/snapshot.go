package indicators

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"strings"
)

// A snapshot is a report's figures as they were submitted: each figure's
// value and the ids of the organisations, visits and joint actions behind
// it. It travels as one field of a synced record, so it is compact: every
// id once in a sorted table, each figure's ids as a bit set over that table
// (a bit per id: 10,000 visits are 1.25 kB a figure), the whole gzipped and
// base64-encoded behind a version prefix ("1."). Half a year of 10,000
// visits is a few hundred kilobytes, nearly all of it the ids themselves.

// snapshotVersion is the encoding EncodeSnapshot writes.
const snapshotVersion = "1."

// SnapshotFigure is one submitted figure. The id lists are sorted.
type SnapshotFigure struct {
	Value  int
	Orgs   []string
	Visits []string
	Joints []string
}

// Snapshot is the frozen figures of a submitted report, by figure key
// (FigureKeys).
type Snapshot struct {
	From, To, ProjectStart string
	Figures                map[string]SnapshotFigure
	// NoVisits: the visits' ids were left out, as they would not fit in
	// one synced value (WithoutVisits); the figures' values and their
	// organisations and joint actions are kept.
	NoVisits bool
}

// WithoutVisits is s without the ids of visits, for a period too long for
// them to travel in one synced value (some 25,000 visits and more).
func (s *Snapshot) WithoutVisits() *Snapshot {
	out := &Snapshot{From: s.From, To: s.To, ProjectStart: s.ProjectStart, Figures: map[string]SnapshotFigure{}, NoVisits: true}
	for k, f := range s.Figures {
		f.Visits = nil
		out.Figures[k] = f
	}
	return out
}

// FigureKeys lists the submitted figures in the order reports show them:
// the period's figures under their JSON names, RCO01's size classes as
// "RCO01.micro" …, and the figures since the project's start as
// "cumulative.RCO01" …. Advisor time is kept in minutes.
var FigureKeys = figureKeys()

var periodKeys = []string{"RCO01", "RCO01.micro", "RCO01.small", "RCO01.medium", "RCO01.large", "RCO01.unknown",
	"RCO04", "RCO81", "RCO83", "RCO84", "RCO87", "organisations_at_cross_border_activities", "organisations_reached",
	"unknown_kind", "women_led", "visits", "cross_border_visits", "advisor_minutes"}

func figureKeys() []string {
	keys := append(slices.Clone(periodKeys), "organisations_improved")
	for _, k := range periodKeys {
		keys = append(keys, cumulativePrefix+k)
	}
	return keys
}

const cumulativePrefix = "cumulative."

// namedFigures gives the figures of r by key; advisor time is a figure of
// minutes over the visits counted.
func namedFigures(r *Report) map[string]Figure {
	m := map[string]Figure{}
	add := func(prefix string, s SizeSplit, rco04, rco81, rco83, rco84, rco87, border, reached, unknown, women, visits, cross Figure, minutes int) {
		m[prefix+"RCO01"], m[prefix+"RCO01.micro"], m[prefix+"RCO01.small"] = s.Figure, s.Micro, s.Small
		m[prefix+"RCO01.medium"], m[prefix+"RCO01.large"], m[prefix+"RCO01.unknown"] = s.Medium, s.Large, s.Unknown
		m[prefix+"RCO04"], m[prefix+"RCO81"], m[prefix+"RCO83"], m[prefix+"RCO84"], m[prefix+"RCO87"] = rco04, rco81, rco83, rco84, rco87
		m[prefix+"organisations_at_cross_border_activities"], m[prefix+"organisations_reached"] = border, reached
		m[prefix+"unknown_kind"], m[prefix+"women_led"], m[prefix+"visits"], m[prefix+"cross_border_visits"] = unknown, women, visits, cross
		m[prefix+"advisor_minutes"] = Figure{Value: minutes, Visits: visits.Visits, Orgs: visits.Orgs}
	}
	add("", r.RCO01, r.RCO04, r.RCO81, r.RCO83, r.RCO84, r.RCO87, r.BorderActivityOrgs, r.OrgsReached, r.UnknownKind,
		r.WomenLed, r.VisitCount, r.CrossBorder, r.Minutes)
	m["organisations_improved"] = r.ImpactOrgs
	if c := r.Cumulative; c != nil {
		add(cumulativePrefix, c.RCO01, c.RCO04, c.RCO81, c.RCO83, c.RCO84, c.RCO87, c.BorderActivityOrgs, c.OrgsReached,
			c.UnknownKind, c.WomenLed, c.VisitCount, c.CrossBorder, c.Minutes)
	}
	return m
}

// TakeSnapshot freezes the figures of r.
func TakeSnapshot(r *Report) *Snapshot {
	s := &Snapshot{From: r.Filter.From, To: r.Filter.To, Figures: map[string]SnapshotFigure{}}
	if r.Cumulative != nil {
		s.ProjectStart = r.Cumulative.From
	}
	sorted := func(ids []string) []string {
		if len(ids) == 0 {
			return nil
		}
		c := slices.Clone(ids)
		slices.Sort(c)
		return slices.Compact(c)
	}
	for k, f := range namedFigures(r) {
		s.Figures[k] = SnapshotFigure{Value: f.Value, Orgs: sorted(f.Orgs), Visits: sorted(f.Visits), Joints: sorted(f.Joints)}
	}
	return s
}

// wire is the JSON inside the encoding: ids once, figures by positions.
type wire struct {
	From         string       `json:"from"`
	To           string       `json:"to"`
	ProjectStart string       `json:"project_start,omitempty"`
	NoVisits     bool         `json:"no_visits,omitempty"`
	IDs          []string     `json:"ids"`
	Figures      []wireFigure `json:"figures"`
}

type wireFigure struct {
	Key    string `json:"k"`
	Value  int    `json:"v"`
	Orgs   []byte `json:"o,omitempty"` // bit i: IDs[i] is behind the figure
	Visits []byte `json:"s,omitempty"`
	Joints []byte `json:"j,omitempty"`
}

// EncodeSnapshot writes s in the current versioned encoding.
func EncodeSnapshot(s *Snapshot) (string, error) {
	var all []string
	keys := make([]string, 0, len(s.Figures))
	for k, f := range s.Figures {
		keys = append(keys, k)
		all = append(append(append(all, f.Orgs...), f.Visits...), f.Joints...)
	}
	slices.Sort(keys)
	slices.Sort(all)
	all = slices.Compact(all)
	w := wire{From: s.From, To: s.To, ProjectStart: s.ProjectStart, NoVisits: s.NoVisits, IDs: all}
	bitSet := func(ids []string) []byte {
		if len(ids) == 0 {
			return nil
		}
		set := make([]byte, (len(all)+7)/8)
		for _, id := range ids {
			i, _ := slices.BinarySearch(all, id)
			set[i/8] |= 1 << (i % 8)
		}
		return set
	}
	for _, k := range keys {
		f := s.Figures[k]
		w.Figures = append(w.Figures, wireFigure{Key: k, Value: f.Value, Orgs: bitSet(f.Orgs), Visits: bitSet(f.Visits), Joints: bitSet(f.Joints)})
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(w); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return snapshotVersion + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// ErrSnapshotVersion is a snapshot in an encoding of a newer version.
var ErrSnapshotVersion = errors.New("snapshot from a newer version")

// maxSnapshotJSON bounds the decompressed snapshot, so a crafted value
// that inflates to gigabytes is refused rather than read.
const maxSnapshotJSON = 64 << 20

// DecodeSnapshot reads an encoded snapshot. Anything malformed, from a
// damaged or crafted record, is an error, never a panic.
func DecodeSnapshot(enc string) (*Snapshot, error) {
	body, ok := strings.CutPrefix(enc, snapshotVersion)
	if !ok {
		return nil, ErrSnapshotVersion
	}
	raw, err := base64.StdEncoding.DecodeString(body)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	js, err := io.ReadAll(io.LimitReader(zr, maxSnapshotJSON+1))
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	if len(js) > maxSnapshotJSON {
		return nil, errors.New("snapshot: too large")
	}
	var w wire
	if err := json.Unmarshal(js, &w); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	for i := 1; i < len(w.IDs); i++ {
		if w.IDs[i-1] >= w.IDs[i] {
			return nil, errors.New("snapshot: ids not sorted")
		}
	}
	s := &Snapshot{From: w.From, To: w.To, ProjectStart: w.ProjectStart, NoVisits: w.NoVisits, Figures: map[string]SnapshotFigure{}}
	for _, f := range w.Figures {
		var bad bool
		ids := func(set []byte) []string {
			if len(set) == 0 {
				return nil
			}
			if len(set) != (len(w.IDs)+7)/8 {
				bad = true
				return nil
			}
			var out []string
			for i, b := range set {
				for ; b != 0; b &= b - 1 {
					n := i*8 + bits.TrailingZeros8(b)
					if n >= len(w.IDs) {
						bad = true
						return nil
					}
					out = append(out, w.IDs[n])
				}
			}
			return out
		}
		sf := SnapshotFigure{Value: f.Value, Orgs: ids(f.Orgs), Visits: ids(f.Visits), Joints: ids(f.Joints)}
		if bad {
			return nil, fmt.Errorf("snapshot: figure %.40q names ids not in its table", f.Key)
		}
		s.Figures[f.Key] = sf
	}
	return s, nil
}
