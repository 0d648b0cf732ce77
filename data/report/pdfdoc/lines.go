package pdfdoc

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// Lines splits s into the lines that fit width w (a cell's width, its
// margins included) in doc's current font. Lines break between words only:
// a word wider than w stands alone on its line rather than being cut in
// two ("Arrangemen / t"), so the caller sizes a column for its longest word.
// Line breaks in s start new lines; an empty paragraph is an empty line.
func Lines(doc *fpdf.Fpdf, s string, w float64) []string {
	room := w - 2*doc.GetCellMargin()
	space := doc.GetStringWidth(" ")
	var out []string
	for _, para := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		line, lineW := "", 0.0
		for _, word := range strings.Fields(para) {
			ww := doc.GetStringWidth(word)
			if line != "" && lineW+space+ww > room {
				out = append(out, line)
				line, lineW = "", 0
			}
			if line != "" {
				line += " "
				lineW += space
			}
			line += word
			lineW += ww
		}
		out = append(out, line)
	}
	return out
}

// WordWidth is the width of the widest word of texts in doc's current
// font, with a cell's margins: the narrowest column that never has to
// push a word past its edge.
func WordWidth(doc *fpdf.Fpdf, texts ...string) float64 {
	w := 0.0
	for _, t := range texts {
		for _, word := range strings.Fields(t) {
			w = max(w, doc.GetStringWidth(word))
		}
	}
	return w + 2*doc.GetCellMargin()
}
