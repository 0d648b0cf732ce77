package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// undoFor is how long the undo bar offers to take back what was just done:
// long enough to notice a slip, short enough that the bar is gone before
// it can be mistaken for something about the next thing the user does.
const undoFor = 8 * time.Second

// timers hand out the undo bar's expiry: afterFunc calls f on a goroutine
// of its own once d has passed, unless the returned stop is called first.
// The window uses the real clock; tests pass one they advance, so an
// expiry is tested without waiting for it.
type timers interface {
	afterFunc(d time.Duration, f func()) (stop func())
}

// realTimers are time.AfterFunc.
type realTimers struct{}

func (realTimers) afterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

// undoBar is the window's one offer to take back a quick destructive
// action — an action marked done, a contact, action, visit or
// organisation deleted — shown along the window's bottom for undoFor. One
// bar for the whole window, not one per screen: a new offer replaces the
// last and going to another screen ends it, so Undo never takes back
// something the user has already moved on from.
type undoBar struct {
	u      *UI
	view   *fyne.Container
	label  *widget.Label
	button *widget.Button

	undo    func() error // the offer's undo, run off the UI goroutine; nil when none
	undone  func()       // runs on the UI goroutine once undo succeeded
	offerID int          // counts offers: an earlier offer's expiry leaves a later one be
	stop    func()       // cancels the running offer's expiry
}

func newUndoBar(u *UI) *undoBar {
	b := &undoBar{u: u}
	b.label = widget.NewLabel("")
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.button = widget.NewButtonWithIcon(u.tr.T("ui.undo"), theme.ContentUndoIcon(), b.takeBack)
	b.button.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.dismiss)
	closeBtn.Importance = widget.LowImportance
	b.view = container.NewBorder(widget.NewSeparator(), nil, widget.NewIcon(theme.InfoIcon()),
		container.NewHBox(b.button, closeBtn), b.label)
	b.view.Hide()
	return b
}

// offer shows message with Undo for undoFor. undo runs off the UI
// goroutine when Undo is pressed; undone, if given, runs on the UI
// goroutine after it succeeded (the screen in front reloads anyway).
func (b *undoBar) offer(message string, undo func() error, undone func()) {
	b.end()
	b.offerID++
	id := b.offerID
	b.undo, b.undone = undo, undone
	b.label.SetText(message)
	b.button.Enable()
	b.view.Show()
	b.stop = b.u.opt.timers.afterFunc(undoFor, func() {
		b.u.deliver(func() {
			if b.offerID == id {
				b.dismiss()
			}
		}, false)
	})
}

// dismiss ends the offer and hides the bar: it expired, was closed, or
// the user went on to something else.
func (b *undoBar) dismiss() {
	b.end()
	b.view.Hide()
}

// end forgets the running offer and cancels its expiry.
func (b *undoBar) end() {
	if b.stop != nil {
		b.stop()
		b.stop = nil
	}
	b.undo, b.undone = nil, nil
}

// takeBack runs the offer's undo off the UI goroutine, Undo held
// meanwhile so a second click starts nothing; on success the bar goes and
// the screen in front shows what is stored again.
func (b *undoBar) takeBack() {
	undo, undone, id := b.undo, b.undone, b.offerID
	if undo == nil {
		return
	}
	b.button.Disable()
	b.u.background(func() func() {
		err := undo()
		return func() {
			if err != nil {
				b.u.showError(err)
				if b.offerID == id {
					b.button.Enable()
				}
				return
			}
			if b.offerID == id {
				b.dismiss()
			}
			if undone != nil {
				undone()
			}
			b.u.dataChanged()
		}
	})
}
