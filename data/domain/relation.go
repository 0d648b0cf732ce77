package domain

// RelationKind is how one organisation stands to another in the innovation
// system. Every kind but partner-of reads from the relation's first
// organisation to its second: "A member of B", "A funded by B".
type RelationKind string

const (
	RelationMemberOf    RelationKind = "member-of"
	RelationSupportedBy RelationKind = "supported-by"
	RelationPartnerOf   RelationKind = "partner-of"
	RelationFundedBy    RelationKind = "funded-by"
	RelationSpinOffOf   RelationKind = "spin-off-of"
)

// RelationKinds lists the kinds in display order.
var RelationKinds = []RelationKind{RelationMemberOf, RelationSupportedBy, RelationPartnerOf, RelationFundedBy, RelationSpinOffOf}

// Relation links two organisations of the innovation system (issue 17 §2):
// a member of a cluster, a start-up supported by an incubator, partners,
// a company funded by a region, a spin-off of a university.
type Relation struct {
	Meta
	FromOrg string // the organisation the kind is said of
	ToOrg   string // the organisation it is said towards
	Kind    RelationKind
	Start   string // YYYY-MM-DD or ""
	End     string // YYYY-MM-DD or "": still in force
	Notes   string
}

// Fields gives the record's synced fields by name, as the change log writes them.
func (r *Relation) Fields() map[string]any {
	return map[string]any{"from_org": r.FromOrg, "to_org": r.ToOrg, "kind": string(r.Kind),
		"start_date": r.Start, "end_date": r.End, "notes": r.Notes}
}

// Other is the organisation at the other end from orgID.
func (r Relation) Other(orgID string) string {
	if r.FromOrg == orgID {
		return r.ToOrg
	}
	return r.FromOrg
}

// IsCrossBorder reports whether the two organisations, whose countries are
// given by id, are one in Sweden and one in Norway.
func (r Relation) IsCrossBorder(country func(orgID string) Country) bool {
	a, b := country(r.FromOrg), country(r.ToOrg)
	return a.Valid() && b.Valid() && a != b
}

// Normalise trims and checks a relation: two different organisations, a
// kind, and an end that is not before its start.
func (r *Relation) Normalise() error {
	trim(&r.FromOrg)
	trim(&r.ToOrg)
	normaliseLineEnds(&r.Notes)
	p := checkFields(EntityRelation, r.Fields())
	if r.FromOrg == "" {
		p.add(invalid("from_org", "required"))
	}
	if r.ToOrg == "" {
		p.add(invalid("to_org", "required"))
	}
	if r.FromOrg != "" && r.FromOrg == r.ToOrg {
		p.add(invalid("to_org", "relation.self"))
	}
	p.add(OneOf("kind", r.Kind, RelationKinds))
	p.add(ValidateDate("start_date", r.Start, false))
	p.add(ValidateDate("end_date", r.End, false))
	if r.Start != "" && r.End != "" && r.End < r.Start {
		p.add(invalid("end_date", "relation.ends_before_start"))
	}
	p.add(CheckLen("notes", r.Notes, MaxNotesLen))
	return p.err()
}
