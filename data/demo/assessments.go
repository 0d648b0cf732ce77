package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"eu.ilsa.coach/ilsa/assets"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
)

// assessed is how many of the first organisations get assessments: enough
// for the Progress tab, the client report and the impact indicator to show
// something real, few enough to stay quick in the 10,000-organisation demo.
const assessed = 16

// fillAssessments gives the first organisations two or three innovation
// readiness assessments months apart with levels that mostly rise, targets
// and actions linked to them; some also get a Business Model Canvas and the
// Agenda 2030 goals they serve.
func fillAssessments(ctx context.Context, s *data.Store, r *rand.Rand, orgs []*domain.Organisation, today time.Time) error {
	lib, errs := models.Load(assets.Models)
	if len(errs) > 0 {
		return fmt.Errorf("bundled models: %v", errs[0])
	}
	irl, _ := lib.Latest("innovation-readiness")
	bmc, _ := lib.Latest("business-model-canvas")
	sdg, _ := lib.Latest("agenda-2030")
	for i, o := range orgs {
		if i >= assessed {
			break
		}
		se := o.Country == domain.CountrySE
		rounds := 2 + r.IntN(2)
		levels := make([]int, len(irl.Dimensions))
		for k := range levels {
			levels[k] = 1 + r.IntN(4)
		}
		for round := range rounds {
			date := today.AddDate(0, -1-6*(rounds-1-round), -r.IntN(20)).Format(domain.DateLayout)
			a := domain.Assessment{OrgID: o.ID, ModelID: irl.ID, ModelVersion: irl.Version, Date: date, Status: domain.AssessmentDone}
			if round > 0 {
				for k := range levels {
					levels[k] = min(irl.Levels, levels[k]+r.IntN(3))
				}
			}
			for k, d := range irl.Dimensions {
				lvl := levels[k]
				ans := domain.Answer{Dimension: d.ID, Level: &lvl}
				if round == rounds-1 && k%2 == 0 && lvl < irl.Levels {
					target := min(irl.Levels, lvl+2)
					ans.Target = &target
					ans.TargetDue = today.AddDate(0, 4+r.IntN(6), 0).Format(domain.DateLayout)
				}
				a.Answers = append(a.Answers, ans)
			}
			if err := s.SaveAssessment(ctx, &a, irl); err != nil {
				return err
			}
		}
		// An action towards the weakest dimension.
		weakest := 0
		for k := range levels {
			if levels[k] < levels[weakest] {
				weakest = k
			}
		}
		act := domain.Action{OrgID: o.ID, ModelID: irl.ID, Dimension: irl.Dimensions[weakest].ID,
			Owner: advisorFor(r.IntN(len(advisors)), o.Country), Due: today.AddDate(0, 1, r.IntN(30)).Format(domain.DateLayout)}
		if se {
			act.Text = "Nå nästa nivå: " + irl.Dimensions[weakest].Name.SV
		} else {
			act.Text = "Nå neste nivå: " + irl.Dimensions[weakest].Name.NB
		}
		if err := s.CreateAction(ctx, &act); err != nil {
			return err
		}
		if i%3 == 0 {
			if err := canvasFor(ctx, s, bmc, o, se, today); err != nil {
				return err
			}
		}
		if i%4 == 1 {
			a := domain.Assessment{OrgID: o.ID, ModelID: sdg.ID, ModelVersion: sdg.Version,
				Date: today.AddDate(0, -2, 0).Format(domain.DateLayout), Status: domain.AssessmentDone}
			for _, k := range []int{6, 8, 11, 12} { // energy, work, cities, consumption
				a.Answers = append(a.Answers, domain.Answer{Dimension: sdg.Dimensions[k].ID, Applies: true})
			}
			if err := s.SaveAssessment(ctx, &a, sdg); err != nil {
				return err
			}
		}
	}
	return nil
}

func canvasFor(ctx context.Context, s *data.Store, bmc *models.Model, o *domain.Organisation, se bool, today time.Time) error {
	textsSE := map[string]string{
		"customer-segments": "Små och medelstora besöksnäringsföretag i fjällen", "value-propositions": "Färre tomma bäddar genom samordnad bokning",
		"channels": "Direktförsäljning, mässor, destinationsbolag", "revenue-streams": "Månadsabonnemang per anläggning",
		"key-activities": "Produktutveckling, kundsupport", "cost-structure": "Löner, drift av plattformen"}
	textsNO := map[string]string{
		"customer-segments": "Små og mellomstore reiselivsbedrifter i fjellet", "value-propositions": "Færre tomme senger gjennom samordnet booking",
		"channels": "Direktesalg, messer, destinasjonsselskap", "revenue-streams": "Månedsabonnement per anlegg",
		"key-activities": "Produktutvikling, kundestøtte", "cost-structure": "Lønn, drift av plattformen"}
	texts := textsNO
	if se {
		texts = textsSE
	}
	a := domain.Assessment{OrgID: o.ID, ModelID: bmc.ID, ModelVersion: bmc.Version,
		Date: today.AddDate(0, -1, 0).Format(domain.DateLayout), Status: domain.AssessmentDone}
	for _, d := range bmc.Dimensions {
		if t, ok := texts[d.ID]; ok {
			a.Answers = append(a.Answers, domain.Answer{Dimension: d.ID, Text: t})
		}
	}
	return s.SaveAssessment(ctx, &a, bmc)
}
