package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// The person the erasure tests erase, and the values that must vanish.
var erasedPerson = []string{"Ingrid Vänsterbacka", "ingrid.v@example.se", "070-555 12 34", "ingrid.old@example.se"}

// addPerson stores a contact with the values above (the e-mail changed once,
// so the log holds an older value too) and a conflict over its phone.
func addPerson(t *testing.T, s *data.Store) domain.Contact {
	t.Helper()
	ctx := context.Background()
	org := datatest.Org(t, s, "Fjällbryggan AB", "")
	c := domain.Contact{OrgID: org.ID, Name: erasedPerson[0], Email: erasedPerson[3], Phone: erasedPerson[2], Role: "VD"}
	if err := s.CreateContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Email = erasedPerson[1]
	if err := s.UpdateContact(ctx, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// fileHolds names the files under dir whose bytes hold any of values.
func fileHolds(t *testing.T, dir string, values []string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range values {
			if bytes.Contains(b, []byte(v)) {
				found = append(found, fmt.Sprintf("%s holds %q", path, v))
			}
		}
		return nil
	})
	return found
}

func TestEraseContactLeavesNoByteOfThePersonInTheDataFolder(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	c := addPerson(t, s)
	dir := filepath.Dir(s.Path())
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if found := fileHolds(t, dir, erasedPerson); len(found) == 0 {
		t.Fatal("the test person is nowhere in the data folder before the erasure: the check below could not fail")
	}
	if err := s.EraseContact(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contact(ctx, c.ID); !errors.As(err, new(*domain.NotFoundError)) {
		t.Errorf("erased contact still readable: %v", err)
	}
	changes, err := s.Changes(ctx, "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range changes {
		for _, v := range erasedPerson {
			if strings.Contains(ch.Value, v) {
				t.Errorf("the log still holds %q: %+v", v, ch)
			}
		}
	}
	if found := fileHolds(t, dir, erasedPerson); len(found) > 0 {
		t.Errorf("after the erasure:\n%s", strings.Join(found, "\n"))
	}
	er, err := s.Erasures(ctx)
	if err != nil || len(er) != 1 || er[0].ID != c.ID || er[0].Entity != domain.EntityContact {
		t.Errorf("erasures = %+v, %v; want the contact's", er, err)
	}
}

// importLog imports changes of one device as its log bundle, so a new range
// is kept in runs (change_runs).
func importLog(t *testing.T, s *data.Store, changes []changelog.Change, hash string) changelog.ImportResult {
	t.Helper()
	meta := changelog.BundleMeta{Device: changes[0].Device, FirstSeq: changes[0].Seq, LastSeq: changes[len(changes)-1].Seq,
		Kind: "log", Hash: hash, Count: uint64(len(changes)), File: "test"}
	res, err := s.ImportChanges(context.Background(), meta, datatest.Bundle(changes), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestErasureReachesOtherDevicesInAnyOrder(t *testing.T) {
	ctx := context.Background()
	a, _ := datatest.Open(t)
	c := addPerson(t, a)
	before, err := a.Changes(ctx, a.DeviceID(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// b has the person's values, packed into runs, before the erasure.
	b, _ := datatest.Open(t)
	importLog(t, b, before, strings.Repeat("1", 64))
	if err := a.EraseContact(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	all, err := a.Changes(ctx, a.DeviceID(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	erasure := all[len(before):]
	datatest.Import(t, b, erasure)

	// late has never seen the person: the erasure comes first, then a
	// colleague's old copy of the values (the log as it was before).
	late, _ := datatest.Open(t)
	datatest.Import(t, late, erasure)
	res := importLog(t, late, before, strings.Repeat("2", 64))
	if res.Refused != 0 || res.Clones != 0 {
		t.Errorf("old values after the erasure: %+v", res)
	}

	want := datatest.Dump(t, a)
	for name, s := range map[string]*data.Store{"b": b, "late": late} {
		if got := datatest.Dump(t, s); got != want {
			t.Errorf("%s's dump differs from the eraser's:\n%s\nwant\n%s", name, got, want)
		}
		if found := fileHolds(t, filepath.Dir(s.Path()), erasedPerson); len(found) > 0 {
			t.Errorf("%s after the erasure:\n%s", name, strings.Join(found, "\n"))
		}
		logged, err := s.Changes(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range logged {
			for _, v := range erasedPerson {
				if strings.Contains(ch.Value, v) {
					t.Errorf("%s's log still holds %q", name, v)
				}
			}
		}
	}
	// The bundle as its author rewrites it (the values blanked) is the same
	// history, not a clone.
	rewritten, err := a.Changes(ctx, a.DeviceID(), 0, len(before))
	if err != nil {
		t.Fatal(err)
	}
	if res := importLog(t, b, rewritten, strings.Repeat("3", 64)); !res.Rewritten || res.Clones != 0 || res.SameKeyOtherHash {
		t.Errorf("rewritten bundle: %+v; want recognised as rewritten", res)
	}
}

func TestEraseOrgTakesOnlyAPersonalNumber(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	company := datatest.Org(t, s, "Bryggeriet AB", "556036-0793")
	if err := s.EraseOrgPersonal(ctx, company.ID); !errors.As(err, new(*data.NothingPersonalError)) {
		t.Errorf("erasing a company's number: %v, want NothingPersonalError", err)
	}
	sole := datatest.Org(t, s, "Anders Målare", "811218-9876")
	if err := s.EraseOrgPersonal(ctx, sole.ID); err != nil {
		t.Fatal(err)
	}
	o, err := s.Organisation(ctx, sole.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.OrgNr != "" || o.Name != "Anders Målare" {
		t.Errorf("after erasure: %q %q; want the number gone, the name kept", o.Name, o.OrgNr)
	}
	if found := fileHolds(t, filepath.Dir(s.Path()), []string{"8112189876"}); len(found) > 0 {
		t.Errorf("%s", strings.Join(found, "\n"))
	}
	hits, err := s.SearchOrganisations(ctx, data.OrgQuery{Text: "8112189876"})
	if err != nil || len(hits) != 0 {
		t.Errorf("search by the erased number finds %v, %v", hits, err)
	}
	if err := s.EraseContact(ctx, "no-such-id"); !errors.As(err, new(*domain.NotFoundError)) {
		t.Errorf("erasing a missing contact: %v", err)
	}
}

// Erasures from another device that no form could make are kept in the log
// but change nothing: other fields than the personal ones, an id that does
// not match its record, values that are not an erasure.
func TestCraftedErasuresEraseNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := datatest.Open(t)
	c := addPerson(t, s)
	before := datatest.Dump(t, s)
	rec := changelog.ErasureRecord(domain.EntityContact, c.ID)
	value := func(entity, id string, fields ...string) string {
		b, _ := json.Marshal(map[string]any{"entity": entity, "id": id, "fields": fields})
		return string(b)
	}
	far := s.Clock().Now() + 1<<40
	crafted := []changelog.Change{
		{Entity: changelog.EntityErasure, ID: rec, Field: "erased", Value: value(domain.EntityContact, c.ID, "org_id")},
		{Entity: changelog.EntityErasure, ID: rec, Field: "erased", Value: value(domain.EntityContact, c.ID, "name", "deleted")},
		{Entity: changelog.EntityErasure, ID: "contact/other", Field: "erased", Value: value(domain.EntityContact, c.ID, "name")},
		{Entity: changelog.EntityErasure, ID: rec, Field: "erased", Value: value(domain.EntityContact, c.ID)},
		{Entity: changelog.EntityErasure, ID: rec, Field: "erased", Value: `"name"`},
		{Entity: changelog.EntityErasure, ID: "visit/" + c.ID, Field: "erased", Value: value(domain.EntityVisit, c.ID, "notes")},
		{Entity: changelog.EntityErasure, ID: rec, Field: "done:", Value: "12"},
		{Entity: changelog.EntityErasure, ID: rec, Field: "done:x", Value: `"soon"`},
		{Entity: changelog.EntityErasure, ID: rec, Field: "something", Value: "{}"},
	}
	for i := range crafted {
		crafted[i].Device, crafted[i].Seq, crafted[i].HLC = "mallory", uint64(i+1), far+hlc.Timestamp(i)
	}
	res := datatest.Import(t, s, crafted)
	if res.Unknown != len(crafted) || res.Applied != 0 {
		t.Errorf("crafted erasures: %+v; want all kept as unknown", res)
	}
	if after := datatest.Dump(t, s); after != before {
		t.Errorf("a crafted erasure changed the records:\n%s\nwas\n%s", after, before)
	}
	if er, _ := s.Erasures(ctx); len(er) != 0 {
		t.Errorf("erasures recorded: %+v", er)
	}
}
