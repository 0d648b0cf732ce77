package data_test

import (
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
)

// TestClockYearsAheadCannotWinLaterEdits: a device whose clock runs five
// years ahead edits a field; another device, after seeing that value, edits
// the same field. The later edit wins everywhere, without the second
// device's clock jumping five years.
func TestClockYearsAheadCannotWinLaterEdits(t *testing.T) {
	ahead, aclk := datatest.Open(t)
	normal, _ := datatest.Open(t)
	aclk.Set(datatest.Epoch.AddDate(5, 0, 0))
	o := datatest.Org(t, ahead, "Framtid AB", "")
	o.Notes = "från framtiden"
	if err := ahead.UpdateOrganisation(ctx, &o); err != nil {
		t.Fatal(err)
	}
	fromAhead, _ := ahead.Changes(ctx, ahead.DeviceID(), 0, 0)
	res, err := datatest.ImportChanges(ctx, normal, fromAhead)
	if err != nil || res.FutureHLC == 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	seen, _ := normal.Organisation(ctx, o.ID)
	seen.Notes = "rättat i nutid"
	if err := normal.UpdateOrganisation(ctx, &seen); err != nil {
		t.Fatal(err)
	}
	if normal.Clock().Last().Time().Year() > datatest.Epoch.Year() {
		t.Fatal("the local clock followed the broken one")
	}
	fromNormal, _ := normal.Changes(ctx, normal.DeviceID(), 0, 0)
	if _, err := datatest.ImportChanges(ctx, ahead, fromNormal); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*data.Store{"ahead": ahead, "normal": normal} {
		got, _ := s.Organisation(ctx, o.ID)
		if got.Notes != "rättat i nutid" {
			t.Errorf("%s: notes %q, want the later edit", name, got.Notes)
		}
		if cs, _ := s.Conflicts(ctx, false); len(cs) != 0 {
			t.Errorf("%s: a sequential edit was recorded as a conflict: %+v", name, cs)
		}
	}
	if datatest.Dump(t, ahead) != datatest.Dump(t, normal) {
		t.Fatal("not converged")
	}
	// Restarting does not drag the clock to the future either.
	if normal.Clock().Last() >= fromAhead[len(fromAhead)-1].HLC {
		t.Fatal("clock stored past the broken device's stamp")
	}
}
