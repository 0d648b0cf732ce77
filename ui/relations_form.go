package ui

import (
	"errors"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// inverseMark starts a kind choice read from the other organisation ("has
// as member"): the relation is stored the other way round.
const inverseMark = "~"

// relationForm is the dialog that adds a relation of one organisation:
// the other organisation, found as in the new-action dialog, how the two
// stand to each other (either way round), and when. It keeps no draft:
// closing it with text typed asks before the text goes.
type relationForm struct {
	formBase
	orgID   string // the organisation whose page it was opened from
	search  *widgets.KeyedEntry
	matches *fyne.Container
	chosen  *widget.Label
	otherID string
	kind    *widgets.ChoiceSelect
	start   *widgets.KeyedEntry
	end     *widgets.KeyedEntry
	notes   *widgets.KeyedEntry
	gen     atomic.Int64
}

type relationDraft struct {
	Search, OtherID, Kind, Start, End, Notes string
}

// newRelationDialog opens the dialog for a relation of orgID; saved runs
// once it is stored.
func (u *UI) newRelationDialog(orgID string, saved func()) *relationForm {
	tr := u.tr
	f := &relationForm{orgID: orgID}
	f.init(u, "", func() any { return f.snapshot() }, func() { f.save(saved) })
	f.search = f.entry(false)
	f.search.SetPlaceHolder(tr.T("ui.actions.org_search"))
	f.search.OnChanged = func(string) {
		f.choose("", "")
		f.find()
		f.changed()
	}
	f.chosen = widget.NewLabel("")
	f.chosen.TextStyle = fyne.TextStyle{Bold: true}
	f.chosen.Hide()
	f.matches = container.NewVBox()
	var kinds []widgets.Choice
	for _, k := range domain.RelationKinds {
		kinds = append(kinds, widgets.Choice{Value: string(k), Label: tr.RelationKind(k)})
		if k != domain.RelationPartnerOf {
			kinds = append(kinds, widgets.Choice{Value: inverseMark + string(k), Label: tr.RelationInverse(k)})
		}
	}
	f.kind = widgets.NewChoiceSelect(kinds, func(string) { f.changed() })
	f.start, f.end = f.dateEntry(), f.dateEntry()
	f.notes = f.entry(false)

	f.form.Add("kind", tr.T("ui.relations.kind"), f.kind.Select)
	f.form.Add("to_org", tr.T("field.relation.other"), container.NewVBox(f.search, f.chosen, f.matches))
	f.form.AddGroup(tr.T("ui.joint.when"),
		widgets.GroupPart{Field: "start_date", Caption: tr.FieldLabel("start_date"), Obj: f.start},
		widgets.GroupPart{Field: "end_date", Caption: tr.FieldLabel("end_date"), Obj: f.end})
	f.form.Add("notes", tr.FieldLabel("notes"), f.notes)

	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.close)
	create := widget.NewButtonWithIcon(tr.T("ui.relations.create"), theme.ConfirmIcon(), func() { f.save(saved) })
	create.Importance = widget.HighImportance
	f.saveButtons = append(f.saveButtons, create)
	f.body = container.NewVBox(f.form.Content())
	f.newDialog(f, tr.T("ui.relations.new"), f.body, cancel, create)
	f.showDialog(f, fyne.NewSize(560, 560))
	u.win.Canvas().Focus(f.search)
	f.find()
	return f
}

func (f *relationForm) snapshot() relationDraft {
	return relationDraft{Search: f.search.Text, OtherID: f.otherID, Kind: f.kind.Value(), Start: f.start.Text,
		End: f.end.Text, Notes: f.notes.Text}
}

// find suggests organisations matching the typed text, off the UI
// goroutine; the page's own organisation is never one.
func (f *relationForm) find() {
	q := data.OrgQuery{Text: f.search.Text, Sort: data.SortByName, Lang: f.u.tr.Lang(), Limit: orgMatches + 1}
	st := f.u.storeForRelations()
	newest(f.u, &f.gen, func() ([]data.OrgRow, error) {
		rows, err := st.SearchOrganisations(f.u.ctx(), q)
		out := rows[:0]
		for _, r := range rows {
			if r.ID != f.orgID && len(out) < orgMatches {
				out = append(out, r)
			}
		}
		return out, err
	}, f.showMatches)
}

func (f *relationForm) showMatches(rows []data.OrgRow) {
	f.matches.RemoveAll()
	if f.otherID != "" {
		return
	}
	if len(rows) == 0 {
		none := widget.NewLabel(f.u.tr.T("ui.actions.org_none"))
		none.Importance = widget.LowImportance
		f.matches.Add(none)
	}
	for _, r := range rows {
		id, name := r.ID, r.Name
		b := widget.NewButton(name, func() {
			f.choose(id, name)
			f.changed()
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		f.matches.Add(b)
	}
	f.dlg.Refresh()
}

// choose records the organisation picked ("" clears it).
func (f *relationForm) choose(id, name string) {
	f.otherID = id
	if id == "" {
		f.chosen.Hide()
		return
	}
	f.chosen.SetText("✓ " + name)
	f.chosen.Show()
	f.matches.RemoveAll()
	f.form.SetProblem("to_org", "")
	f.dlg.Refresh()
}

// relation is the relation as chosen, stored the other way round for a
// kind read from the other organisation.
func (f *relationForm) relation() domain.Relation {
	r := domain.Relation{FromOrg: f.orgID, ToOrg: f.otherID, Notes: f.notes.Text}
	kind := f.kind.Value()
	if rest, ok := strings.CutPrefix(kind, inverseMark); ok {
		kind = rest
		r.FromOrg, r.ToOrg = f.otherID, f.orgID
	}
	r.Kind = domain.RelationKind(kind)
	return r
}

// save validates beside the fields, then stores the relation off the UI
// goroutine; the dialog stays open, with everything typed, on any error.
func (f *relationForm) save(saved func()) {
	if !f.canSave() {
		return
	}
	r := f.relation()
	var startErr, endErr error
	r.Start, startErr = f.u.typedDate("start_date", f.start.Text)
	r.End, endErr = f.u.typedDate("end_date", f.end.Text)
	if err := errors.Join(otherEnd(r.Normalise()), startErr, endErr); err != nil {
		f.form.ShowErrors(err)
		f.dlg.Refresh()
		return
	}
	f.form.Clear()
	st := f.u.storeForRelations()
	f.runSave(func() error { return otherEnd(st.CreateRelation(f.u.ctx(), &r)) }, saved)
}

// otherEnd shows a problem with either organisation of the relation beside
// the one field the dialog has for them (to_org, however the relation is
// stored): the page's own is always fine.
func otherEnd(err error) error {
	if err == nil {
		return nil
	}
	var out []error
	for _, e := range unjoin(err) {
		var v *domain.ValidationError
		if errors.As(e, &v) && (v.Field == "from_org" || v.Field == "to_org") {
			c := *v
			c.Field = "to_org"
			e = &c
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}

// unjoin lists the errors errors.Join put together (err itself otherwise).
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
