package chart

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// forcedTheme is Fyne's default theme in a fixed variant, as the app's own
// theme is when the user picks light or dark.
type forcedTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t forcedTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// show puts w alone on a headless window of size in the given variant.
func show(t testing.TB, w fyne.Widget, size fyne.Size, v fyne.ThemeVariant) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(forcedTheme{theme.DefaultTheme(), v})
	win := test.NewTempWindow(t, w)
	win.SetPadded(false)
	win.Resize(size)
	w.Refresh()
	return win
}

func objects(w fyne.Widget) []fyne.CanvasObject { return test.WidgetRenderer(w).Objects() }

// texts are the strings the chart shows, in drawing order.
func texts(w fyne.Widget) []string {
	var out []string
	for _, o := range objects(w) {
		if t, ok := o.(*canvas.Text); ok && t.Visible() {
			out = append(out, t.Text)
		}
	}
	return out
}

// textObj is the shown text s, failing when there is none.
func textObj(t *testing.T, w fyne.Widget, s string) *canvas.Text {
	t.Helper()
	for _, o := range objects(w) {
		if x, ok := o.(*canvas.Text); ok && x.Text == s {
			return x
		}
	}
	t.Fatalf("no text %q among %q", s, texts(w))
	return nil
}

func sameColour(a, b color.Color) bool {
	return color.NRGBAModel.Convert(a) == color.NRGBAModel.Convert(b)
}

// dots are the centres of the data points filled with c (those ringed in
// the background colour; the legend's dots are not).
func dots(w fyne.Widget, c color.Color) []fyne.Position {
	var out []fyne.Position
	for _, o := range objects(w) {
		if d, ok := o.(*canvas.Circle); ok && sameColour(d.FillColor, c) && d.StrokeWidth > 0 {
			r := d.Size().Width / 2
			out = append(out, d.Position().AddXY(r, r))
		}
	}
	return out
}

// lines are the lines stroked in c.
func lines(w fyne.Widget, c color.Color) []*canvas.Line {
	var out []*canvas.Line
	for _, o := range objects(w) {
		if l, ok := o.(*canvas.Line); ok && sameColour(l.StrokeColor, c) {
			out = append(out, l)
		}
	}
	return out
}

// hasDot says whether a dot of colour c is centred within half a unit of p.
func hasDot(w fyne.Widget, c color.Color, p fyne.Position) bool {
	for _, d := range dots(w, c) {
		if near(d.X, p.X) && near(d.Y, p.Y) {
			return true
		}
	}
	return false
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.5 }

// capture renders the window; when ILSA_CHART_PNG names a folder it also
// writes the image there as name.png, to look at.
func capture(t *testing.T, win fyne.Window, name string) image.Image {
	t.Helper()
	img := win.Canvas().Capture()
	if dir := os.Getenv("ILSA_CHART_PNG"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	return img
}

// countColour counts the pixels of img within a small distance of c: how
// much of a series a user sees.
func countColour(img image.Image, c color.Color) int {
	want := color.NRGBAModel.Convert(c).(color.NRGBA)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if absDiff(p.R, want.R) < 12 && absDiff(p.G, want.G) < 12 && absDiff(p.B, want.B) < 12 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

var variants = []struct {
	name string
	v    fyne.ThemeVariant
}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}}
