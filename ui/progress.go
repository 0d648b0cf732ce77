package ui

import (
	"strconv"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/ui/chart"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// orgProgress is the organisation's Progress tab: for each scale model it
// was assessed in, a radar of the latest assessment against the previous
// and the first, the level of every dimension over time with its target,
// the suggested next step and the actions working towards the targets.
type orgProgress struct {
	u     *UI
	view  fyne.CanvasObject
	orgID string
	gen   atomic.Int64

	all     []data.Progress
	actions []data.ActionRow // open actions linked to a dimension
	current int              // index into all

	model    *widgets.ChoiceSelect
	empty    *widget.Label
	body     *fyne.Container
	radar    *chart.Radar
	lines    *fyne.Container // one small line chart per dimension
	next     *widget.Label
	nextText *widget.Label
	nextAdd  *widget.Button
	targets  *fyne.Container

	// onAddAction prefills a new action linked to a dimension (the
	// Actions tab does the rest).
	onAddAction func(text, modelID, dimension, due string)
}

type progressData struct {
	all     []data.Progress
	actions []data.ActionRow
}

func newOrgProgress(u *UI) *orgProgress {
	tr := u.tr
	p := &orgProgress{u: u}
	p.model = widgets.NewChoiceSelect(nil, func(v string) {
		if i, err := strconv.Atoi(v); err == nil && i != p.current {
			p.current = i
			p.show()
		}
	})
	p.empty = widget.NewLabel(tr.T("ui.progress.none"))
	p.empty.Importance = widget.LowImportance
	p.empty.Wrapping = fyne.TextWrapWord
	p.radar = chart.NewRadar()
	p.radar.SetEmptyText(tr.T("ui.progress.none"))

	p.next = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.next.Wrapping = fyne.TextWrapWord
	p.nextText = widget.NewLabel("")
	p.nextText.Wrapping = fyne.TextWrapWord
	p.nextAdd = widget.NewButtonWithIcon(tr.T("ui.progress.add_action"), theme.ContentAddIcon(), p.addNextStep)
	p.targets = container.NewVBox()
	p.lines = container.NewGridWrap(fyne.NewSize(300, 170))

	// Wide enough for a long one-word axis name beside the ring (chart's
	// TestRadarKeepsALongWordWhole draws at this size).
	radarBox := container.New(&minSizeLayout{fyne.NewSize(400, 360)}, p.radar)
	right := container.NewVBox(heading(tr.T("ui.progress.next_step")), p.next, p.nextText, container.NewHBox(p.nextAdd),
		widget.NewSeparator(), heading(tr.T("ui.progress.targets")), p.targets)
	top := container.New(&besideOrBelowLayout{}, radarBox, right)
	p.body = container.NewVBox(top, widget.NewSeparator(), heading(tr.T("ui.progress.over_time")), p.lines)
	head := container.NewBorder(nil, nil, widget.NewLabel(tr.T("field.model")), nil, p.model.Select)
	p.view = container.NewBorder(head, nil, nil, nil,
		container.NewStack(container.NewPadded(p.empty), container.NewVScroll(p.body)))
	p.body.Hide()
	return p
}

// heading is a section title within a tab.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// minSizeLayout gives its object at least a minimum size (a chart has no
// natural size of its own).
type minSizeLayout struct{ min fyne.Size }

func (l *minSizeLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.min }
func (l *minSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// besideOrBelowLayout puts its second object beside the first, in equal
// halves, when both fit at their minimum widths, else under it: the radar
// and the next step share a wide tab and stack in a narrow one.
type besideOrBelowLayout struct{ width float32 } // the width last laid out

func (l *besideOrBelowLayout) beside(objs []fyne.CanvasObject) bool {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return (l.width-theme.Padding())/2 >= max(a.Width, b.Width)
}

func (l *besideOrBelowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	if l.beside(objs) {
		return fyne.NewSize(2*max(a.Width, b.Width)+theme.Padding(), max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height+theme.Padding())
}

func (l *besideOrBelowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	a, b := objs[0], objs[1]
	if l.beside(objs) {
		half := (size.Width - theme.Padding()) / 2
		a.Move(fyne.NewPos(0, 0))
		a.Resize(fyne.NewSize(half, size.Height))
		b.Move(fyne.NewPos(half+theme.Padding(), 0))
		b.Resize(fyne.NewSize(half, size.Height))
		return
	}
	ah := a.MinSize().Height
	a.Move(fyne.NewPos(0, 0))
	a.Resize(fyne.NewSize(size.Width, ah))
	b.Move(fyne.NewPos(0, ah+theme.Padding()))
	b.Resize(fyne.NewSize(size.Width, size.Height-ah-theme.Padding()))
}

func (p *orgProgress) reload() { p.load(p.orgID) }

func (p *orgProgress) load(orgID string) {
	if p.orgID != orgID {
		p.current = 0
	}
	p.orgID = orgID
	u := p.u
	lib := u.opt.Models // read here: a sync may replace it on the UI goroutine
	if lib == nil {
		return
	}
	newest(u, &p.gen, func() (progressData, error) {
		all, err := u.storeForAssessments().Progress(u.ctx(), orgID, lib)
		if err != nil {
			return progressData{}, err
		}
		acts, err := u.storeForAssessments().Actions(u.ctx(), data.ActionQuery{OrgID: orgID, Status: data.ActionsOpen})
		var linked []data.ActionRow
		for _, a := range acts {
			if a.ModelID != "" {
				linked = append(linked, a)
			}
		}
		return progressData{all, linked}, err
	}, func(d progressData) {
		p.all, p.actions = d.all, d.actions
		var choices []widgets.Choice
		for i, pr := range p.all {
			choices = append(choices, widgets.Choice{Value: strconv.Itoa(i), Label: pr.Model.Name.In(u.tr.Lang())})
		}
		p.model.SetChoices(choices)
		if p.current >= len(p.all) {
			p.current = 0
		}
		if len(p.all) > 0 {
			p.model.SetValue(strconv.Itoa(p.current))
		}
		p.show()
	})
}

// show draws the chosen model's progress.
func (p *orgProgress) show() {
	if len(p.all) == 0 {
		p.empty.Show()
		p.body.Hide()
		p.model.Disable()
		return
	}
	p.model.Enable()
	p.empty.Hide()
	p.body.Show()
	tr, lang := p.u.tr, p.u.tr.Lang()
	pr := &p.all[p.current]
	m := pr.Model

	axes := make([]string, len(m.Dimensions))
	for i, d := range m.Dimensions {
		axes[i] = d.Name.In(lang)
	}
	var series []chart.Series
	latest := pr.Latest()
	series = append(series, chart.Series{Name: tr.T("ui.progress.latest", "Date", tr.DateString(latest.Date)), Values: latest.Values(m)})
	if prev := pr.Previous(); prev != nil {
		series = append(series, chart.Series{Name: tr.T("ui.progress.previous", "Date", tr.DateString(prev.Date)), Values: prev.Values(m)})
	}
	if first := pr.First(); first != nil && len(pr.Points) > 2 {
		series = append(series, chart.Series{Name: tr.T("ui.progress.first", "Date", tr.DateString(first.Date)), Values: first.Values(m)})
	}
	p.radar.SetData(axes, m.Levels, series)

	p.lines.RemoveAll()
	for i, d := range m.Dimensions {
		var pts []chart.Point
		for _, pt := range pr.Points {
			if l, ok := pt.Levels[d.ID]; ok {
				pts = append(pts, chart.Point{Date: pt.Date, Value: float64(l)})
			}
		}
		target := 0.0
		if t, ok := pr.Targets[d.ID]; ok {
			target = float64(t.Level)
		}
		line := chart.NewLine()
		line.SetDateFormat(tr.DateString)
		line.SetEmptyText(tr.T("ui.progress.not_assessed"))
		name := d.Name.In(lang)
		// Unnamed: the title above says which dimension it is.
		line.SetData(m.Levels, []chart.LineSeries{{Points: pts, Target: target,
			Colour: chart.SeriesColour(fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant(), i)}})
		title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		p.lines.Add(container.NewBorder(title, nil, nil, nil, line))
	}

	if n := pr.Next; n != nil {
		d, _ := m.Dimension(n.Dimension)
		p.next.SetText(tr.T("ui.progress.next", "Dimension", d.Name.In(lang), "From", n.Level, "To", n.NextLevel.Level))
		p.nextText.SetText(n.NextLevel.Text.In(lang))
		p.nextAdd.Show()
	} else {
		p.next.SetText(tr.T("ui.progress.at_top"))
		p.nextText.SetText("")
		p.nextAdd.Hide()
	}
	p.showTargets(pr)
	p.body.Refresh()
}

// showTargets lists each dimension with a target: where it stands, the
// target and its date, whether it is met, and the open actions towards it.
func (p *orgProgress) showTargets(pr *data.Progress) {
	tr, lang := p.u.tr, p.u.tr.Lang()
	today := p.u.today8601()
	p.targets.RemoveAll()
	latest := pr.Latest()
	any := false
	for _, d := range pr.Model.Dimensions {
		t, ok := pr.Targets[d.ID]
		if !ok {
			continue
		}
		any = true
		now, has := latest.Levels[d.ID]
		status := tr.T("ui.progress.target.open")
		imp := widget.MediumImportance
		switch {
		case has && now >= t.Level:
			status, imp = tr.T("ui.progress.target.met"), widget.SuccessImportance
		case t.Due != "" && t.Due < today:
			status, imp = tr.T("ui.progress.target.overdue"), widget.DangerImportance
		}
		level := "–"
		if has {
			level = strconv.Itoa(now)
		}
		line := tr.T("ui.progress.target.line", "Dimension", d.Name.In(lang), "Now", level, "Target", t.Level)
		if t.Due != "" {
			line += " · " + tr.T("ui.progress.target.due", "Date", tr.DateString(t.Due))
		}
		// The status follows its line, so it never stands apart at the
		// far edge beside the scroll bar.
		colour := map[widget.Importance]fyne.ThemeColorName{widget.SuccessImportance: theme.ColorNameSuccess,
			widget.DangerImportance: theme.ColorNameError}[imp]
		if colour == "" {
			colour = theme.ColorNameForeground
		}
		row := widget.NewRichText(
			&widget.TextSegment{Text: line + " · ", Style: widget.RichTextStyleInline},
			&widget.TextSegment{Text: status, Style: widget.RichTextStyle{Inline: true, ColorName: colour, TextStyle: fyne.TextStyle{Bold: true}}})
		row.Wrapping = fyne.TextWrapWord
		p.targets.Add(row)
		for _, a := range p.actions {
			if a.ModelID == pr.Model.ID && a.Dimension == d.ID {
				al := widget.NewLabel("• " + a.Text + " · " + dueText(p.u, a.Action, today))
				al.Importance = widget.LowImportance
				al.Wrapping = fyne.TextWrapWord
				p.targets.Add(container.NewPadded(al))
			}
		}
	}
	if !any {
		l := widget.NewLabel(tr.T("ui.progress.no_targets"))
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		p.targets.Add(l)
	}
	p.targets.Add(layout.NewSpacer())
}

// addNextStep turns the suggested next step into a new action, linked to
// its dimension, for the advisor to adjust before adding it.
func (p *orgProgress) addNextStep() {
	if len(p.all) == 0 || p.all[p.current].Next == nil || p.onAddAction == nil {
		return
	}
	pr := &p.all[p.current]
	n := pr.Next
	d, _ := pr.Model.Dimension(n.Dimension)
	lang := p.u.tr.Lang()
	text := p.u.tr.T("ui.progress.action_text", "Dimension", d.Name.In(lang), "Level", n.NextLevel.Level)
	p.onAddAction(text, pr.Model.ID, n.Dimension, pr.Targets[n.Dimension].Due)
}
