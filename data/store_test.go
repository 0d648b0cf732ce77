package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

var ctx = context.Background()

func ptr[T any](v T) *T { return &v }

func TestOpenMigratesAnEmptyDatabase(t *testing.T) {
	s, _ := datatest.Open(t)
	v, err := s.SchemaVersion()
	if err != nil || v != data.LatestSchema() || v < 1 {
		t.Fatalf("schema version %d (latest %d): %v", v, data.LatestSchema(), err)
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("check of a new database: %+v %v", rep, err)
	}
	if s.DeviceID() == "" {
		t.Fatal("no device id")
	}
}

func TestReopenKeepsDeviceAndSequence(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s1, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := domain.Organisation{Name: "Fjällbruk AB"}
	if err := s1.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	dev := s1.DeviceID()
	s1.Close()
	s2, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.DeviceID() != dev {
		t.Fatalf("device id changed: %s → %s", dev, s2.DeviceID())
	}
	o.Name = "Fjällbruk i Krokom AB"
	if err := s2.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	ch, err := s2.Changes(ctx, dev, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range ch {
		if c.Seq != uint64(i+1) {
			t.Fatalf("sequence numbers not 1..n after reopen: %v", ch)
		}
	}
}

func TestOrganisationCRUD(t *testing.T) {
	s, _ := datatest.Open(t)
	o := domain.Organisation{Name: "  Östersunds Glas AB ", OrgNr: "556036-0793", Municipality: "2380",
		Sector: "c", Kind: domain.KindSME, Employees: ptr(12), Tags: []string{"glas", " glas ", ""}}
	if err := s.CreateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	got, err := s.Organisation(ctx, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Östersunds Glas AB" || got.OrgNr != "5560360793" || got.Country != domain.CountrySE ||
		got.Sector != "C" || got.Size() != domain.SizeSmall || len(got.Tags) != 1 || got.OrgNumberDisplay() != "556036-0793" {
		t.Fatalf("stored organisation: %+v", got)
	}
	if got.CreatedAt.IsZero() || got.UpdatedAt.Before(got.CreatedAt) {
		t.Fatalf("timestamps: %v %v", got.CreatedAt, got.UpdatedAt)
	}

	got.Notes = "Vill digitalisera ugnsstyrningen"
	got.Employees = nil
	if err := s.UpdateOrganisation(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Organisation(ctx, o.ID)
	if again.Notes != got.Notes || again.Employees != nil || again.Size() != domain.SizeUnknown {
		t.Fatalf("after update: %+v", again)
	}

	if err := s.DeleteOrganisation(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organisation(ctx, o.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted organisation still readable: %v", err)
	}
	if err := s.DeleteOrganisation(ctx, o.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}
	if err := s.RestoreOrganisation(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Organisation(ctx, o.ID); err != nil {
		t.Fatalf("restored organisation: %v", err)
	}
}

func TestUpdateWritesOnlyChangedFields(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Lierne Tre AS", "988077917")
	before, _ := s.Changes(ctx, s.DeviceID(), 0, 0)
	o.Notes = "Ny sagbenk"
	if err := s.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Changes(ctx, s.DeviceID(), 0, 0)
	if len(after)-len(before) != 1 || after[len(after)-1].Field != "notes" {
		t.Fatalf("update wrote %d changes: %+v", len(after)-len(before), after[len(before):])
	}
	if err := s.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Changes(ctx, s.DeviceID(), 0, 0)
	if len(again) != len(after) {
		t.Fatal("saving an unchanged record wrote changes")
	}
}

func TestValidationRejectsAndChangesNothing(t *testing.T) {
	s, _ := datatest.Open(t)
	cases := []struct {
		org   domain.Organisation
		field string
		code  string
	}{
		{domain.Organisation{Name: ""}, "name", "required"},
		{domain.Organisation{Name: "X", OrgNr: "556036-0794"}, "orgnr", "orgnr.checksum"},
		{domain.Organisation{Name: "X", OrgNr: "988077917", Country: domain.CountrySE}, "orgnr", "orgnr.country"},
		{domain.Organisation{Name: "X", Municipality: "9999"}, "municipality", "municipality.unknown"},
		{domain.Organisation{Name: "X", Municipality: "5042", Country: domain.CountrySE}, "municipality", "municipality.country"},
		{domain.Organisation{Name: "X", Sector: "Z"}, "sector", "sector.unknown"},
		{domain.Organisation{Name: "X", Kind: "plc"}, "kind", "choice"},
		{domain.Organisation{Name: "X", Employees: ptr(-3)}, "employees", "number.range"},
		{domain.Organisation{Name: "X", Country: "DK"}, "country", "country.unknown"},
		{domain.Organisation{Name: strings.Repeat("x", 201)}, "name", "too_long"},
	}
	before := datatest.Dump(t, s)
	for _, c := range cases {
		o := c.org
		err := s.CreateOrganisation(ctx, &o)
		found := false
		for _, v := range domain.ValidationErrors(err) {
			if v.Field == c.field && v.Code == c.code {
				found = true
			}
		}
		if !found {
			t.Errorf("%+v: want %s/%s, got %v", c.org, c.field, c.code, err)
		}
	}
	if datatest.Dump(t, s) != before {
		t.Fatal("a rejected create changed the database")
	}
}

func TestVisitsWithSeveralOrganisationsAndActions(t *testing.T) {
	s, _ := datatest.Open(t)
	if err := s.SetProfile(data.Profile{Advisor: "Kari Nordmann", Country: domain.CountryNO}); err != nil {
		t.Fatal(err)
	}
	a := datatest.Org(t, s, "Røros Ost AS", "")
	b := datatest.Org(t, s, "Funäsdalen Fjällmat AB", "")
	nv := data.NewVisit{Visit: domain.Visit{Date: "2026-11-20", OrgIDs: []string{a.ID, b.ID, a.ID}, Type: domain.VisitWorkshop,
		Minutes: 120, Women: 5, Men: 3, CrossBorder: true, Notes: "Gemensam workshop om lokalmat"},
		NextSteps: []domain.Action{{Text: "Skicka offert på förpackningar", Due: "2026-12-01"}}}
	if err := s.CreateVisitWithActions(ctx, &nv); err != nil {
		t.Fatal(err)
	}
	v, err := s.Visit(ctx, nv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.OrgIDs) != 2 || v.Advisor != "Kari Nordmann" || v.Participants() != 8 {
		t.Fatalf("visit: %+v", v)
	}
	for _, org := range []string{a.ID, b.ID} {
		vs, _ := s.Visits(ctx, data.VisitQuery{OrgID: org})
		if len(vs) != 1 {
			t.Fatalf("visits of %s: %d", org, len(vs))
		}
	}
	acts, _ := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOverdue, Today: "2026-12-02"})
	if len(acts) != 1 || acts[0].OrgID != a.ID || acts[0].VisitID != v.ID || acts[0].OrgName != "Røros Ost AS" {
		t.Fatalf("overdue actions: %+v", acts)
	}
	if err := s.SetActionDone(ctx, acts[0].ID, "2026-12-02"); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOpen}); len(open) != 0 {
		t.Fatalf("open after done: %+v", open)
	}
	if done, _ := s.Actions(ctx, data.ActionQuery{Status: data.ActionsDone}); len(done) != 1 || done[0].Done != "2026-12-02" {
		t.Fatalf("done: %+v", done)
	}
}

func TestReferencesAreChecked(t *testing.T) {
	s, _ := datatest.Open(t)
	before := datatest.Dump(t, s)
	err := s.CreateVisit(ctx, &domain.Visit{Date: "2026-11-20", OrgIDs: []string{"no-such-org"}})
	if v, ok := domain.AsValidation(err); !ok || v.Code != "reference.missing" {
		t.Fatalf("visit to a missing organisation: %v", err)
	}
	err = s.CreateContact(ctx, &domain.Contact{OrgID: "no-such-org", Name: "Anna"})
	if v, ok := domain.AsValidation(err); !ok || v.Code != "reference.missing" {
		t.Fatalf("contact of a missing organisation: %v", err)
	}
	err = s.CreateVisitWithActions(ctx, &data.NewVisit{Visit: domain.Visit{Date: "2026-13-01"}, NextSteps: []domain.Action{{Text: ""}}})
	codes := map[string]bool{}
	for _, v := range domain.ValidationErrors(err) {
		codes[v.Field+"/"+v.Code] = true
	}
	if !codes["date/date.format"] || !codes["orgs/visit.no_org"] || !codes["next_steps.0.text/required"] {
		t.Fatalf("visit form errors: %v", codes)
	}
	if datatest.Dump(t, s) != before {
		t.Fatal("rejected writes changed the database")
	}
}

func TestContacts(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Frosta Frukt AS", "")
	c := domain.Contact{OrgID: o.ID, Name: "Ola Berg", Email: "ola@frostafrukt.no", Phone: "+47 912 34 567", Gender: domain.GenderMan}
	if err := s.CreateContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	bad := domain.Contact{OrgID: o.ID, Name: "Eva", Email: "eva@", Phone: "ring mig"}
	errs := domain.ValidationErrors(s.CreateContact(ctx, &bad))
	if len(errs) != 2 {
		t.Fatalf("bad contact: %v", errs)
	}
	cs, _ := s.Contacts(ctx, o.ID)
	if len(cs) != 1 || cs[0].Email != "ola@frostafrukt.no" {
		t.Fatalf("contacts: %+v", cs)
	}
	cs[0].Role = "Daglig leder"
	if err := s.UpdateContact(ctx, &cs[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteContact(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if cs, _ := s.Contacts(ctx, o.ID); len(cs) != 0 {
		t.Fatal("deleted contact listed")
	}
}

func TestActionCountsAndVisitTotals(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Oppdal Alpin AS", "")
	for _, due := range []string{"2026-11-01", "2026-11-20", "2026-11-28", "2026-12-05", "2027-02-01", ""} {
		if err := s.CreateAction(ctx, &domain.Action{OrgID: o.ID, Text: "Ring " + due, Due: due}); err != nil {
			t.Fatal(err)
		}
	}
	overdue := data.ActionQuery{Status: data.ActionsOverdue, Today: "2026-11-27"}
	if n, _ := s.CountActions(ctx, overdue); n != 2 {
		t.Fatalf("overdue count %d", n)
	}
	overdue.Limit = 1
	if rows, _ := s.Actions(ctx, overdue); len(rows) != 1 || rows[0].Due != "2026-11-01" {
		t.Fatalf("first overdue: %+v", rows)
	}
	soon := data.ActionQuery{Status: data.ActionsOpen, DueFrom: "2026-11-27", DueTo: "2026-12-11"}
	if n, _ := s.CountActions(ctx, soon); n != 2 {
		t.Fatalf("upcoming count %d", n)
	}
	datatest.Visit(t, s, "2026-11-03", "", o.ID)
	datatest.Visit(t, s, "2026-11-30", "", o.ID)
	v := datatest.Visit(t, s, "2026-11-15", "", o.ID)
	datatest.Visit(t, s, "2026-12-01", "", o.ID)
	if err := s.DeleteVisit(ctx, v.ID); err != nil {
		t.Fatal(err)
	}
	if n, mins, err := s.VisitTotals(ctx, "2026-11-01", "2026-11-30"); err != nil || n != 2 || mins != 120 {
		t.Fatalf("November: %d visits, %d minutes, %v", n, mins, err)
	}
	recent, _ := s.Visits(ctx, data.VisitQuery{Limit: 2})
	if len(recent) != 2 || recent[0].Date != "2026-12-01" || recent[1].Date != "2026-11-30" {
		t.Fatalf("newest first: %+v", recent)
	}
	rows, _ := s.SearchOrganisations(ctx, data.OrgQuery{})
	if rows[0].LastVisit != "2026-12-01" || rows[0].Visits != 3 {
		t.Fatalf("stats after a deleted visit: %+v", rows[0])
	}
}

func TestGenerationChangesOnEveryWriteOfRecordsFromAnyProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.DBFileName)
	s, _ := datatest.OpenAt(t, path)
	g0, err := s.Generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g1, _ := s.Generation(ctx); g1 != g0 {
		t.Fatal("generation changed without a write")
	}
	// A draft kept while typing, or a setting, changes no list: no list
	// reloads and no duplicates are looked for again because of it.
	if err := s.SetSetting("ui.test", "1"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("visit:new", `{"notes":"Hitra"}`); err != nil {
		t.Fatal(err)
	}
	if g, _ := s.Generation(ctx); g != g0 {
		t.Fatal("a device-local write changed the generation")
	}
	datatest.Org(t, s, "Hitra Havbruk AS", "")
	g2, _ := s.Generation(ctx)
	if g2 == g0 {
		t.Fatal("own write not seen")
	}
	other, _ := datatest.OpenAt(t, path) // like the CLI writing while the app is open
	datatest.Org(t, other, "Frøya Fisk AS", "")
	if g3, _ := s.Generation(ctx); g3 == g2 {
		t.Fatal("another connection's write not seen")
	}
}

func TestOpenActionsPageKeepsUndatedLast(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Osen Opplevelser AS", "")
	for _, due := range []string{"", "2026-12-01", "", "2026-11-01"} {
		if err := s.CreateAction(ctx, &domain.Action{OrgID: o.ID, Text: "x" + due, Due: due}); err != nil {
			t.Fatal(err)
		}
	}
	all, _ := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOpen})
	for _, limit := range []int{1, 2, 3, 4, 10} {
		page, err := s.Actions(ctx, data.ActionQuery{Status: data.ActionsOpen, Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		want := all[:min(limit, len(all))]
		if len(page) != len(want) {
			t.Fatalf("limit %d: %d rows", limit, len(page))
		}
		for i := range want {
			if page[i].ID != want[i].ID {
				t.Fatalf("limit %d: row %d is %q, want %q", limit, i, page[i].Text, want[i].Text)
			}
		}
	}
	if all[0].Due != "2026-11-01" || all[3].Due != "" {
		t.Fatalf("order: %+v", all)
	}
}
