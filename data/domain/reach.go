package domain

// IsInnovationActor reports whether organisations of kind k belong to the
// innovation system the project works through (its primary target group):
// incubators, clusters, business organisations, research, academia and
// public bodies — not enterprises, associations, other or a kind not given.
func (k OrgKind) IsInnovationActor() bool {
	switch k {
	case KindIncubator, KindCluster, KindBusinessOrg, KindResearch, KindAcademia, KindMunicipality, KindRegion, KindPublic:
		return true
	}
	return false
}

// MaxReachedOthers bounds the enterprises a reach record counts without
// naming them: more than the two regions have.
const MaxReachedOthers = 100_000

// Reach records the project's "second wave": an innovation actor passing
// on what it learnt in the project to enterprises (sv "spridning", nb
// "spredning"). The enterprises are named when they are registered, and
// counted (Others) when they are not. It is reported apart from the
// project's own support.
type Reach struct {
	Meta
	ActorID  string   // the innovation actor that passed it on
	Date     string   // YYYY-MM-DD, when
	OrgIDs   []string // the enterprises reached that are registered
	Others   int      // enterprises reached that are not named
	Notes    string   // what was passed on, and how
	ModelIDs []string // the models or methods passed on
}

// Reached is how many enterprises the record counts.
func (r Reach) Reached() int { return len(r.OrgIDs) + r.Others }

// Fields gives the record's synced fields by name, as the change log writes them.
func (r *Reach) Fields() map[string]any {
	list := func(l []string) []string {
		if l == nil {
			return []string{}
		}
		return l
	}
	return map[string]any{"actor": r.ActorID, "date": r.Date, "orgs": list(r.OrgIDs), "others": r.Others,
		"notes": r.Notes, "models": list(r.ModelIDs)}
}

// Normalise trims and checks a record: an actor, a date, and at least one
// enterprise reached, named or counted; the actor is not among them.
func (r *Reach) Normalise() error {
	trim(&r.ActorID)
	normaliseLineEnds(&r.Notes)
	r.OrgIDs, r.ModelIDs = uniqueIDs(r.OrgIDs), uniqueIDs(r.ModelIDs)
	p := checkFields(EntityReach, r.Fields())
	if r.ActorID == "" {
		p.add(invalid("actor", "required"))
	}
	p.add(ValidateDate("date", r.Date, true))
	if r.Others < 0 || r.Others > MaxReachedOthers {
		p.add(invalid("others", "number.range", "min", 0, "max", MaxReachedOthers))
	}
	if r.Reached() == 0 {
		p.add(invalid("others", "reach.none"))
	}
	for _, id := range r.OrgIDs {
		if id == r.ActorID {
			p.add(invalid("orgs", "reach.self"))
			break
		}
	}
	p.add(CheckLen("notes", r.Notes, MaxNotesLen))
	return p.err()
}
