package data

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Entity names, as they travel in field changes.
const (
	EntityOrganisation = "organisation"
	EntityContact      = "contact"
	EntityVisit        = "visit"
	EntityAction       = "action"
	EntityAssessment   = "assessment"
	EntityAnswer       = "answer"
)

// valueKind says how a field's JSON value maps onto its column.
type valueKind int

const (
	kindText     valueKind = iota // JSON string → TEXT: a code, an id, an org number, an e-mail address; one line
	kindFreeText                  // the same, written freely by an advisor on one line (names, places): a conflict over it can take a merged text
	kindNotes                     // free text over several lines (notes, comments): newlines and tabs allowed
	kindDate                      // JSON string → TEXT: "" or a date YYYY-MM-DD from MinDate to MaxDate
	kindInt                       // JSON number → INTEGER
	kindNullInt                   // JSON number or null → INTEGER NULL
	kindBool                      // JSON bool → INTEGER 0/1
	kindJSONList                  // JSON array of strings → TEXT holding that JSON
)

// isText: the kinds stored as a JSON string in a TEXT column.
func (k valueKind) isText() bool {
	return k == kindText || k == kindFreeText || k == kindNotes || k == kindDate
}

type fieldSpec struct {
	name string // field name in changes and dumps; also the column name
	kind valueKind
}

type entitySpec struct {
	name   string
	table  string
	fields []fieldSpec // synced fields, excluding id and updated_at
}

// Common fields every entity has.
var commonFields = []fieldSpec{{"created_at", kindInt}, {"deleted", kindBool}}

var entities = map[string]*entitySpec{
	EntityOrganisation: {name: EntityOrganisation, table: "organisations", fields: append(slices.Clone(commonFields),
		fieldSpec{"name", kindFreeText}, fieldSpec{"orgnr", kindText}, fieldSpec{"country", kindText},
		fieldSpec{"municipality", kindText}, fieldSpec{"sector", kindText}, fieldSpec{"kind", kindText},
		fieldSpec{"employees", kindNullInt}, fieldSpec{"leader_gender", kindText},
		fieldSpec{"sustainability", kindText}, fieldSpec{"sustainability_notes", kindNotes},
		fieldSpec{"notes", kindNotes}, fieldSpec{"tags", kindJSONList}, fieldSpec{"merged_into", kindText})},
	EntityContact: {name: EntityContact, table: "contacts", fields: append(slices.Clone(commonFields),
		fieldSpec{"org_id", kindText}, fieldSpec{"name", kindFreeText}, fieldSpec{"role", kindFreeText},
		fieldSpec{"email", kindText}, fieldSpec{"phone", kindText}, fieldSpec{"gender", kindText},
		fieldSpec{"consent_date", kindDate})},
	EntityVisit: {name: EntityVisit, table: "visits", fields: append(slices.Clone(commonFields),
		fieldSpec{"date", kindDate}, fieldSpec{"orgs", kindJSONList}, fieldSpec{"type", kindText},
		fieldSpec{"minutes", kindInt}, fieldSpec{"place", kindFreeText}, fieldSpec{"advisor", kindFreeText},
		fieldSpec{"women", kindInt}, fieldSpec{"men", kindInt}, fieldSpec{"other", kindInt},
		fieldSpec{"phase", kindText}, fieldSpec{"cross_border", kindBool}, fieldSpec{"notes", kindNotes})},
	EntityAction: {name: EntityAction, table: "actions", fields: append(slices.Clone(commonFields),
		fieldSpec{"org_id", kindText}, fieldSpec{"visit_id", kindText}, fieldSpec{"text", kindFreeText},
		fieldSpec{"owner", kindFreeText}, fieldSpec{"due", kindDate}, fieldSpec{"done", kindDate},
		fieldSpec{"model_id", kindText}, fieldSpec{"dimension", kindText})},
	EntityAssessment: {name: EntityAssessment, table: "assessments", fields: append(slices.Clone(commonFields),
		fieldSpec{"org_id", kindText}, fieldSpec{"visit_id", kindText}, fieldSpec{"model_id", kindText},
		fieldSpec{"model_version", kindInt}, fieldSpec{"date", kindDate}, fieldSpec{"status", kindText},
		fieldSpec{"comment", kindNotes})},
	EntityAnswer: {name: EntityAnswer, table: "assessment_answers", fields: append(slices.Clone(commonFields),
		fieldSpec{"assessment_id", kindText}, fieldSpec{"dimension", kindText}, fieldSpec{"level", kindNullInt},
		fieldSpec{"text", kindNotes}, fieldSpec{"applies", kindBool}, fieldSpec{"comment", kindFreeText},
		fieldSpec{"target", kindNullInt}, fieldSpec{"target_due", kindDate})},
}

// entityOrder is the order entities appear in dumps.
var entityOrder = []string{EntityOrganisation, EntityContact, EntityVisit, EntityAction, EntityAssessment, EntityAnswer}

func (e *entitySpec) field(name string) (fieldSpec, bool) {
	for _, f := range e.fields {
		if f.name == name {
			return f, true
		}
	}
	return fieldSpec{}, false
}

// columnValue turns a change's JSON value into the value stored in the column.
func (f fieldSpec) columnValue(raw string) (any, error) {
	switch {
	case f.kind.isText():
		if s, ok := plainJSONString(raw); ok {
			return s, nil
		}
		var s string
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			return nil, fmt.Errorf("field %s: want a string, got %.40s", f.name, raw)
		}
		return s, nil
	case f.kind == kindInt || f.kind == kindNullInt:
		if raw == "null" {
			if f.kind == kindNullInt {
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
	case f.kind == kindBool:
		var b bool
		if err := json.Unmarshal([]byte(raw), &b); err != nil {
			return nil, fmt.Errorf("field %s: want true or false, got %.40s", f.name, raw)
		}
		if b {
			return int64(1), nil
		}
		return int64(0), nil
	case f.kind == kindJSONList:
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

// jsonValue turns a scanned column value back into the canonical JSON form.
func (f fieldSpec) jsonValue(v any) string {
	switch {
	case f.kind.isText():
		s, _ := v.(string)
		b, _ := json.Marshal(s)
		return string(b)
	case f.kind == kindInt || f.kind == kindNullInt:
		n, ok := v.(int64)
		if !ok {
			if f.kind == kindNullInt {
				return "null"
			}
			return "0"
		}
		return fmt.Sprint(n)
	case f.kind == kindBool:
		n, _ := v.(int64)
		if n != 0 {
			return "true"
		}
		return "false"
	case f.kind == kindJSONList:
		s, _ := v.(string)
		if s == "" {
			return "[]"
		}
		return s
	}
	return "null"
}

// encodeValue encodes a Go value as a change value.
func encodeValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("data: cannot encode %T: %v", v, err))
	}
	return string(b)
}
