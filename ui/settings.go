package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// languageNames are the languages as their own speakers write them, so
// anyone can find theirs whatever language the app is in now.
var languageNames = map[string]string{"sv": "Svenska", "nb": "Norsk bokmål", "en": "English"}

// settingsScreen holds the advisor profile, language, appearance, where the
// data lives, and the version.
type settingsScreen struct {
	u    *UI
	view fyne.CanvasObject

	profile  *profileForm
	saved    *widget.Label
	language *widgets.ChoiceSelect
	theme    *widget.RadioGroup
	themes   map[string]string // label → setting value
	folder   *widget.Label
	database *widget.Label
	copied   *widget.Label
	dataDir  string
	backups  *backupsCard
}

// settingsData is what Settings reads off the UI goroutine.
type settingsData struct {
	profile data.Profile
	theme   string
	path    string
}

func newSettingsScreen(u *UI) *settingsScreen {
	tr := u.tr
	s := &settingsScreen{u: u}

	s.profile = newProfileForm(u, s.saveProfile)
	s.profile.onEdit = func() { s.saved.Hide() }
	// A rebuild (after a language change) must not lose a profile being
	// typed: the screen being replaced is still u.settings here.
	if old := u.settings; old != nil && old.profile.edited() {
		s.profile.takeOver(old.profile)
	}
	s.saved = widget.NewLabel(tr.T("ui.settings.saved"))
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	save := widget.NewButtonWithIcon(tr.T("ui.settings.save"), theme.DocumentSaveIcon(), s.saveProfile)
	save.Importance = widget.HighImportance
	discard := widget.NewButtonWithIcon(tr.T("ui.form.discard_changes"), theme.ContentUndoIcon(), s.profile.confirmDiscard)
	discard.Importance = widget.LowImportance
	s.profile.saveButtons = append(s.profile.saveButtons, save, discard)
	profileHint := widget.NewLabel(tr.T("ui.settings.profile_hint"))
	profileHint.TextStyle = fyne.TextStyle{Italic: true}
	profileCard := widget.NewCard(tr.T("ui.settings.profile"), "", container.NewVBox(profileHint,
		s.profile.body, container.NewHBox(save, discard, s.saved)))

	var langs []widgets.Choice
	for _, l := range translations.Languages {
		langs = append(langs, widgets.Choice{Value: l, Label: languageNames[l]})
	}
	s.language = widgets.NewChoiceSelect(langs, nil)
	s.language.SetValue(tr.Lang())
	s.language.OnChanged = func(string) { s.changeLanguage(s.language.Value()) }
	langNote := widget.NewLabel(tr.T("ui.settings.language_note"))
	langNote.TextStyle = fyne.TextStyle{Italic: true}
	langCard := widget.NewCard(tr.T("ui.settings.language"), "", container.NewVBox(s.language.Select, langNote))

	s.themes = map[string]string{}
	var themeLabels []string
	for _, t := range []widgets.Choice{
		{Value: themeSystem, Label: tr.T("ui.settings.theme.system")},
		{Value: themeLight, Label: tr.T("ui.settings.theme.light")},
		{Value: themeDark, Label: tr.T("ui.settings.theme.dark")},
	} {
		themeLabels = append(themeLabels, t.Label)
		s.themes[t.Label] = t.Value
	}
	s.theme = widget.NewRadioGroup(themeLabels, nil)
	s.theme.Required = true
	s.theme.SetSelected(themeLabels[0])
	s.theme.OnChanged = func(label string) { s.changeTheme(s.themes[label]) }
	themeCard := widget.NewCard(tr.T("ui.settings.theme"), "", s.theme)

	s.dataDir = u.opt.DataDir
	s.folder = pathLabel()
	s.database = pathLabel()
	s.copied = widget.NewLabel(tr.T("ui.settings.copied"))
	s.copied.Importance = widget.SuccessImportance
	s.copied.Hide()
	dataHint := widget.NewLabel(tr.T("ui.settings.data_hint"))
	dataHint.Wrapping = fyne.TextWrapWord
	dataHint.TextStyle = fyne.TextStyle{Italic: true}
	paths := widgets.NewForm(u.tr)
	paths.Add("folder", tr.T("ui.settings.folder"), s.folder)
	paths.Add("database", tr.T("ui.settings.database"), s.database)
	copyBtn := widget.NewButtonWithIcon(tr.T("ui.settings.copy_path"), theme.ContentCopyIcon(), s.copyPath)
	dataCard := widget.NewCard(tr.T("ui.settings.data"), "", container.NewVBox(dataHint, paths.Content(),
		container.NewHBox(copyBtn, s.copied)))

	aboutCard := newAboutCard(u)
	s.backups = newBackupsCard(u)

	s.view = container.NewVScroll(container.NewPadded(container.NewGridWithColumns(2,
		container.NewVBox(profileCard, langCard, s.backups.card),
		container.NewVBox(themeCard, dataCard, aboutCard))))
	return s
}

// pathLabel shows a file path the user can select and copy.
func pathLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapBreak // paths have no spaces to wrap at
	l.Selectable = true
	return l
}

// refresh reads the stored settings off the UI goroutine. A profile the
// user is editing is left alone.
func (s *settingsScreen) refresh() {
	s.backups.refresh()
	s.u.background(func() func() {
		var d settingsData
		var err error
		d.profile, err = s.u.storeForSettings().Profile()
		d.theme = s.u.opt.Prefs.Theme()
		d.path = s.u.storeForSettings().Path()
		return func() {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.show(d)
		}
	})
}

func (s *settingsScreen) show(d settingsData) {
	if !s.profile.edited() {
		s.profile.set(d.profile)
	}
	for label, v := range s.themes {
		if v == d.theme || (d.theme == "" && v == themeSystem) {
			s.theme.OnChanged, s.theme.Selected = nil, label // showing the setting is not changing it
			s.theme.Refresh()
			s.theme.OnChanged = func(label string) { s.changeTheme(s.themes[label]) }
		}
	}
	if s.dataDir == "" && d.path != "" {
		s.dataDir = filepath.Dir(d.path)
	}
	s.folder.SetText(s.dataDir)
	s.database.SetText(d.path)
}

// saveProfile stores the profile off the UI goroutine, with Save off
// meanwhile and problems shown beside their fields.
func (s *settingsScreen) saveProfile() {
	if !s.profile.canSave() {
		return
	}
	s.saved.Hide()
	s.profile.save(func(err error) {
		if err == nil {
			s.saved.Show()
			s.u.dataChanged()
		}
		s.view.Refresh() // a problem line came or went
	})
}

// changeLanguage switches the whole app at once (the rebuilt Settings
// screen takes over a profile being typed).
func (s *settingsScreen) changeLanguage(lang string) {
	if lang == "" || lang == s.u.tr.Lang() {
		return
	}
	if err := s.u.SetLanguage(lang); err != nil {
		s.u.showError(err)
	}
}

// changeTheme stores the theme choice and applies it at once.
func (s *settingsScreen) changeTheme(value string) {
	s.u.background(func() func() {
		err := s.u.opt.Prefs.SetTheme(value)
		return func() {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.applyTheme()
		}
	})
}

// copyPath puts the data folder on the clipboard (for backups and support).
func (s *settingsScreen) copyPath() {
	if s.dataDir == "" {
		return
	}
	s.u.app.Clipboard().SetContent(s.dataDir)
	s.copied.Show()
}
