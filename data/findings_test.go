package data_test

// The findings log: what a form may store, what the list finds, what a
// merge does to its links, and what a stranger's bundle cannot store.

import (
	"errors"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

func TestFindingsAreStoredListedInStepOrderAndSearched(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Peak Innovation", "")
	j := domain.JointAction{Kind: domain.JointPilot, Title: "Pilot", OrgIDs: []string{o.ID}}
	if err := s.CreateJointAction(ctx, &j); err != nil {
		t.Fatal(err)
	}
	entries := []domain.Finding{
		{Step: domain.StepPilot, Date: "2026-05-02", Text: "  Företagen vill ha korta träffar\r\npå plats. ", OrgIDs: []string{o.ID, o.ID},
			JointIDs: []string{j.ID}, ModelIDs: []string{"bmc"}},
		{Kind: domain.FindingBenchmark, Step: domain.StepBenchmarking, Date: "2026-02-10",
			Text: "Innovasjonsløft i Trøndelag kombinerer mentorer och nätverk", Source: "Trøndelag fylkeskommune"},
		{Kind: domain.FindingExperience, Step: domain.StepPilot, Date: "2026-06-01", Text: "Digitala möten fungerade sämre"},
	}
	for i := range entries {
		if err := s.CreateFinding(ctx, &entries[i]); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Finding(ctx, entries[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Kind != domain.FindingObservation || got.Text != "Företagen vill ha korta träffar\npå plats." || len(got.OrgIDs) != 1 ||
		got.JointIDs[0] != j.ID || got.ModelIDs[0] != "bmc" {
		t.Fatalf("stored: %+v", got)
	}
	texts := func(q data.FindingQuery) string {
		l, err := s.Findings(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range l {
			out = append(out, strings.Fields(f.Text)[0])
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		q    data.FindingQuery
		want string
	}{
		{data.FindingQuery{}, "Innovasjonsløft|Digitala|Företagen"}, // the project's steps in order, then the newest first
		{data.FindingQuery{Step: domain.StepPilot}, "Digitala|Företagen"},
		{data.FindingQuery{Kind: domain.FindingBenchmark}, "Innovasjonsløft"},
		{data.FindingQuery{OrgID: o.ID}, "Företagen"},
		{data.FindingQuery{JointID: j.ID}, "Företagen"},
		{data.FindingQuery{From: "2026-05-01", To: "2026-05-31"}, "Företagen"},
		{data.FindingQuery{Text: "foretagen TRAFFAR"}, "Företagen"},             // folded, every word
		{data.FindingQuery{Text: "fylkeskommune"}, "Innovasjonsløft"},           // in the source
		{data.FindingQuery{Text: "innovasjonsloft natverk"}, "Innovasjonsløft"}, // ø folds to o
		{data.FindingQuery{Text: "nothing like it"}, ""},
	} {
		if g := texts(c.q); g != c.want {
			t.Errorf("%+v: %q, want %q", c.q, g, c.want)
		}
	}
	if err := s.DeleteFinding(ctx, entries[2].ID); err != nil {
		t.Fatal(err)
	}
	if g := texts(data.FindingQuery{Step: domain.StepPilot}); g != "Företagen" {
		t.Errorf("after delete: %q", g)
	}
}

func TestAFindingAFormCouldNotSaveIsRefused(t *testing.T) {
	s, _ := datatest.Open(t)
	ok := domain.Finding{Step: domain.StepCapacity, Date: "2026-03-01", Text: "Lärdom"}
	for _, c := range []struct {
		name  string
		edit  func(f *domain.Finding)
		field string
	}{
		{"no step", func(f *domain.Finding) { f.Step = "" }, "step"},
		{"unknown step", func(f *domain.Finding) { f.Step = "step-6" }, "step"},
		{"unknown kind", func(f *domain.Finding) { f.Kind = "rumour" }, "kind"},
		{"no text", func(f *domain.Finding) { f.Text = " \n " }, "body"},
		{"not a date", func(f *domain.Finding) { f.Date = "2026-02-30" }, "date"},
		{"no such organisation", func(f *domain.Finding) { f.OrgIDs = []string{"no-such-org"} }, "orgs"},
		{"no such joint action", func(f *domain.Finding) { f.JointIDs = []string{"no-such-joint"} }, "joints"},
		{"a line break in the source", func(f *domain.Finding) { f.Source = "a\nb" }, "source"},
	} {
		f := ok
		c.edit(&f)
		err := s.CreateFinding(ctx, &f)
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Field != c.field {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if l, _ := s.Findings(ctx, data.FindingQuery{}); len(l) != 0 {
		t.Fatalf("refused entries were stored: %+v", l)
	}
}

func TestMergingAnOrganisationMovesItsFindings(t *testing.T) {
	s, _ := datatest.Open(t)
	keep := datatest.Org(t, s, "Fjälldata AB", "")
	dup := datatest.Org(t, s, "Fjälldata", "")
	f := domain.Finding{Step: domain.StepPilot, Date: "2026-03-01", Text: "Lärdom", OrgIDs: []string{dup.ID, keep.ID}}
	if err := s.CreateFinding(ctx, &f); err != nil {
		t.Fatal(err)
	}
	res, err := s.MergeOrganisations(ctx, keep.ID, dup.ID)
	if err != nil || res.Findings != 1 {
		t.Fatalf("merge: %+v %v, want one finding moved", res, err)
	}
	got, _ := s.Finding(ctx, f.ID)
	if strings.Join(got.OrgIDs, ",") != keep.ID {
		t.Fatalf("organisations after the merge: %v, want the kept one once", got.OrgIDs)
	}
}

// Values no form would store, from a colleague's buggy build or a stranger
// with write access to the folder, are kept aside; the valid one applies.
func TestInvalidImportedFindingValuesAreKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	f := domain.Finding{Step: domain.StepPilot, Date: "2026-03-01", Text: "Lärdom"}
	if err := s.CreateFinding(ctx, &f); err != nil {
		t.Fatal(err)
	}
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i, fv := range [][2]string{
		{"step", `"step-6"`}, {"step", `""`}, {"kind", `"rumour"`}, {"body", `""`}, {"date", `""`},
		{"body", `"` + strings.Repeat("x", domain.MaxNotesLen+1) + `"`}, {"source", `"a\nb"`}, {"orgs", `"not a list"`},
	} {
		batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: now, Entity: domain.EntityFinding, ID: f.ID, Field: fv[0], Value: fv[1]})
	}
	batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(len(batch) + 1), HLC: now, Entity: domain.EntityFinding, ID: f.ID, Field: "step", Value: `"evaluation"`})
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused+res.Unknown != len(batch)-1 || res.Applied != 1 {
		t.Fatalf("import: %+v, want %d kept aside and 1 applied", res, len(batch)-1)
	}
	got, _ := s.Finding(ctx, f.ID)
	if got.Step != domain.StepEvaluation || got.Text != "Lärdom" || got.Kind != domain.FindingObservation || got.Date != "2026-03-01" {
		t.Fatalf("after the import: %+v", got)
	}
}
