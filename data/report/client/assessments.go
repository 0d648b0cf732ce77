package client

import (
	"strconv"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// assessments: the latest finished assessment of each model, in the order
// the models were first used.
func (r *report) assessments() {
	keep := 20.0
	if len(r.c.models) > 0 {
		keep = r.partKeep(&r.c.models[0])
	}
	r.heading(r.tr.T("report.client.assessments"), keep)
	if len(r.c.models) == 0 {
		r.para(r.left, r.width, r.tr.T("report.client.assessments_none"), "", sizeBody, colMuted)
		return
	}
	for i := range r.c.models {
		mp := &r.c.models[i]
		switch {
		case mp.progress != nil:
			r.scale(mp)
		case mp.model.Kind == models.KindCanvas:
			r.canvas(mp)
		default:
			r.checklist(mp)
		}
	}
	r.modelCredits()
}

// modelCredits credits every model the report used: its source, author and
// licence, as the model file gives them (a model like the Business Model
// Canvas is CC BY-SA and must be credited wherever it is reproduced).
func (r *report) modelCredits() {
	r.space(3)
	r.para(r.left, r.width, r.tr.T("report.client.model_credits"), "", sizeSmall, colText)
	for i := range r.c.models {
		m := r.c.models[i].model
		if line := r.tr.ModelCredit(m); line != "" {
			r.space(1)
			r.para(r.left, r.width, m.Name.In(r.lang)+" — "+line, "", sizeSmall, colMuted)
		}
	}
}

// scale: radar, levels against targets, the next step, levels over time.
func (r *report) scale(mp *modelPart) {
	pr := mp.progress
	m := pr.Model
	hasRadar := hasRadar(m)
	r.subheading(m.Name.In(r.lang), r.partKeep(mp)-r.subheadingHeight())
	r.para(r.left, r.width, r.tr.N("report.client.assessed", len(pr.Points), "Date", r.tr.DateString(pr.Latest().Date)),
		"", sizeSmall, colMuted)
	r.space(2)
	if hasRadar {
		r.radar(pr)
		r.space(2)
	}
	r.levelsTable(pr)
	r.nextStep(pr)
	if len(pr.Points) >= 2 {
		r.space(3)
		r.ensure(lineHeight(sizeBody) + smallHeight + 4)
		r.para(r.left, r.width, r.tr.T("report.client.over_time"), "B", sizeBody, colText)
		if len(pr.Targets) > 0 {
			r.para(r.left, r.width, r.tr.T("report.client.target_line"), "", sizeSmall, colMuted)
		}
		r.space(1.5)
		r.levelCharts(pr)
	}
}

// hasRadar: a radar needs three axes to enclose an area; one or two
// dimensions (technology readiness) are shown by the table and line charts.
func hasRadar(m *models.Model) bool { return len(m.Dimensions) >= 3 }

// subheadingHeight is the height subheading takes, with its space above.
func (r *report) subheadingHeight() float64 { return 4 + lineHeight(sizeH2) + 1.5 }

// partKeep is the height a model's heading keeps with it: its name, date
// line and the radar (or the first table rows).
func (r *report) partKeep(mp *modelPart) float64 {
	h := r.subheadingHeight() + lineHeight(sizeSmall) + 2
	if mp.progress != nil && hasRadar(mp.model) {
		return h + radarHeight() + 2
	}
	return h + 15
}

// levelsTable: each dimension's first, previous and latest level, and its
// target with its state.
func (r *report) levelsTable(pr *data.Progress) {
	m := pr.Model
	t := newTable(r.page, true,
		column{title: r.tr.T("report.client.col.dimension")},
		column{title: r.tr.T("report.client.col.first"), width: 16, align: "C"},
		column{title: r.tr.T("report.client.col.previous"), width: 21, align: "C"},
		column{title: r.tr.T("report.client.col.latest"), width: 16, align: "C"},
		column{title: r.tr.T("report.client.col.target"), width: 13, align: "C"},
		column{title: r.tr.T("report.client.col.target_due"), width: max(22, r.dateWidth()), align: "C"},
		column{title: r.tr.T("field.status"), width: 26})
	t.start()
	level := func(pt *data.ProgressPoint, dim string) string {
		if pt == nil {
			return dash
		}
		if l, ok := pt.Levels[dim]; ok {
			return strconv.Itoa(l)
		}
		return dash
	}
	var first, prev *data.ProgressPoint
	if len(pr.Points) >= 2 {
		first = pr.First()
	}
	if len(pr.Points) >= 3 {
		prev = pr.Previous()
	}
	latest := pr.Latest()
	for _, d := range m.Dimensions {
		target, due, status := dash, dash, cell{}
		if tg, ok := pr.Targets[d.ID]; ok {
			target, due = strconv.Itoa(tg.Level), orDash(r.tr.DateString(tg.Due))
			status = r.targetStatus(tg, latest.Levels[d.ID])
		}
		t.row(plain(d.Name.In(r.lang)), plain(level(first, d.ID)), plain(level(prev, d.ID)),
			cell{text: level(latest, d.ID), bold: true}, plain(target), plain(due), status)
	}
}

// targetStatus: met when the latest level reaches the target, overdue when
// its date has passed before that, else not yet.
func (r *report) targetStatus(tg data.Target, current int) cell {
	switch {
	case current >= tg.Level:
		return cell{text: r.tr.T("report.client.status.met"), color: &colTarget}
	case tg.Due != "" && tg.Due < r.opts.Today:
		return cell{text: r.tr.T("report.client.status.overdue"), color: &colOverdue, bold: true}
	}
	return plain(r.tr.T("report.client.status.not_yet"))
}

// nextStep: the suggestion in a tinted box — the weakest dimension and what
// its next level looks like.
func (r *report) nextStep(pr *data.Progress) {
	var head, body string
	if n := pr.Next; n != nil {
		name := n.Dimension
		if d, ok := pr.Model.Dimension(n.Dimension); ok {
			name = d.Name.In(r.lang)
		}
		head = r.tr.T("report.client.next_step_text", "Dimension", name, "Level", n.Level, "Next", n.NextLevel.Level)
		body = n.NextLevel.Text.In(r.lang)
	} else if len(pr.Latest().Levels) > 0 {
		head = r.tr.T("report.client.next_step_top")
	} else {
		return
	}
	const pad = 3.0
	inner := r.width - 2*pad
	r.font("B", sizeBody)
	headLines := r.lines(r.tr.T("report.client.next_step")+": "+head, inner)
	r.font("", sizeBody)
	bodyLines := []string{}
	if body != "" {
		bodyLines = r.lines(body, inner)
	}
	lh := lineHeight(sizeBody)
	h := float64(len(headLines)+len(bodyLines))*lh + 2*pad
	r.space(3)
	r.ensure(h)
	y := r.GetY()
	r.fill(colBoxBg)
	r.Rect(r.left, y, r.width, h, "F")
	r.fill(colAccent)
	r.Rect(r.left, y, 1.2, h, "F")
	r.text(colText)
	yy := y + pad
	r.font("B", sizeBody)
	for _, l := range headLines {
		r.SetXY(r.left+pad, yy)
		r.CellFormat(inner, lh, l, "", 0, "L", false, 0, "")
		yy += lh
	}
	r.font("", sizeBody)
	for _, l := range bodyLines {
		r.SetXY(r.left+pad, yy)
		r.CellFormat(inner, lh, l, "", 0, "L", false, 0, "")
		yy += lh
	}
	r.SetXY(r.left, y+h)
}

// answers indexes an assessment's answers by dimension.
func answers(a *domain.Assessment) map[string]domain.Answer {
	out := make(map[string]domain.Answer, len(a.Answers))
	for _, ans := range a.Answers {
		out[ans.Dimension] = ans
	}
	return out
}

// modelHead is the heading, date and comment of a canvas or checklist.
func (r *report) modelHead(mp *modelPart, keep float64) {
	r.subheading(mp.model.Name.In(r.lang), keep)
	r.para(r.left, r.width, r.tr.T("report.client.assessed_on", "Date", r.tr.DateString(mp.latest.Date)), "", sizeSmall, colMuted)
	if mp.latest.Comment != "" {
		r.para(r.left, r.width, paragraphs(mp.latest.Comment), "", sizeBody, colText)
	}
	r.space(1.5)
}

// canvas: every block with its text, in the model's order.
func (r *report) canvas(mp *modelPart) {
	t := newTable(r.page, false, column{width: 48}, column{})
	r.modelHead(mp, t.minRows())
	ans := answers(mp.latest)
	r.rule()
	for _, d := range mp.model.Dimensions {
		t.row(cell{text: d.Name.In(r.lang), bold: true}, plain(orDash(paragraphs(ans[d.ID].Text))))
	}
}

// checklist: the items that apply, with their comments.
func (r *report) checklist(mp *modelPart) {
	t := newTable(r.page, true,
		column{title: r.tr.T("report.client.col.item"), width: 62},
		column{title: r.tr.T("report.client.col.comment")})
	r.modelHead(mp, t.minRows())
	ans := answers(mp.latest)
	var rows [][2]string
	for i, d := range mp.model.Dimensions {
		if a, ok := ans[d.ID]; ok && a.Applies {
			rows = append(rows, [2]string{strconv.Itoa(i+1) + ". " + d.Name.In(r.lang), paragraphs(a.Comment)})
		}
	}
	if len(rows) == 0 {
		r.para(r.left, r.width, r.tr.T("report.client.checklist_none"), "", sizeBody, colMuted)
		return
	}
	t.start()
	for _, row := range rows {
		t.row(cell{text: row[0], bold: true}, plain(row[1]))
	}
}
