package data

import (
	"database/sql"
	"errors"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// fillSizes gives each organisation of v that has no size entry yet the
// size class of its headcount now: a visit records how big its
// organisations were when it was recorded (the funder's size split uses
// that, not today's headcount). Entries already there — set by the advisor,
// or recorded earlier — are kept.
func fillSizes(v *domain.Visit, sizeOf func(orgID string) (domain.SizeClass, error)) error {
	for _, id := range v.OrgIDs {
		if _, ok := v.Sizes[id]; ok {
			continue
		}
		c, err := sizeOf(id)
		if err != nil {
			return err
		}
		if v.Sizes == nil {
			v.Sizes = map[string]domain.SizeClass{}
		}
		v.Sizes[id] = c
	}
	return nil
}

// sizeNow reads an organisation's size class from its headcount inside tx
// (unknown when it has none, or is not there).
func sizeNow(tx changelog.ReadTx) func(orgID string) (domain.SizeClass, error) {
	return func(orgID string) (domain.SizeClass, error) {
		var employees sql.NullInt64
		err := tx.QueryRow(`SELECT employees FROM organisations WHERE id = ?`, orgID).Scan(&employees)
		if errors.Is(err, sql.ErrNoRows) || err == nil && !employees.Valid {
			return domain.SizeUnknown, nil
		}
		if err != nil {
			return "", err
		}
		return domain.SizeClassFor(int(employees.Int64)), nil
	}
}
