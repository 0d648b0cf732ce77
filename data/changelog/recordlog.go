package changelog

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"eu.ilsa.coach/ilsa/data/hlc"
)

// RecordLog lists every log entry of the record (entity, id), of every
// device, in clock order: the history a right-of-access export shows.
func RecordLog(ctx context.Context, db *sql.DB, entity, id string) ([]Change, error) {
	var out []Change
	rows, err := db.QueryContext(ctx, `SELECT device, seq, hlc, base, field, value FROM changes WHERE entity = ? AND id = ?`, entity, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		c := Change{Entity: entity, ID: id}
		var seq, h, b int64
		if err := rows.Scan(&c.Device, &seq, &h, &b, &c.Field, &c.Value); err != nil {
			rows.Close()
			return nil, err
		}
		c.Seq, c.HLC, c.Base = uint64(seq), hlc.Timestamp(h), hlc.Timestamp(b)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	runs, err := db.QueryContext(ctx, `SELECT device, first_seq, data FROM change_runs WHERE instr(data, ?) > 0`, []byte(id))
	if err != nil {
		return nil, err
	}
	defer runs.Close()
	for runs.Next() {
		var device string
		var first int64
		var data []byte
		if err := runs.Scan(&device, &first, &data); err != nil {
			return nil, err
		}
		changes, err := decodeRun(device, uint64(first), data, nil)
		if err != nil {
			return nil, err
		}
		for _, c := range changes {
			if c.Entity == entity && c.ID == id {
				out = append(out, c)
			}
		}
	}
	if err := runs.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Change) int {
		if a.HLC != b.HLC {
			return cmp.Compare(a.HLC, b.HLC)
		}
		return cmp.Compare(a.Field, b.Field)
	})
	return out, nil
}
