package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// BackupInfo is one backup as Settings lists it.
type BackupInfo struct {
	Path string
	Time time.Time
	Size int64
}

// Backups is this device's copies of the database (the app implements it
// over data/backup): the rolling ones, a copy now, and a restore.
type Backups interface {
	// List lists the rolling backups, newest first.
	List() ([]BackupInfo, error)
	// BackUpNow makes a rolling backup at once.
	BackUpNow(ctx context.Context) (BackupInfo, error)
	// Restore checks that file is a sound ILSA Coach database (an error
	// says why not, and nothing changed) and, if so, arranges for it to be
	// put in place once the window has closed; the app then opens again.
	Restore(ctx context.Context, file string) error
	// LastError is why the last automatic backup failed; nil when it worked.
	LastError() error
	// Erase applies every erasure the database has applied to the backups
	// too (after "Erase this person…").
	Erase(ctx context.Context) error
}

// backupsCard is Settings' backups section: the backups kept with their
// dates, "Back up now" and restoring one of them or any file.
type backupsCard struct {
	u      *UI
	card   *widget.Card
	list   *fyne.Container
	status *widget.Label
	now    *widget.Button
}

func newBackupsCard(u *UI) *backupsCard {
	tr := u.tr
	c := &backupsCard{u: u, list: container.NewVBox()}
	hint := widget.NewLabel(tr.T("ui.backups.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.TextStyle = fyne.TextStyle{Italic: true}
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.status.Hide()
	c.now = widget.NewButtonWithIcon(tr.T("ui.backups.now"), theme.DocumentSaveIcon(), c.backUpNow)
	fromFile := widget.NewButtonWithIcon(tr.T("ui.backups.restore_file"), theme.FolderOpenIcon(), c.restoreFromFile)
	c.card = widget.NewCard(tr.T("ui.backups.title"), "", container.NewVBox(hint, c.list, c.status,
		container.NewGridWrap(fyne.NewSize(max(c.now.MinSize().Width, fromFile.MinSize().Width), c.now.MinSize().Height), c.now, fromFile)))
	return c
}

// refresh lists the backups off the UI goroutine.
func (c *backupsCard) refresh() {
	b := c.u.opt.Backups
	if b == nil {
		c.card.Hide()
		return
	}
	c.u.background(func() func() {
		list, err := b.List()
		last := b.LastError()
		return func() { c.show(list, err, last) }
	})
}

func (c *backupsCard) show(list []BackupInfo, err, lastAuto error) {
	tr := c.u.tr
	c.list.RemoveAll()
	switch {
	case err != nil:
		c.setStatus(tr.Error(err), widget.DangerImportance)
	case lastAuto != nil:
		c.setStatus(tr.T("ui.backups.auto_failed", "Reason", tr.Error(lastAuto)), widget.DangerImportance)
	default:
		c.status.Hide()
	}
	if len(list) == 0 {
		none := widget.NewLabel(tr.T("ui.backups.none"))
		none.Importance = widget.LowImportance
		c.list.Add(none)
	}
	for _, b := range list {
		label := widget.NewLabel(c.when(b.Time) + " · " + tr.T("ui.backups.size", "Size", megabytes(tr.Lang(), b.Size)))
		restore := widget.NewButtonWithIcon(tr.T("ui.backups.restore"), theme.HistoryIcon(), func() { c.confirmRestore(b.Path, c.when(b.Time)) })
		restore.Importance = widget.LowImportance
		c.list.Add(container.NewBorder(nil, nil, nil, restore, label))
	}
	c.list.Refresh()
}

// when is a backup's date and time in the reader's form.
func (c *backupsCard) when(t time.Time) string {
	return c.u.tr.Date(t) + " " + t.Format("15:04")
}

// megabytes writes a size in MB with one decimal, with the decimal comma
// Swedish and Norwegian readers expect.
func megabytes(lang string, n int64) string {
	s := fmt.Sprintf("%.1f", float64(n)/1e6)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (c *backupsCard) setStatus(text string, imp widget.Importance) {
	c.status.SetText(text)
	c.status.Importance = imp
	c.status.Show()
	c.status.Refresh()
}

// backUpNow writes a backup off the UI goroutine, the button off meanwhile.
func (c *backupsCard) backUpNow() {
	c.now.Disable()
	c.u.background(func() func() {
		info, err := c.u.opt.Backups.BackUpNow(c.u.ctx())
		list, lerr := c.u.opt.Backups.List()
		return func() {
			c.now.Enable()
			c.show(list, lerr, nil)
			if err != nil {
				c.setStatus(c.u.tr.Error(err), widget.DangerImportance)
				return
			}
			c.setStatus(c.u.tr.T("ui.backups.written", "When", c.when(info.Time)), widget.SuccessImportance)
		}
	})
}

// restoreFromFile picks any database file (a backup kept elsewhere, a
// copy from a USB stick) to restore.
func (c *backupsCard) restoreFromFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		c.confirmRestore(path, path)
	}, c.u.win)
	if dir := c.u.opt.DataDir; dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	c.u.showFileDialog(d)
}

// confirmRestore says what a restore does and, once confirmed, has the
// file checked and the window closed so the app opens again with it.
func (c *backupsCard) confirmRestore(path, name string) {
	tr := c.u.tr
	msg := widget.NewLabel(tr.T("ui.backups.confirm", "Backup", name))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(tr.T("ui.backups.confirm_title"), tr.T("ui.backups.restore_confirm"), tr.T("ui.cancel"),
		container.NewGridWrap(fyne.NewSize(460, msg.MinSize().Height*5), msg), func(ok bool) {
			if !ok {
				return
			}
			c.u.background(func() func() {
				err := c.u.opt.Backups.Restore(c.u.ctx(), path)
				return func() {
					if err != nil {
						c.setStatus(tr.Error(err), widget.DangerImportance)
						c.u.showError(err)
						return
					}
					c.u.win.Close() // the app restores, then opens again
				}
			})
		}, c.u.win)
	d.Show()
}
