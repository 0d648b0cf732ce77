package plot

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestDateScale(t *testing.T) {
	s, err := NewDateScale([]string{"2026-03-01", "2026-01-01", "2026-01-31"}, 0, 590)
	if err != nil {
		t.Fatal(err)
	}
	// 2026-01-01 … 2026-03-01 is 59 days: 10 units a day.
	for date, want := range map[string]float64{"2026-01-01": 0, "2026-01-31": 300, "2026-03-01": 590, "2026-01-02": 10} {
		if got, err := s.X(date); err != nil || got != want {
			t.Errorf("X(%s) = %v, %v; want %v", date, got, err, want)
		}
	}
	// Across the change to summer time a day is still a day.
	s, _ = NewDateScale([]string{"2026-03-28", "2026-03-30"}, 0, 100)
	if got, _ := s.X("2026-03-29"); got != 50 {
		t.Errorf("over DST: %v, want 50", got)
	}
	one, _ := NewDateScale([]string{"2026-05-05"}, 20, 60)
	if got, _ := one.X("2026-05-05"); got != 40 {
		t.Errorf("single date at %v, want the middle 40", got)
	}
	if _, err := NewDateScale([]string{"2026-13-01"}, 0, 1); err == nil {
		t.Error("bad date accepted")
	}
	if _, err := NewDateScale(nil, 0, 1); err == nil {
		t.Error("no dates accepted")
	}
	if got := Distinct([]string{"2026-02-01", "x", "2026-01-01", "2026-02-01"}); !slices.Equal(got, []string{"2026-01-01", "2026-02-01"}) {
		t.Errorf("Distinct = %v", got)
	}
	if d, _ := Day("1970-01-02"); d != 1 || DateOf(20000) != "2024-10-04" {
		t.Errorf("Day/DateOf: %d %s", d, DateOf(20000))
	}
}

func TestBand(t *testing.T) {
	b := Band{N: 4, R0: 0, R1: 100, PaddingInner: 0.2, PaddingOuter: 0.1}
	// step = 100 / (4 - 0.2 + 0.2) = 25; bar = 20; first starts at 2.5.
	if b.Step() != 25 || b.Width() != 20 {
		t.Fatalf("step %v width %v", b.Step(), b.Width())
	}
	for i, want := range []float64{2.5, 27.5, 52.5, 77.5} {
		if got := b.Start(i); got != want {
			t.Errorf("Start(%d) = %v, want %v", i, got, want)
		}
		if got := b.Centre(i); got != want+10 {
			t.Errorf("Centre(%d) = %v, want %v", i, got, want+10)
		}
	}
	if (Band{}).Step() != 0 {
		t.Error("no bands: step not 0")
	}
}

func TestStackAndPercents(t *testing.T) {
	parts := Stack([]float64{1, 1, 1}, 0, 300)
	want := []Part{{0, 100, 34}, {100, 200, 33}, {200, 300, 33}}
	if !slices.Equal(parts, want) {
		t.Errorf("thirds = %v, want %v", parts, want)
	}
	parts = Stack([]float64{30, 0, 10}, 10, 90)
	want = []Part{{10, 70, 75}, {70, 70, 0}, {70, 90, 25}}
	if !slices.Equal(parts, want) {
		t.Errorf("with a zero = %v, want %v", parts, want)
	}
	if Stack([]float64{0, 0}, 0, 1) != nil {
		t.Error("all zero should be nil")
	}
	for _, c := range []struct {
		in   []float64
		want []int
	}{
		{[]float64{2, 1}, []int{67, 33}},
		{[]float64{1, 1, 1, 1, 1, 1, 1}, []int{15, 15, 14, 14, 14, 14, 14}},
		{[]float64{-5, 5}, []int{0, 100}},
		{[]float64{994, 6}, []int{99, 1}},
		{[]float64{995, 5}, []int{100, 0}}, // a tie of remainders goes to the first
	} {
		if got := Percents(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Percents(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// runeWidth measures every rune as 1 unit: predictable, font-free.
func runeWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestEllipsize(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  float64
		want string
	}{
		{"Östersund", 9, "Östersund"},
		{"Östersund", 8, "Östersu…"},
		{"Krokom kommun", 8, "Krokom…"},
		{"Åre", 1, "…"},
		{"Åre", 0.5, ""},
		{"", 3, ""},
	} {
		if got := Ellipsize(c.in, c.max, runeWidth); got != c.want {
			t.Errorf("Ellipsize(%q, %v) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func TestThin(t *testing.T) {
	w := func(n int, v float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = v
		}
		return out
	}
	cases := []struct {
		name    string
		centres []float64
		widths  []float64
		want    []int
	}{
		{"all fit", []float64{0, 20, 40, 60}, w(4, 10), []int{0, 1, 2, 3}},
		{"every other", []float64{0, 10, 20, 30, 40}, w(5, 12), []int{0, 2, 4}},
		{"last wins over its neighbour", []float64{0, 10, 20, 30}, w(4, 12), []int{0, 3}},
		{"only two and they collide", []float64{0, 5}, w(2, 12), []int{0}},
		{"one", []float64{3}, w(1, 12), []int{0}},
		{"none", nil, nil, nil},
	}
	for _, c := range cases {
		if got := Thin(c.centres, c.widths, 2); !slices.Equal(got, c.want) {
			t.Errorf("%s: Thin = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFlow(t *testing.T) {
	xs, rows := Flow([]float64{30, 30, 40, 50, 120}, 100, 5)
	if !slices.Equal(xs, []float64{0, 35, 0, 45, 0}) || !slices.Equal(rows, []int{0, 0, 1, 1, 2}) {
		t.Errorf("Flow = %v %v", xs, rows)
	}
}
