package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// canvasBlock is one block of a canvas model: its name over a text area
// whose placeholder is the block's question, framed like a box on paper.
func (f *assessForm) canvasBlock(r *answerRow, d *models.Dimension, ans domain.Answer) fyne.CanvasObject {
	lang := f.u.tr.Lang()
	r.comment = f.entry(false) // canvas blocks keep a stored comment, not shown
	r.comment.SetText(ans.Comment)
	r.text = f.entry(true)
	r.text.Wrapping = fyne.TextWrapWord
	r.text.SetMinRowsVisible(4)
	r.text.SetPlaceHolder(d.Description.In(lang))
	r.text.SetText(ans.Text)
	name := widget.NewLabelWithStyle(d.Name.In(lang), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	frame := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	frame.StrokeWidth = 1
	frame.CornerRadius = theme.Size(theme.SizeNameInputRadius)
	body := container.NewBorder(name, f.form.ProblemLine("answers."+d.ID), nil, nil, r.text)
	return container.NewStack(frame, container.NewPadded(body))
}

// canvasArea places a block on the canvas grid, in grid cells.
type canvasArea struct{ col, row, cols, rows int }

// businessModelCanvas is the canvas as its authors drew it: partners,
// activities and resources left, the value proposition in the middle,
// relationships, channels and segments right, costs and revenues below.
var businessModelCanvas = map[string]canvasArea{
	"key-partners":           {0, 0, 2, 2},
	"key-activities":         {2, 0, 2, 1},
	"key-resources":          {2, 1, 2, 1},
	"value-propositions":     {4, 0, 2, 2},
	"customer-relationships": {6, 0, 2, 1},
	"channels":               {6, 1, 2, 1},
	"customer-segments":      {8, 0, 2, 2},
	"cost-structure":         {0, 2, 5, 1},
	"revenue-streams":        {5, 2, 5, 1},
}

// canvasLayout lays a canvas model's blocks out on a grid: the classic
// arrangement for the Business Model Canvas, and rows of three (or fewer,
// evenly) for any other canvas, such as PESTEL.
type canvasLayout struct {
	areas      []canvasArea // in the model's block order
	cols, rows int
}

func newCanvasLayout(m *models.Model) *canvasLayout {
	l := &canvasLayout{}
	known := len(m.Dimensions) == len(businessModelCanvas)
	for _, d := range m.Dimensions {
		if _, ok := businessModelCanvas[d.ID]; !ok {
			known = false
		}
	}
	if known {
		l.cols, l.rows = 10, 3
		for _, d := range m.Dimensions {
			l.areas = append(l.areas, businessModelCanvas[d.ID])
		}
		return l
	}
	n := len(m.Dimensions)
	l.cols = min(3, max(1, n))
	l.rows = int(math.Ceil(float64(n) / float64(l.cols)))
	for i := range n {
		l.areas = append(l.areas, canvasArea{i % l.cols, i / l.cols, 1, 1})
	}
	return l
}

// cell is the smallest grid cell that gives every block its minimum size.
func (l *canvasLayout) cell(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var w, h float32
	for i, o := range objs {
		if i >= len(l.areas) {
			break
		}
		a, min := l.areas[i], o.MinSize()
		w = max(w, (min.Width-pad*float32(a.cols-1))/float32(a.cols))
		h = max(h, (min.Height-pad*float32(a.rows-1))/float32(a.rows))
	}
	return fyne.NewSize(w, h)
}

func (l *canvasLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	c, pad := l.cell(objs), theme.Padding()
	return fyne.NewSize(c.Width*float32(l.cols)+pad*float32(l.cols-1),
		c.Height*float32(l.rows)+pad*float32(l.rows-1))
}

func (l *canvasLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cw := (size.Width - pad*float32(l.cols-1)) / float32(l.cols)
	ch := (size.Height - pad*float32(l.rows-1)) / float32(l.rows)
	for i, o := range objs {
		if i >= len(l.areas) {
			o.Hide()
			continue
		}
		a := l.areas[i]
		o.Move(fyne.NewPos(float32(a.col)*(cw+pad), float32(a.row)*(ch+pad)))
		o.Resize(fyne.NewSize(cw*float32(a.cols)+pad*float32(a.cols-1), ch*float32(a.rows)+pad*float32(a.rows-1)))
	}
}
