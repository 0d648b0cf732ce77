package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
)

// A person's rights from the contact list: "Everything about this person…"
// (GDPR art. 15) writes a PDF to read and a JSON file beside it; "Erase this
// person…" (art. 17) asks, then erases the contact on this computer, and the
// sync takes the erasure to every other device (docs/privacy.md).

// personMenu opens the contact's menu under its button.
func (c *orgContacts) personMenu(p domain.Contact, at fyne.CanvasObject) {
	tr := c.u.tr
	var items []*fyne.MenuItem
	if c.u.opt.PersonExport != nil {
		items = append(items, fyne.NewMenuItem(tr.T("ui.person.export"), func() { c.u.exportPerson(p) }))
	}
	erase := fyne.NewMenuItem(tr.T("ui.person.erase"), func() { c.erase(p) })
	erase.Icon = nil
	items = append(items, erase)
	widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), c.u.win.Canvas(), fyne.NewPos(0, at.Size().Height), at)
}

// exportPerson asks where to save the PDF and writes the JSON beside it.
func (u *UI) exportPerson(p domain.Contact) {
	name := personFileName(p.Name) + ".pdf"
	u.saveAs(name, func(path string) (string, string, error) {
		jsonPath := strings.TrimSuffix(path, filepath.Ext(path)) + ".json"
		if err := u.opt.PersonExport(u.ctx(), p.ID, u.tr.Lang(), path); err != nil {
			return "", "", err
		}
		if err := u.opt.PersonExport(u.ctx(), p.ID, u.tr.Lang(), jsonPath); err != nil {
			return "", "", err
		}
		return u.tr.T("ui.person.export"), u.tr.T("ui.person.exported", "PDF", filepath.Base(path), "JSON", filepath.Base(jsonPath)), nil
	})
}

// personFileName makes a file name of a person's name: letters, digits and
// dashes.
func personFileName(name string) string {
	f := strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-':
			return '-'
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'), r >= 128 && r != 0xfeff:
			return r
		}
		return -1
	}, strings.TrimSpace(name))
	if f == "" {
		return "person"
	}
	return f
}

// erase asks, then erases the contact off the UI goroutine. There is no
// undo: that is what erasing means.
func (c *orgContacts) erase(p domain.Contact) {
	tr := c.u.tr
	c.u.confirmErase(tr.T("ui.person.erase_title", "Name", p.Name), tr.T("ui.person.erase_confirm", "Name", p.Name), func(ok bool) {
		if !ok {
			return
		}
		u, org := c.u, c.orgID
		st := u.storeForOrgs()
		u.background(func() func() {
			err := st.EraseContact(u.ctx(), p.ID)
			if err == nil && u.opt.Backups != nil {
				err = u.opt.Backups.Erase(u.ctx())
			}
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				dialog.ShowInformation(tr.T("ui.person.erase_title", "Name", p.Name), tr.T("ui.person.erased"), u.win)
				if c.orgID == org {
					c.load(org)
				}
			}
		})
	})
}

// confirmErase asks before an erasure, in a dialog as wide as a form so the
// explanation wraps into a few lines; Erase is the dangerous choice.
func (u *UI) confirmErase(title, text string, fn func(bool)) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, u.tr.T("ui.person.erase_button"), u.tr.T("ui.cancel"), msg, fn, u.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}
