package data_test

// What stays on this device: the profile, settings and drafts.

import (
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

func TestSettingsAndProfile(t *testing.T) {
	s, _ := datatest.Open(t)
	if err := s.SetProfile(data.Profile{Advisor: " "}); err == nil {
		t.Fatal("empty advisor accepted")
	}
	if err := s.SetProfile(data.Profile{Advisor: "Anna Svensson", Organisation: "Region Jämtland Härjedalen", Country: domain.CountrySE}); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Profile()
	if p.Advisor != "Anna Svensson" || !p.Done || p.Country != domain.CountrySE {
		t.Fatalf("profile: %+v", p)
	}
	if err := s.SetSetting("language", "nb"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting("language"); v != "nb" {
		t.Fatalf("setting: %q", v)
	}
	if strings.Contains(datatest.Dump(t, s), "Anna") {
		t.Fatal("device-local profile leaked into the dump")
	}
}

func TestDraftsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s, _ := datatest.OpenAt(t, path)
	if err := s.SaveDraft("visit:new", `{"notes":"halvskrivet"}`); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("visit:new", `{"notes":"halvskrivet, mer"}`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, _ := datatest.OpenAt(t, path)
	d, ok, err := s2.Draft("visit:new")
	if err != nil || !ok || d.Body != `{"notes":"halvskrivet, mer"}` {
		t.Fatalf("draft after reopen: %+v %v %v", d, ok, err)
	}
	if err := s2.DeleteDraft("visit:new"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s2.Draft("visit:new"); ok {
		t.Fatal("deleted draft still there")
	}
}
