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
	if v := s.breakdownSel.Value(); v == splitByPartner || v == splitBySide {
		s.showSplit(v == splitBySide)
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

// figureLayout lines indicator rows up in four columns: code, label
// (taking the room), the period's number and the project's since its start.
type figureLayout struct{}

const figureCodeWidth, figureValueWidth, figureSinceWidth = 70, 110, 150

func (figureLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for i := 0; i+3 < len(objs); i += 4 {
		h += rowHeight(objs[i:i+4]) + theme.Padding()
	}
	return fyne.NewSize(figureCodeWidth+figureValueWidth+figureSinceWidth+200, h)
}

func rowHeight(row []fyne.CanvasObject) float32 {
	return max(row[1].MinSize().Height, row[2].MinSize().Height, row[3].MinSize().Height)
}

func (figureLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	labelW := size.Width - figureCodeWidth - figureValueWidth - figureSinceWidth - 3*theme.Padding()
	for i := 0; i+3 < len(objs); i += 4 {
		h := rowHeight(objs[i : i+4])
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(figureCodeWidth, h))
		objs[i+1].Move(fyne.NewPos(figureCodeWidth+theme.Padding(), y))
		objs[i+1].Resize(fyne.NewSize(labelW, h))
		objs[i+2].Move(fyne.NewPos(size.Width-figureSinceWidth-figureValueWidth, y))
		objs[i+2].Resize(fyne.NewSize(figureValueWidth, h))
		objs[i+3].Move(fyne.NewPos(size.Width-figureSinceWidth, y))
		objs[i+3].Resize(fyne.NewSize(figureSinceWidth, h))
		y += h + theme.Padding()
	}
}
