package ui

import (
	"image"
	"image/color"
	"image/draw"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"eu.ilsa.coach/ilsa/data/domain"
)

// countryFlag is a small flag of Sweden or Norway (blank for a country not
// given), drawn rather than an emoji, which the app's font does not have.
func countryFlag(c domain.Country) fyne.CanvasObject {
	img := canvas.NewImageFromImage(flagImage(c))
	img.FillMode = canvas.ImageFillContain
	img.ScaleMode = canvas.ImageScalePixels
	img.SetMinSize(fyne.NewSize(24, 16))
	return img
}

// flagImage draws a Nordic cross flag 18×12 at its proportions.
func flagImage(c domain.Country) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 18, 12))
	fill := func(r image.Rectangle, col color.Color) {
		draw.Draw(img, r, image.NewUniform(col), image.Point{}, draw.Src)
	}
	switch c {
	case domain.CountrySE:
		fill(img.Bounds(), color.RGBA{0x00, 0x6a, 0xa7, 0xff})
		yellow := color.RGBA{0xfe, 0xcc, 0x02, 0xff}
		fill(image.Rect(5, 0, 7, 12), yellow)
		fill(image.Rect(0, 5, 18, 7), yellow)
	case domain.CountryNO:
		fill(img.Bounds(), color.RGBA{0xba, 0x0c, 0x2f, 0xff})
		fill(image.Rect(4, 0, 8, 12), color.White)
		fill(image.Rect(0, 4, 18, 8), color.White)
		blue := color.RGBA{0x00, 0x20, 0x5b, 0xff}
		fill(image.Rect(5, 0, 7, 12), blue)
		fill(image.Rect(0, 5, 18, 7), blue)
	}
	return img
}
