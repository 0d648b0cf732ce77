package demo

import (
	"context"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// demoFindings are the findings log's entries: one or two per project
// step, each in its author's language, dated that many days ago.
var demoFindings = []struct {
	kind    domain.FindingKind
	step    domain.ProjectStep
	daysAgo int
	author  string
	text    string
	source  string
}{
	{domain.FindingBenchmark, domain.StepBenchmarking, 300, "Kari Nordmann",
		"Innovasjonsløftet i Trøndelag kombinerer mentorer fra næringslivet med faste nettverkssamlinger. Bedriftene verdsetter mest at samme mentor følger dem over tid.", "Trøndelag fylkeskommune"},
	{domain.FindingObservation, domain.StepBenchmarking, 260, "Anna Svensson",
		"Få företag i länet har en uttalad process för innovation; de flesta arbetar med förbättringar i den dagliga driften.", ""},
	{domain.FindingMethod, domain.StepCapacity, 190, "Erik Jonsson",
		"Affärsmodellkanvas fungerar bäst som gemensamt arbetsmaterial vid andra besöket, när företaget själv har formulerat sitt problem.", ""},
	{domain.FindingExperience, domain.StepCapacity, 150, "Ola Haugen",
		"Korte frokostmøter på stedet samlet flere bedrifter enn digitale seminarer om ettermiddagen.", ""},
	{domain.FindingExperience, domain.StepPilot, 90, "Anna Svensson",
		"Piloten över gränsen gick snabbare när båda ländernas rådgivare var med på första mötet.", ""},
	{domain.FindingObservation, domain.StepEvaluation, 40, "Kari Nordmann",
		"Egenvurderingen før og etter viser størst fremgang i forståelsen av kundenes behov.", ""},
	{domain.FindingObservation, domain.StepNextPhase, 10, "Erik Jonsson",
		"Genomförandeprojektet bör bygga vidare på mentorsupplägget och de gemensamma träffarna över gränsen.", ""},
}

// fillFindings writes the findings log's demo entries.
func fillFindings(ctx context.Context, s *data.Store, today time.Time) error {
	for _, d := range demoFindings {
		f := domain.Finding{Kind: d.kind, Step: d.step, Date: today.AddDate(0, 0, -d.daysAgo).Format(domain.DateLayout),
			Text: d.text, Source: d.source, Author: d.author}
		if err := s.CreateFinding(ctx, &f); err != nil {
			return err
		}
	}
	return nil
}
