package ui

import (
	"encoding/json"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// A visit stamped "Peak Innovation"/SE is shown so on its form, folded; the
// advisor opens the part, corrects partner and side, and the visit is
// stored so. The draft keeps the correction.
func TestVisitFormCorrectsThePartnerItIsReportedUnder(t *testing.T) {
	u, st := newTestUI(t, "sv")
	o := datatest.Org(t, st, "Frostviken Fisk", "")
	v := data.NewVisit{Visit: domain.Visit{Date: "2026-11-20", OrgIDs: []string{o.ID}, Type: domain.VisitOnSite,
		Partner: "Peak Innovation", Side: domain.CountrySE}}
	if err := st.CreateVisitWithActions(u.ctx(), &v); err != nil {
		t.Fatal(err)
	}
	u.EditVisit(v.ID)
	u.WaitIdle()
	f := frontVisitForm(t, u)
	if f.under.item.Open {
		t.Error("the part is open by default: the form grows")
	}
	if !shows(topOverlay(t, u), "Redovisas under: Peak Innovation · Sverige") {
		t.Fatalf("the folded part does not say what it holds: %v", visibleTexts(topOverlay(t, u)))
	}
	f.under.acc.Open(0)
	u.WaitIdle()
	typeInto(u, f.under.partner, "Innovasjon Norge Trøndelag")
	f.under.side.SetValue(string(domain.CountryNO))
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Redovisas under: Innovasjon Norge Trøndelag · Norge") {
		t.Errorf("the title does not follow the correction: %v", visibleTexts(topOverlay(t, u)))
	}
	dr, ok, err := st.Draft("visit:" + v.ID)
	var kept visitDraft
	if err != nil || !ok || json.Unmarshal([]byte(dr.Body), &kept) != nil || kept.Partner != "Innovasjon Norge Trøndelag" || kept.Side != "NO" {
		t.Fatalf("the draft: %v %v %q", err, ok, dr.Body)
	}
	f.under.set("", "")
	f.fillFields(kept) // as "restore the draft" does
	if p, s := f.under.values(); p != "Innovasjon Norge Trøndelag" || s != domain.CountryNO {
		t.Fatalf("restored draft shows %q/%q", p, s)
	}
	tapButton(t, u, topOverlay(t, u), "Spara")
	u.WaitIdle()
	got, err := st.Visit(u.ctx(), v.ID)
	if err != nil || got.Partner != "Innovasjon Norge Trøndelag" || got.Side != domain.CountryNO {
		t.Fatalf("stored partner %q side %q (%v)", got.Partner, got.Side, err)
	}
}

// A new visit shows the partner and side it will be stamped with: the
// profile's organisation and country.
func TestNewVisitShowsTheProfilesPartner(t *testing.T) {
	u, st := newTestUI(t, "nb")
	if err := st.SetProfile(data.Profile{Advisor: "Kari Nordmann", Organisation: "Nasjonalparken Næringshage", Country: domain.CountryNO}); err != nil {
		t.Fatal(err)
	}
	o := datatest.Org(t, st, "Røros Reiseliv AS", "")
	u.NewVisit([]string{o.ID})
	u.WaitIdle()
	if !shows(topOverlay(t, u), "Rapporteres under: Nasjonalparken Næringshage · Norge") {
		t.Fatalf("new visit: %v", visibleTexts(topOverlay(t, u)))
	}
	tapButton(t, u, topOverlay(t, u), "Lagre")
	vs, err := st.Visits(u.ctx(), data.VisitQuery{})
	if err != nil || len(vs) != 1 || vs[0].Partner != "Nasjonalparken Næringshage" || vs[0].Side != domain.CountryNO {
		t.Fatalf("stored %v %+v", err, vs)
	}
}

// The joint-action form corrects its stamp the same way; clearing the
// side stores none.
func TestJointFormCorrectsThePartnerItIsReportedUnder(t *testing.T) {
	u, st := newTestUI(t, "en")
	se := datatest.Org(t, st, "Peak Innovation", "")
	j := domain.JointAction{Kind: domain.JointPilot, Title: "Border tourism", OrgIDs: []string{se.ID}, Status: domain.JointPlanned,
		Partner: "Peak Innovation", Side: domain.CountrySE}
	if err := st.CreateJointAction(u.ctx(), &j); err != nil {
		t.Fatal(err)
	}
	u.EditJointAction(j.ID)
	u.WaitIdle()
	f := frontJointForm(t, u)
	if f.under.item.Open || !shows(topOverlay(t, u), "Reported under: Peak Innovation · Sweden") {
		t.Fatalf("open %v: %v", f.under.item.Open, visibleTexts(topOverlay(t, u)))
	}
	f.under.acc.Open(0)
	typeInto(u, f.under.partner, "Region Jämtland Härjedalen")
	f.under.side.SetValue("")
	u.WaitIdle()
	tapButton(t, u, topOverlay(t, u), "Save")
	u.WaitIdle()
	got, err := st.JointAction(u.ctx(), j.ID)
	if err != nil || got.Partner != "Region Jämtland Härjedalen" || got.Side != "" {
		t.Fatalf("stored partner %q side %q (%v)", got.Partner, got.Side, err)
	}
}
