package ui

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
)

// orgContacts lists an organisation's contact people and adds, edits and
// removes them.
type orgContacts struct {
	u     *UI
	view  fyne.CanvasObject
	orgID string
	gen   atomic.Int64 // the newest load wins when organisations change quickly
	rows  []domain.Contact
	list  *widget.List
	empty *widget.Label
}

func newOrgContacts(u *UI) *orgContacts {
	c := &orgContacts{u: u}
	c.list = widget.NewList(func() int { return len(c.rows) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil)
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
			more := widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewHBox(edit, del, more), container.NewVBox(name, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(c.rows) {
				return
			}
			p := c.rows[i]
			box := o.(*fyne.Container)
			texts := box.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(p.Name)
			var parts []string
			for _, s := range []string{p.Role, p.Email, p.Phone} {
				if s != "" {
					parts = append(parts, s)
				}
			}
			texts.Objects[1].(*widget.Label).SetText(strings.Join(parts, " · "))
			btns := box.Objects[1].(*fyne.Container)
			btns.Objects[0].(*widget.Button).OnTapped = func() { c.edit(p) }
			btns.Objects[1].(*widget.Button).OnTapped = func() { c.remove(p) }
			more := btns.Objects[2].(*widget.Button)
			more.OnTapped = func() { c.personMenu(p, more) }
		})
	c.empty = widget.NewLabel(u.tr.T("ui.contacts.none"))
	c.empty.Importance = widget.LowImportance
	add := widget.NewButtonWithIcon(u.tr.T("ui.contacts.add"), theme.ContentAddIcon(), func() { c.edit(domain.Contact{OrgID: c.orgID}) })
	c.view = container.NewBorder(container.NewHBox(add), nil, nil, nil, container.NewStack(c.empty, c.list))
	return c
}

func (c *orgContacts) load(orgID string) {
	c.orgID = orgID
	newest(c.u, &c.gen, func() ([]domain.Contact, error) { return c.u.storeForOrgs().Contacts(c.u.ctx(), orgID) },
		func(rows []domain.Contact) {
			c.rows = rows
			c.empty.Hidden = len(rows) > 0
			c.empty.Refresh()
			c.list.Refresh()
		})
}

// edit opens the contact form (a new contact when p.ID is "").
func (c *orgContacts) edit(p domain.Contact) {
	c.u.newContactForm(p, func() { c.load(c.orgID) })
}

// remove asks, then deletes the contact off the UI goroutine and offers
// to undo it.
func (c *orgContacts) remove(p domain.Contact) {
	dialog.NewConfirm(c.u.tr.T("ui.contacts.delete_title"), c.u.tr.T("ui.contacts.delete_confirm", "Name", p.Name), func(ok bool) {
		if !ok {
			return
		}
		u, org := c.u, c.orgID
		reload := func() {
			if c.orgID == org {
				c.load(org)
			}
		}
		st := u.storeForOrgs()
		u.background(func() func() {
			err := st.DeleteContact(u.ctx(), p.ID)
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				u.undo.offer(u.tr.T("ui.undo.contact_deleted", "Name", p.Name),
					func() error { return st.RestoreContact(u.ctx(), p.ID) }, reload)
				reload()
			}
		})
	}, c.u.win).Show()
}
