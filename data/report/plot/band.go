package plot

// Band divides a range into N equal bands with gaps, for bar charts: each
// step holds one bar and its share of the gaps. PaddingInner is the gap
// between bars and PaddingOuter the gap before the first and after the
// last, both as fractions of a step (as d3's band scale has them).
type Band struct {
	N                          int
	R0, R1                     float64
	PaddingInner, PaddingOuter float64
}

// Step is the distance from the start of one band to the next.
func (b Band) Step() float64 {
	if b.N <= 0 {
		return 0
	}
	return snap((b.R1 - b.R0) / (float64(b.N) - b.PaddingInner + 2*b.PaddingOuter))
}

// Width is the width of a band (a bar).
func (b Band) Width() float64 { return snap(b.Step() * (1 - b.PaddingInner)) }

// Start is where band i begins.
func (b Band) Start(i int) float64 {
	st := b.Step()
	return snap(b.R0 + st*b.PaddingOuter + float64(i)*st)
}

// Centre is the middle of band i, where its label goes.
func (b Band) Centre(i int) float64 { return snap(b.Start(i) + b.Width()/2) }
