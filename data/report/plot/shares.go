package plot

import "math"

// Part is one segment of a 100% stacked bar.
type Part struct {
	Start, End float64 // positions along the bar
	Percent    int     // rounded so that the parts add up to 100
}

// Stack lays values (counts; negatives count as 0) end to end along [r0,
// r1] in proportion, and rounds their percentages by the largest remainder
// so the labels always add up to 100 (33+33+33 would look like an error).
// All zero: nil, nothing to show.
func Stack(values []float64, r0, r1 float64) []Part {
	var total float64
	for _, v := range values {
		if v > 0 {
			total += v
		}
	}
	if total == 0 || math.IsNaN(total) || math.IsInf(total, 0) {
		return nil
	}
	parts := make([]Part, len(values))
	at := 0.0
	for i, v := range values {
		v = max(v, 0)
		parts[i].Start = snap(r0 + at/total*(r1-r0))
		at += v
		parts[i].End = snap(r0 + at/total*(r1-r0))
	}
	for i, p := range Percents(values) {
		parts[i].Percent = p
	}
	return parts
}

// Percents are values as whole percentages of their sum that add up to
// exactly 100: each gets its floor, then the largest remainders (earlier
// values on ties) get one more. All zero: all 0.
func Percents(values []float64) []int {
	var total float64
	for _, v := range values {
		if v > 0 {
			total += v
		}
	}
	out := make([]int, len(values))
	if total == 0 || math.IsNaN(total) || math.IsInf(total, 0) {
		return out
	}
	rem := make([]float64, len(values))
	left := 100
	for i, v := range values {
		exact := max(v, 0) / total * 100
		out[i] = int(math.Floor(exact))
		rem[i] = exact - float64(out[i])
		left -= out[i]
	}
	for ; left > 0; left-- {
		best := -1
		for i, r := range rem {
			if r > 0 && (best < 0 || r > rem[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out[best]++
		rem[best] = -1
	}
	return out
}
