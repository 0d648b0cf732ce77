package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// welcome is the first-run dialog: who the advisor is, which language, and
// whether to start with demo data. It closes only once a name is stored.
type welcome struct {
	u         *UI
	d         *dialog.CustomDialog
	profile   *profileForm
	language  *widgets.ChoiceSelect
	offerDemo bool
	buttons   []*widget.Button
	progress  *widget.ProgressBarInfinite
	status    *widget.Label
	busy      bool // storing the profile or loading demo data
}

// FirstRun shows the welcome when the advisor profile is not set up yet.
func (u *UI) FirstRun() {
	u.background(func() func() {
		p, err := u.storeForSettings().Profile()
		if err != nil {
			return func() { u.showError(err) }
		}
		if p.Done {
			return nil
		}
		empty, err := u.storeForSettings().IsEmpty(u.ctx())
		if err != nil {
			return func() { u.showError(err) }
		}
		// Demo data only ever goes into an empty database, never beside real clients.
		offer := empty && u.opt.LoadDemo != nil
		return func() { u.showWelcome(p, offer) }
	})
}

// homeCountry guesses the advisor's country from the language they chose.
func homeCountry(lang string) domain.Country {
	switch lang {
	case "sv":
		return domain.CountrySE
	case "nb":
		return domain.CountryNO
	}
	return ""
}

func (u *UI) showWelcome(p data.Profile, offerDemo bool) *welcome {
	tr := u.tr
	w := &welcome{u: u, offerDemo: offerDemo}
	if p.Country == "" {
		p.Country = homeCountry(tr.Lang())
	}
	w.profile = newProfileForm(u, func() { w.finish(false) })
	w.profile.onEscape = w.close // Esc means "continue" here, as on the dialog
	w.profile.set(p)

	var langs []widgets.Choice
	for _, l := range translations.Languages {
		langs = append(langs, widgets.Choice{Value: l, Label: languageNames[l]})
	}
	w.language = widgets.NewChoiceSelect(langs, nil)
	w.language.SetValue(tr.Lang())
	w.language.OnChanged = func(string) { w.changeLanguage(w.language.Value()) }
	w.profile.form.Add("language", tr.T("ui.settings.language"), w.language.Select)

	intro := widget.NewLabel(tr.T("ui.welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	w.progress = widget.NewProgressBarInfinite()
	w.progress.Stop()
	w.progress.Hide()
	w.status = widget.NewLabel("")
	w.status.Hide()
	content := container.NewVBox(
		container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(theme.AccountIcon())), nil, intro),
		w.profile.body)
	if offerDemo {
		hint := widget.NewLabel(tr.T("ui.welcome.demo_hint"))
		hint.Wrapping = fyne.TextWrapWord
		hint.TextStyle = fyne.TextStyle{Italic: true}
		content.Add(hint)
		demo := widget.NewButtonWithIcon(tr.T("ui.welcome.load_demo"), theme.DownloadIcon(), func() { w.finish(true) })
		empty := widget.NewButtonWithIcon(tr.T("ui.welcome.start_empty"), theme.ConfirmIcon(), func() { w.finish(false) })
		empty.Importance = widget.HighImportance
		w.buttons = []*widget.Button{demo, empty}
	} else {
		start := widget.NewButtonWithIcon(tr.T("ui.welcome.start"), theme.ConfirmIcon(), func() { w.finish(false) })
		start.Importance = widget.HighImportance
		w.buttons = []*widget.Button{start}
	}
	content.Add(w.status)
	content.Add(w.progress)

	w.d = dialog.NewCustomWithoutButtons(tr.T("ui.welcome.title"), content, u.win)
	var objs []fyne.CanvasObject
	for _, b := range w.buttons {
		objs = append(objs, b)
	}
	w.d.SetButtons(objs)
	w.d.SetOnClosed(func() { u.popDialog(w) })
	w.d.Resize(fyne.NewSize(600, 1)) // as tall as its content needs
	u.pushDialog(w)
	w.d.Show()
	u.win.Canvas().Focus(w.profile.name)
	return w
}

// changeLanguage switches the app, and this dialog with it, at once;
// everything typed so far stays.
func (w *welcome) changeLanguage(lang string) {
	old := w.u.tr.Lang()
	if lang == "" || lang == old || w.busy {
		return
	}
	p := w.profile.profile()
	if p.Country == homeCountry(old) {
		p.Country = homeCountry(lang) // still the guess, not the advisor's choice
	}
	if err := w.u.SetLanguage(lang); err != nil {
		w.u.showError(err)
		return
	}
	w.d.Hide()
	w.u.showWelcome(p, w.offerDemo) // the same dialog, in the new language
}

// finish stores the profile (refusing an empty name, beside the field),
// then closes, after loading demo data when asked to.
func (w *welcome) finish(loadDemo bool) {
	if w.busy {
		return
	}
	w.setBusy(true, "")
	lang := w.u.tr.Lang()
	w.profile.save(func(err error) {
		if err != nil {
			w.setBusy(false, "")
			w.d.Refresh() // make room for the problem beside the field
			w.u.win.Canvas().Focus(w.profile.name)
			return
		}
		// The language shown is the advisor's choice even when it is the
		// system's: a later start under another locale must not change it.
		w.u.background(func() func() {
			if err := w.u.opt.Prefs.SetLanguage(lang); err != nil {
				return func() { w.u.showError(err) }
			}
			return nil
		})
		if !loadDemo || !w.offerDemo {
			w.dismiss()
			return
		}
		w.loadDemo()
	})
}

// loadDemo fills the empty database off the UI goroutine, with progress
// shown; on failure the dialog stays so the advisor can start empty.
func (w *welcome) loadDemo() {
	w.setBusy(true, w.u.tr.T("ui.welcome.loading"))
	w.u.background(func() func() {
		err := w.u.opt.LoadDemo(w.u.ctx())
		return func() {
			if err != nil {
				w.setBusy(false, "")
				w.u.showError(err)
				return
			}
			w.dismiss()
		}
	})
}

// setBusy disables the buttons while work runs, with an optional message
// and progress bar.
func (w *welcome) setBusy(busy bool, msg string) {
	w.busy = busy
	for _, b := range w.buttons {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		w.language.Disable()
	} else {
		w.language.Enable()
	}
	w.status.SetText(msg)
	if msg == "" {
		w.status.Hide()
		w.progress.Stop()
		w.progress.Hide()
	} else {
		w.status.Show()
		w.progress.Show()
		w.progress.Start()
	}
	w.d.Refresh()
}

// dismiss hides the welcome and shows the app with whatever is stored now.
func (w *welcome) dismiss() {
	w.progress.Stop()
	w.d.Hide()
	w.u.dataChanged()
}

// close is Esc (the dialogCloser): it means "continue", which still needs
// a name, so the welcome cannot be skipped.
func (w *welcome) close() { w.finish(false) }

// save is Ctrl+S: continue, as the main button does.
func (w *welcome) save() { w.finish(false) }
