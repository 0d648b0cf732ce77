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

// relationStore: an organisation's relations and the innovation-system map.
type relationStore interface {
	Relations(ctx context.Context, orgID string) ([]domain.Relation, error)
	CreateRelation(ctx context.Context, r *domain.Relation) error
	DeleteRelation(ctx context.Context, id string) error
	RestoreRelation(ctx context.Context, id string) error
	OrganisationsByID(ctx context.Context, ids []string) (map[string]domain.Organisation, error)
	SearchOrganisations(ctx context.Context, q data.OrgQuery) ([]data.OrgRow, error)
	Actors(ctx context.Context) ([]data.Actor, error)
}

var _ relationStore = (*data.Store)(nil)

func (u *UI) storeForRelations() relationStore { return u.store }

// relationRow is one relation as an organisation's page lists it: seen
// from that organisation, with the organisation at the other end.
type relationRow struct {
	rel   domain.Relation
	other domain.Organisation
}

// orgRelations lists an organisation's relations both ways, adds them and
// removes them with Undo.
type orgRelations struct {
	u     *UI
	view  fyne.CanvasObject
	orgID string
	gen   atomic.Int64 // the newest load wins when organisations change quickly
	rows  []relationRow
	list  *widget.List
	empty *widget.Label
}

func newOrgRelations(u *UI) *orgRelations {
	r := &orgRelations{u: u}
	r.list = widget.NewList(func() int { return len(r.rows) },
		func() fyne.CanvasObject {
			head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			head.Truncation = fyne.TextTruncateEllipsis
			when := widget.NewLabel("")
			when.Importance = widget.LowImportance
			when.Truncation = fyne.TextTruncateEllipsis
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			del.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(countryFlag("")), container.NewCenter(del),
				container.NewVBox(head, when))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(r.rows) {
				return
			}
			row := r.rows[i]
			box := o.(*fyne.Container)
			texts := box.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(r.headline(row))
			texts.Objects[1].(*widget.Label).SetText(r.period(row.rel))
			box.Objects[1].(*fyne.Container).Objects[0] = countryFlag(row.other.Country)
			box.Objects[2].(*fyne.Container).Objects[0].(*widget.Button).OnTapped = func() { r.remove(row) }
		})
	r.list.OnSelected = func(i widget.ListItemID) { // the other organisation's page
		r.list.UnselectAll()
		if i < len(r.rows) {
			u.selectOrg(r.rows[i].other.ID)
		}
	}
	r.empty = widget.NewLabel(u.tr.T("ui.relations.none"))
	r.empty.Importance = widget.LowImportance
	r.empty.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon(u.tr.T("ui.relations.add"), theme.ContentAddIcon(), func() {
		if r.orgID != "" {
			u.newRelationDialog(r.orgID, func() { r.load(r.orgID) })
		}
	})
	r.view = container.NewBorder(container.NewHBox(add), nil, nil, nil, container.NewStack(container.NewVBox(r.empty), r.list))
	return r
}

// headline reads the relation from the shown organisation: "member of
// Peak Innovation", "has as member Krokoms Kvarn AB".
func (r *orgRelations) headline(row relationRow) string {
	kind := r.u.tr.RelationKind(row.rel.Kind)
	if row.rel.ToOrg == r.orgID {
		kind = r.u.tr.RelationInverse(row.rel.Kind)
	}
	return upperFirst(kind) + " " + r.u.orgLabel(row.other)
}

// upperFirst starts s with a capital letter, as a line does.
func upperFirst(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}

// period is "from 1 Mar 2026 to 31 Dec 2026", or less when a date is missing.
func (r *orgRelations) period(rel domain.Relation) string {
	tr := r.u.tr
	var parts []string
	if rel.Start != "" {
		parts = append(parts, tr.T("ui.relations.since", "Date", tr.DateString(rel.Start)))
	}
	if rel.End != "" {
		parts = append(parts, tr.T("ui.relations.until", "Date", tr.DateString(rel.End)))
	}
	if rel.Notes != "" {
		first, _, _ := strings.Cut(rel.Notes, "\n")
		parts = append(parts, first)
	}
	return strings.Join(parts, " · ")
}

func (r *orgRelations) load(orgID string) {
	r.orgID = orgID
	st := r.u.storeForRelations()
	newest(r.u, &r.gen, func() ([]relationRow, error) {
		rels, err := st.Relations(r.u.ctx(), orgID)
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, rel := range rels {
			ids = append(ids, rel.Other(orgID))
		}
		orgs, err := st.OrganisationsByID(r.u.ctx(), ids)
		if err != nil {
			return nil, err
		}
		rows := make([]relationRow, 0, len(rels))
		for _, rel := range rels {
			rows = append(rows, relationRow{rel, orgs[rel.Other(orgID)]})
		}
		return rows, nil
	}, func(rows []relationRow) {
		r.rows = rows
		r.empty.Hidden = len(rows) > 0
		r.empty.Refresh()
		r.list.Refresh()
	})
}

// remove deletes the relation off the UI goroutine and offers Undo; a
// relation is one line to type again, so nothing asks first.
func (r *orgRelations) remove(row relationRow) {
	u, org := r.u, r.orgID
	st := u.storeForRelations()
	reload := func() {
		if r.orgID == org {
			r.load(org)
		}
	}
	u.background(func() func() {
		err := st.DeleteRelation(u.ctx(), row.rel.ID)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.undo.offer(u.tr.T("ui.relations.deleted", "Name", row.other.Name),
				func() error { return st.RestoreRelation(u.ctx(), row.rel.ID) }, reload)
			reload()
		}
	})
}
