package data

import "eu.ilsa.coach/ilsa/data/domain"

// invalid builds the validation error of a problem only the store can see
// (a reference to a missing record, a merge of a record with itself); the
// translations test finds the codes handed out by its calls.
func invalid(field, code string, params ...any) *domain.ValidationError {
	return domain.Invalid(field, code, params...)
}
