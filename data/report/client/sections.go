package client

import (
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
)

// titleBlock: what the report is, whose it is, when and by whom.
func (r *report) titleBlock() {
	o := r.c.org
	r.font("", sizeH2)
	r.text(colMuted)
	r.SetXY(r.left, r.top)
	r.CellFormat(r.width, lineHeight(sizeH2), r.tr.T("report.client.title"), "", 2, "L", false, 0, "")
	r.para(r.left, r.width, o.Name, "B", 20, colText)
	y := r.GetY() + 1.5
	r.draw(colAccent)
	r.SetLineWidth(0.6)
	r.Line(r.left, y, r.right, y)
	r.SetXY(r.left, y+3)

	municipality := ""
	switch {
	case o.Municipality == domain.MunicipalityOther:
		municipality = r.tr.T("ui.municipality.other")
	case o.Municipality != "":
		municipality = o.Municipality
		if m, ok := domain.MunicipalityByCode(o.Municipality); ok {
			municipality = m.Name
		}
	}
	sector := ""
	if s, ok := domain.SectorByCode(o.Sector); ok {
		sector = s.Code + " – " + s.Name(r.lang)
	}
	kind := ""
	if o.Kind != "" {
		kind = r.tr.Kind(o.Kind)
	}
	size := ""
	if o.Size() != domain.SizeUnknown {
		size = r.tr.Size(o.Size())
	}
	r.facts(2, [][2]string{
		{r.tr.T("field.orgnr"), o.OrgNumberMasked()},
		{r.tr.T("field.municipality"), municipality},
		{r.tr.T("field.sector"), sector},
		{r.tr.T("field.size"), size},
		{r.tr.T("field.kind"), kind},
		{r.tr.T("report.client.date"), r.tr.DateString(r.opts.Today)},
		{r.tr.T("field.advisor"), r.opts.Advisor},
	})
}

// facts lays label–value pairs out in perCol pairs per row, labels small and
// grey; an unknown value shows a dash.
func (r *report) facts(perRow int, pairs [][2]string) {
	var cols []column
	for range perRow {
		cols = append(cols, column{width: 36}, column{})
	}
	t := newTable(r.page, false, cols...)
	t.rules = false
	t.pad = 0.9
	for i := 0; i < len(pairs); i += perRow {
		var cells []cell
		for j := i; j < i+perRow; j++ {
			if j < len(pairs) {
				cells = append(cells, cell{text: pairs[j][0], muted: true}, plain(orDash(pairs[j][1])))
			}
		}
		t.row(cells...)
	}
}

// profile: what the advisor knows about the organisation, and who to talk to.
func (r *report) profile() {
	o := r.c.org
	var pairs [][2]string
	add := func(label, v string) {
		if strings.TrimSpace(v) != "" {
			pairs = append(pairs, [2]string{label, v})
		}
	}
	if o.Country != "" {
		add(r.tr.T("field.country"), r.tr.Country(o.Country))
	}
	if o.Employees != nil {
		add(r.tr.T("field.employees"), r.tr.Number(*o.Employees))
	}
	if o.LeaderGender != domain.LeaderUnknown {
		add(r.tr.T("field.leader_gender"), r.tr.Leader(o.LeaderGender))
	}
	if o.Sustainability != domain.SustainabilityUnknown || o.SustainabilityNotes != "" {
		s := r.tr.Sustainability(o.Sustainability)
		if o.SustainabilityNotes != "" {
			s += "\n" + paragraphs(o.SustainabilityNotes)
		}
		add(r.tr.T("field.sustainability"), s)
	}
	add(r.tr.T("field.tags"), strings.Join(o.Tags, ", "))
	add(r.tr.T("field.notes"), paragraphs(o.Notes))
	if len(pairs) == 0 && len(r.c.contacts) == 0 {
		return
	}
	r.heading(r.tr.T("report.client.profile"), 12)
	if len(pairs) > 0 {
		r.facts(1, pairs)
	}
	if len(r.c.contacts) == 0 {
		return
	}
	t := newTable(r.page, true,
		column{title: r.tr.T("field.name"), width: 44},
		column{title: r.tr.T("field.role"), width: 40},
		column{title: r.tr.T("field.email")},
		column{title: r.tr.T("field.phone"), width: 32})
	r.subheading(r.tr.T("report.client.contacts"), t.minRows())
	t.start()
	for _, c := range r.c.contacts {
		t.row(plain(c.Name), plain(c.Role), plain(c.Email), plain(c.Phone))
	}
}

