package data

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// MergeResult counts what a merge moved onto the kept organisation.
type MergeResult struct {
	Contacts, Visits, Actions, Assessments int
	JointActions                           int // joint actions that name the kept organisation as a partner instead
	Findings                               int // findings log entries that name the kept organisation instead
	Reaches                                int // second-wave records of the kept organisation, or naming it as reached
	Relations                              int // relations moved onto the kept organisation, or deleted when they linked the two
}

// Moved is how many records the merge moved in all.
func (r MergeResult) Moved() int {
	return r.Contacts + r.Visits + r.Actions + r.Assessments + r.JointActions + r.Findings + r.Reaches + r.Relations
}

// MergeOrganisations merges the duplicate dupID into keepID in one local
// edit: its contacts, actions and assessments move to keepID, visits name
// keepID instead, fields empty on keepID are filled from the duplicate, and
// the duplicate is deleted with MergedInto = keepID. Everything is ordinary
// field changes, so the merge syncs like any edit; records that arrive
// later still naming the duplicate are moved by RehomeMerged.
func (s *Store) MergeOrganisations(ctx context.Context, keepID, dupID string) (MergeResult, error) {
	var res MergeResult
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		res = MergeResult{}
		if keepID == dupID {
			return nil, invalid("org", "merge.same")
		}
		keep, err := orgRecords.scan(tx.QueryRow(orgRecords.byID(), keepID))
		if err != nil {
			return nil, notFound(err, domain.EntityOrganisation, keepID)
		}
		dup, err := orgRecords.scan(tx.QueryRow(orgRecords.byID(), dupID))
		if err != nil {
			return nil, notFound(err, domain.EntityOrganisation, dupID)
		}
		edits, err := moveRecords(tx, dupID, keepID, &res)
		if err != nil {
			return nil, err
		}
		// The kept record gets what only the duplicate knew.
		filled := keep
		fillFrom(&filled, dup)
		more := updateEdits(domain.EntityOrganisation, &filled, &keep)
		edits = append(edits, more...)
		edits = append(edits,
			changelog.Edit{Entity: domain.EntityOrganisation, ID: dupID, Field: "merged_into", Value: keepID},
			changelog.Edit{Entity: domain.EntityOrganisation, ID: dupID, Field: "deleted", Value: true})
		return edits, nil
	})
	return res, err
}

func notFound(err error, entity, id string) error {
	if err == sql.ErrNoRows {
		return &domain.NotFoundError{Entity: entity, ID: id}
	}
	return err
}

// fillFrom copies into k the fields k leaves empty and d has.
func fillFrom(k *domain.Organisation, d domain.Organisation) {
	if k.OrgNr == "" {
		k.OrgNr = d.OrgNr
	}
	if k.Country == "" {
		k.Country = d.Country
	}
	if k.Municipality == "" {
		k.Municipality = d.Municipality
	}
	if k.Sector == "" {
		k.Sector = d.Sector
	}
	if k.Employees == nil {
		k.Employees = d.Employees
	}
	if k.LeaderGender == "" || k.LeaderGender == domain.LeaderUnknown {
		k.LeaderGender = d.LeaderGender
	}
	if k.Sustainability == "" || k.Sustainability == domain.SustainabilityUnknown {
		k.Sustainability = d.Sustainability
	}
	if k.SustainabilityNotes == "" {
		k.SustainabilityNotes = d.SustainabilityNotes
	}
	if d.Notes != "" && !strings.Contains(k.Notes, d.Notes) {
		k.Notes = strings.TrimSpace(k.Notes + "\n\n" + d.Notes)
	}
	for _, t := range d.Tags {
		if !slices.Contains(k.Tags, t) {
			k.Tags = append(k.Tags, t)
		}
	}
}

// moveRecords returns the edits that make every live record naming the
// organisation from name the organisation to instead.
func moveRecords(tx changelog.ReadTx, from, to string, res *MergeResult) ([]changelog.Edit, error) {
	return rehome(tx, []string{from}, func(id string) string {
		if id == from {
			return to
		}
		return id
	}, res)
}

