package domain

import (
	"errors"
	"fmt"
)

// ValidationError says that one field of user input is wrong. Code names the
// problem in a stable, language-free way ("orgnr.checksum"); the UI and the
// CLI turn it into a sentence in the user's language through the translation
// key "error.<Code>", filling in Params.
type ValidationError struct {
	Field  string         // the field the problem belongs to, e.g. "orgnr"
	Code   string         // stable problem code, e.g. "orgnr.checksum"
	Params map[string]any // values for the message template
}

func (e *ValidationError) Error() string {
	if len(e.Params) == 0 {
		return fmt.Sprintf("%s: %s", e.Field, e.Code)
	}
	return fmt.Sprintf("%s: %s %v", e.Field, e.Code, e.Params)
}

// Invalid builds a ValidationError; params come as key, value pairs. The
// store uses it for the problems only it can see (a reference to a missing
// record, a merge of a record with itself).
func Invalid(field, code string, params ...any) *ValidationError {
	return invalid(field, code, params...)
}

// invalid is Invalid; the translations test finds the codes handed out by
// its calls.
func invalid(field, code string, params ...any) *ValidationError {
	e := &ValidationError{Field: field, Code: code}
	if len(params) > 0 {
		e.Params = make(map[string]any, len(params)/2)
		for i := 0; i+1 < len(params); i += 2 {
			e.Params[fmt.Sprint(params[i])] = params[i+1]
		}
	}
	return e
}

// AsValidation returns the ValidationError inside err, if there is one.
func AsValidation(err error) (*ValidationError, bool) {
	var v *ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// ErrNotFound is returned when an id names no live record.
var ErrNotFound = errors.New("not found")

// NotFoundError says which kind of record was missing.
type NotFoundError struct {
	Entity string
	ID     string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %s not found", e.Entity, e.ID) }
func (e *NotFoundError) Unwrap() error { return ErrNotFound }
