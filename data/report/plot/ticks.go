package plot

import "math"

// TickStep is a "nice" step (1, 2 or 5 times a power of ten) that cuts
// [lo, hi] into about count intervals — the step a reader counts in.
func TickStep(lo, hi float64, count int) float64 {
	if count < 1 {
		count = 1
	}
	span := math.Abs(hi - lo)
	if span == 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return 0
	}
	raw := span / float64(count)
	step := math.Pow(10, math.Floor(math.Log10(raw)))
	// The thresholds are the geometric means between 1, 2, 5 and 10, so the
	// chosen step is the one nearest to raw on a log scale.
	switch e := raw / step; {
	case e >= math.Sqrt(50):
		step *= 10
	case e >= math.Sqrt(10):
		step *= 5
	case e >= math.Sqrt(2):
		step *= 2
	}
	return step
}

// IntTicks are whole-number ticks from 0 to hi (levels of a scale), at most
// about count of them: every level up to count levels, then steps of 2, 5,
// 10 … so the labels never crowd.
func IntTicks(hi, count int) []int {
	if hi < 0 {
		return nil
	}
	step := max(1, int(TickStep(0, float64(hi), count)))
	var out []int
	for v := 0; v <= hi; v += step {
		out = append(out, v)
	}
	return out
}