// rehome returns the edits that make every live record naming one of the
// organisations from name resolve(id) instead: one edit per record, so a
// visit naming two merged organisations gets one new list, not two edits
// of the same field in one commit.
func rehome(tx changelog.ReadTx, from []string, resolve func(string) string, res *MergeResult) ([]changelog.Edit, error) {
	var edits []changelog.Edit
	ph := strings.TrimSuffix(strings.Repeat("?,", len(from)), ",")
	args := make([]any, len(from))
	for i, f := range from {
		args[i] = f
	}
	for _, m := range []struct {
		entity, column string
		count          *int
	}{{domain.EntityContact, "org_id", &res.Contacts}, {domain.EntityAction, "org_id", &res.Actions},
		{domain.EntityAssessment, "org_id", &res.Assessments}, {domain.EntityReach, "actor", &res.Reaches}} {
		rows, err := tx.Query(`SELECT id, `+m.column+` FROM `+changelog.Table(m.entity)+
			` WHERE `+m.column+` IN (`+ph+`) AND deleted = 0 ORDER BY id`, args...)
		if err != nil {
			return nil, err
		}
		type move struct{ id, org string }
		var moves []move
		for rows.Next() {
			var mv move
			if err := rows.Scan(&mv.id, &mv.org); err != nil {
				rows.Close()
				return nil, err
			}
			moves = append(moves, mv)
		}
		rows.Close()
		for _, mv := range moves {
			to := resolve(mv.org)
			if to == mv.org || to == "" {
				continue
			}
			edits = append(edits, changelog.Edit{Entity: m.entity, ID: mv.id, Field: m.column, Value: to})
			*m.count++
		}
	}
	visits, err := idsWhere(tx, `SELECT DISTINCT v.id FROM visit_orgs vo JOIN visits v ON v.id = vo.visit_id
		WHERE vo.org_id IN (`+ph+`) AND v.deleted = 0 ORDER BY v.id`, args...)
	if err != nil {
		return nil, err
	}
	for _, id := range visits {
		// Sorted and without repeats, as every visit's list is stored.
		moved, changed, err := movedOrgs(tx, "visits", id, resolve, true)
		if err != nil {
			return nil, err
		}
		if changed {
			edits = append(edits, changelog.Edit{Entity: domain.EntityVisit, ID: id, Field: "orgs", Value: moved})
			res.Visits++
		}
	}
	joint, err := rehomeList(tx, "joint_actions", domain.EntityJoint, ph, args, resolve)
	if err != nil {
		return nil, err
	}
	res.JointActions += len(joint)
	findings, err := rehomeList(tx, "findings", domain.EntityFinding, ph, args, resolve)
	if err != nil {
		return nil, err
	}
	res.Findings += len(findings)
	reached, err := rehomeList(tx, "reaches", domain.EntityReach, ph, args, resolve)
	if err != nil {
		return nil, err
	}
	res.Reaches += len(reached)
	relations, n, err := rehomeRelations(tx, ph, args, resolve)
	res.Relations += n
	return append(append(append(append(edits, joint...), findings...), reached...), relations...), err
}

// rehomeRelations returns the edits that make the live relations with an
// end among the organisations (placeholders ph, arguments args) name
// resolve(id) there instead, and how many relations they change. A relation
// between the two organisations merged would link the kept one with itself:
// it is deleted.
func rehomeRelations(tx changelog.ReadTx, ph string, args []any, resolve func(string) string) ([]changelog.Edit, int, error) {
	rows, err := tx.Query(`SELECT id, from_org, to_org FROM relations
		WHERE (from_org IN (`+ph+`) OR to_org IN (`+ph+`)) AND deleted = 0 ORDER BY id`, append(args, args...)...)
	if err != nil {
		return nil, 0, err
	}
	type ends struct{ id, from, to string }
	var found []ends
	for rows.Next() {
		var e ends
		if err := rows.Scan(&e.id, &e.from, &e.to); err != nil {
			rows.Close()
			return nil, 0, err
		}
		found = append(found, e)
	}
	if err := rows.Close(); err != nil {
		return nil, 0, err
	}
	var edits []changelog.Edit
	n := 0
	for _, e := range found {
		from, to := e.from, e.to
		if r := resolve(from); r != "" {
			from = r
		}
		if r := resolve(to); r != "" {
			to = r
		}
		switch {
		case from == to:
			edits = append(edits, changelog.Edit{Entity: domain.EntityRelation, ID: e.id, Field: "deleted", Value: true})
		case from != e.from || to != e.to:
			if from != e.from {
				edits = append(edits, changelog.Edit{Entity: domain.EntityRelation, ID: e.id, Field: "from_org", Value: from})
			}
			if to != e.to {
				edits = append(edits, changelog.Edit{Entity: domain.EntityRelation, ID: e.id, Field: "to_org", Value: to})
			}
		default:
			continue
		}
		n++
	}
	return edits, n, nil
}

