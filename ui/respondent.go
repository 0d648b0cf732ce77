package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/translations"
)

// respondentMode hands the laptop to respondents: the whole window, full
// screen, shows one blank questionnaire at a time and nothing else — no
// navigation, no shortcuts, no earlier answers. A response is stored only
// when its respondent submits; "Next respondent" then builds a new blank
// questionnaire. Esc or closing the window asks for the advisor before
// anything else is shown again.
type respondentMode struct {
	u        *UI
	session  evaluationSession
	tr       *translations.Localizer // the respondents' language
	prev     fyne.CanvasObject       // the window's content before
	wasFull  bool
	body     *fyne.Container
	q        *questionnaire // nil while the thank-you page shows
	submit   *widget.Button
	leaving  dialog.Dialog
	given    int // responses stored in this session (shown to the advisor on leaving)
	onLeave  func(given int)
	disabled []fyne.Shortcut
}

// evaluationSession is what the advisor chose before handing over: the
// form, the respondents' language, what it is attached to and, for a
// before/after form, which of the two.
type evaluationSession struct {
	form    *evaluation.Form
	lang    string
	visitID string
	jointID string
	timing  domain.Timing
}

func (u *UI) startRespondentMode(s evaluationSession, onLeave func(given int)) *respondentMode {
	m := &respondentMode{u: u, session: s, tr: translations.New(s.lang), onLeave: onLeave}
	m.prev = u.win.Content()
	m.wasFull = u.win.FullScreen()
	m.body = container.NewStack()
	title := widget.NewLabel(s.form.Title.In(s.lang))
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Alignment = fyne.TextAlignCenter
	anon := widget.NewLabel(m.tr.T("ui.respondent.anonymous"))
	anon.Alignment = fyne.TextAlignCenter
	anon.Wrapping = fyne.TextWrapWord
	anon.Importance = widget.LowImportance
	u.win.SetContent(container.NewBorder(container.NewVBox(title, anon), nil, nil, nil, m.body))
	u.win.SetFullScreen(true)
	c := u.win.Canvas()
	for _, sc := range []fyne.Shortcut{
		&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
	} {
		c.RemoveShortcut(sc)
		m.disabled = append(m.disabled, sc)
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			m.askToLeave()
		}
	})
	u.win.SetCloseIntercept(m.askToLeave)
	u.respondent = m
	m.next()
	return m
}

// next shows a new blank questionnaire.
func (m *respondentMode) next() {
	m.q = newQuestionnaire(m.session.form, m.tr)
	m.submit = widget.NewButtonWithIcon(m.tr.T("ui.respondent.submit"), theme.ConfirmIcon(), m.send)
	m.submit.Importance = widget.HighImportance
	page := container.NewBorder(nil, container.NewCenter(m.submit), nil, nil,
		container.NewVScroll(container.NewPadded(m.q.view)))
	m.body.Objects = []fyne.CanvasObject{page}
	m.body.Refresh()
}

// send stores the response off the UI goroutine and thanks the respondent.
func (m *respondentMode) send() {
	if m.q == nil {
		return
	}
	r, ok := m.q.response()
	if !ok {
		return
	}
	s := m.session
	r.VisitID, r.JointID, r.Timing = s.visitID, s.jointID, s.timing
	r.Date = m.u.opt.Now().Format(domain.DateLayout)
	m.submit.Disable()
	u := m.u
	u.background(func() func() {
		err := u.storeForEvaluations().CreateResponse(u.ctx(), &r, s.form)
		return func() {
			if err != nil {
				m.submit.Enable()
				m.q.showProblem(m.tr.Error(err))
				return
			}
			m.given++
			m.thanks()
		}
	})
}

// thanks replaces the questionnaire, answers and all, with a thank-you and
// the button for the next respondent.
func (m *respondentMode) thanks() {
	m.q = nil
	msg := widget.NewLabel(m.tr.T("ui.respondent.thanks"))
	msg.Alignment = fyne.TextAlignCenter
	msg.Wrapping = fyne.TextWrapWord
	next := widget.NewButtonWithIcon(m.tr.T("ui.respondent.next"), theme.NavigateNextIcon(), m.next)
	next.Importance = widget.HighImportance
	m.body.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(msg, container.NewCenter(next)))}
	m.body.Refresh()
}

// askToLeave asks for the advisor, in the advisor's language, before the
// window shows anything but the questionnaire again.
func (m *respondentMode) askToLeave() {
	if m.leaving != nil {
		return
	}
	tr := m.u.tr
	m.leaving = dialog.NewConfirm(tr.T("ui.respondent.leave_title"), tr.T("ui.respondent.leave_question"), func(ok bool) {
		m.leaving = nil
		if ok {
			m.leave()
		}
	}, m.u.win)
	m.leaving.Show()
}

// leave gives the window back to the advisor as it was.
func (m *respondentMode) leave() {
	u := m.u
	u.respondent = nil
	m.q = nil
	u.win.SetFullScreen(m.wasFull)
	u.win.SetContent(m.prev)
	u.win.SetCloseIntercept(u.closeWindow)
	u.addShortcuts()
	if m.onLeave != nil {
		m.onLeave(m.given)
	}
	u.dataChanged()
}
