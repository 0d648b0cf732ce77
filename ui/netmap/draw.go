package netmap

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Style is how a picture is coloured, so the map follows the window's
// light or dark theme and an exported file is light.
type Style struct {
	Background, Text, LabelBack color.Color
	Edge, CrossEdge             color.Color
	Countries                   map[domain.Country]color.Color // an actor's fill; others take Unknown
	Unknown                     color.Color
	Highlight                   color.Color
	TextSize                    float64 // in pixels
}

// LightStyle is the map on a light background: Sweden blue and Norway red,
// as their flags, and relations across the border in amber.
var LightStyle = Style{
	Background: color.White, Text: color.RGBA{0x20, 0x20, 0x20, 0xff}, LabelBack: color.NRGBA{0xff, 0xff, 0xff, 0xc0},
	Edge: color.NRGBA{0x80, 0x80, 0x80, 0x60}, CrossEdge: color.NRGBA{0xd9, 0x8c, 0x00, 0xd0},
	Countries: map[domain.Country]color.Color{
		domain.CountrySE: color.RGBA{0x00, 0x6a, 0xa7, 0xff}, domain.CountryNO: color.RGBA{0xba, 0x0c, 0x2f, 0xff},
	},
	Unknown: color.RGBA{0x80, 0x80, 0x80, 0xff}, Highlight: color.RGBA{0x20, 0x20, 0x20, 0xff}, TextSize: 12,
}

// DarkStyle is the map on a dark background.
var DarkStyle = Style{
	Background: color.RGBA{0x1e, 0x1e, 0x1e, 0xff}, Text: color.RGBA{0xee, 0xee, 0xee, 0xff}, LabelBack: color.NRGBA{0x1e, 0x1e, 0x1e, 0xc0},
	Edge: color.NRGBA{0xa0, 0xa0, 0xa0, 0x60}, CrossEdge: color.NRGBA{0xff, 0xb0, 0x20, 0xd0},
	Countries: map[domain.Country]color.Color{
		domain.CountrySE: color.RGBA{0x4a, 0xa8, 0xe8, 0xff}, domain.CountryNO: color.RGBA{0xf0, 0x50, 0x60, 0xff},
	},
	Unknown: color.RGBA{0xa0, 0xa0, 0xa0, 0xff}, Highlight: color.White, TextSize: 12,
}

var (
	faceOnce sync.Once
	faceFont *opentype.Font
)

// face is the Go font at size pixels: it has every letter of Swedish and
// Norwegian names and needs no system font, so the command line draws the
// same picture on every computer.
func face(size float64) font.Face {
	faceOnce.Do(func() { faceFont, _ = opentype.Parse(goregular.TTF) })
	f, err := opentype.NewFace(faceFont, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	return f
}

// Draw paints the picture: relations, then actors (a diamond for an
// innovation actor, a circle for an enterprise, a square for others, in
// their country's colour), then as many names as fit without covering one
// another — innovation actors and the best-connected first. The actor
// highlight (or -1) is ringed and always named.
func (v *View) Draw(st Style, highlight int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, v.W, v.H))
	draw.Draw(img, img.Bounds(), image.NewUniform(st.Background), image.Point{}, draw.Src)
	ras := vector.NewRasterizer(v.W, v.H)
	fill := func(c color.Color) {
		ras.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{})
		ras.Reset(v.W, v.H)
	}
	width := math.Max(0.6, math.Min(v.scale*0.04, 1.4))
	for _, cross := range []bool{false, true} {
		for _, e := range v.Map.Edges {
			if e.CrossBorder != cross || !v.shown[e.A] || !v.shown[e.B] {
				continue
			}
			x0, y0 := v.Point(e.A)
			x1, y1 := v.Point(e.B)
			line(ras, x0, y0, x1, y1, width)
		}
		fill(map[bool]color.Color{false: st.Edge, true: st.CrossEdge}[cross])
	}
	for _, c := range []domain.Country{domain.CountrySE, domain.CountryNO, ""} {
		col := st.Unknown
		if k, ok := st.Countries[c]; ok {
			col = k
		}
		any := false
		for i := range v.Map.Nodes {
			n := &v.Map.Nodes[i]
			if !v.shown[i] || (c != "" && n.Country != c) || (c == "" && n.Country.Valid()) {
				continue
			}
			x, y := v.Point(i)
			marker(ras, n.Group, x, y, v.radius(i))
			any = true
		}
		if any {
			fill(col)
		}
	}
	if highlight >= 0 && highlight < len(v.shown) && v.shown[highlight] {
		x, y := v.Point(highlight)
		r := v.radius(highlight) + 3
		ring(ras, x, y, r, 1.5)
		fill(st.Highlight)
	}
	v.labels(img, st, highlight)
	return img
}

// line adds a stroke of width w from (x0, y0) to (x1, y1) as a quad.
func line(ras *vector.Rasterizer, x0, y0, x1, y1, w float64) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l < 0.5 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	ras.MoveTo(float32(x0+nx), float32(y0+ny))
	ras.LineTo(float32(x1+nx), float32(y1+ny))
	ras.LineTo(float32(x1-nx), float32(y1-ny))
	ras.LineTo(float32(x0-nx), float32(y0-ny))
	ras.ClosePath()
}