// rehomeList returns the edits that make the live records of table (a
// joint action's partners, a finding's organisations: an "orgs" list in
// the advisor's order) naming one of the organisations (placeholders ph,
// arguments args) name resolve(id) instead.
func rehomeList(tx changelog.ReadTx, table, entity, ph string, args []any, resolve func(string) string) ([]changelog.Edit, error) {
	ids, err := idsWhere(tx, `SELECT DISTINCT t.id FROM `+table+` t, json_each(t.orgs) p
		WHERE p.value IN (`+ph+`) AND t.deleted = 0 ORDER BY t.id`, args...)
	if err != nil {
		return nil, err
	}
	var edits []changelog.Edit
	for _, id := range ids {
		// The list keeps the order the advisor gave it.
		moved, changed, err := movedOrgs(tx, table, id, resolve, false)
		if err != nil {
			return nil, err
		}
		if changed {
			edits = append(edits, changelog.Edit{Entity: entity, ID: id, Field: "orgs", Value: moved})
		}
	}
	return edits, nil
}

// movedOrgs reads the organisation list (column orgs) of record id in table
// and names resolve(o) instead of each o that resolves, without repeats
// (sorted too when sorted); changed says whether the list differs.
func movedOrgs(tx changelog.ReadTx, table, id string, resolve func(string) string, sorted bool) ([]string, bool, error) {
	var orgsJSON string
	if err := tx.QueryRow(`SELECT orgs FROM `+table+` WHERE id = ?`, id).Scan(&orgsJSON); err != nil {
		return nil, false, err
	}
	var orgs []string
	if err := jsonUnmarshalString(orgsJSON, &orgs); err != nil {
		return nil, false, err
	}
	moved := make([]string, 0, len(orgs))
	for _, o := range orgs {
		if r := resolve(o); r != "" {
			o = r
		}
		if sorted || !slices.Contains(moved, o) {
			moved = append(moved, o)
		}
	}
	if sorted {
		slices.Sort(moved)
		moved = slices.Compact(moved)
	}
	return moved, !slices.Equal(moved, orgs), nil
}

func idsWhere(tx changelog.ReadTx, query string, args ...any) ([]string, error) {
	rows, err := tx.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// RehomeMerged moves live records that still name a merged organisation
// (they were made offline before the merge reached their author) onto the
// organisation it was merged into, following chains of merges. Sync runs it
// after importing; it returns how many records it moved.
func (s *Store) RehomeMerged(ctx context.Context) (int, error) {
	n := 0
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		n = 0
		merged := map[string]string{}
		rows, err := tx.Query(`SELECT id, merged_into FROM organisations WHERE merged_into <> ''`)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, into string
			if err := rows.Scan(&id, &into); err != nil {
				rows.Close()
				return nil, err
			}
			merged[id] = into
		}
		rows.Close()
		if len(merged) == 0 {
			return nil, nil
		}
		from := make([]string, 0, len(merged))
		for id := range merged {
			from = append(from, id)
		}
		sort.Strings(from) // the same edits in the same order on every device
		var res MergeResult
		edits, err := rehome(tx, from, func(id string) string {
			if _, ok := merged[id]; !ok {
				return id
			}
			return finalOrg(merged, id)
		}, &res)
		if err != nil {
			return nil, err
		}
		n = res.Moved()
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].ID < edits[j].ID })
		return edits, nil
	})
	return n, err
}

// finalOrg follows merged_into from id to the organisation that was kept
// ("" when the chain loops).
func finalOrg(merged map[string]string, id string) string {
	seen := map[string]bool{}
	for {
		next, ok := merged[id]
		if !ok {
			return id
		}
		if seen[id] {
			return ""
		}
		seen[id] = true
		id = next
	}
}
