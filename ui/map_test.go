package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/ui/netmap"
)

// A relation a colleague records on another laptop appears on this one's
// map after a sync through the shared folder (issue 17 §5), in the figures
// and in the picture, where a click on the actor opens its page.
func TestARelationFromAnotherDeviceAppearsOnTheMapAfterASync(t *testing.T) {
	u, st := newTestUI(t, "sv")
	own := domain.Organisation{Name: "Krokoms Kvarn AB", Municipality: "2309", Country: domain.CountrySE, Kind: domain.KindSME}
	if err := st.CreateOrganisation(u.ctx(), &own); err != nil {
		t.Fatal(err)
	}
	u.ShowMap()
	u.WaitIdle()
	m := u.netmap
	if !shows(m.figures, "1 aktör") || !shows(m.figures, "0 relationer") {
		t.Fatalf("before the sync: %v", visibleTexts(m.figures))
	}

	colleague, _ := datatest.Open(t)
	peak := domain.Organisation{Name: "Peak Innovation", Municipality: "2380", Country: domain.CountrySE, Kind: domain.KindCluster}
	hage := domain.Organisation{Name: "Nasjonalparken Næringshage", Municipality: "5025", Country: domain.CountryNO, Kind: domain.KindIncubator}
	for _, o := range []*domain.Organisation{&peak, &hage} {
		if err := colleague.CreateOrganisation(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	rel := domain.Relation{FromOrg: peak.ID, ToOrg: hage.ID, Kind: domain.RelationPartnerOf, Start: "2026-02-01"}
	if err := colleague.CreateRelation(context.Background(), &rel); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(t.TempDir(), "Delad")
	if err := os.Mkdir(shared, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Sync(context.Background(), colleague, shared, exchange.Options{App: "test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := exchange.Sync(context.Background(), st, shared, exchange.Options{App: "test"}); err != nil {
		t.Fatal(err)
	}
	u.dataChanged() // as the sync service does after an import
	u.WaitIdle()
	if !shows(m.figures, "3 aktörer") || !shows(m.figures, "1 relation") || !shows(m.figures, "1 över gränsen") {
		t.Fatalf("after the sync: %v", visibleTexts(m.figures))
	}
	i := m.m.NodeOf(hage.ID)
	if i < 0 || m.canvas.view == nil {
		t.Fatal("the colleague's incubator is not on the map")
	}
	x, y := m.canvas.view.Point(i)
	if got := m.canvas.img.Image.At(int(x), int(y)); got != netmap.LightStyle.Countries[domain.CountryNO] {
		t.Fatalf("the Norwegian incubator is drawn %v, want Norway's colour", got)
	}
	pos := fyne.NewPos(float32(x)/m.canvas.scale, float32(y)/m.canvas.scale)
	m.canvas.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if !shows(m.hover, "Nasjonalparken Næringshage · Inkubator") {
		t.Fatalf("hovering the incubator: %v", m.hover.Text)
	}
	m.canvas.Tapped(&fyne.PointEvent{Position: pos})
	u.WaitIdle()
	if u.tabs.SelectedIndex() != tabOrganisations || u.orgs.detail.form.org.ID != hage.ID {
		t.Fatalf("a click on the incubator opened tab %d, %q", u.tabs.SelectedIndex(), u.orgs.detail.form.org.Name)
	}
}

func TestTheMapFiltersByCountryAndKind(t *testing.T) {
	u, st := newTestUI(t, "nb")
	var ids []string
	for _, o := range []domain.Organisation{
		{Name: "Peak Innovation", Municipality: "2380", Country: domain.CountrySE, Kind: domain.KindCluster},
		{Name: "Krokoms Kvarn AB", Municipality: "2309", Country: domain.CountrySE, Kind: domain.KindSME},
		{Name: "Leka Laks AS", Municipality: "5052", Country: domain.CountryNO, Kind: domain.KindSME},
	} {
		if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, o.ID)
	}
	for _, r := range []domain.Relation{
		{FromOrg: ids[1], ToOrg: ids[0], Kind: domain.RelationMemberOf},
		{FromOrg: ids[2], ToOrg: ids[0], Kind: domain.RelationSupportedBy},
	} {
		if err := st.CreateRelation(u.ctx(), &r); err != nil {
			t.Fatal(err)
		}
	}
	u.ShowMap()
	u.WaitIdle()
	m := u.netmap
	if !shows(m.figures, "3 aktører") || !shows(m.figures, "1 over grensen") || !shows(m.figures, "Angi prosjektets start") {
		t.Fatalf("all: %v", visibleTexts(m.figures))
	}
	m.country.SetValue(string(domain.CountrySE))
	u.WaitIdle()
	if !shows(m.figures, "2 aktører") || !shows(m.figures, "1 relasjon") || !shows(m.figures, "0 over grensen") {
		t.Fatalf("Sweden: %v", visibleTexts(m.figures))
	}
	m.kind.SetValue(groupPrefix + "enterprise")
	u.WaitIdle()
	if !shows(m.figures, "1 aktør") || m.canvas.view.ShownCount() != 1 {
		t.Fatalf("Sweden's enterprises: %v", visibleTexts(m.figures))
	}
	if err := u.opt.Prefs.SetProjectStart("2026-01-01"); err != nil {
		t.Fatal(err)
	}
	m.kind.SetValue("")
	m.country.SetValue("")
	u.WaitIdle()
	if !shows(m.figures, "0 aktører med nye relasjoner siden prosjektstart") {
		t.Fatalf("with a project start: %v", visibleTexts(m.figures))
	}
}
