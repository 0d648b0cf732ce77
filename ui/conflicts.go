package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// conflictItem is one concurrent edit with what the review shows of it.
type conflictItem struct {
	data.Conflict
	record string // the record's name ("Storsjö Kajak AB")
	mine   bool   // the winning value was written on this device
	// Who wrote each value: the colleague's name from the shared folder's
	// device.json, or "" when not known there (then "another device").
	winnerBy, loserBy string
}

// loadConflicts reads the open conflicts (off the UI goroutine).
func (u *UI) loadConflicts() ([]conflictItem, error) {
	list, err := u.storeForSync().Conflicts(u.ctx(), false)
	if err != nil {
		return nil, err
	}
	me := u.storeForSync().DeviceID()
	names := map[string]string{}
	advisor := func(device string) string {
		if device == me || u.opt.Sync == nil {
			return ""
		}
		if n, ok := names[device]; ok {
			return n
		}
		names[device] = u.opt.Sync.AdvisorOf(device)
		return names[device]
	}
	out := make([]conflictItem, 0, len(list))
	for _, c := range list {
		out = append(out, conflictItem{Conflict: c, record: u.storeForSync().ConflictRecordName(u.ctx(), c.Entity, c.ID),
			mine: c.WinnerDevice == me, winnerBy: advisor(c.WinnerDevice), loserBy: advisor(c.LoserDevice)})
	}
	return out, nil
}

// conflictReview lists concurrent edits: both values side by side, and
// keep one, take the other, or write a merged text.
type conflictReview struct {
	u           *UI
	view        *fyne.Container
	mergedEntry *widget.Entry // the merged-text editor last opened, for tests
}

func newConflictReview(u *UI) *conflictReview {
	return &conflictReview{u: u, view: container.NewVBox()}
}

func (r *conflictReview) show(items []conflictItem) {
	tr := r.u.tr
	r.view.RemoveAll()
	if len(items) == 0 {
		none := widget.NewLabel(tr.T("ui.conflicts.none"))
		none.Importance = widget.LowImportance
		r.view.Add(none)
		r.view.Refresh()
		return
	}
	intro := widget.NewLabel(tr.T("ui.conflicts.intro"))
	intro.Wrapping = fyne.TextWrapWord
	r.view.Add(intro)
	for _, it := range items {
		r.view.Add(r.row(it))
	}
	r.view.Refresh()
}

// side names whose value it is: this device's, or another device's.
// side says where a value was written: this device, a colleague by name,
// or another device.
func (r *conflictReview) side(mine bool, by string) string {
	switch {
	case mine:
		return r.u.tr.T("ui.conflicts.this_device")
	case by != "":
		return by
	}
	return r.u.tr.T("ui.conflicts.other_device")
}

func (r *conflictReview) row(it conflictItem) fyne.CanvasObject {
	tr := r.u.tr
	title := widget.NewLabelWithStyle(it.record+" · "+tr.FieldLabel(it.Field), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	winnerCaption := "ui.conflicts.current"
	if it.Superseded() {
		winnerCaption = "ui.conflicts.won" // not what the field holds now
	}
	winner := r.value(tr.T(winnerCaption, "Side", r.side(it.mine, it.winnerBy), "Time", r.when(it.WinnerHLC)), it.Entity, it.Field, it.WinnerValue)
	loser := r.value(tr.T("ui.conflicts.other", "Side", r.side(!it.mine && it.LoserDevice == r.u.storeForSync().DeviceID(), it.loserBy),
		"Time", r.when(it.LoserHLC)), it.Entity, it.Field, it.LoserValue)
	keep := widget.NewButtonWithIcon(tr.T("ui.conflicts.keep"), theme.ConfirmIcon(), func() { r.resolve(it, data.KeepWinner, "") })
	take := widget.NewButtonWithIcon(tr.T("ui.conflicts.take"), theme.ContentUndoIcon(), func() { r.resolve(it, data.TakeLoser, "") })
	buttons := container.NewHBox(keep, take)
	if data.IsFreeText(it.Entity, it.Field) {
		buttons.Add(widget.NewButtonWithIcon(tr.T("ui.conflicts.merge"), theme.DocumentCreateIcon(), func() { r.editMerged(it) }))
	}
	card := container.NewVBox(widget.NewSeparator(), title, container.NewGridWithColumns(2, winner, loser))
	if it.Superseded() {
		note := widget.NewLabel(tr.T("ui.conflicts.superseded", "Time", r.when(it.CurrentHLC)))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		card.Add(note)
	}
	card.Add(buttons)
	return card
}

// when is the local date and time a value was written, from its clock.
func (r *conflictReview) when(ts hlc.Timestamp) string {
	t := ts.Time().Local()
	return r.u.tr.Date(t) + " " + t.Format("15:04")
}

func (r *conflictReview) value(caption, entity, field, raw string) fyne.CanvasObject {
	c := widget.NewLabel(caption)
	c.SizeName = theme.SizeNameCaptionText
	v := widget.NewLabel(displayValue(r.u, entity, field, raw))
	v.Wrapping = fyne.TextWrapWord
	return container.NewVBox(c, v)
}

// displayValue shows a change value (JSON) of an entity's field as a person
// reads it: a code by its name in the reader's language, a date in the
// reader's form.
func displayValue(u *UI, entity, field, raw string) string {
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return raw
	}
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		if x == "" {
			return "—"
		}
		return codeLabel(u, entity+"."+field, x)
	case bool:
		if x {
			return u.tr.T("ui.yes")
		}
		return u.tr.T("ui.no")
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
		}
		return strings.Join(listLabels(u, entity+"."+field, parts), ", ")
	}
	return fmt.Sprint(v)
}

