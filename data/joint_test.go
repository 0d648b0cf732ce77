package data_test

// Joint actions: what a form may store, what the list finds, and what a
// merge and a colleague's bundle do to them.

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

func TestJointActionsAreStoredListedAndSearched(t *testing.T) {
	s, _ := datatest.Open(t)
	se := domain.Organisation{Name: "Peak Innovation", Municipality: "2380"}
	no := domain.Organisation{Name: "Nasjonalparken Næringshage", Municipality: "5025"}
	for _, o := range []*domain.Organisation{&se, &no} {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	v := datatest.Visit(t, s, "2026-03-14", "Workshop om piloten", se.ID, no.ID)
	pilot := domain.JointAction{Kind: domain.JointPilot, Title: "  Gränslös turism-pilot ", OrgIDs: []string{se.ID, no.ID, se.ID},
		Status: domain.JointCompleted, Start: "2026-02-01", Date: "2026-05-30", ModelIDs: []string{"bmc"},
		Notes: "Testa paket över gränsen", Outcome: "Två nya paket för Røros och Funäsdalen", VisitIDs: []string{v.ID}}
	if err := s.CreateJointAction(ctx, &pilot); err != nil {
		t.Fatal(err)
	}
	plan := domain.JointAction{Kind: domain.JointPlan, Title: "Plan för genomförandeprojektet", OrgIDs: []string{se.ID}}
	if err := s.CreateJointAction(ctx, &plan); err != nil {
		t.Fatal(err)
	}
	got, err := s.JointAction(ctx, pilot.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Gränslös turism-pilot" || len(got.OrgIDs) != 2 || got.Date != "2026-05-30" || got.VisitIDs[0] != v.ID ||
		got.ModelIDs[0] != "bmc" || got.Outcome != pilot.Outcome {
		t.Fatalf("stored: %+v", got)
	}
	if plan.Status != domain.JointPlanned {
		t.Errorf("a new joint action without a status is %q, want planned", plan.Status)
	}
	country := func(id string) domain.Country {
		return map[string]domain.Country{se.ID: domain.CountrySE, no.ID: domain.CountryNO}[id]
	}
	if !got.IsCrossBorder(country) || plan.IsCrossBorder(country) {
		t.Error("cross-border: partners of both countries, and only then")
	}
	titles := func(q data.JointQuery) string {
		l, err := s.JointActions(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, j := range l {
			out = append(out, j.Title)
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		q    data.JointQuery
		want string
	}{
		{data.JointQuery{}, "Plan för genomförandeprojektet|Gränslös turism-pilot"}, // undated first: still to come
		{data.JointQuery{OrgID: no.ID}, "Gränslös turism-pilot"},
		{data.JointQuery{Kind: domain.JointPlan}, "Plan för genomförandeprojektet"},
		{data.JointQuery{Status: domain.JointCompleted}, "Gränslös turism-pilot"},
		{data.JointQuery{Text: "roros paket"}, "Gränslös turism-pilot"}, // folded, in the outcome
		{data.JointQuery{Text: "genomforande"}, "Plan för genomförandeprojektet"},
		{data.JointQuery{Text: "nothing like it"}, ""},
	} {
		if g := titles(c.q); g != c.want {
			t.Errorf("%+v: %q, want %q", c.q, g, c.want)
		}
	}
	got.Status, got.Date = domain.JointOngoing, ""
	if err := s.UpdateJointAction(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteJointAction(ctx, plan.ID); err != nil {
		t.Fatal(err)
	}
	if g := titles(data.JointQuery{}); g != "Gränslös turism-pilot" {
		t.Fatalf("after delete: %q", g)
	}
	if err := s.RestoreJointAction(ctx, plan.ID); err != nil {
		t.Fatal(err)
	}
	if g := titles(data.JointQuery{Status: domain.JointOngoing}); g != "Gränslös turism-pilot" {
		t.Fatalf("after edit: %q", g)
	}
}

func TestAJointActionAFormCouldNotSaveIsRefused(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	ok := domain.JointAction{Kind: domain.JointPilot, Title: "Pilot", OrgIDs: []string{o.ID}}
	for _, c := range []struct {
		name  string
		edit  func(j *domain.JointAction)
		field string
	}{
		{"no kind", func(j *domain.JointAction) { j.Kind = "" }, "kind"},
		{"unknown kind", func(j *domain.JointAction) { j.Kind = "party" }, "kind"},
		{"no title", func(j *domain.JointAction) { j.Title = "  " }, "title"},
		{"no partner", func(j *domain.JointAction) { j.OrgIDs = nil }, "orgs"},
		{"unknown status", func(j *domain.JointAction) { j.Status = "dreaming" }, "status"},
		{"completed without a date", func(j *domain.JointAction) { j.Status = domain.JointCompleted }, "date"},
		{"ends before it starts", func(j *domain.JointAction) { j.Start, j.Date = "2026-05-01", "2026-04-30" }, "date"},
		{"no such partner", func(j *domain.JointAction) { j.OrgIDs = []string{"no-such-org"} }, "orgs"},
		{"no such visit", func(j *domain.JointAction) { j.VisitIDs = []string{"no-such-visit"} }, "visits"},
		{"a line break in the title", func(j *domain.JointAction) { j.Title = "Pilot\nett" }, "title"},
	} {
		j := ok
		j.OrgIDs = append([]string{}, ok.OrgIDs...)
		c.edit(&j)
		err := s.CreateJointAction(ctx, &j)
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Field != c.field {
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if l, _ := s.JointActions(ctx, data.JointQuery{}); len(l) != 0 {
		t.Fatalf("refused joint actions were stored: %+v", l)
	}
}

func TestMergingAPartnerMovesItsJointActions(t *testing.T) {
	s, _ := datatest.Open(t)
	keep := datatest.Org(t, s, "Fjälldata AB", "")
	dup := datatest.Org(t, s, "Fjälldata", "")
	other := datatest.Org(t, s, "Leka Laks AS", "")
	both := domain.JointAction{Kind: domain.JointCooperation, Title: "Avtal", OrgIDs: []string{dup.ID, keep.ID, other.ID}}
	one := domain.JointAction{Kind: domain.JointPlan, Title: "Plan", OrgIDs: []string{dup.ID}}
	for _, j := range []*domain.JointAction{&both, &one} {
		if err := s.CreateJointAction(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	res, err := s.MergeOrganisations(ctx, keep.ID, dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.JointActions != 2 {
		t.Errorf("moved %d joint actions, want 2", res.JointActions)
	}
	gotBoth, _ := s.JointAction(ctx, both.ID)
	gotOne, _ := s.JointAction(ctx, one.ID)
	if strings.Join(gotBoth.OrgIDs, ",") != keep.ID+","+other.ID || strings.Join(gotOne.OrgIDs, ",") != keep.ID {
		t.Fatalf("partners after the merge: %v and %v", gotBoth.OrgIDs, gotOne.OrgIDs)
	}
	if l, _ := s.JointActions(ctx, data.JointQuery{OrgID: keep.ID}); len(l) != 2 {
		t.Fatalf("the kept organisation's joint actions: %d", len(l))
	}
}

// A colleague's build (or a stranger with write access to the folder) sends
// joint-action values no form would store: they are kept aside, the valid
// ones applied.
func TestInvalidImportedJointActionValuesAreKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Ärlig Handel AB", "")
	j := domain.JointAction{Kind: domain.JointPilot, Title: "Pilot", OrgIDs: []string{o.ID}}
	if err := s.CreateJointAction(ctx, &j); err != nil {
		t.Fatal(err)
	}
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i, fv := range [][2]string{
		{"kind", `"party"`}, {"kind", `""`}, {"status", `"dreaming"`}, {"title", `""`}, {"orgs", `[]`},
		{"title", `"` + strings.Repeat("x", 5000) + `"`}, {"start", `"2026-02-30"`}, {"notes", `"\u001b[2J"`},
		{"visits", `"not a list"`},
	} {
		batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(i + 1), HLC: now, Entity: domain.EntityJoint, ID: j.ID, Field: fv[0], Value: fv[1]})
	}
	batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(len(batch) + 1), HLC: now, Entity: domain.EntityJoint, ID: j.ID, Field: "status", Value: `"ongoing"`})
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	// A value of the wrong shape (a text for a list) counts as unknown: also
	// kept in the log and never written into the row.
	if res.Refused+res.Unknown != len(batch)-1 || res.Applied != 1 {
		t.Fatalf("import: %+v, want %d kept aside and 1 applied", res, len(batch)-1)
	}
	got, _ := s.JointAction(ctx, j.ID)
	if got.Kind != domain.JointPilot || got.Title != "Pilot" || got.Status != domain.JointOngoing || len(got.OrgIDs) != 1 || got.Notes != "" {
		t.Fatalf("after the import: %+v", got)
	}
}
