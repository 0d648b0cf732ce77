package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/evaluation"
)

// demoBest and demoImprove are free-text answers to the workshop
// evaluation, in the language of the side that gave them.
var (
	demoBest    = []string{"Att träffa företag från andra sidan gränsen.", "Konkrete verktøy vi kan bruke med en gang.", "Fikat och de öppna samtalen.", ""}
	demoImprove = []string{"Mer tid till egna frågor.", "Gjerne kortere innledninger.", "", ""}
)

// fillEvaluations adds responses: a workshop evaluation of the first joint
// action, and the capacity self-assessment answered before (a year ago)
// and after (last month), so the results and the before/after chart have
// something to show. A rand of its own keeps the rest of the demo as it was.
func fillEvaluations(ctx context.Context, s *data.Store, today time.Time) error {
	lib := evaluation.Bundled()
	rng := rand.New(rand.NewPCG(17, 1))
	genders := []domain.Gender{domain.GenderWoman, domain.GenderMan, domain.GenderWoman, domain.GenderOther, ""}
	countries := []domain.Country{domain.CountrySE, domain.CountryNO}
	joint, err := s.JointActions(ctx, data.JointQuery{})
	if err != nil {
		return err
	}
	workshop, _ := lib.Latest("workshop-evaluation")
	for i := range 7 {
		values := map[string]any{"overall": int64(3 + rng.IntN(3)), "useful": int64(2 + rng.IntN(4)),
			"recommend": int64(5 + rng.IntN(6)), "inclusion": int64(3 + rng.IntN(3)),
			"role":      []string{"company", "support", "public"}[rng.IntN(3)],
			"takeaways": []string{"methods", "contacts", "cross-border", "ideas"}[:1+rng.IntN(4)]}
		if t := demoBest[i%len(demoBest)]; t != "" {
			values["best"] = t
		}
		if t := demoImprove[i%len(demoImprove)]; t != "" {
			values["improve"] = t
		}
		r := domain.Response{Answers: evaluation.Answers{Values: values}, Date: today.AddDate(0, -2, 0).Format(domain.DateLayout),
			Gender: genders[i%len(genders)], Country: countries[i%2]}
		if len(joint) > 0 {
			r.JointID = joint[0].ID
		}
		if err := s.CreateResponse(ctx, &r, workshop); err != nil {
			return err
		}
	}
	capacity, _ := lib.Latest("capacity-self-assessment")
	for _, timing := range domain.Timings {
		low, months := int64(1), -12
		if timing == domain.TimingAfter {
			low, months = 3, -1
		}
		for i := range 8 {
			values := map[string]any{"confidence": low*2 + int64(rng.IntN(4))}
			for _, q := range capacity.Questions {
				if q.Kind == evaluation.KindLikert {
					values[q.ID] = min(5, low+int64(rng.IntN(3)))
				}
			}
			r := domain.Response{Answers: evaluation.Answers{Values: values}, Timing: timing,
				Date: today.AddDate(0, months, 0).Format(domain.DateLayout), Gender: genders[i%len(genders)], Country: countries[i%2]}
			if err := s.CreateResponse(ctx, &r, capacity); err != nil {
				return err
			}
		}
	}
	return nil
}
