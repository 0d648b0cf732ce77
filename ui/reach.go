package ui

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// reachStore: what an innovation actor passed on to enterprises (the
// project's second wave).
type reachStore interface {
	Reaches(ctx context.Context, q data.ReachQuery) ([]domain.Reach, error)
	CreateReach(ctx context.Context, r *domain.Reach) error
	DeleteReach(ctx context.Context, id string) error
	RestoreReach(ctx context.Context, id string) error
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
}

var _ reachStore = (*data.Store)(nil)

func (u *UI) storeForReach() reachStore { return u.store }

// orgReach is the part of an innovation actor's Relations tab that
// records the enterprises it reached with what it learnt in the project:
// reported apart from the project's own support. An enterprise's page
// has none.
type orgReach struct {
	u     *UI
	view  *fyne.Container
	actor domain.Organisation
	gen   atomic.Int64
	total *widget.Label
	rows  *fyne.Container
}

func newOrgReach(u *UI) *orgReach {
	tr := u.tr
	r := &orgReach{u: u}
	head := widget.NewLabelWithStyle(tr.T("ui.reach.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(tr.T("ui.reach.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	add := widget.NewButtonWithIcon(tr.T("ui.reach.add"), theme.ContentAddIcon(), func() {
		if r.actor.ID != "" {
			u.newReachDialog(r.actor, func() { r.load(r.actor) })
		}
	})
	r.total = widget.NewLabel("")
	r.rows = container.NewVBox()
	r.view = container.NewVBox(widget.NewSeparator(), head, hint, container.NewHBox(add, r.total), r.rows)
	r.view.Hide()
	return r
}

// load shows o's records when o is an innovation actor, and hides the
// part otherwise.
func (r *orgReach) load(o domain.Organisation) {
	r.actor = o
	if !o.Kind.IsInnovationActor() {
		r.view.Hide()
		return
	}
	r.view.Show()
	st, tr := r.u.storeForReach(), r.u.tr
	type line struct {
		rec  domain.Reach
		text string
	}
	newest(r.u, &r.gen, func() ([]line, error) {
		recs, err := st.Reaches(r.u.ctx(), data.ReachQuery{ActorID: o.ID})
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, rec := range recs {
			ids = append(ids, rec.OrgIDs...)
		}
		orgs, err := st.OrganisationsByID(r.u.ctx(), ids)
		if err != nil {
			return nil, err
		}
		out := make([]line, 0, len(recs))
		for _, rec := range recs {
			var names []string
			for _, id := range rec.OrgIDs {
				if org, ok := orgs[id]; ok {
					names = append(names, org.Name)
				}
			}
			if rec.Others > 0 {
				names = append(names, tr.N("ui.reach.others", rec.Others, "N", tr.Number(rec.Others)))
			}
			text := tr.DateString(rec.Date) + " · " + strings.Join(names, ", ")
			if rec.Notes != "" {
				first, _, _ := strings.Cut(rec.Notes, "\n")
				text += " — " + first
			}
			out = append(out, line{rec, text})
		}
		return out, nil
	}, func(lines []line) {
		if r.actor.ID != o.ID {
			return
		}
		r.rows.RemoveAll()
		n := 0
		for _, l := range lines {
			n += l.rec.Reached()
			rec := l.rec
			label := widget.NewLabel(l.text)
			label.Truncation = fyne.TextTruncateEllipsis
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.remove(rec) })
			del.Importance = widget.LowImportance
			r.rows.Add(container.NewBorder(nil, nil, nil, del, label))
		}
		r.total.SetText(tr.N("ui.reach.total", n, "N", tr.Number(n)))
		r.total.Hidden = len(lines) == 0
		r.rows.Refresh()
	})
}

// remove deletes a record off the UI goroutine and offers Undo.
func (r *orgReach) remove(rec domain.Reach) {
	u, actor := r.u, r.actor
	st := u.storeForReach()
	reload := func() {
		if r.actor.ID == actor.ID {
			r.load(actor)
		}
	}
	u.background(func() func() {
		err := st.DeleteReach(u.ctx(), rec.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.undo.offer(u.tr.T("ui.reach.deleted", "Date", u.tr.DateString(rec.Date)),
				func() error { return st.RestoreReach(u.ctx(), rec.ID) }, reload)
			reload()
		}
	})
}