// visits: the timeline, oldest first, of the newest MaxVisits visits.
func (r *report) visits() {
	vs := r.c.visits
	t := newTable(r.page, true,
		column{title: r.tr.T("field.date"), width: r.dateWidth()},
		column{title: r.tr.T("field.type"), width: r.typeWidth()},
		column{title: r.tr.T("report.client.col.minutes"), width: 13, align: "C"},
		column{title: r.tr.T("field.advisor"), width: 30},
		column{title: r.tr.T("field.notes")})
	r.heading(r.tr.T("report.client.visits"), t.minRows())
	if len(vs) == 0 {
		r.para(r.left, r.width, r.tr.T("report.client.visits_none"), "", sizeBody, colMuted)
		return
	}
	shown := vs[:min(len(vs), r.opts.MaxVisits)]
	if left := len(vs) - len(shown); left > 0 {
		r.para(r.left, r.width, r.tr.N("report.client.visits_more", left), "", sizeSmall, colMuted)
		r.space(1.5)
	}
	shown = slices.Clone(shown)
	slices.Reverse(shown)
	t.start()
	for _, v := range shown {
		typ := ""
		if v.Type != "" {
			typ = r.tr.VisitType(v.Type)
		}
		mins := ""
		if v.Minutes > 0 {
			mins = r.tr.Number(v.Minutes)
		}
		t.row(plain(r.tr.DateString(v.Date)), plain(typ), plain(mins), plain(v.Advisor),
			plain(shorten(v.Notes, maxNoteRunes)))
	}
}

// openActions: what is still to be done, by due date; overdue dates in red.
func (r *report) openActions() {
	t := newTable(r.page, true,
		column{title: r.tr.T("report.client.col.action")},
		column{title: r.tr.T("field.due"), width: r.dateWidth() + 2},
		column{title: r.tr.T("field.owner"), width: 30},
		column{title: r.tr.T("report.client.col.linked"), width: 44})
	r.heading(r.tr.T("report.client.actions"), t.minRows())
	if len(r.c.actions) == 0 {
		r.para(r.left, r.width, r.tr.T("report.client.actions_none"), "", sizeBody, colMuted)
		return
	}
	t.start()
	for _, a := range r.c.actions {
		due := plain(r.tr.DateString(a.Due))
		if a.IsOverdue(r.opts.Today) {
			due.color, due.bold = &colOverdue, true
		}
		t.row(plain(paragraphs(a.Text)), due, plain(a.Owner), plain(r.linkName(a.Action)))
	}
}

// linkName names the model dimension an action is linked to.
func (r *report) linkName(a domain.Action) string {
	if a.ModelID == "" {
		return ""
	}
	m, ok := r.c.lib.Latest(a.ModelID)
	if !ok {
		return a.ModelID + " " + a.Dimension
	}
	name := m.Name.In(r.lang)
	if d, ok := m.Dimension(a.Dimension); ok {
		return name + ": " + d.Name.In(r.lang)
	}
	return name
}

// typeWidth is a column wide enough for every word of every visit type in
// the reader's language (nb "Arrangement"), so none is pushed past its edge.
func (r *report) typeWidth() float64 {
	r.font("", sizeBody)
	types := make([]string, len(domain.VisitTypes))
	for i, t := range domain.VisitTypes {
		types[i] = r.tr.VisitType(t)
	}
	return max(22, pdfdoc.WordWidth(r.Fpdf, types...)+0.5)
}

// dateWidth is a column wide enough for any date in the reader's form in
// body text ("28 May 2026" is the widest English one), so dates never wrap.
func (r *report) dateWidth() float64 {
	r.font("B", sizeBody) // bold: an overdue date is emphasised
	w := 0.0
	for _, d := range []string{"2026-05-28", "2026-09-28", "2026-12-28"} {
		w = max(w, r.GetStringWidth(r.tr.DateString(d)))
	}
	return w + 2*r.GetCellMargin() + 0.5
}