// marker adds the shape of group g at (x, y) with radius r.
func marker(ras *vector.Rasterizer, g Group, x, y, r float64) {
	switch g {
	case GroupInnovation:
		r *= 1.3
		ras.MoveTo(float32(x), float32(y-r))
		ras.LineTo(float32(x+r), float32(y))
		ras.LineTo(float32(x), float32(y+r))
		ras.LineTo(float32(x-r), float32(y))
		ras.ClosePath()
	case GroupEnterprise:
		circle(ras, x, y, r, false)
	default:
		r *= 0.85
		ras.MoveTo(float32(x-r), float32(y-r))
		ras.LineTo(float32(x+r), float32(y-r))
		ras.LineTo(float32(x+r), float32(y+r))
		ras.LineTo(float32(x-r), float32(y+r))
		ras.ClosePath()
	}
}

// circle adds a circle as a polygon, clockwise or not (a ring is an outer
// circle and an inner one the other way round).
func circle(ras *vector.Rasterizer, x, y, r float64, reverse bool) {
	const steps = 16
	for k := 0; k <= steps; k++ {
		a := 2 * math.Pi * float64(k) / steps
		if reverse {
			a = -a
		}
		px, py := float32(x+r*math.Cos(a)), float32(y+r*math.Sin(a))
		if k == 0 {
			ras.MoveTo(px, py)
		} else {
			ras.LineTo(px, py)
		}
	}
	ras.ClosePath()
}

func ring(ras *vector.Rasterizer, x, y, r, w float64) {
	circle(ras, x, y, r, false)
	circle(ras, x, y, r-w, true)
}

// labels writes the names that fit, most important first.
func (v *View) labels(img *image.RGBA, st Style, highlight int) {
	f := face(st.TextSize)
	if f == nil {
		return
	}
	defer f.Close()
	order := make([]int, 0, len(v.Map.Nodes))
	for i := range v.Map.Nodes {
		if v.shown[i] && v.Map.Nodes[i].Name != "" {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		na, nb := &v.Map.Nodes[a], &v.Map.Nodes[b]
		switch {
		case a == highlight:
			return -1
		case b == highlight:
			return 1
		case (na.Group == GroupInnovation) != (nb.Group == GroupInnovation):
			if na.Group == GroupInnovation {
				return -1
			}
			return 1
		case na.Degree != nb.Degree:
			return nb.Degree - na.Degree
		}
		return strings.Compare(na.Name, nb.Name)
	})
	// Every marker is taken; a name may not cover another's marker.
	var taken []image.Rectangle
	for i := range v.Map.Nodes {
		if v.shown[i] {
			x, y := v.Point(i)
			r := int(v.radius(i))
			taken = append(taken, image.Rect(int(x)-r, int(y)-r, int(x)+r, int(y)+r))
		}
	}
	markers := len(taken)
	metrics := f.Metrics()
	ascent, height := metrics.Ascent.Ceil(), metrics.Height.Ceil()
	const most = 400
	placed := 0
	for _, i := range order {
		if placed >= most {
			break
		}
		name := shorten(v.Map.Nodes[i].Name, 32)
		w := font.MeasureString(f, name).Ceil()
		x, y := v.Point(i)
		r := int(v.radius(i)) + 3
		// To the right of the marker, else to its left, above or below.
		right := image.Rect(int(x)+r, int(y)-height/2, int(x)+r+w+4, int(y)+height/2+1)
		box, fits := image.Rectangle{}, false
		for _, c := range []image.Rectangle{right, right.Sub(image.Pt(w+4+2*r, 0)),
			right.Sub(image.Pt(r+(w+4)/2, r+height/2+1)), right.Add(image.Pt(-r-(w+4)/2, r+height/2+1))} {
			if c.In(img.Bounds()) && (i == highlight || !overlaps(c, taken, markers, i, v)) {
				box, fits = c, true
				break
			}
		}
		if !fits {
			continue
		}
		taken = append(taken, box)
		placed++
		draw.Draw(img, box, image.NewUniform(st.LabelBack), image.Point{}, draw.Over)
		d := font.Drawer{Dst: img, Src: image.NewUniform(st.Text), Face: f,
			Dot: fixed.P(box.Min.X+2, box.Min.Y+ascent)}
		d.DrawString(name)
	}
}

// overlaps reports whether box covers a placed name or another actor's
// marker (the first markers entries of taken are the markers, in node
// order of the shown actors).
func overlaps(box image.Rectangle, taken []image.Rectangle, markers, self int, v *View) bool {
	k := 0
	for i := range v.Map.Nodes {
		if !v.shown[i] {
			continue
		}
		if i != self && box.Overlaps(taken[k]) {
			return true
		}
		k++
	}
	for _, t := range taken[markers:] {
		if box.Overlaps(t) {
			return true
		}
	}
	return false
}

// shorten cuts a long name to n letters with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
