package domain

import (
	"slices"
	"strings"
)

// JointKind is what a joint action is, as the funder counts it: a pilot
// carried out together (RCO84), a strategy or action plan developed
// together (RCO83), or formal cooperation.
type JointKind string

const (
	JointPilot       JointKind = "pilot"
	JointPlan        JointKind = "plan"
	JointCooperation JointKind = "cooperation"
)

// JointKinds lists the kinds in display order.
var JointKinds = []JointKind{JointPilot, JointPlan, JointCooperation}

// JointStatus is how far a joint action has come.
type JointStatus string

const (
	JointPlanned   JointStatus = "planned"
	JointOngoing   JointStatus = "ongoing"
	JointCompleted JointStatus = "completed"
)

// JointStatuses lists the statuses in display order.
var JointStatuses = []JointStatus{JointPlanned, JointOngoing, JointCompleted}

// JointAction is work the project does together with partner organisations
// (sv "gemensam insats", nb "felles tiltak"): a pilot, a plan, formal
// cooperation. It is cross-border when its partners include organisations
// of both countries.
type JointAction struct {
	Meta
	Kind     JointKind
	Title    string
	OrgIDs   []string // the partner organisations
	Status   JointStatus
	Start    string   // YYYY-MM-DD or ""
	Date     string   // completion date, YYYY-MM-DD or ""
	ModelIDs []string // the models and methods it uses
	Notes    string   // what it is
	Outcome  string   // what came of it
	VisitIDs []string // the visits that were part of it
	// Partner and Side are the project partner the action is reported
	// under and its country (see partner.go); "" when not given.
	Partner string
	Side    Country
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (j *JointAction) Fields() map[string]any {
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	return map[string]any{"kind": string(j.Kind), "title": j.Title, "orgs": list(j.OrgIDs), "status": string(j.Status),
		"start": j.Start, "date": j.Date, "models": list(j.ModelIDs), "notes": j.Notes, "outcome": j.Outcome,
		"visits": list(j.VisitIDs), "partner": j.Partner, "side": string(j.Side)}
}

// IsCrossBorder reports whether the partners, whose countries are given by
// id, include organisations of both countries.
func (j JointAction) IsCrossBorder(country func(orgID string) Country) bool {
	var se, no bool
	for _, id := range j.OrgIDs {
		switch country(id) {
		case CountrySE:
			se = true
		case CountryNO:
			no = true
		}
	}
	return se && no
}

// Normalise trims and checks a joint action: a kind, a title and at least
// one partner; a completed action has its completion date, which is not
// before its start.
func (j *JointAction) Normalise() error {
	trim(&j.Title)
	normaliseLineEnds(&j.Notes)
	normaliseLineEnds(&j.Outcome)
	j.OrgIDs, j.ModelIDs, j.VisitIDs = uniqueIDs(j.OrgIDs), uniqueIDs(j.ModelIDs), uniqueIDs(j.VisitIDs)
	if j.Status == "" {
		j.Status = JointPlanned
	}
	p := checkFields(EntityJoint, j.Fields())
	normalisePartner(p, &j.Partner, &j.Side)
	p.add(OneOf("kind", j.Kind, JointKinds))
	if j.Title == "" {
		p.add(invalid("title", "required"))
	} else {
		p.add(CheckLen("title", j.Title, MaxNameLen))
	}
	if len(j.OrgIDs) == 0 {
		p.add(invalid("orgs", "visit.no_org"))
	}
	p.add(OneOf("status", j.Status, JointStatuses))
	p.add(ValidateDate("start", j.Start, false))
	p.add(ValidateDate("date", j.Date, j.Status == JointCompleted))
	if j.Start != "" && j.Date != "" && j.Date < j.Start {
		p.add(invalid("date", "joint.ends_before_start"))
	}
	p.add(CheckLen("notes", j.Notes, MaxNotesLen))
	p.add(CheckLen("outcome", j.Outcome, MaxNotesLen))
	return p.err()
}

// uniqueIDs trims ids and drops empty and repeated ones, keeping the order.
func uniqueIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
