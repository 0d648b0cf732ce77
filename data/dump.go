package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
)

// Dump writes the whole synced state as one canonical JSON document: every
// entity of every kind, tombstones included, sorted by id, with fields in
// their canonical JSON form and nothing device-local (no device id, no
// settings, no conflicts, no field clocks). Two databases that have applied
// the same changes, in whatever order, write the same bytes.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var buf bytes.Buffer
	buf.WriteString("{\n")
	for i, name := range changelog.EntityOrder {
		spec, _ := changelog.Spec(name)
		fmt.Fprintf(&buf, "  %q: [", spec.Table())
		cols := []string{"id", "updated_at"}
		for _, f := range spec.Fields() {
			cols = append(cols, f.Name())
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+spec.Table()+` ORDER BY id`)
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
			obj := map[string]json.RawMessage{}
			id, _ := asString(vals[0])
			obj["id"] = json.RawMessage(changelog.EncodeValue(id))
			obj["updated_at"] = json.RawMessage(fmt.Sprint(vals[1]))
			for j, f := range spec.Fields() {
				v := vals[j+2]
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				obj[f.Name()] = json.RawMessage(f.JSONValue(v))
			}
			line, err := json.Marshal(obj) // map keys come out sorted
			if err != nil {
				rows.Close()
				return err
			}
			if n > 0 {
				buf.WriteString(",")
			}
			buf.WriteString("\n    ")
			buf.Write(line)
			n++
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if n > 0 {
			buf.WriteString("\n  ")
		}
		buf.WriteString("]")
		if i < len(changelog.EntityOrder)-1 {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
	}
	buf.WriteString("}\n")
	_, err = w.Write(buf.Bytes())
	return err
}

func asString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

// CheckReport is what `ilsa check` found.
type CheckReport struct {
	SchemaVersion int
	LatestSchema  int
	Integrity     []string // "ok" or SQLite's problems
	ForeignKeys   int      // rows violating a foreign key
	Counts        map[string]int
	Changes       int
	Conflicts     int
	DanglingRefs  int // live records pointing at organisations that do not exist (yet)
	// Refused counts changes from elsewhere kept aside, by reason
	// (RefusedClock, RefusedValue): in the log, never applied.
	Refused map[string]int
}

// OK reports whether nothing is wrong.
func (r CheckReport) OK() bool {
	return r.SchemaVersion == r.LatestSchema && len(r.Integrity) == 1 && r.Integrity[0] == "ok" && r.ForeignKeys == 0
}

// Check verifies the database: SQLite's integrity check, foreign keys, the
// schema version and the full-text index, and counts what is stored.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	rep := CheckReport{LatestSchema: LatestSchema(), Counts: map[string]int{}, Refused: map[string]int{}}
	var err error
	if rep.SchemaVersion, err = s.SchemaVersion(); err != nil {
		return rep, err
	}
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return rep, err
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return rep, err
		}
		rep.Integrity = append(rep.Integrity, line)
	}
	rows.Close()
	for _, fts := range []string{"org_fts", "org_tri", "visit_fts", "org_visit_fts", "action_fts", "action_tri"} {
		if s.readOnly {
			break // FTS5's integrity check is written as an INSERT
		}
		if err := s.eng.CheckFTS(ctx, fts); err != nil {
			rep.Integrity = append(rep.Integrity, fts+": "+err.Error())
		}
	}
	fk, err := s.r.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return rep, err
	}
	for fk.Next() {
		rep.ForeignKeys++
	}
	fk.Close()
	for _, name := range changelog.EntityOrder {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+changelog.Table(name)+` WHERE deleted = 0`).Scan(&n); err != nil {
			return rep, err
		}
		rep.Counts[name] = n
	}
	if err := s.r.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM changes) + IFNULL((SELECT SUM(last_seq - first_seq + 1) FROM change_runs), 0)`).Scan(&rep.Changes); err != nil {
		return rep, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM conflicts WHERE resolved = 0`).Scan(&rep.Conflicts); err != nil {
		return rep, err
	}
	refused, err := s.r.QueryContext(ctx, `SELECT reason, COUNT(*) FROM changes_refused GROUP BY reason`)
	if err != nil {
		return rep, err
	}
	for refused.Next() {
		var reason string
		var n int
		if err := refused.Scan(&reason, &n); err != nil {
			refused.Close()
			return rep, err
		}
		rep.Refused[reason] = n
	}
	refused.Close()
	err = s.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM contacts c WHERE c.deleted = 0 AND c.org_id NOT IN (SELECT id FROM organisations)) +
		(SELECT COUNT(*) FROM actions a WHERE a.deleted = 0 AND a.org_id NOT IN (SELECT id FROM organisations)) +
		(SELECT COUNT(*) FROM visit_orgs vo WHERE vo.org_id NOT IN (SELECT id FROM organisations))`).Scan(&rep.DanglingRefs)
	return rep, err
}
