package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// frontJointForm is the joint-action form in front.
func frontJointForm(t *testing.T, u *UI) *jointForm {
	t.Helper()
	if len(u.dialogs) == 0 {
		t.Fatal("no form is open")
	}
	f, ok := u.dialogs[len(u.dialogs)-1].(*jointForm)
	if !ok {
		t.Fatalf("the dialog in front is %T", u.dialogs[len(u.dialogs)-1])
	}
	return f
}

func TestRecordAJointActionFromAPartnersPage(t *testing.T) {
	u, st := newTestUI(t, "sv")
	se := domain.Organisation{Name: "Peak Innovation", Municipality: "2380"}
	no := domain.Organisation{Name: "Nasjonalparken Næringshage", Municipality: "5025"}
	for _, o := range []*domain.Organisation{&se, &no} {
		if err := st.CreateOrganisation(u.ctx(), o); err != nil {
			t.Fatal(err)
		}
	}
	u.Show(tabJoint)
	u.WaitIdle()
	if !shows(u.joint.view, "Inga gemensamma insatser än.") {
		t.Fatalf("empty screen: %v", visibleTexts(u.joint.view))
	}
	// From the Swedish partner's page: the list shows its joint actions and
	// a new one starts with it as a partner.
	u.selectOrg(se.ID)
	u.WaitIdle()
	tapButton(t, u, u.orgs.detail.view, "Gemensamma insatser")
	u.WaitIdle()
	if u.tabs.SelectedIndex() != tabJoint || !shows(u.joint.view, "Partner: Peak Innovation") {
		t.Fatalf("the partner's joint actions: %v", visibleTexts(u.joint.view))
	}
	tapButton(t, u, u.joint.view, "Ny gemensam insats")
	u.WaitIdle()
	f := frontJointForm(t, u)
	if got := f.orgs.Selected(); len(got) != 1 || got[0] != se.ID {
		t.Fatalf("partners of a new joint action from the page: %v", got)
	}
	if !shows(topOverlay(t, u), "inte gränsöverskridande") {
		t.Fatalf("one country's partners: %v", visibleTexts(topOverlay(t, u)))
	}
	typeInto(u, f.title, "Gränslös turism")
	f.orgs.SetSelected([]string{se.ID, no.ID})
	f.orgs.OnChanged()
	f.status.SetValue(string(domain.JointCompleted))
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Gränsöverskridande: partner från Sverige och Norge.") {
		t.Fatalf("both countries' partners: %v", visibleTexts(topOverlay(t, u)))
	}
	// Completed without a date: the problem shows, nothing typed is lost.
	test.Tap(buttonWithText(t, topOverlay(t, u), "Spara"))
	u.WaitIdle()
	if f.form.Problem("date") == nil || !f.form.Problem("date").Visible() || f.title.Text != "Gränslös turism" {
		t.Fatalf("after a failed save: title %q", f.title.Text)
	}
	if l, _ := st.JointActions(u.ctx(), data.JointQuery{}); len(l) != 0 {
		t.Fatal("a joint action was stored despite the problem")
	}
	typeInto(u, f.date, "2026-05-30")
	test.Tap(buttonWithText(t, topOverlay(t, u), "Spara"))
	u.WaitIdle()
	if len(u.dialogs) != 0 {
		t.Fatal("the form stayed open after saving")
	}
	l, _ := st.JointActions(u.ctx(), data.JointQuery{})
	if len(l) != 1 || l[0].Title != "Gränslös turism" || l[0].Date != "2026-05-30" || len(l[0].OrgIDs) != 2 || l[0].Kind != domain.JointPilot {
		t.Fatalf("stored: %+v", l)
	}
	u.joint.refresh()
	u.WaitIdle()
	if !shows(u.joint.list, "Gränslös turism") || !shows(u.joint.list, "gränsöverskridande") || !shows(u.joint.view, "1 gemensam insats") {
		t.Fatalf("the list: %v", visibleTexts(u.joint.view))
	}
	// Delete, then undo.
	u.joint.delete(u.joint.rows[0].JointAction)
	u.WaitIdle()
	if len(u.joint.rows) != 0 {
		t.Fatal("still listed after delete")
	}
	tapButton(t, u, u.undo.view, "Ångra")
	u.WaitIdle()
	if l, _ := st.JointActions(u.ctx(), data.JointQuery{}); len(l) != 1 {
		t.Fatal("undo did not bring it back")
	}
}