// listLabels names the entries of a list field: organisations by name
// (a visit's organisations, a joint action's partners, each
// organisation's size at the visit), anything else as it is.
func listLabels(u *UI, field string, entries []string) []string {
	switch field {
	case domain.EntityVisit + ".orgs", domain.EntityJoint + ".orgs":
		names := u.newOrgLookup().Names(entries)
		out := make([]string, len(entries))
		for i, id := range entries {
			out[i] = orgName(u, names, id)
		}
		return out
	case domain.EntityVisit + ".sizes":
		ids := make([]string, len(entries))
		for i, e := range entries {
			ids[i], _, _ = domain.ParseOrgSize(e)
		}
		names := u.newOrgLookup().Names(ids)
		out := make([]string, len(entries))
		for i, e := range entries {
			id, class, ok := domain.ParseOrgSize(e)
			if !ok {
				out[i] = e
				continue
			}
			out[i] = orgName(u, names, id) + ": " + u.tr.Size(class)
		}
		return out
	}
	return entries
}

// orgName is the name of organisation id from names, or that it is not
// here (deleted, or not received yet).
func orgName(u *UI, names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	return u.tr.T("ui.picker.unknown")
}

func (r *conflictReview) resolve(it conflictItem, choice data.ConflictChoice, merged string) {
	if err := r.settle(it, choice, merged); err != nil {
		r.u.showError(err)
	}
}

// settle resolves the conflict and refreshes what shows it.
func (r *conflictReview) settle(it conflictItem, choice data.ConflictChoice, merged string) error {
	if err := r.u.storeForSync().ResolveConflict(r.u.ctx(), it.N, choice, merged); err != nil {
		return err
	}
	r.u.dataChanged()
	r.u.syncScreen.refresh()
	return nil
}

// editMerged lets the advisor write one text from both values, starting
// from both. A refused text (left empty) comes back in the editor, under
// the error: typed text is never lost.
func (r *conflictReview) editMerged(it conflictItem) {
	r.openMerged(it, strings.TrimSpace(displayText(it.WinnerValue)+"\n\n"+displayText(it.LoserValue)))
}

func (r *conflictReview) openMerged(it conflictItem, text string) {
	tr := r.u.tr
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(8)
	e.SetText(text)
	r.mergedEntry = e
	d := dialog.NewCustomConfirm(tr.T("ui.conflicts.merge_title"), tr.T("ui.save"), tr.T("ui.cancel"), e, func(ok bool) {
		if !ok {
			return
		}
		if err := r.settle(it, data.UseMerged, e.Text); err != nil {
			r.openMerged(it, e.Text)
			r.u.showError(err)
		}
	}, r.u.win)
	d.Resize(fyne.NewSize(640, 400))
	d.Show()
	r.u.win.Canvas().Focus(e)
}

func displayText(raw string) string {
	var s string
	if json.Unmarshal([]byte(raw), &s) != nil {
		return ""
	}
	return s
}

// codeLabel names the value of a coded or dated field; any other value is
// shown as it is.
func codeLabel(u *UI, field, v string) string {
	tr := u.tr
	switch field {
	case "organisation.sector":
		if sec, ok := domain.SectorByCode(v); ok {
			return u.sectorLabel(sec)
		}
	case "organisation.municipality":
		return u.municipalityLabel(v)
	case "organisation.country":
		return tr.Country(domain.Country(v))
	case "organisation.kind":
		return tr.Kind(domain.OrgKind(v))
	case "organisation.leader_gender":
		return tr.Leader(domain.LeaderGender(v))
	case "organisation.sustainability":
		return tr.Sustainability(domain.Sustainability(v))
	case "contact.gender":
		return tr.Gender(domain.Gender(v))
	case "visit.type":
		return tr.VisitType(domain.VisitType(v))
	case "visit.phase":
		return tr.Phase(domain.Phase(v))
	case "visit.date", "action.due", "action.done", "contact.consent_date", "assessment.date", "answer.target_due":
		return tr.DateString(v)
	}
	return v
}
