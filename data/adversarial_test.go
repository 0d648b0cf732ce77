package data_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// stranger is a device id that sorts after every UUID, so that on equal
// clocks its changes win the tie-break.
const stranger = "ffffffff-stranger"

// remote makes the changes of one record from another device, numbered from
// seq on, all stamped ts unless a change sets its own.
func remote(seq uint64, ts hlc.Timestamp, entity, id string, fields ...string) []changelog.Change {
	var out []changelog.Change
	for i := 0; i+1 < len(fields); i += 2 {
		out = append(out, changelog.Change{Device: stranger, Seq: seq, HLC: ts, Entity: entity, ID: id, Field: fields[i], Value: fields[i+1]})
		seq++
	}
	return out
}

// A change stamped at the top of the clock's range (2^64−1) arrives from a
// crafted bundle. It is kept aside, not applied: the field takes later edits
// as before, the local clock stays in the present, every other change of
// the batch is applied, and the refused change is still in the log.
func TestAClockOutOfRangeIsKeptAsideAndFreezesNothing(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Tidlös AB", "")
	now := hlc.FromTime(datatest.Epoch)
	batch := remote(1, now, domain.EntityOrganisation, o.ID, "notes", `"från en trasig klocka"`, "employees", "12")
	batch[0].HLC = math.MaxUint64
	batch = append(batch, changelog.Change{Device: stranger, Seq: 3, HLC: now, Base: now + 5, Entity: domain.EntityOrganisation, ID: o.ID, Field: "kind", Value: `"startup"`})
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused != 2 || res.Applied != 1 {
		t.Fatalf("apply: %+v, want 2 refused (clock at the top, base after its clock) and 1 applied", res)
	}
	got, _ := s.Organisation(ctx, o.ID)
	if got.Notes != "" || got.Kind == domain.KindStartup || got.Employees == nil || *got.Employees != 12 {
		t.Fatalf("stored %+v: the refused changes were applied or the good one was not", got)
	}
	if s.Clock().Last().Time().Year() != datatest.Epoch.Year() {
		t.Fatalf("the clock followed to %v", s.Clock().Last().Time())
	}
	got.Notes = "rättat"
	if err := s.UpdateOrganisation(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Organisation(ctx, o.ID); again.Notes != "rättat" {
		t.Fatalf("a later edit lost: notes %q", again.Notes)
	}
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Refused[changelog.RefusedClock] != 2 {
		t.Errorf("check counts %v refused, want 2 for their clocks", rep.Refused)
	}
	log, _ := s.Changes(ctx, stranger, 0, 0)
	if len(log) != 3 {
		t.Errorf("the log keeps %d of the stranger's 3 changes", len(log))
	}
	for _, c := range openConflicts(t, s) {
		if c.WinnerHLC.Time().Year() > 9999 || c.LoserHLC.Time().Year() > 9999 {
			t.Errorf("a conflict has a clock past year 9999: %+v", c)
		}
	}
}

// A field holding a value stamped at the bound of clocks (hlc.Max, which is
// accepted) cannot be beaten by any later stamp. A person's edit of it then
// does not vanish: it is kept as a conflict for review.
func TestAnEditThatCannotWinIsKeptAsAConflict(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Gränsfall AS", "")
	if res, err := datatest.ImportChanges(ctx, s, remote(1, hlc.Max, domain.EntityOrganisation, o.ID, "notes", `"vid gränsen"`)); err != nil || res.Applied != 1 {
		t.Fatalf("apply at hlc.Max: %+v %v", res, err)
	}
	got, _ := s.Organisation(ctx, o.ID)
	got.Notes = "mitt besök"
	if err := s.UpdateOrganisation(ctx, &got); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Organisation(ctx, o.ID)
	if after.Notes == "mitt besök" {
		return // it won the tie-break: fine, it is not lost
	}
	for _, c := range openConflicts(t, s) {
		if c.ID == o.ID && c.Field == "notes" && c.LoserValue == `"mitt besök"` {
			return
		}
	}
	t.Fatalf("the edit lost and is not a conflict either: notes %q, conflicts %+v", after.Notes, openConflicts(t, s))
}

// A value from a clock years ahead (accepted) does not make a later edit on
// this device lose: the edit is stamped past it and wins.
func TestAnEditAfterAValueFromTheFutureWins(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Framåt AB", "")
	ahead := hlc.FromTime(datatest.Epoch.AddDate(30, 0, 0))
	if _, err := datatest.ImportChanges(ctx, s, remote(1, ahead, domain.EntityOrganisation, o.ID, "notes", `"år 2056"`)); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Organisation(ctx, o.ID)
	got.Notes = "nu"
	if err := s.UpdateOrganisation(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Organisation(ctx, o.ID); after.Notes != "nu" {
		t.Fatalf("notes %q: the edit made after seeing the value lost to it", after.Notes)
	}
}

// Values no form would accept arrive in a checksum-valid bundle from a
// colleague's buggy build: none is written into a row, each is kept aside
// with its reason (check counts them), the valid changes around them are
// applied, and the funder figures are not bent.
func TestInvalidImportedValuesAreKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Ärlig Handel AB", "")
	v := datatest.Visit(t, s, "2026-11-02", "första mötet", o.ID)
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	bad := map[string][2]string{ // entity field → value
		"organisation country":       {domain.EntityOrganisation, `"XX"`},
		"organisation orgnr":         {domain.EntityOrganisation, `"not-a-number"`},
		"organisation municipality":  {domain.EntityOrganisation, `"9999"`},
		"organisation sector":        {domain.EntityOrganisation, `"Z"`},
		"organisation kind":          {domain.EntityOrganisation, `"pirate"`},
		"organisation employees":     {domain.EntityOrganisation, `-5`},
		"organisation leader_gender": {domain.EntityOrganisation, `"robots"`},
		"organisation name":          {domain.EntityOrganisation, `"` + strings.Repeat("x", 5000) + `"`},
		"organisation created_at":    {domain.EntityOrganisation, `-1`},
		"visit minutes":              {domain.EntityVisit, `-99999999999`},
		"visit women":                {domain.EntityVisit, `1000000`},
		"visit date":                 {domain.EntityVisit, `"2026-02-30"`},
		"visit type":                 {domain.EntityVisit, `"teleport"`},
		"visit phase":                {domain.EntityVisit, `"phase-9"`},
		"visit orgs":                 {domain.EntityVisit, `["` + strings.Repeat("y", 500) + `"]`},
		"visit orgs#none":            {domain.EntityVisit, `[]`},
		"visit date#empty":           {domain.EntityVisit, `""`},
		"organisation name#empty":    {domain.EntityOrganisation, `""`},
		"organisation notes#escape":  {domain.EntityOrganisation, `"\u001b[2J"`},
	}
	var batch []changelog.Change
	seq := uint64(1)
	for key, ev := range bad {
		_, field, _ := strings.Cut(key, " ")
		field, _, _ = strings.Cut(field, "#") // several bad values of one field
		id := o.ID
		if ev[0] == domain.EntityVisit {
			id = v.ID
		}
		batch = append(batch, changelog.Change{Device: stranger, Seq: seq, HLC: now, Entity: ev[0], ID: id, Field: field, Value: ev[1]})
		seq++
	}
	batch = append(batch, changelog.Change{Device: stranger, Seq: seq, HLC: now, Entity: domain.EntityVisit, ID: v.ID, Field: "minutes", Value: "90"})
	before := datatest.Dump(t, s)
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused != len(bad) || res.Applied != 1 {
		t.Fatalf("apply: %+v, want %d refused and the one valid change applied", res, len(bad))
	}
	gotV, _ := s.Visit(ctx, v.ID)
	if gotV.Minutes != 90 {
		t.Errorf("the valid change was not applied: minutes %d", gotV.Minutes)
	}
	gotV.Minutes = 60
	if err := s.UpdateVisit(ctx, &gotV); err != nil {
		t.Fatal(err)
	}
	if after := datatest.Dump(t, s); !sameButVisitStamp(before, after) {
		t.Errorf("a refused value reached a row:\nbefore %s\nafter  %s", before, after)
	}
	rep, _ := s.Check(ctx)
	if rep.Refused[changelog.RefusedValue] != len(bad) {
		t.Errorf("check: %v refused, want %d values", rep.Refused, len(bad))
	}
	log, _ := s.Changes(ctx, stranger, 0, 0)
	if len(log) != len(batch) {
		t.Errorf("the log keeps %d of %d changes: refused ones must still be passed on", len(log), len(batch))
	}
}

// sameButVisitStamp compares two dumps ignoring updated_at, which the valid
// changes move.
func sameButVisitStamp(a, b string) bool {
	strip := func(s string) string {
		var out []string
		for _, line := range strings.Split(s, "\n") {
			if i := strings.Index(line, `"updated_at":`); i >= 0 {
				j := strings.IndexAny(line[i:], ",}")
				line = line[:i] + line[i+j:]
			}
			out = append(out, line)
		}
		return strings.Join(out, "\n")
	}
	return strip(a) == strip(b)
}

func openConflicts(t *testing.T, s *data.Store) []data.Conflict {
	t.Helper()
	cs, err := s.Conflicts(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
