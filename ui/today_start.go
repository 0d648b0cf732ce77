package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// todayStart is what Today offers before the first visit is recorded: the
// first steps as buttons, demo data while the database is still empty,
// and the guide's first chapter. It hides itself once a visit exists.
type todayStart struct {
	u        *UI
	card     *widget.Card
	text     *widget.Label
	demo     *widget.Button
	loading  *widget.Label
	progress *widget.ProgressBarInfinite
}

func newTodayStart(u *UI) *todayStart {
	tr := u.tr
	s := &todayStart{u: u}
	s.text = widget.NewLabel(tr.T("ui.today.start.text"))
	s.text.Wrapping = fyne.TextWrapWord
	newOrg := widget.NewButtonWithIcon(tr.T("ui.orgs.new"), theme.ContentAddIcon(), u.newOrganisation)
	newOrg.Importance = widget.HighImportance
	newVisit := widget.NewButtonWithIcon(tr.T("ui.visits.new"), theme.CalendarIcon(), func() { u.NewVisit(nil) })
	s.demo = widget.NewButtonWithIcon(tr.T("ui.welcome.load_demo"), theme.DownloadIcon(), s.loadDemo)
	s.demo.Hide()
	guide := widget.NewButtonWithIcon(tr.T("ui.today.start.guide"), theme.HelpIcon(), func() { u.openHelp("first-start") })
	guide.Importance = widget.LowImportance
	s.loading = widget.NewLabel(tr.T("ui.welcome.loading"))
	s.loading.Hide()
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	row := container.NewHBox(newOrg, newVisit, s.demo, guide)
	s.card = widget.NewCard(tr.T("ui.today.start.title"), "", container.NewVBox(s.text, row, s.loading, s.progress))
	s.card.Hide()
	return s
}

// show shows the card when there are no visits yet, with demo data offered
// only while nothing at all is stored: never beside real clients.
func (s *todayStart) show(noVisits, emptyDB bool) {
	if !noVisits {
		s.card.Hide()
		return
	}
	if emptyDB && s.u.opt.LoadDemo != nil {
		s.text.SetText(s.u.tr.T("ui.today.start.text_demo"))
		s.demo.Show()
	} else {
		s.text.SetText(s.u.tr.T("ui.today.start.text"))
		s.demo.Hide()
	}
	s.card.Show()
}

// loadDemo fills the empty database off the UI goroutine, the progress
// shown meanwhile; Today then shows the demo's follow-ups and visits.
func (s *todayStart) loadDemo() {
	u := s.u
	s.demo.Disable()
	s.loading.Show()
	s.progress.Show()
	s.progress.Start()
	u.background(func() func() {
		err := u.opt.LoadDemo(u.ctx())
		return func() {
			s.progress.Stop()
			s.progress.Hide()
			s.loading.Hide()
			s.demo.Enable()
			if err != nil {
				u.showError(err)
				return
			}
			u.dataChanged()
		}
	})
}

// newOrganisation opens an empty organisation form on the Organisations
// screen.
func (u *UI) newOrganisation() {
	u.Show(tabOrganisations)
	u.orgs.detail.openNew()
}
