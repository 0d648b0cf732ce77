package ui

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/exchange"
)

// teamSection is the Sync screen's Team part: whether the shared folder's
// files are encrypted for a team, whether this computer is in it, who is,
// and the buttons to create the team, join it and rotate its key. The
// passphrase is asked in a dialog; the key work runs off the UI goroutine.
type teamSection struct {
	u       *UI
	view    fyne.CanvasObject
	status  *widget.Label
	members *fyne.Container
	create  *widget.Button
	join    *widget.Button
	rotate  *widget.Button
	changed func() // after a create or join: sync now, to read what the key opens

	gen atomic.Int64
}

func newTeamSection(u *UI, changed func()) *teamSection {
	tr := u.tr
	t := &teamSection{u: u, changed: changed}
	t.status = widget.NewLabel("")
	t.status.Wrapping = fyne.TextWrapWord
	t.members = container.NewVBox()
	t.create = widget.NewButtonWithIcon(tr.T("ui.team.create"), theme.ContentAddIcon(), func() {
		t.ask(tr.T("ui.team.create_title"), tr.T("ui.team.create_hint"), true, u.opt.Sync.CreateTeam)
	})
	t.join = widget.NewButtonWithIcon(tr.T("ui.team.join"), theme.LoginIcon(), func() {
		t.ask(tr.T("ui.team.join_title"), tr.T("ui.team.join_hint"), false, u.opt.Sync.JoinTeam)
	})
	t.rotate = widget.NewButtonWithIcon(tr.T("ui.team.rotate"), theme.ViewRefreshIcon(), func() {
		t.ask(tr.T("ui.team.rotate_title"), tr.T("ui.team.rotate_hint"), true, u.opt.Sync.RotateTeam)
	})
	t.view = container.NewVBox(heading(tr.T("ui.team.heading")), t.status, t.members,
		container.NewHBox(t.create, t.join, t.rotate))
	return t
}

func (t *teamSection) refresh() {
	if t.u.opt.Sync == nil {
		return
	}
	newest(t.u, &t.gen, t.u.opt.Sync.TeamStatus, t.show)
}

func (t *teamSection) show(st exchange.TeamStatus) {
	tr := t.u.tr
	noFolder := t.u.opt.Sync.Folder() == ""
	t.status.Importance = widget.MediumImportance
	t.create.Hide()
	t.join.Hide()
	t.rotate.Hide()
	switch {
	case noFolder:
		t.status.SetText(tr.T("ui.team.no_folder"))
		t.status.Importance = widget.LowImportance
	case st.Team == "":
		t.status.SetText(tr.T("ui.team.none"))
		t.create.Show()
	case st.OtherTeam:
		t.status.SetText(tr.T("ui.team.other"))
		t.status.Importance = widget.WarningImportance
	case !st.Joined:
		t.status.SetText(tr.T("ui.team.not_joined"))
		t.status.Importance = widget.WarningImportance
		t.join.Show()
	case st.Held < st.Generation:
		t.status.SetText(tr.T("ui.team.newer_key", "Held", st.Held, "Generation", st.Generation))
		t.status.Importance = widget.WarningImportance
		t.join.Show()
	default:
		t.status.SetText("✓ " + tr.T("ui.team.member", "Generation", st.Generation))
		t.rotate.Show()
	}
	t.status.Refresh()
	t.members.RemoveAll()
	if st.Team != "" {
		for _, d := range st.Devices {
			t.members.Add(t.memberLine(d))
		}
	}
	t.members.Refresh()
}

// memberLine names one device of the folder and whether it is in the team.
func (t *teamSection) memberLine(d exchange.TeamDevice) *widget.Label {
	tr := t.u.tr
	name := d.Advisor
	if name == "" {
		name = tr.T("ui.team.unnamed", "Device", shortDevice(d.Device))
	}
	if d.This {
		name = tr.T("ui.team.this", "Name", name)
	}
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	switch {
	case d.SignerChanged:
		l.SetText("• " + tr.T("ui.team.line_signer_changed", "Name", name))
		l.Importance = widget.DangerImportance
	case d.Member:
		l.SetText("• " + tr.T("ui.team.line_member", "Name", name, "Generation", d.KeyGen))
	default:
		l.SetText("• " + tr.T("ui.team.line_outside", "Name", name))
		l.Importance = widget.LowImportance
	}
	return l
}

func shortDevice(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// ask shows a passphrase dialog (twice when a new one is set) and runs do
// with it off the UI goroutine; an error is shown, and nothing changed.
func (t *teamSection) ask(title, hint string, confirm bool, do func(string) error) {
	tr := t.u.tr
	pass := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	note := widget.NewLabel(hint)
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(tr.T("ui.team.passphrase"), pass))
	if confirm {
		form.Append(tr.T("ui.team.passphrase_again"), again)
	}
	d := dialog.NewCustomConfirm(title, tr.T("ui.team.ok"), tr.T("ui.cancel"), container.NewVBox(note, form), func(ok bool) {
		if !ok {
			return
		}
		if confirm && pass.Text != again.Text {
			dialog.ShowInformation(title, tr.T("cli.team.mismatch"), t.u.win)
			return
		}
		p := pass.Text
		t.u.background(func() func() {
			err := do(p)
			return func() {
				if err != nil {
					t.u.showError(err)
					return
				}
				t.refresh()
				if t.changed != nil {
					t.changed()
				}
			}
		})
	}, t.u.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	t.u.win.Canvas().Focus(pass)
}
