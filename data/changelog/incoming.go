package changelog

import (
	"net/mail"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
	"eu.ilsa.coach/ilsa/data/models"
)

// A change from elsewhere is applied only when a person could have made it
// here: its clocks in range and its value one the forms and the command line
// accept. Any other is kept aside: stored in the log (so it is passed on
// and nothing is lost), recorded in changes_refused with the reason, counted
// by the sync and by `ilsa check`, and never written into a row. Local
// edits pass the same rules before they commit (CommitLocal), so what this
// device writes is never refused by another running the same version.

// Reasons a change is kept aside (changes_refused.reason).
const (
	RefusedClock = "clock" // its clock or base outside 1..hlc.Max, or a base after its clock
	RefusedValue = "value" // a value no form would store
)

// maxIDLen bounds a reference to another record; ids are UUIDs (36 bytes),
// a model's id a short slug.
const maxIDLen = 100

// maxListLen bounds a list value (tags, a visit's organisations).
const maxListLen = 1000

// incomingRule checks the column value of one field (as columnValue made
// it: string, int64, nil or a JSON list in a string).
type incomingRule func(field string, v any) error

// incomingRules holds the rule of every field that has one beyond its shape;
// every field is first checked by its kind (valueProblem: one line, several
// lines, a date from MinDate to MaxDate), so dates need no rule here.
var incomingRules = map[string]map[string]incomingRule{
	domain.EntityOrganisation: {
		"name": required(textRule(domain.MaxNameLen)), "orgnr": orgNrRule, "country": countryRule,
		"municipality": stringRule(func(_ string, s string) error { return domain.ValidateMunicipality(s) }),
		"sector":       stringRule(func(_ string, s string) error { return domain.ValidateSector(s) }),
		"kind":         choiceRule(append([]domain.OrgKind{""}, domain.OrgKinds...)),
		"employees":    intRule(0, 10_000_000, true), "leader_gender": choiceRule(domain.LeaderGenders),
		"sustainability":       choiceRule([]domain.Sustainability{domain.SustainabilityUnknown, domain.SustainabilityYes, domain.SustainabilityNo}),
		"sustainability_notes": textRule(domain.MaxNotesLen), "notes": textRule(domain.MaxNotesLen),
		"tags": listRule(domain.MaxShortLen), "merged_into": textRule(maxIDLen), "created_at": createdRule,
	},
	domain.EntityContact: {
		"org_id": required(textRule(maxIDLen)), "name": required(textRule(domain.MaxNameLen)), "role": textRule(domain.MaxShortLen),
		"email": stringRule(emailRule), "phone": stringRule(phoneRule), "gender": choiceRule(domain.Genders),
		"created_at": createdRule,
	},
	domain.EntityVisit: {
		"date": required(nil), "orgs": required(listRule(maxIDLen)), "type": choiceRule(append([]domain.VisitType{""}, domain.VisitTypes...)),
		"minutes": intRule(0, 24*60, false), "place": textRule(domain.MaxShortLen), "advisor": textRule(domain.MaxShortLen),
		"women": intRule(0, 100_000, false), "men": intRule(0, 100_000, false), "other": intRule(0, 100_000, false),
		"phase": choiceRule(append([]domain.Phase{domain.PhaseNone}, domain.Phases...)), "notes": textRule(domain.MaxNotesLen), "created_at": createdRule,
		"sizes": sizesRule, "partner": textRule(domain.MaxShortLen), "side": choiceRule([]domain.Country{"", domain.CountrySE, domain.CountryNO}),
	},
	domain.EntityAction: {
		"org_id": required(textRule(maxIDLen)), "visit_id": textRule(maxIDLen), "text": required(textRule(domain.MaxNotesLen)),
		"owner":    textRule(domain.MaxShortLen),
		"model_id": textRule(maxIDLen), "dimension": textRule(maxIDLen), "created_at": createdRule,
	},
	domain.EntityAssessment: {
		"org_id": textRule(maxIDLen), "visit_id": textRule(maxIDLen), "model_id": textRule(maxIDLen),
		"model_version": intRule(0, models.MaxVersion, false),
		"status":        choiceRule([]domain.AssessmentStatus{"", domain.AssessmentDraft, domain.AssessmentDone}),
		"comment":       textRule(domain.MaxNotesLen), "created_at": createdRule,
	},
	domain.EntityJoint: {
		"kind": required(choiceRule(domain.JointKinds)), "title": required(textRule(domain.MaxNameLen)),
		"orgs": required(listRule(maxIDLen)), "status": choiceRule(append([]domain.JointStatus{""}, domain.JointStatuses...)),
		"models": listRule(maxIDLen), "notes": textRule(domain.MaxNotesLen), "outcome": textRule(domain.MaxNotesLen),
		"visits": listRule(maxIDLen), "created_at": createdRule,
		"partner": textRule(domain.MaxShortLen), "side": choiceRule([]domain.Country{"", domain.CountrySE, domain.CountryNO}),
	},
	domain.EntityReach: {
		"actor": required(textRule(maxIDLen)), "date": required(nil), "orgs": listRule(maxIDLen),
		"others": intRule(0, domain.MaxReachedOthers, false), "notes": textRule(domain.MaxNotesLen),
		"models": listRule(maxIDLen), "created_at": createdRule,
	},
	domain.EntityFinding: {
		"kind": choiceRule(append([]domain.FindingKind{""}, domain.FindingKinds...)),
		"step": required(choiceRule(domain.ProjectSteps)), "date": required(nil), "body": required(textRule(domain.MaxNotesLen)),
		"source": textRule(domain.MaxNameLen), "author": textRule(domain.MaxShortLen),
		"orgs": listRule(maxIDLen), "joints": listRule(maxIDLen), "models": listRule(maxIDLen), "forms": listRule(maxIDLen),
		"created_at": createdRule,
	},
	domain.EntitySubmission: {
		"deleted": falseRule, "period_from": required(nil), "period_to": required(nil),
		"advisor": textRule(domain.MaxShortLen), "partner": textRule(domain.MaxShortLen), "note": textRule(domain.MaxNotesLen),
		"snapshot": required(textRule(domain.MaxSnapshotLen)), "created_at": createdRule,
	},
	domain.EntityRelation: {
		"from_org": required(textRule(maxIDLen)), "to_org": required(textRule(maxIDLen)),
		"kind": required(choiceRule(domain.RelationKinds)), "notes": textRule(domain.MaxNotesLen), "created_at": createdRule,
	},
	domain.EntityAnswer: {
		"assessment_id": textRule(maxIDLen), "dimension": textRule(maxIDLen),
		"level": intRule(1, models.MaxLevels, true), "text": textRule(domain.MaxNotesLen),
		"comment": textRule(domain.MaxNotesLen), "target": intRule(1, models.MaxLevels, true),
		"created_at": createdRule,
	},
}

