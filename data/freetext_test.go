package data

import "testing"

// Every free-text field is a text field of its entity, so a merged text
// always fits its column.
func TestFreeTextFieldsAreTextFields(t *testing.T) {
	for entity, fields := range freeText {
		spec, ok := entities[entity]
		if !ok {
			t.Errorf("free text of unknown entity %s", entity)
			continue
		}
		for _, name := range fields {
			if f, ok := spec.field(name); !ok || f.kind != kindText {
				t.Errorf("%s.%s is not a text field", entity, name)
			}
		}
	}
}
