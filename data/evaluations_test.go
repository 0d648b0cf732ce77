package data_test

// Evaluation responses: what the store keeps of a respondent, what it
// refuses, and what a stranger's bundle cannot put in.

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/hlc"
)

func bundledForm(t testing.TB, id string) *evaluation.Form {
	t.Helper()
	f, ok := evaluation.Bundled().Latest(id)
	if !ok {
		t.Fatalf("no form %s", id)
	}
	return f
}

func TestResponsesAreStoredAndSummed(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	v := datatest.Visit(t, s, "2026-03-14", "Workshop", o.ID)
	form := bundledForm(t, "workshop-evaluation")
	for i, overall := range []int64{5, 4, 4} {
		r := domain.Response{VisitID: v.ID, Date: "2026-03-14", Gender: domain.GenderWoman, Country: domain.CountrySE,
			Answers: evaluation.Answers{Values: map[string]any{"overall": overall, "best": fmt.Sprintf(" Svar %d ", i)}}}
		if err := s.CreateResponse(ctx, &r, form); err != nil {
			t.Fatal(err)
		}
	}
	other := domain.Response{Date: "2026-04-01", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(1)}}}
	if err := s.CreateResponse(ctx, &other, form); err != nil {
		t.Fatal(err)
	}
	rs, err := s.Responses(ctx, data.ResponseQuery{FormID: form.ID, VisitID: v.ID})
	if err != nil || len(rs) != 3 || rs[0].Answers.Values["best"] != "Svar 0" || rs[0].Answers.Form != form.ID {
		t.Fatalf("responses %+v, %v", rs, err)
	}
	res, err := s.EvaluationResults(ctx, evaluation.Bundled(), form, data.ResponseQuery{VisitID: v.ID})
	if err != nil || res.Respondents != 3 || *res.Questions[0].Mean < 4.33 || *res.Questions[0].Mean > 4.34 {
		t.Fatalf("results %+v, %v", res, err)
	}
	if all, _ := s.EvaluationResults(ctx, evaluation.Bundled(), form, data.ResponseQuery{From: "2026-03-15"}); all.Respondents != 1 {
		t.Errorf("from 2026-03-15: %d respondents, want 1", all.Respondents)
	}
	if err := s.DeleteResponse(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.EvaluationResults(ctx, evaluation.Bundled(), form, data.ResponseQuery{}); all.Respondents != 3 {
		t.Errorf("after the delete: %d respondents, want 3", all.Respondents)
	}
}

