package data

import "context"

// Advisors lists the advisors named on live visits, for choosing one in
// a report filter.
func (s *Store) Advisors(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT advisor FROM visits WHERE deleted = 0 AND advisor <> '' ORDER BY advisor`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
