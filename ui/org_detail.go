package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
)

// orgDetail shows one organisation: its overview form, contacts, a timeline
// of visits and its actions. It also creates new organisations.
type orgDetail struct {
	u      *UI
	screen *orgScreen
	view   *fyne.Container

	empty  fyne.CanvasObject
	body   fyne.CanvasObject
	title  *widget.Label
	sub    *widget.Label
	tabs   *container.AppTabs
	delete *widget.Button
	visit  *widget.Button
	report *widget.Button

	form *orgForm // the overview tab: the organisation's own fields

	contacts *orgContacts
	timeline *orgTimeline
	actions  *orgActions
	assess   *orgAssessments
	progress *orgProgress
	links    *orgRelations
	reach    *orgReach // an innovation actor's second wave, under its relations
}

// The organisation's tabs, in order.
const (
	orgTabOverview = iota
	orgTabContacts
	orgTabVisits
	orgTabActions
	orgTabAssessments
	orgTabProgress
	orgTabRelations
)

func newOrgDetail(u *UI, s *orgScreen) *orgDetail {
	d := &orgDetail{u: u, screen: s}
	tr := u.tr
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.sub = widget.NewLabel("")
	d.sub.Importance = widget.LowImportance

	d.form = newOrgForm(u)
	d.form.saved = func(o domain.Organisation, before string) {
		if d.form.org.ID == before { // still on the form that was saved
			d.screen.selected = o.ID
			d.show(o)
		}
	}
	d.delete = widget.NewButtonWithIcon(tr.T("ui.delete"), theme.DeleteIcon(), d.confirmDelete)
	d.delete.Importance = widget.DangerImportance
	d.visit = widget.NewButtonWithIcon(tr.T("ui.org.new_visit"), theme.CalendarIcon(), func() {
		if d.form.org.ID != "" {
			u.NewVisit([]string{d.form.org.ID})
		}
	})
	d.report = widget.NewButtonWithIcon(tr.T("ui.org.export_report"), theme.DocumentPrintIcon(), d.exportReport)
	if u.opt.ClientReport == nil {
		d.report.Hide()
	}
	joint := widget.NewButtonWithIcon(tr.T("ui.org.joint_actions"), theme.AccountIcon(), func() {
		if o := d.form.org; o.ID != "" {
			u.Show(tabJoint)
			u.joint.showPartner(o.ID, o.Name)
		}
	})
	buttons := container.New(&rowWrapLayout{}, d.form.saveButton, d.form.discardButton, d.visit, joint, d.report, d.delete)
	overview := container.NewBorder(nil, buttons, nil, nil, d.form.view)

	d.contacts = newOrgContacts(u)
	d.timeline = newOrgTimeline(u)
	d.actions = newOrgActions(u)
	d.assess = newOrgAssessments(u)
	d.progress = newOrgProgress(u)
	d.links = newOrgRelations(u)
	d.reach = newOrgReach(u)
	d.assess.onChange = func() { // levels, targets and links follow
		d.progress.reload()
		d.actions.load(d.form.org.ID)
	}
	d.progress.onAddAction = func(text, modelID, dimension, due string) {
		d.tabs.SelectIndex(orgTabActions)
		d.actions.prefill(text, modelID, dimension, due)
	}
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(tr.T("ui.org.tab.overview"), theme.InfoIcon(), overview),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.contacts"), theme.AccountIcon(), d.contacts.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.visits"), theme.CalendarIcon(), d.timeline.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.actions"), theme.ConfirmIcon(), d.actions.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.assessments"), theme.GridIcon(), d.assess.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.progress"), theme.MediaFastForwardIcon(), d.progress.view),
		container.NewTabItemWithIcon(tr.T("ui.org.tab.relations"), theme.MailForwardIcon(),
			container.NewBorder(nil, d.reach.view, nil, nil, d.links.view)),
	)
	d.body = container.NewBorder(container.NewVBox(d.title, d.sub), nil, nil, nil, d.tabs)

	hint := widget.NewLabel(tr.T("ui.org.choose"))
	hint.Alignment = fyne.TextAlignCenter
	hint.Importance = widget.LowImportance
	d.empty = container.NewCenter(container.NewVBox(hint, container.NewCenter(u.guideButton("first-start"))))
	d.view = container.NewStack(d.empty, d.body)
	d.body.Hide()
	return d
}

// open loads an organisation into the detail view.
func (d *orgDetail) open(id string) {
	u := d.u
	u.background(func() func() {
		o, err := u.storeForOrgs().Organisation(u.ctx(), id)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			d.show(o)
		}
	})
}

// openNew empties the form for a new organisation.
func (d *orgDetail) openNew() {
	d.screen.list.UnselectAll()
	d.screen.selected = ""
	o := domain.Organisation{} // the kind starts as not given: the advisor chooses it
	if p, err := d.u.storeForOrgs().Profile(); err == nil {
		o.Country = p.Country
	}
	d.show(o)
	d.form.countryGuessed = true
	d.u.win.Canvas().Focus(d.form.name)
}

// show fills the form from o and offers back an unsaved draft of it.
func (d *orgDetail) show(o domain.Organisation) {
	d.form.open(o)
	d.empty.Hide()
	d.body.Show()
	isNew := o.ID == ""
	for i, it := range d.tabs.Items {
		if i > 0 {
			if isNew {
				d.tabs.DisableItem(it)
			} else {
				d.tabs.EnableItem(it)
			}
		}
	}
	if isNew {
		d.title.SetText(d.u.tr.T("ui.org.new_title"))
		d.sub.SetText("")
		d.delete.Disable()
		d.visit.Disable()
		d.report.Disable()
		d.tabs.SelectIndex(0)
	} else {
		d.title.SetText(o.Name)
		d.sub.SetText(d.summary(o))
		d.delete.Enable()
		d.visit.Enable()
		d.report.Enable()
		d.contacts.load(o.ID)
		d.timeline.load(o.ID)
		d.actions.load(o.ID)
		d.assess.load(o.ID)
		d.progress.load(o.ID)
		d.links.load(o.ID)
		d.reach.load(o)
	}
}

func (d *orgDetail) summary(o domain.Organisation) string {
	parts := []string{d.u.tr.Kind(o.Kind), d.u.tr.Size(o.Size())}
	if o.Municipality != "" {
		parts = append(parts, d.u.municipalityLabel(o.Municipality))
	}
	if o.Country != "" {
		parts = append(parts, d.u.tr.Country(o.Country))
	}
	return strings.Join(parts, " · ")
}

// save is Ctrl+S on the screen: the overview form saves while an
// organisation is shown.
func (d *orgDetail) save() {
	if d.body.Visible() {
		d.form.save()
	}
}

// orgLabel is "Name (municipality)" for lists that mix organisations.
func (u *UI) orgLabel(o domain.Organisation) string {
	if o.Municipality == "" {
		return o.Name
	}
	return fmt.Sprintf("%s (%s)", o.Name, u.municipalityLabel(o.Municipality))
}
