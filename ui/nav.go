package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Tab indexes, in navigation order.
const (
	tabToday = iota
	tabOrganisations
	tabVisits
	tabActions
	tabJoint // the Project screen, which opens on its joint actions
	tabReports
	tabSync
	tabSettings
	tabHelp
)

// Show switches to a screen; tabJoint shows the joint actions.
func (u *UI) Show(tab int) {
	if tab == tabJoint {
		u.project.showTab(projectTabJoint)
	}
	if u.tabs.SelectedIndex() != tab {
		u.tabs.SelectIndex(tab) // OnSelected refreshes
	}
}

// refreshCurrent reloads the visible screen's data in the background.
func (u *UI) refreshCurrent() {
	switch u.tabs.SelectedIndex() {
	case tabToday:
		u.today.refresh()
	case tabOrganisations:
		u.orgs.refresh()
	case tabVisits:
		u.visits.refresh()
	case tabActions:
		u.actions.refresh()
	case tabJoint:
		u.project.refresh()
	case tabReports:
		u.reports.refresh()
	case tabSync:
		u.syncScreen.refresh()
	case tabSettings:
		u.settings.refresh()
	}
}

// navItem is one screen of the navigation.
type navItem struct {
	label string
	icon  fyne.Resource
	view  fyne.CanvasObject
}

// newNavigation is the navigation down the window's left edge and the
// screens beside it. The tabs hold no content themselves: the screens live
// in a stack of their own, so the tabs can be drawn a little more compactly
// (navTheme) without touching the screens, and all nine fit a window 700
// px high — a 1366×768 laptop's — instead of folding Settings and Help
// into a "⋮" menu.
func newNavigation(items []navItem) (*container.AppTabs, *fyne.Container, fyne.CanvasObject) {
	tabs := container.NewAppTabs()
	views := container.NewStack()
	for _, it := range items {
		placeholder := canvas.NewRectangle(color.Transparent)
		tabs.Append(container.NewTabItemWithIcon(it.label, it.icon, placeholder))
		it.view.Hide()
		views.Add(it.view)
	}
	tabs.SetTabLocation(container.TabLocationLeading)
	return tabs, views, container.NewThemeOverride(tabs, navTheme{})
}

// showView shows the screen of tab i and hides the others.
func showView(views *fyne.Container, i int) {
	for k, v := range views.Objects {
		if k == i {
			v.Show()
		} else {
			v.Hide()
		}
	}
	views.Refresh()
}

// navTheme is the app's theme with smaller navigation icons and less room
// around them. It asks the app's current theme each time, so a switch to
// dark follows at once.
type navTheme struct{}

func (navTheme) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t navTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}
func (t navTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.current().Font(s) }
func (t navTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t navTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameInlineIcon:
		return 15 // drawn twice as large above each label: 30 px, from 40
	case theme.SizeNameInnerPadding:
		return 6
	}
	return t.current().Size(n)
}