func TestAResponseTheFormWouldNotAcceptIsRefused(t *testing.T) {
	s, _ := datatest.Open(t)
	o := datatest.Org(t, s, "Krokoms Kvarn AB", "")
	v := datatest.Visit(t, s, "2026-03-14", "Workshop", o.ID)
	workshop, capacity := bundledForm(t, "workshop-evaluation"), bundledForm(t, "capacity-self-assessment")
	capacityOK := map[string]any{"models-methods": int64(3), "customer-needs": int64(3), "tailoring": int64(3), "innovation-system": int64(3), "inclusion": int64(3)}
	for _, c := range []struct {
		name  string
		form  *evaluation.Form
		r     domain.Response
		field string
	}{
		{"likert 6", workshop, domain.Response{Date: "2026-03-14", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(6)}}}, ""},
		{"unknown question", workshop, domain.Response{Date: "2026-03-14", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3), "name": "Anna"}}}, ""},
		{"required unanswered", workshop, domain.Response{Date: "2026-03-14", Answers: evaluation.Answers{Values: map[string]any{}}}, ""},
		{"no date", workshop, domain.Response{Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "date"},
		{"visit and joint action", workshop, domain.Response{Date: "2026-03-14", VisitID: v.ID, JointID: "x", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "joint_id"},
		{"no such visit", workshop, domain.Response{Date: "2026-03-14", VisitID: "no-such-visit", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "visit_id"},
		{"unknown gender", workshop, domain.Response{Date: "2026-03-14", Gender: "x", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "gender"},
		{"timing on a plain form", workshop, domain.Response{Date: "2026-03-14", Timing: domain.TimingBefore, Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "timing"},
		{"before/after without timing", capacity, domain.Response{Date: "2026-03-14", Answers: evaluation.Answers{Values: capacityOK}}, "timing"},
		{"country DK", workshop, domain.Response{Date: "2026-03-14", Country: "DK", Answers: evaluation.Answers{Values: map[string]any{"overall": int64(3)}}}, "country"},
	} {
		err := s.CreateResponse(ctx, &c.r, c.form)
		var ve *domain.ValidationError
		var ae *evaluation.AnswerError
		switch {
		case c.field == "" && !errors.As(err, &ae):
			t.Errorf("%s: %v, want an answer problem", c.name, err)
		case c.field != "" && (!errors.As(err, &ve) || ve.Field != c.field):
			t.Errorf("%s: %v, want a problem with %s", c.name, err, c.field)
		}
	}
	if rs, _ := s.Responses(ctx, data.ResponseQuery{FormID: workshop.ID}); len(rs) != 0 {
		t.Fatalf("refused responses were stored: %+v", rs)
	}
}

// TestAStrangersResponseTheFormWouldNotAcceptIsKeptAside: a bundle cannot
// store an answer the form would refuse, a question it does not ask, or
// answers of absurd size to a form this program does not know.
func TestAStrangersResponseTheFormWouldNotAcceptIsKeptAside(t *testing.T) {
	s, _ := datatest.Open(t)
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	answers := func(form string, values string) string {
		return `{"form":"` + form + `","values":` + values + `,"version":1}`
	}
	bad := []string{
		answers("workshop-evaluation", `{"overall":9}`),
		answers("workshop-evaluation", `{"overall":3,"name":"Anna Andersson"}`),
		answers("workshop-evaluation", `{"overall":3,"role":"spy"}`),
		answers("workshop-evaluation", `{"useful":3}`), // required overall missing
		answers("workshop-evaluation", `{"overall":"3"}`),
		answers("someone-elses-form", `{"q":99}`),
		answers("someone-elses-form", `{"Not An Id":1}`),
		`{"form":"workshop-evaluation","values":{"overall":3}}`,
		`not json`,
	}
	var batch []changelog.Change
	seq := uint64(0)
	add := func(id, field, value string) {
		seq++
		batch = append(batch, changelog.Change{Device: stranger, Seq: seq, HLC: now, Entity: domain.EntityResponse, ID: id, Field: field, Value: value})
	}
	for i, a := range bad {
		id := fmt.Sprintf("bad-%d", i)
		add(id, "date", `"2026-03-14"`)
		add(id, "answers", changelog.EncodeValue(a))
	}
	add("good", "date", `"2026-03-14"`)
	add("good", "answers", changelog.EncodeValue(answers("workshop-evaluation", `{"overall":4}`)))
	add("lead", "date", `"2026-03-14"`)
	add("lead", "answers", changelog.EncodeValue(answers("leads-own-form", `{"q":7,"t":"fint"}`)))
	add("good", "gender", `"robot"`)
	res, err := datatest.ImportChanges(ctx, s, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused != len(bad)+1 {
		t.Errorf("import: %+v, want %d refused", res, len(bad)+1)
	}
	var n int
	if err := s.ReadDB().QueryRow(`SELECT count(*) FROM responses WHERE answers != ''`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d responses stored with answers (%v), want the good one and the lead's", n, err)
	}
	res2, _ := s.EvaluationResults(ctx, evaluation.Bundled(), bundledForm(t, "workshop-evaluation"), data.ResponseQuery{})
	if res2.Respondents != 1 || res2.Questions[0].Distribution[3].Count != 1 {
		t.Errorf("results %+v", res2)
	}
}
