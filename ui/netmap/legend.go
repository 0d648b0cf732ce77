package netmap

import (
	"image"
	"image/color"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Legend is what an exported picture's key says, in the reader's language:
// a title, what each colour and shape means and the cross-border line.
type Legend struct {
	Title                                 string
	Sweden, Norway, NoCountry             string
	Innovation, Enterprise, Other, Across string
}

// DrawLegend writes the legend into the top left corner of img, over the
// map, on the style's label background.
func DrawLegend(img *image.RGBA, st Style, l Legend) {
	key := LegendImage(st, l)
	at := key.Bounds().Add(image.Pt(6, 6))
	draw.Draw(img, at, key, image.Point{}, draw.Over)
}

// LegendImage is the legend as a picture of its own, as large as it needs,
// for a window to show beside the map.
func LegendImage(st Style, l Legend) *image.RGBA {
	f := face(st.TextSize)
	if f == nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	defer f.Close()
	h := f.Metrics().Height.Ceil() + 4
	type item struct {
		text string
		mark func(ras *vector.Rasterizer, x, y float64)
		col  color.Color
	}
	dot := func(g Group) func(*vector.Rasterizer, float64, float64) {
		return func(ras *vector.Rasterizer, x, y float64) { marker(ras, g, x, y, 5) }
	}
	dash := func(ras *vector.Rasterizer, x, y float64) { line(ras, x-8, y, x+8, y, 2) }
	items := []item{
		{l.Sweden, dot(GroupEnterprise), st.Countries[domain.CountrySE]},
		{l.Norway, dot(GroupEnterprise), st.Countries[domain.CountryNO]},
		{l.NoCountry, dot(GroupEnterprise), st.Unknown},
		{l.Innovation, dot(GroupInnovation), st.Text},
		{l.Enterprise, dot(GroupEnterprise), st.Text},
		{l.Other, dot(GroupOther), st.Text},
		{l.Across, dash, st.CrossEdge},
	}
	top := 0 // the items' first row: after the title, if there is one
	if l.Title != "" {
		top = 1
	}
	w := font.MeasureString(f, l.Title).Ceil()
	for _, it := range items {
		w = max(w, font.MeasureString(f, it.text).Ceil()+28)
	}
	box := image.Rect(0, 0, w+16, h*(len(items)+top)+10)
	img := image.NewRGBA(box)
	draw.Draw(img, box, image.NewUniform(st.LabelBack), image.Point{}, draw.Src)
	text := func(s string, x, y int) {
		d := font.Drawer{Dst: img, Src: image.NewUniform(st.Text), Face: f, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	ascent := f.Metrics().Ascent.Ceil()
	text(l.Title, box.Min.X+8, box.Min.Y+6+ascent)
	ras := vector.NewRasterizer(img.Bounds().Dx(), img.Bounds().Dy())
	for k, it := range items {
		y := box.Min.Y + 6 + h*(k+top)
		it.mark(ras, float64(box.Min.X+18), float64(y+h/2-2))
		ras.Draw(img, img.Bounds(), image.NewUniform(it.col), image.Point{})
		ras.Reset(img.Bounds().Dx(), img.Bounds().Dy())
		text(it.text, box.Min.X+34, y+ascent)
	}
	return img
}
