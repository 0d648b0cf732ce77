package plot

import (
	"math"
	"slices"
	"testing"
)

func TestLinear(t *testing.T) {
	cases := []struct {
		name string
		s    Linear
		in   float64
		want float64
	}{
		{"start", Linear{0, 10, 0, 100}, 0, 0},
		{"end", Linear{0, 10, 0, 100}, 10, 100},
		{"middle", Linear{0, 10, 0, 100}, 2.5, 25},
		{"offset domain", Linear{1, 5, 40, 240}, 3, 140},
		{"y axis runs up", Linear{0, 5, 200, 0}, 1, 160},
		{"y axis top", Linear{0, 5, 200, 0}, 5, 0},
		{"outside", Linear{0, 10, 0, 100}, 12, 120},
		{"empty domain", Linear{3, 3, 10, 30}, 3, 20},
		{"tenths exact", Linear{0, 1, 0, 1}, 0.3, 0.3},
	}
	for _, c := range cases {
		if got := c.s.Map(c.in); got != c.want {
			t.Errorf("%s: Map(%v) = %v, want %v", c.name, c.in, got, c.want)
		}
		if c.s.D0 != c.s.D1 {
			if got := c.s.Invert(c.want); got != c.in {
				t.Errorf("%s: Invert(%v) = %v, want %v", c.name, c.want, got, c.in)
			}
		}
	}
	if got := (Linear{0, 5, 200, 0}).Clamp(7); got != 5 {
		t.Errorf("Clamp(7) = %v", got)
	}
}

func TestTicks(t *testing.T) {
	cases := []struct {
		lo, hi float64
		count  int
		want   []float64
	}{
		{0, 10, 5, []float64{0, 2, 4, 6, 8, 10}},
		{0, 37, 5, []float64{0, 10, 20, 30}},
		{0, 1, 5, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{0, 1, 10, []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}},
		{-3, 7, 5, []float64{-2, 0, 2, 4, 6}},
		{0, 1000, 4, []float64{0, 200, 400, 600, 800, 1000}},
		{10, 0, 5, []float64{0, 2, 4, 6, 8, 10}},
		{4, 4, 5, []float64{4}},
	}
	for _, c := range cases {
		if got := Ticks(c.lo, c.hi, c.count); !slices.Equal(got, c.want) {
			t.Errorf("Ticks(%v, %v, %d) = %v, want %v", c.lo, c.hi, c.count, got, c.want)
		}
	}
	if got := Ticks(math.NaN(), 1, 5); got != nil {
		t.Errorf("Ticks(NaN) = %v, want nil", got)
	}
}

func TestNiceMaxAndIntTicks(t *testing.T) {
	for _, c := range []struct {
		hi    float64
		count int
		want  float64
	}{{37, 5, 40}, {40, 5, 40}, {3, 5, 3}, {0.73, 4, 0.8}, {123, 4, 140}, {0, 5, 0}} {
		if got := NiceMax(c.hi, c.count); got != c.want {
			t.Errorf("NiceMax(%v, %d) = %v, want %v", c.hi, c.count, got, c.want)
		}
	}
	for _, c := range []struct {
		hi, count int
		want      []int
	}{
		{5, 5, []int{0, 1, 2, 3, 4, 5}},
		{9, 9, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{9, 5, []int{0, 2, 4, 6, 8}},
		{3, 10, []int{0, 1, 2, 3}},
		{0, 5, []int{0}},
		{-1, 5, nil},
	} {
		if got := IntTicks(c.hi, c.count); !slices.Equal(got, c.want) {
			t.Errorf("IntTicks(%d, %d) = %v, want %v", c.hi, c.count, got, c.want)
		}
	}
}
