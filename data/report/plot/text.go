package plot

// Measure is the width of a text in the caller's units and font (Fyne's
// MeasureText, fpdf's GetStringWidth).
type Measure func(s string) float64

// Ellipsis ends a shortened label.
const Ellipsis = "…"

// Ellipsize shortens s to fit maxWidth, ending it in "…", whole runes only.
// It returns s when it fits and "" when not even "…" fits. Labels are
// shortened rather than overlapped or wrapped, because a chart's labels
// must stay on their line.
func Ellipsize(s string, maxWidth float64, measure Measure) string {
	if measure(s) <= maxWidth {
		return s
	}
	if measure(Ellipsis) > maxWidth {
		return ""
	}
	r := []rune(s)
	// Binary search on the number of runes kept: widths only grow with
	// more runes, and long municipality names make a linear scan slow.
	lo, hi := 0, len(r) // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if measure(string(r[:mid])+Ellipsis) <= maxWidth {
			lo = mid
		} else {
			hi = mid
		}
	}
	return trimRight(string(r[:lo])) + Ellipsis
}

// trimRight drops trailing spaces, so "Östersunds …" reads "Östersunds…".
func trimRight(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '-') {
		s = s[:len(s)-1]
	}
	return s
}

// Thin chooses which of a row of centred labels to show so that none
// overlap: label i is centred at centres[i] and widths[i] wide, and shown
// labels keep gap between them. The first label is always shown, the last
// when it can be without dropping the first; labels between are taken left
// to right. centres must be ascending.
func Thin(centres, widths []float64, gap float64) []int {
	n := len(centres)
	if n == 0 {
		return nil
	}
	left := func(i int) float64 { return centres[i] - widths[i]/2 }
	right := func(i int) float64 { return centres[i] + widths[i]/2 }
	last := n - 1
	keepLast := n > 1 && left(last) >= right(0)+gap
	out := []int{0}
	for i := 1; i < last; i++ {
		if left(i) < right(out[len(out)-1])+gap {
			continue
		}
		// Leave room for the last label: the latest date matters most.
		if keepLast && right(i)+gap > left(last) {
			continue
		}
		out = append(out, i)
	}
	if keepLast {
		out = append(out, last)
	}
	return out
}

// Flow places items of the given widths in rows no wider than maxWidth,
// gap apart, as a legend wraps. It returns each item's x and row; an item
// wider than maxWidth gets a row of its own.
func Flow(widths []float64, maxWidth, gap float64) (xs []float64, rows []int) {
	xs = make([]float64, len(widths))
	rows = make([]int, len(widths))
	x, row := 0.0, 0
	for i, w := range widths {
		if x > 0 && x+w > maxWidth {
			x, row = 0, row+1
		}
		xs[i], rows[i] = x, row
		x += w + gap
	}
	return xs, rows
}
