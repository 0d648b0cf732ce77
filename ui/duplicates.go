package ui

import (
	"slices"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// duplicates flags organisations registered twice (often by two advisors
// offline) on the Organisations screen and lets the advisor merge them or
// say they are different.
type duplicates struct {
	u      *UI
	button *widget.Button // "3 possible duplicates", hidden when none
	pairs  []data.DuplicatePair
	by     map[string]string // device → who registered on it, as shown
	gen    atomic.Int64
	review atomic.Int64    // the newest opening of the review (its histories load first)
	at     data.Generation // the data the pairs were found in
	looked bool

	dlg  *dialog.CustomDialog
	body *fyne.Container
}

func newDuplicates(u *UI) *duplicates {
	d := &duplicates{u: u}
	d.button = widget.NewButtonWithIcon("", theme.WarningIcon(), d.show)
	d.button.Importance = widget.WarningImportance
	d.button.Hide()
	return d
}

// check looks for duplicates off the UI goroutine when something was
// written since the last look.
func (d *duplicates) check() {
	u := d.u
	// What the last look found, read here on the UI goroutine.
	looked, at, pairs, by := d.looked, d.at, d.pairs, d.by
	reviewing := d.dlg != nil // the review shows histories; the button only counts
	type found struct {
		pairs []data.DuplicatePair
		at    data.Generation
		by    map[string]string
	}
	newest(u, &d.gen, func() (found, error) {
		st := u.storeForDuplicates()
		g, err := st.Generation(u.ctx())
		if err != nil {
			return found{}, err
		}
		if looked && g == at && (!reviewing || by != nil) {
			return found{pairs, g, by}, nil
		}
		p, err := st.DuplicateCandidates(u.ctx())
		if err != nil || !reviewing {
			return found{p, g, nil}, err
		}
		err = st.DuplicateHistories(u.ctx(), p)
		return found{p, g, u.registeredBy(p)}, err
	}, func(f found) {
		d.pairs, d.at, d.by, d.looked = f.pairs, f.at, f.by, true
		if len(f.pairs) == 0 {
			d.button.Hide()
		} else {
			d.button.SetText(u.tr.N("ui.dup.count", len(f.pairs), "N", len(f.pairs)))
			d.button.Show()
		}
		if d.dlg != nil {
			d.fill()
		}
	})
}

// close is Esc.
func (d *duplicates) close() {
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// show opens the review of all flagged pairs, once their histories are
// read (off the UI goroutine: the button's count did not need them).
func (d *duplicates) show() {
	u, pairs := d.u, d.pairs
	type histories struct {
		pairs []data.DuplicatePair
		by    map[string]string
	}
	newest(u, &d.review, func() (histories, error) {
		p := slices.Clone(pairs)
		err := u.storeForDuplicates().DuplicateHistories(u.ctx(), p)
		return histories{p, u.registeredBy(p)}, err
	}, func(h histories) {
		d.pairs, d.by = h.pairs, h.by
		d.open()
	})
}

// open shows the review dialog of d.pairs.
func (d *duplicates) open() {
	tr := d.u.tr
	d.body = container.NewVBox()
	closeBtn := widget.NewButtonWithIcon(tr.T("ui.close"), theme.CancelIcon(), d.close)
	d.dlg = dialog.NewCustomWithoutButtons(tr.T("ui.dup.title"), container.NewVScroll(d.body), d.u.win)
	d.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	d.dlg.SetOnClosed(func() {
		d.u.popDialog(d)
		d.dlg = nil
	})
	d.fill()
	d.u.pushDialog(d)
	d.dlg.Resize(fyne.NewSize(860, 560))
	d.dlg.Show()
}

// fill lists the pairs, each with its two records side by side.
func (d *duplicates) fill() {
	tr := d.u.tr
	d.body.RemoveAll()
	intro := widget.NewLabel(tr.T("ui.dup.intro"))
	intro.Wrapping = fyne.TextWrapWord
	d.body.Add(intro)
	if len(d.pairs) == 0 {
		none := widget.NewLabel(tr.T("ui.dup.none"))
		none.Importance = widget.LowImportance
		d.body.Add(none)
	}
	for _, p := range d.pairs {
		why := tr.T("ui.dup.reason.name")
		if p.Reason == data.DuplicateOrgNr {
			why = tr.T("ui.dup.reason.orgnr")
		}
		reason := widget.NewLabelWithStyle(why, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		// Both often carry the same name: each button keeps the record
		// described above it, and says so.
		keepA := widget.NewButtonWithIcon(tr.T("ui.dup.keep_this"), theme.ConfirmIcon(), func() { d.confirmMerge(p.A, p.B) })
		keepB := widget.NewButtonWithIcon(tr.T("ui.dup.keep_this"), theme.ConfirmIcon(), func() { d.confirmMerge(p.B, p.A) })
		different := widget.NewButtonWithIcon(tr.T("ui.dup.different"), theme.CancelIcon(), func() { d.dismiss(p) })
		different.Importance = widget.LowImportance
		d.body.Add(widget.NewSeparator())
		d.body.Add(reason)
		d.body.Add(container.NewGridWithColumns(2,
			container.NewVBox(d.describe(p.A, p.AHistory), keepA), container.NewVBox(d.describe(p.B, p.BHistory), keepB)))
		d.body.Add(container.NewHBox(different))
	}
	d.body.Refresh()
}

// describe is what tells the two records apart: name, number, place, kind,
// visits, and when and by whom it was registered.
func (d *duplicates) describe(o domain.Organisation, h data.OrgHistory) fyne.CanvasObject {
	tr := d.u.tr
	name := widget.NewLabelWithStyle(o.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	line := o.OrgNumberMasked()
	for _, part := range []string{d.u.municipalityLabel(o.Municipality), tr.Kind(o.Kind), tr.Size(o.Size())} {
		if part == "" {
			continue
		}
		if line != "" {
			line += " · "
		}
		line += part
	}
	if line == "" {
		line = tr.T("ui.dup.no_details")
	}
	sub := widget.NewLabel(line)
	sub.Wrapping = fyne.TextWrapWord
	visits := tr.T("ui.dup.no_visits")
	if h.Visits > 0 {
		visits = tr.N("ui.dup.visits", h.Visits, "N", tr.Number(h.Visits), "Date", tr.DateString(h.LastVisit))
	}
	registered := tr.T("ui.dup.registered", "Date", tr.Date(o.CreatedAt.Local()))
	if by := d.by[h.CreatedBy]; by != "" {
		registered = tr.T("ui.dup.registered_by", "Date", tr.Date(o.CreatedAt.Local()), "Who", by)
	}
	history := widget.NewLabel(visits + "\n" + registered)
	history.Wrapping = fyne.TextWrapWord
	history.Importance = widget.LowImportance
	return container.NewVBox(name, sub, history)
}

// registeredBy names the devices that registered the organisations of the
// pairs: this computer, a colleague by the name in the shared folder, or
// another computer (read off the UI goroutine).
func (u *UI) registeredBy(pairs []data.DuplicatePair) map[string]string {
	me := u.storeForDuplicates().DeviceID()
	by := map[string]string{}
	for _, p := range pairs {
		for _, dev := range []string{p.AHistory.CreatedBy, p.BHistory.CreatedBy} {
			if _, ok := by[dev]; ok || dev == "" {
				continue
			}
			by[dev] = u.tr.T("ui.dup.other_device")
			if dev == me {
				by[dev] = u.tr.T("ui.dup.this_device")
			} else if u.opt.Sync != nil {
				if name := u.opt.Sync.AdvisorOf(dev); name != "" {
					by[dev] = name
				}
			}
		}
	}
	return by
}

// confirmMerge asks before merging dup into keep, then merges.
func (d *duplicates) confirmMerge(keep, dup domain.Organisation) {
	tr := d.u.tr
	// Duplicates often share a name (and a number): then the org number,
	// or else the day each was registered, tells them apart.
	named := func(o domain.Organisation) string {
		switch {
		case keep.Name != dup.Name:
			return o.Name
		case keep.OrgNr != dup.OrgNr && o.OrgNr != "":
			return o.Name + " (" + o.OrgNumberMasked() + ")"
		}
		return o.Name + " (" + tr.T("ui.dup.registered", "Date", tr.Date(o.CreatedAt.Local())) + ")"
	}
	c := dialog.NewConfirm(tr.T("ui.dup.merge.title"), tr.T("ui.dup.merge.message", "Keep", named(keep), "Dup", named(dup)),
		func(ok bool) {
			if !ok {
				return
			}
			res, err := d.u.storeForDuplicates().MergeOrganisations(d.u.ctx(), keep.ID, dup.ID)
			if err != nil {
				d.u.showError(err)
				return
			}
			moved := res.Moved()
			dialog.NewInformation(tr.T("ui.dup.merged.title"),
				tr.N("ui.dup.merged.message", moved, "Dup", dup.Name, "Keep", keep.Name, "N", moved), d.u.win).Show()
			d.u.dataChanged()
			d.check()
		}, d.u.win)
	c.SetConfirmText(tr.T("ui.dup.merge.confirm"))
	c.Show()
}

func (d *duplicates) dismiss(p data.DuplicatePair) {
	if err := d.u.storeForDuplicates().DismissDuplicate(p.A.ID, p.B.ID); err != nil {
		d.u.showError(err)
		return
	}
	d.looked = false // the same data, fewer pairs to offer
	d.check()
}
