package plot

// Linear maps a domain [D0, D1] onto a range [R0, R1] in a straight line.
// A range may run backwards (R0 > R1): a y axis maps 0 to the bottom edge.
type Linear struct {
	D0, D1 float64
	R0, R1 float64
}

// Map is the range position of domain value v. Values outside the domain
// map outside the range; use Clamp first when that must not happen. An empty
// domain (D0 == D1) maps everything to the middle of the range, so a chart
// of one value still draws it somewhere sensible.
func (s Linear) Map(v float64) float64 {
	if s.D1 == s.D0 {
		return (s.R0 + s.R1) / 2
	}
	return snap(s.R0 + (v-s.D0)/(s.D1-s.D0)*(s.R1-s.R0))
}

// Clamp limits v to the domain.
func (s Linear) Clamp(v float64) float64 {
	lo, hi := min(s.D0, s.D1), max(s.D0, s.D1)
	return min(max(v, lo), hi)
}
