package ui

import "fyne.io/fyne/v2/dialog"

// confirmErasePersonal asks, then erases a sole trader's personal number
// (GDPR art. 17) on this computer and its backups; the sync takes the
// erasure to every other device. The name and notes stay: they describe
// the business.
func (f *orgForm) confirmErasePersonal() {
	tr, u, o := f.u.tr, f.u, f.org
	u.confirmErase(tr.T("ui.org.erase_personal"), tr.T("ui.org.erase_personal_confirm", "Name", o.Name), func(ok bool) {
		if !ok {
			return
		}
		st := u.storeForOrgs()
		u.background(func() func() {
			err := st.EraseOrgPersonal(u.ctx(), o.ID)
			if err == nil && u.opt.Backups != nil {
				err = u.opt.Backups.Erase(u.ctx())
			}
			stored, readErr := st.Organisation(u.ctx(), o.ID)
			return func() {
				if err != nil {
					u.showError(err)
					return
				}
				dialog.ShowInformation(tr.T("ui.org.erase_personal"), tr.T("ui.person.erased"), u.win)
				if readErr == nil && f.org.ID == o.ID {
					f.open(stored)
				}
			}
		})
	})
}
