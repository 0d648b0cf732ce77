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
	f := face(st.TextSize)
	if f == nil {
		return
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
	w := font.MeasureString(f, l.Title).Ceil()
	for _, it := range items {
		w = max(w, font.MeasureString(f, it.text).Ceil()+28)
	}
	box := image.Rect(6, 6, 6+w+16, 6+h*(len(items)+1)+10)
	draw.Draw(img, box, image.NewUniform(st.LabelBack), image.Point{}, draw.Over)
	text := func(s string, x, y int) {
		d := font.Drawer{Dst: img, Src: image.NewUniform(st.Text), Face: f, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	ascent := f.Metrics().Ascent.Ceil()
	text(l.Title, box.Min.X+8, box.Min.Y+6+ascent)
	ras := vector.NewRasterizer(img.Bounds().Dx(), img.Bounds().Dy())
	for k, it := range items {
		y := box.Min.Y + 6 + h*(k+1)
		it.mark(ras, float64(box.Min.X+18), float64(y+h/2-2))
		ras.Draw(img, img.Bounds(), image.NewUniform(it.col), image.Point{})
		ras.Reset(img.Bounds().Dx(), img.Bounds().Dy())
		text(it.text, box.Min.X+34, y+ascent)
	}
}
