package data_test

import (
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

func submit(t *testing.T, s *data.Store) domain.Submission {
	t.Helper()
	sub := domain.Submission{From: "2026-01-01", To: "2026-06-30", Advisor: "Lena Lead", Partner: "Peak Innovation",
		Snapshot: "1.frozen-figures"}
	if err := s.CreateSubmission(ctx, &sub); err != nil {
		t.Fatal(err)
	}
	return sub
}

// readSubmission is the submission as a list and its snapshot show it.
func readSubmission(t *testing.T, s *data.Store, id string) string {
	t.Helper()
	l, err := s.Submissions(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range l {
		if sub.ID == id {
			snap, err := s.SubmissionSnapshot(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return strings.Join([]string{sub.From, sub.To, sub.ProjectStart, sub.Advisor, sub.Partner, sub.Note,
				sub.CreatedAt.UTC().Format(time.RFC3339Nano), snap}, "|")
		}
	}
	return "(none)"
}

// A submission made on device A arrives on device B as it was made.
func TestSubmissionSyncsUnchanged(t *testing.T) {
	a, _ := datatest.Open(t)
	b, _ := datatest.Open(t)
	sub := submit(t, a)
	log, err := a.Changes(ctx, a.DeviceID(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	datatest.Import(t, b, log)
	if got, want := readSubmission(t, b, sub.ID), readSubmission(t, a, sub.ID); got != want || got == "(none)" {
		t.Fatalf("on B: %s\non A: %s", got, want)
	}
}

// A stranger with write access to the folder rewrites a submitted report:
// its period, its snapshot, its note, deletes it. Every change is kept
// aside, before or after the submission itself arrives, and both devices
// end with the report as submitted.
func TestSubmissionCannotBeRewrittenByAnotherDevice(t *testing.T) {
	a, _ := datatest.Open(t)
	sub := submit(t, a)
	log, _ := a.Changes(ctx, a.DeviceID(), 0, 0)
	later := hlc.FromTime(datatest.Epoch.Add(240 * time.Hour))
	var forged []changelog.Change
	for i, fv := range [][2]string{{"period_to", `"2026-12-31"`}, {"snapshot", `"1.other-figures"`},
		{"note", `"not what was sent"`}, {"advisor", `"Someone Else"`}, {"deleted", `true`}, {"created_at", `1`}} {
		forged = append(forged, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: later, Base: later,
			Entity: domain.EntitySubmission, ID: sub.ID, Field: fv[0], Value: fv[1]})
	}
	want := readSubmission(t, a, sub.ID)

	after, _ := datatest.Open(t) // the submission first, then the forgery
	datatest.Import(t, after, log)
	res := datatest.Import(t, after, forged)
	if res.Applied != 0 || res.Refused != len(forged) {
		t.Errorf("forgery after the submission: %+v, want all %d refused", res, len(forged))
	}
	before, _ := datatest.Open(t) // the forgery first
	datatest.Import(t, before, forged)
	datatest.Import(t, before, log)
	for name, s := range map[string]*data.Store{"after": after, "before": before} {
		if got := readSubmission(t, s, sub.ID); got != want {
			t.Errorf("forgery %s the submission: %s\nwant %s", name, got, want)
		}
	}
	if d1, d2 := datatest.Dump(t, after), datatest.Dump(t, before); d1 != d2 {
		t.Errorf("the two orders end differently:\n%s\n%s", d1, d2)
	}
	rep, err := after.Check(ctx)
	if err != nil || rep.Refused[changelog.RefusedValue] != len(forged) {
		t.Errorf("check counts %v refused, want %d", rep.Refused, len(forged))
	}
}

// A submission needs a period whose start is not after its end, and a
// snapshot.
func TestSubmissionIsChecked(t *testing.T) {
	s, _ := datatest.Open(t)
	for _, sub := range []domain.Submission{
		{From: "2026-07-01", To: "2026-06-30", Snapshot: "1.x"},
		{From: "2026-01-01", To: "", Snapshot: "1.x"},
		{From: "2026-01-01", To: "2026-06-30"},
		{From: "2026-01-01", To: "2026-06-30", Snapshot: "1.x", Note: "\x1b[2J"},
	} {
		if err := s.CreateSubmission(ctx, &sub); err == nil {
			t.Errorf("%+v stored", sub)
		}
	}
}
