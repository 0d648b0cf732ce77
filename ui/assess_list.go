package ui

import (
	"strconv"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// orgAssessments is the organisation's Assessments tab: every model applied
// with the client, newest first, and a button to start a new one.
type orgAssessments struct {
	u     *UI
	view  fyne.CanvasObject
	orgID string
	gen   atomic.Int64        // the newest load wins when organisations change quickly
	rows  []domain.Assessment // newest first
	list  *widget.List
	empty *widget.Label
	// onChange runs after an assessment was saved (the Progress tab and the
	// actions' dimension choices follow).
	onChange func()
}

func newOrgAssessments(u *UI) *orgAssessments {
	a := &orgAssessments{u: u}
	a.list = widget.NewList(func() int { return len(a.rows) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			levels := widget.NewLabel("")
			levels.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, levels)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(a.rows) {
				return
			}
			title, levels := a.u.assessmentSummary(a.rows[i])
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(title)
			box.Objects[1].(*widget.Label).SetText(levels)
		})
	a.list.OnSelected = func(i widget.ListItemID) {
		a.list.UnselectAll()
		if i < len(a.rows) {
			a.u.openAssessment(a.rows[i], a.reload)
		}
	}
	a.empty = widget.NewLabel(u.tr.T("ui.assess.none"))
	a.empty.Importance = widget.LowImportance
	add := widget.NewButtonWithIcon(u.tr.T("ui.assess.new"), theme.ContentAddIcon(), func() {
		if a.orgID == "" {
			return
		}
		last := ""
		if len(a.rows) > 0 {
			last = a.rows[0].ModelID
		}
		a.u.newAssessment(assessStart{OrgID: a.orgID, ModelID: last}, a.reload)
	})
	a.view = container.NewBorder(container.NewHBox(add), nil, nil, nil, container.NewStack(a.empty, a.list))
	return a
}

func (a *orgAssessments) reload() {
	a.load(a.orgID)
	if a.onChange != nil {
		a.onChange()
	}
}

func (a *orgAssessments) load(orgID string) {
	a.orgID = orgID
	newest(a.u, &a.gen, func() ([]domain.Assessment, error) { return a.u.storeForAssessments().Assessments(a.u.ctx(), orgID) },
		func(rows []domain.Assessment) {
			// The store lists oldest first; the newest is what the advisor looks for.
			n := len(rows)
			a.rows = make([]domain.Assessment, n)
			for i, r := range rows {
				a.rows[n-1-i] = r
			}
			a.empty.Hidden = n > 0
			a.empty.Refresh()
			a.list.Refresh()
		})
}

// assessmentModel is the model version an assessment was made with (or the
// latest version of its model when that version is no longer loaded).
func (u *UI) assessmentModel(a domain.Assessment) (*models.Model, bool) {
	if m, ok := u.opt.Models.Version(a.ModelID, a.ModelVersion); ok {
		return m, true
	}
	return u.opt.Models.Latest(a.ModelID)
}

// assessmentSummary is one assessment's line in the list ("date · model ·
// version · status") and, for scales, its levels ("Kund/Behov 3 · …").
func (u *UI) assessmentSummary(a domain.Assessment) (title, levels string) {
	lang := u.tr.Lang()
	name := a.ModelID
	m, ok := u.assessmentModel(a)
	if ok {
		name = m.Name.In(lang)
	}
	title = strings.Join([]string{u.tr.DateString(a.Date), name,
		u.tr.T("ui.assess.version", "Version", a.ModelVersion), u.assessStatus(a.Status)}, " · ")
	if !ok {
		return title, ""
	}
	byDim := map[string]domain.Answer{}
	for _, ans := range a.Answers {
		byDim[ans.Dimension] = ans
	}
	switch m.Kind {
	case models.KindCanvas:
		filled := 0
		for _, d := range m.Dimensions {
			if strings.TrimSpace(byDim[d.ID].Text) != "" {
				filled++
			}
		}
		return title, u.tr.T("ui.assess.blocks_filled", "N", filled, "Of", len(m.Dimensions))
	case models.KindChecklist:
		var names []string
		for _, d := range m.Dimensions {
			if byDim[d.ID].Applies {
				names = append(names, d.Name.In(lang))
			}
		}
		if len(names) == 0 {
			return title, u.tr.T("ui.assess.none_apply")
		}
		return title, strings.Join(names, " · ")
	}
	var parts []string
	for _, d := range m.Dimensions {
		if ans, ok := byDim[d.ID]; ok && ans.Level != nil {
			parts = append(parts, d.Name.In(lang)+" "+strconv.Itoa(*ans.Level))
		}
	}
	return title, strings.Join(parts, " · ")
}

func (u *UI) assessStatus(s domain.AssessmentStatus) string {
	if s == domain.AssessmentDone {
		return u.tr.T("ui.assess.status.done")
	}
	return u.tr.T("ui.assess.status.draft")
}
