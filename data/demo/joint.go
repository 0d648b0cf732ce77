package demo

import (
	"context"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// demoJoint are the demo's joint actions: what the project plausibly does
// with partners on both sides of the border, in the language of the side
// that leads it. Months are counted back from the day the demo is loaded;
// a negative end means not completed.
var demoJoint = []struct {
	kind             domain.JointKind
	title, notes     string
	outcome          string
	startMonths      int
	endMonths        int
	seParts, noParts int // how many Swedish and Norwegian partners
	models           []string
}{
	{domain.JointPilot, "Pilot: gränslösa turistpaket Funäsdalen–Røros", "Två destinationer testar gemensamma paket för vintersäsongen.",
		"Tre paket sålda under säsongen; partnerna fortsätter nästa vinter.", 9, 2, 2, 2, []string{"business-model-canvas"}},
	{domain.JointPilot, "Pilot: delt prototypverksted i Trondheim og Östersund", "Bedrifter fra begge sider tester prototyper i felles verksted.",
		"", 4, -1, 1, 2, []string{"innovation-readiness"}},
	{domain.JointPlan, "Handlingsplan för genomförandeprojektet", "Partnerna tar fram planen för nästa fas tillsammans.",
		"Planen antagen av styrgruppen.", 6, 1, 2, 1, nil},
	{domain.JointPlan, "Strategi for bærekraftig matproduksjon i grenseregionen", "", "", 3, -1, 1, 1, []string{"agenda-2030"}},
	{domain.JointCooperation, "Samverkansavtal mellan inkubatorerna", "Formellt avtal om gemensamma coachingtimmar.",
		"Avtalet undertecknat.", 12, 8, 1, 1, nil},
	{domain.JointPilot, "Pilot: digital tvilling för sågverk", "Endast svenska partner hittills.", "", 2, -1, 2, 0, nil},
}

// fillJoint adds the demo's joint actions, their partners picked among the
// demo's organisations of each country.
func fillJoint(ctx context.Context, s *data.Store, orgs []*domain.Organisation, today time.Time) error {
	var se, no []string
	for _, o := range orgs {
		if o.Country == domain.CountrySE {
			se = append(se, o.ID)
		} else {
			no = append(no, o.ID)
		}
	}
	for i, d := range demoJoint {
		j := domain.JointAction{Kind: d.kind, Title: d.title, Notes: d.notes, Outcome: d.outcome, ModelIDs: d.models,
			Start: today.AddDate(0, -d.startMonths, 0).Format(domain.DateLayout), Status: domain.JointOngoing}
		if d.endMonths >= 0 {
			j.Status, j.Date = domain.JointCompleted, today.AddDate(0, -d.endMonths, 0).Format(domain.DateLayout)
		}
		for k := range d.seParts {
			if len(se) > 0 {
				j.OrgIDs = append(j.OrgIDs, se[(i*3+k)%len(se)])
			}
		}
		for k := range d.noParts {
			if len(no) > 0 {
				j.OrgIDs = append(j.OrgIDs, no[(i*3+k)%len(no)])
			}
		}
		if len(j.OrgIDs) == 0 {
			continue
		}
		if err := s.CreateJointAction(ctx, &j); err != nil {
			return err
		}
	}
	return nil
}
