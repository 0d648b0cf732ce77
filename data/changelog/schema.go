package changelog

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"eu.ilsa.coach/ilsa/data/domain"
)

// FieldSpec is a domain field as a column: the column has the field's name
// and stores values of its kind (columnValue, JSONValue).
type FieldSpec struct {
	name string
	kind domain.FieldKind
}

// Name is the field's name, which is also its column's.
func (f FieldSpec) Name() string { return f.name }

// Kind is the kind of values the field holds.
func (f FieldSpec) Kind() domain.FieldKind { return f.kind }

// EntitySpec is an entity of the domain as a table.
type EntitySpec struct {
	name   string
	table  string
	fields []FieldSpec // synced fields, excluding id and updated_at
}

// entities maps each entity of the domain onto its table.
var entities = map[string]*EntitySpec{
	domain.EntityOrganisation: tableOf(domain.EntityOrganisation, "organisations"),
	domain.EntityContact:      tableOf(domain.EntityContact, "contacts"),
	domain.EntityVisit:        tableOf(domain.EntityVisit, "visits"),
	domain.EntityAction:       tableOf(domain.EntityAction, "actions"),
	domain.EntityAssessment:   tableOf(domain.EntityAssessment, "assessments"),
	domain.EntityAnswer:       tableOf(domain.EntityAnswer, "assessment_answers"),
	domain.EntityJoint:        tableOf(domain.EntityJoint, "joint_actions"),
	domain.EntityFinding:      tableOf(domain.EntityFinding, "findings"),
	domain.EntityReach:        tableOf(domain.EntityReach, "reaches"),
	domain.EntitySubmission:   tableOf(domain.EntitySubmission, "report_submissions"),
	domain.EntityResponse:     tableOf(domain.EntityResponse, "responses"),
	domain.EntityRelation:     tableOf(domain.EntityRelation, "relations"),
}

// Spec is the table of entity, if the entity is one of the domain's.
func Spec(entity string) (*EntitySpec, bool) {
	e, ok := entities[entity]
	return e, ok
}

// Table is the table of entity, one of the domain's.
func Table(entity string) string { return entities[entity].table }

// Table is the entity's table.
func (e *EntitySpec) Table() string { return e.table }

// Fields are the entity's synced fields (all but id and updated_at).
func (e *EntitySpec) Fields() []FieldSpec { return e.fields }

func tableOf(entity, table string) *EntitySpec {
	e := &EntitySpec{name: entity, table: table}
	for _, f := range domain.EntityFields(entity) {
		e.fields = append(e.fields, FieldSpec{f.Name, f.Kind})
	}
	return e
}

// EntityOrder is the order entities appear in dumps.
var EntityOrder = []string{domain.EntityOrganisation, domain.EntityContact, domain.EntityVisit, domain.EntityAction, domain.EntityAssessment, domain.EntityAnswer, domain.EntityJoint, domain.EntitySubmission, domain.EntityFinding, domain.EntityReach, domain.EntityResponse, domain.EntityRelation}

func (e *EntitySpec) field(name string) (FieldSpec, bool) {
	for _, f := range e.fields {
		if f.name == name {
			return f, true
		}
	}
	return FieldSpec{}, false
}

// columnValue turns a change's JSON value into the value stored in the column.
func (f FieldSpec) columnValue(raw string) (any, error) {
	switch {
	case f.kind.IsText():
		if s, ok := plainJSONString(raw); ok {
			return s, nil
		}
		var s string
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			return nil, fmt.Errorf("field %s: want a string, got %.40s", f.name, raw)
		}
		return s, nil
	case f.kind == domain.FieldInt || f.kind == domain.FieldNullInt:
		if raw == "null" {
			if f.kind == domain.FieldNullInt {
				return nil, nil
			}
			return int64(0), nil
		}
		if n, ok := plainJSONInt(raw); ok {
			return n, nil
		}
		var n int64
		if err := json.Unmarshal([]byte(raw), &n); err != nil {
			return nil, fmt.Errorf("field %s: want a whole number, got %.40s", f.name, raw)
		}
		return n, nil
	case f.kind == domain.FieldBool:
		var b bool
		if err := json.Unmarshal([]byte(raw), &b); err != nil {
			return nil, fmt.Errorf("field %s: want true or false, got %.40s", f.name, raw)
		}
		if b {
			return int64(1), nil
		}
		return int64(0), nil
	case f.kind == domain.FieldList:
		var l []string
		if err := json.Unmarshal([]byte(raw), &l); err != nil {
			return nil, fmt.Errorf("field %s: want a list of strings, got %.40s", f.name, raw)
		}
		if l == nil {
			l = []string{}
		}
		b, _ := json.Marshal(l)
		return string(b), nil
	}
	return nil, fmt.Errorf("field %s: unknown kind", f.name)
}

// plainJSONString decodes the common JSON string without escapes: the
// characters between the quotes, when they are valid UTF-8 with no quote,
// backslash or control character (then json.Unmarshal gives the same).
func plainJSONString(raw string) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	for i := 0; i < len(in); i++ {
		if c := in[i]; c < 0x20 || c == '"' || c == '\\' {
			return "", false
		}
	}
	if !utf8.ValidString(in) {
		return "", false
	}
	return in, true
}

// plainJSONInt decodes a JSON integer written without exponent or fraction
// (-?(0|[1-9][0-9]*)), as json.Unmarshal into an int64 does.
func plainJSONInt(raw string) (int64, bool) {
	d := raw
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 1 && d[0] == '0' {
		return 0, false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	return n, err == nil
}

// JSONValue turns a scanned column value back into the canonical JSON form.
func (f FieldSpec) JSONValue(v any) string {
	switch {
	case f.kind.IsText():
		s, _ := v.(string)
		b, _ := json.Marshal(s)
		return string(b)
	case f.kind == domain.FieldInt || f.kind == domain.FieldNullInt:
		n, ok := v.(int64)
		if !ok {
			if f.kind == domain.FieldNullInt {
				return "null"
			}
			return "0"
		}
		return fmt.Sprint(n)
	case f.kind == domain.FieldBool:
		n, _ := v.(int64)
		if n != 0 {
			return "true"
		}
		return "false"
	case f.kind == domain.FieldList:
		s, _ := v.(string)
		if s == "" {
			return "[]"
		}
		return s
	}
	return "null"
}

// encodeValue encodes a Go value as a change value.
func EncodeValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("data: cannot encode %T: %v", v, err))
	}
	return string(b)
}

// jsonUnmarshalString decodes a JSON list stored as text ("" and "[]" are
// the empty list, left as v is).
func jsonUnmarshalString(s string, v any) error {
	if s == "" || s == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

// SortColumn is the organisations column holding lang's sort keys
// (domain.SortKey builds them).
func SortColumn(lang string) string {
	switch lang {
	case "sv", "nb":
		return "sort_" + lang
	case "no", "nn":
		return "sort_nb"
	}
	return "sort_en"
}
