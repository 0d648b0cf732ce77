package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// showBreakdown lists the chosen table: each value, its visits and hours.
func (s *reportsScreen) showBreakdown() {
	r, tr := s.report, s.u.tr
	s.breakdown.RemoveAll()
	if r == nil {
		return
	}
	d := indicators.Dimension(s.breakdownSel.Value())
	b := r.Breakdown(d)
	if b == nil {
		return
	}
	col, _ := indicators.DimensionTitle(d, tr)
	head := container.NewGridWithColumns(3, boldLabel(col), boldLabel(tr.T("report.indicators.col.visits")),
		boldLabel(tr.T("report.indicators.col.hours")))
	s.breakdown.Add(head)
	for _, row := range b.Rows {
		label := indicators.RowLabel(d, row.Key, tr)
		f := indicators.Figure{Value: row.Visits, Visits: row.VisitIDs, Orgs: row.OrgIDs}
		v := widget.NewHyperlink(tr.Number(row.Visits), nil)
		v.OnTapped = func() { s.drill(col+": "+label, f) }
		s.breakdown.Add(container.NewGridWithColumns(3, widget.NewLabel(label), v, widget.NewLabel(hours(s.u, row.Minutes))))
	}
	if len(b.Rows) == 0 {
		none := widget.NewLabel(tr.T("ui.reports.no_visits"))
		none.Importance = widget.LowImportance
		s.breakdown.Add(none)
	}
	s.breakdown.Refresh()
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// figureLayout lines indicator rows up in three columns: code, label
// (taking the room) and the number.
type figureLayout struct{}

const figureCodeWidth, figureValueWidth = 70, 110

func (figureLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for i := 0; i+2 < len(objs); i += 3 {
		h += max(objs[i+1].MinSize().Height, objs[i+2].MinSize().Height) + theme.Padding()
	}
	return fyne.NewSize(figureCodeWidth+figureValueWidth+200, h)
}

func (figureLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	labelW := size.Width - figureCodeWidth - figureValueWidth - 2*theme.Padding()
	for i := 0; i+2 < len(objs); i += 3 {
		h := max(objs[i+1].MinSize().Height, objs[i+2].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(figureCodeWidth, h))
		objs[i+1].Move(fyne.NewPos(figureCodeWidth+theme.Padding(), y))
		objs[i+1].Resize(fyne.NewSize(labelW, h))
		objs[i+2].Move(fyne.NewPos(size.Width-figureValueWidth, y))
		objs[i+2].Resize(fyne.NewSize(figureValueWidth, h))
		y += h + theme.Padding()
	}
}
