package plot

import (
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
	}
	if got := (Linear{0, 5, 200, 0}).Clamp(7); got != 5 {
		t.Errorf("Clamp(7) = %v", got)
	}
}

func TestIntTicks(t *testing.T) {
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