// clockAccepted: a change's clock lies in 1..hlc.Max and its base is not
// after it (an edit is stamped after the value its author saw).
func clockAccepted(c *Change) bool {
	return c.HLC.Valid() && c.Base <= c.HLC
}

// valueProblem says what is wrong with a known field's column value, or
// nil: the checks of its kind (one line, several lines, a date in range, a
// list of one-line texts; domain.Field.Check) and the field's own rule.
func valueProblem(entity string, f FieldSpec, col any) error {
	if err := (domain.Field{Name: f.name, Kind: f.kind}).Check(col); err != nil {
		return err
	}
	if rule := incomingRules[entity][f.name]; rule != nil {
		return rule(f.name, col)
	}
	return nil
}

// required: no form saves the field empty (an organisation without a name,
// a visit without a date or organisations, an action without text).
func required(rule incomingRule) incomingRule {
	return func(field string, v any) error {
		if s, ok := v.(string); !ok || s == "" || s == "[]" {
			return invalid(field, "required")
		}
		if rule == nil {
			return nil
		}
		return rule(field, v)
	}
}

func stringRule(check func(field, s string) error) incomingRule {
	return func(field string, v any) error {
		s, _ := v.(string)
		return check(field, s)
	}
}

// textRule: at most max characters.
func textRule(max int) incomingRule {
	return stringRule(func(field, s string) error { return domain.CheckLen(field, s, max) })
}

func choiceRule[T ~string](allowed []T) incomingRule {
	return stringRule(func(field, s string) error { return domain.OneOf(field, T(s), allowed) })
}

func intRule(lo, hi int64, nullable bool) incomingRule {
	return func(field string, v any) error {
		if v == nil && nullable {
			return nil
		}
		if n, ok := v.(int64); ok && n >= lo && n <= hi {
			return nil
		}
		return invalid(field, "number.range", "min", lo, "max", hi)
	}
}

// createdRule: milliseconds since 1970 up to the bound of clocks.
var createdRule = intRule(0, hlc.Max.Millis(), false)

func countryRule(field string, v any) error {
	if s, _ := v.(string); s != "" && !domain.Country(s).Valid() {
		return invalid(field, "country.unknown", "value", s)
	}
	return nil
}

// orgNrRule: stored org numbers are digits that parse as a Swedish or a
// Norwegian number (the country is another field, checked on its own).
func orgNrRule(field string, v any) error {
	s, _ := v.(string)
	if s == "" {
		return nil
	}
	n, err := domain.ParseOrgNumber(s, "")
	if err != nil {
		return err
	}
	if n.Digits != s {
		return invalid(field, "orgnr.format", "value", s)
	}
	return nil
}

func emailRule(field, s string) error {
	if s == "" {
		return nil
	}
	if a, err := mail.ParseAddress(s); err != nil || a.Address != s {
		return invalid(field, "email.format", "value", s)
	}
	return nil
}

func phoneRule(field, s string) error {
	if s != "" && strings.Trim(s, "+0123456789 -()") != "" {
		return invalid(field, "phone.format", "value", s)
	}
	return nil
}

// listRule: a list of at most maxListLen strings of at most max characters.
func listRule(max int) incomingRule {
	return func(field string, v any) error {
		var l []string
		s, _ := v.(string)
		if err := jsonUnmarshalString(s, &l); err != nil {
			return invalid(field, "choice", "value", s)
		}
		if len(l) > maxListLen {
			return invalid(field, "too_long", "max", maxListLen)
		}
		for _, e := range l {
			if err := domain.CheckLen(field, e, max); err != nil {
				return err
			}
		}
		return nil
	}
}

// sizesRule: a visit's sizes are "ORGID=CLASS" entries with a known class.
// A class from a newer build is refused like an unknown kind: the value is
// kept aside, the visit keeps the sizes it had.
func sizesRule(field string, v any) error {
	if err := listRule(maxIDLen+len("=medium"))(field, v); err != nil {
		return err
	}
	var l []string
	_ = jsonUnmarshalString(v.(string), &l)
	for _, e := range l {
		if _, _, ok := domain.ParseOrgSize(e); !ok {
			return invalid(field, "choice", "value", e)
		}
	}
	return nil
}

// invalid builds the validation error of a refused value; the translations
// test finds the codes handed out by its calls.
func invalid(field, code string, params ...any) *domain.ValidationError {
	return domain.Invalid(field, code, params...)
}
