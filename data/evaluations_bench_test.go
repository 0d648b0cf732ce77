package data_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// BenchmarkEvaluationResults10k reads and sums up 10,000 responses to the
// capacity self-assessment, before/after included (budget: 200 ms).
func BenchmarkEvaluationResults10k(b *testing.B) {
	s, _ := datatest.Open(b)
	form := bundledForm(b, "capacity-self-assessment")
	rng := rand.New(rand.NewPCG(1, 2))
	now := hlc.FromTime(datatest.Epoch.Add(time.Hour))
	var batch []changelog.Change
	for i := range 10_000 {
		values := map[string]any{}
		for _, q := range form.Questions {
			switch q.Kind {
			case evaluation.KindLikert:
				values[q.ID] = int64(1 + rng.IntN(5))
			case evaluation.KindScale:
				values[q.ID] = int64(rng.IntN(11))
			case evaluation.KindText:
				if i%10 == 0 {
					values[q.ID] = "Mer tid med företagen på andra sidan gränsen"
				}
			}
		}
		timing := []string{"before", "after"}[i%2]
		gender := []string{"woman", "man", "other", ""}[i%4]
		id := fmt.Sprintf("r%05d", i)
		for _, fv := range [][2]string{
			{"answers", changelog.EncodeValue(evaluation.Answers{Form: form.ID, Version: form.Version, Values: values}.Encode())},
			{"date", `"2026-03-14"`}, {"timing", `"` + timing + `"`}, {"gender", `"` + gender + `"`}, {"country", `"SE"`},
		} {
			batch = append(batch, changelog.Change{Device: stranger, Seq: uint64(len(batch) + 1), HLC: now, Entity: domain.EntityResponse, ID: id, Field: fv[0], Value: fv[1]})
		}
	}
	if res, err := datatest.ImportChanges(ctx, s, batch); err != nil || res.Refused != 0 {
		b.Fatalf("import: %+v %v", res, err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := s.EvaluationResults(ctx, evaluation.Bundled(), form, data.ResponseQuery{})
		if err != nil || res.Respondents != 10_000 {
			b.Fatalf("%d respondents, %v", res.Respondents, err)
		}
	}
}
