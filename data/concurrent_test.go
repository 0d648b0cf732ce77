package data_test

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// Two stores open on one database file stand for two processes (the
// desktop app and the command line): every organisation either one creates
// and every edit either one makes must be stored whole, and the log must
// hold every change once, numbered without gaps.
func TestTwoStoresOnOneFileLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), data.DBFileName)
	a, _ := datatest.OpenAt(t, path)
	b, _ := datatest.OpenAt(t, path)
	if a.DeviceID() != b.DeviceID() {
		t.Fatalf("two stores on one file: devices %s and %s", a.DeviceID(), b.DeviceID())
	}
	const perStore = 40
	type made struct{ id, name, notes string }
	var mu sync.Mutex
	var all []made
	var wg sync.WaitGroup
	for w, s := range []*data.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perStore {
				o := domain.Organisation{Name: fmt.Sprintf("Företag %d-%d", w, i), Country: "SE"}
				if err := s.CreateOrganisation(ctx, &o); err != nil {
					t.Errorf("store %d: create: %v", w, err)
					return
				}
				o.Notes = fmt.Sprintf("edited by %d at %d", w, i)
				if err := s.UpdateOrganisation(ctx, &o); err != nil {
					t.Errorf("store %d: edit: %v", w, err)
					return
				}
				mu.Lock()
				all = append(all, made{o.ID, o.Name, o.Notes})
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for _, m := range all {
		o, err := a.Organisation(ctx, m.id)
		if err != nil {
			t.Errorf("%s (%s) printed but not stored: %v", m.name, m.id, err)
			continue
		}
		if o.Name != m.name || o.Notes != m.notes || o.CreatedAt.IsZero() {
			t.Errorf("%s stored half-written: name %q, notes %q, created %v", m.id, o.Name, o.Notes, o.CreatedAt)
		}
	}
	log, err := a.Changes(ctx, a.DeviceID(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range log {
		if c.Seq != uint64(i+1) {
			t.Fatalf("change %d of the log has seq %d: numbers reused or skipped", i+1, c.Seq)
		}
	}
	// Each organisation: its create fields and one edit of notes.
	fresh, _ := datatest.Open(t)
	if _, err := datatest.ImportChanges(ctx, fresh, log); err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		o, err := fresh.Organisation(ctx, m.id)
		if err != nil || o.Notes != m.notes {
			t.Errorf("%s did not travel with the log: %+v, %v", m.id, o, err)
		}
	}
}
