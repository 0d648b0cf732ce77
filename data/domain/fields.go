package domain

import "slices"

// Entity names, as they travel in field changes.
const (
	EntityOrganisation = "organisation"
	EntityContact      = "contact"
	EntityVisit        = "visit"
	EntityAction       = "action"
	EntityAssessment   = "assessment"
	EntityAnswer       = "answer"
	EntityJoint        = "joint"
	EntityFinding      = "finding"
	EntityReach        = "reach"
	EntitySubmission   = "submission"
	EntityRelation     = "relation"
)

// FieldKind is what sort of value a field holds: it decides how the value
// is checked, how it is stored, and whether a conflict over it can take a
// merged text.
type FieldKind int

const (
	FieldText     FieldKind = iota // a string: a code, an id, an org number, an e-mail address; one line
	FieldFreeText                  // the same, written freely by an advisor on one line (names, places): a conflict over it can take a merged text
	FieldNotes                     // free text over several lines (notes, comments): newlines and tabs allowed
	FieldDate                      // a string: "" or a date YYYY-MM-DD from MinDate to MaxDate
	FieldInt                       // a whole number
	FieldNullInt                   // a whole number or none (null)
	FieldBool                      // true or false
	FieldList                      // a list of one-line strings
)

// IsText reports whether values of the kind are strings.
func (k FieldKind) IsText() bool {
	return k == FieldText || k == FieldFreeText || k == FieldNotes || k == FieldDate
}

// Field is one synced field of an entity.
type Field struct {
	Name string // the field's name in changes and dumps
	Kind FieldKind
}

// commonFields are the fields every entity has.
var commonFields = []Field{{"created_at", FieldInt}, {"deleted", FieldBool}}

// entityFields lists each entity's synced fields: every field but id and
// updated_at, which the change log keeps itself.
var entityFields = map[string][]Field{
	EntityOrganisation: append(slices.Clone(commonFields),
		Field{"name", FieldFreeText}, Field{"orgnr", FieldText}, Field{"country", FieldText},
		Field{"municipality", FieldText}, Field{"sector", FieldText}, Field{"kind", FieldText},
		Field{"employees", FieldNullInt}, Field{"leader_gender", FieldText},
		Field{"sustainability", FieldText}, Field{"sustainability_notes", FieldNotes},
		Field{"notes", FieldNotes}, Field{"tags", FieldList}, Field{"merged_into", FieldText}),
	EntityContact: append(slices.Clone(commonFields),
		Field{"org_id", FieldText}, Field{"name", FieldFreeText}, Field{"role", FieldFreeText},
		Field{"email", FieldText}, Field{"phone", FieldText}, Field{"gender", FieldText},
		Field{"consent_date", FieldDate}),
	EntityVisit: append(slices.Clone(commonFields),
		Field{"date", FieldDate}, Field{"orgs", FieldList}, Field{"type", FieldText},
		Field{"minutes", FieldInt}, Field{"place", FieldFreeText}, Field{"advisor", FieldFreeText},
		Field{"women", FieldInt}, Field{"men", FieldInt}, Field{"other", FieldInt},
		Field{"phase", FieldText}, Field{"cross_border", FieldBool}, Field{"notes", FieldNotes},
		Field{"sizes", FieldList}, Field{"partner", FieldFreeText}, Field{"side", FieldText}),
	EntityAction: append(slices.Clone(commonFields),
		Field{"org_id", FieldText}, Field{"visit_id", FieldText}, Field{"text", FieldFreeText},
		Field{"owner", FieldFreeText}, Field{"due", FieldDate}, Field{"done", FieldDate},
		Field{"model_id", FieldText}, Field{"dimension", FieldText}),
	EntityAssessment: append(slices.Clone(commonFields),
		Field{"org_id", FieldText}, Field{"visit_id", FieldText}, Field{"model_id", FieldText},
		Field{"model_version", FieldInt}, Field{"date", FieldDate}, Field{"status", FieldText},
		Field{"comment", FieldNotes}),
	EntityAnswer: append(slices.Clone(commonFields),
		Field{"assessment_id", FieldText}, Field{"dimension", FieldText}, Field{"level", FieldNullInt},
		Field{"text", FieldNotes}, Field{"applies", FieldBool}, Field{"comment", FieldFreeText},
		Field{"target", FieldNullInt}, Field{"target_due", FieldDate}),
	EntityJoint: append(slices.Clone(commonFields),
		Field{"kind", FieldText}, Field{"title", FieldFreeText}, Field{"orgs", FieldList},
		Field{"status", FieldText}, Field{"start", FieldDate}, Field{"date", FieldDate},
		Field{"models", FieldList}, Field{"notes", FieldNotes}, Field{"outcome", FieldNotes},
		Field{"visits", FieldList}, Field{"partner", FieldFreeText}, Field{"side", FieldText}),
	EntityFinding: append(slices.Clone(commonFields),
		Field{"kind", FieldText}, Field{"step", FieldText}, Field{"date", FieldDate}, Field{"body", FieldNotes},
		Field{"source", FieldFreeText}, Field{"author", FieldFreeText}, Field{"orgs", FieldList},
		Field{"joints", FieldList}, Field{"models", FieldList}, Field{"forms", FieldList}),
	EntityReach: append(slices.Clone(commonFields),
		Field{"actor", FieldText}, Field{"date", FieldDate}, Field{"orgs", FieldList}, Field{"others", FieldInt},
		Field{"notes", FieldNotes}, Field{"models", FieldList}),
	EntitySubmission: append(slices.Clone(commonFields),
		Field{"period_from", FieldDate}, Field{"period_to", FieldDate}, Field{"project_start", FieldDate},
		Field{"advisor", FieldFreeText}, Field{"partner", FieldFreeText}, Field{"note", FieldNotes},
		Field{"snapshot", FieldText}),
	EntityRelation: append(slices.Clone(commonFields),
		Field{"from_org", FieldText}, Field{"to_org", FieldText}, Field{"kind", FieldText},
		Field{"start_date", FieldDate}, Field{"end_date", FieldDate}, Field{"notes", FieldNotes}),
}

// EntityFields returns the synced fields of entity in their fixed order (nil
// for an unknown entity); the slice is shared and must not be changed.
func EntityFields(entity string) []Field { return entityFields[entity] }

// FieldOf returns the field name of entity.
func FieldOf(entity, name string) (Field, bool) {
	for _, f := range entityFields[entity] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
