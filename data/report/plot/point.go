package plot

import "math"

// Point is a position in the caller's units, y downwards.
type Point struct{ X, Y float64 }

// snap rounds away the last bits of trigonometric noise (cos(π/2) is 6e-17,
// not 0), so positions on the axes come out exact and tests can compare
// coordinates with ==. A nanounit is far below any pixel or printer dot.
func snap(v float64) float64 {
	return math.Round(v*1e9) / 1e9
}
