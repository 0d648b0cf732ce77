package ui

import (
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// The Project screen's inner tabs, in order.
const (
	projectTabJoint = iota
	projectTabMap
	projectTabFindings
)

// projectScreen holds the project's own results, one inner tab each: its
// joint actions, the innovation-system map and the findings log.
type projectScreen struct {
	u    *UI
	tabs *container.AppTabs
}

func newProjectScreen(u *UI) *projectScreen {
	p := &projectScreen{u: u}
	p.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.tr.T("ui.org.joint_actions"), theme.AccountIcon(), u.joint.view),
		container.NewTabItemWithIcon(u.tr.T("ui.map.title"), theme.GridIcon(), u.netmap.view),
		container.NewTabItemWithIcon(u.tr.T("ui.findings.title"), theme.DocumentIcon(), u.findings.view),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.refresh() }
	return p
}

// refresh reloads the inner tab in front.
func (p *projectScreen) refresh() {
	switch p.tabs.SelectedIndex() {
	case projectTabMap:
		p.u.netmap.refresh()
	case projectTabFindings:
		p.u.findings.refresh()
	default:
		p.u.joint.refresh()
	}
}

// showTab brings an inner tab to the front (OnSelected refreshes it).
func (p *projectScreen) showTab(i int) {
	if p.tabs.SelectedIndex() != i {
		p.tabs.SelectIndex(i)
	}
}

// ShowMap shows the innovation-system map.
func (u *UI) ShowMap() {
	u.Show(tabJoint)
	u.project.showTab(projectTabMap)
}

// ShowFindings shows the project's findings log.
func (u *UI) ShowFindings() {
	u.Show(tabJoint)
	u.project.showTab(projectTabFindings)
}
