package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/domain"
)

// CreateAction validates a and stores it; its organisation must exist.
func (s *Store) CreateAction(ctx context.Context, a *domain.Action) error {
	if err := a.Normalise(); err != nil {
		return err
	}
	a.ID = ""
	edits := s.createEdits(domain.EntityAction, a)
	_, err := s.eng.CommitLocal(ctx, func(tx changelog.ReadTx) ([]changelog.Edit, error) {
		if err := requireLive(tx, domain.EntityOrganisation, "org", a.OrgID); err != nil {
			return nil, err
		}
		if a.VisitID != "" {
			if err := requireLive(tx, domain.EntityVisit, "visit", a.VisitID); err != nil {
				return nil, err
			}
		}
		return edits, nil
	})
	return err
}

// UpdateAction stores the fields of a that changed.
func (s *Store) UpdateAction(ctx context.Context, a *domain.Action) error {
	if err := a.Normalise(); err != nil {
		return err
	}
	return update(ctx, s, actionRecords, a, nil)
}

// SetActionDone marks an action done on date (YYYY-MM-DD), or open again with "".
func (s *Store) SetActionDone(ctx context.Context, id, date string) error {
	if err := domain.ValidateDate("done", date, false); err != nil {
		return err
	}
	a, err := s.Action(ctx, id)
	if err != nil {
		return err
	}
	a.Done = date
	return s.UpdateAction(ctx, &a)
}

// DeleteAction marks an action deleted.
func (s *Store) DeleteAction(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityAction, id, true)
}

// RestoreAction undoes a delete.
func (s *Store) RestoreAction(ctx context.Context, id string) error {
	return s.setDeleted(ctx, domain.EntityAction, id, false)
}

// Action reads one live action.
func (s *Store) Action(ctx context.Context, id string) (domain.Action, error) {
	return readLive(ctx, s, actionRecords, id)
}

// ActionStatus filters actions.
type ActionStatus string

const (
	ActionsAll     ActionStatus = ""
	ActionsOpen    ActionStatus = "open"
	ActionsOverdue ActionStatus = "overdue"
	ActionsDone    ActionStatus = "done"
)

// ActionQuery filters the action list.
type ActionQuery struct {
	OrgID   string
	Status  ActionStatus
	Today   string // YYYY-MM-DD, for "overdue"
	DueFrom string // YYYY-MM-DD, inclusive ("" no bound)
	DueTo   string // YYYY-MM-DD, inclusive ("" no bound)
	// ModelID (and Dimension) keep the actions linked to a model (and one
	// of its dimensions).
	ModelID   string
	Dimension string
	Text      string // words of the action's text (folded, found inside words as in every search)
	Owner     string // who is to do it, exactly as written
	Limit     int
}

// ActionRow is an action with the name of its organisation.
type ActionRow struct {
	domain.Action
	OrgName string
}

// actionFilter builds the WHERE clause of an action query.
func actionFilter(q ActionQuery) ([]string, []any, error) {
	where := []string{"a.deleted = 0", "o.deleted = 0"}
	var args []any
	if q.OrgID != "" {
		where = append(where, "a.org_id = ?")
		args = append(args, q.OrgID)
	}
	if q.ModelID != "" {
		where = append(where, "a.model_id = ?")
		args = append(args, q.ModelID)
	}
	if q.Dimension != "" {
		where = append(where, "a.dimension = ?")
		args = append(args, q.Dimension)
	}
	if q.Owner != "" {
		where = append(where, "a.owner = ?")
		args = append(args, q.Owner)
	}
	if ts := newTextSearch(q.Text, nil); !ts.empty() { // action texts have a trigram index
		sel, selArgs := ts.rowids("action")
		where = append(where, "a.rowid IN ("+sel+")")
		args = append(args, selArgs...)
	}
	switch q.Status {
	case ActionsAll:
	case ActionsOpen:
		where = append(where, "a.done = ''")
	case ActionsOverdue:
		if err := domain.ValidateDate("today", q.Today, true); err != nil {
			return nil, nil, err
		}
		where = append(where, "a.done = ''", "a.due <> ''", "a.due < ?")
		args = append(args, q.Today)
	case ActionsDone:
		where = append(where, "a.done <> ''")
	default:
		return nil, nil, invalid("status", "choice", "value", string(q.Status))
	}
	if q.DueFrom != "" {
		where = append(where, "a.due <> ''", "a.due >= ?")
		args = append(args, q.DueFrom)
	}
	if q.DueTo != "" {
		where = append(where, "a.due <> ''", "a.due <= ?")
		args = append(args, q.DueTo)
	}
	return where, args, nil
}

// ActionOwners lists the owners named on live actions, for the owner
// filter, in the reader's order (lang: "sv", "nb" or "en").
func (s *Store) ActionOwners(ctx context.Context, lang string) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT owner FROM actions WHERE deleted = 0 AND owner <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var o string
		if err := rows.Scan(&o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b string) int { return bytes.Compare(domain.SortKey(lang, a), domain.SortKey(lang, b)) })
	return out, rows.Err()
}

// CountActions counts the actions a query would list (ignoring its Limit).
func (s *Store) CountActions(ctx context.Context, q ActionQuery) (int, error) {
	where, args, err := actionFilter(q)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM actions a JOIN organisations o ON o.id = a.org_id
		WHERE `+strings.Join(where, " AND "), args...).Scan(&n)
	return n, err
}

// Actions lists live actions of live organisations: open ones by due date
// (undated last), done ones newest first.
func (s *Store) Actions(ctx context.Context, q ActionQuery) ([]ActionRow, error) {
	if q.Status == ActionsOpen && q.DueFrom == "" && q.DueTo == "" && q.Limit > 0 {
		// Open actions by due date, undated last, read as two index-ordered
		// runs instead of sorting the whole backlog for the first page.
		dated := q
		dated.DueFrom = "0000-00-00"
		out, err := s.actions(ctx, dated, "a.due, a.created_at")
		if err != nil || len(out) >= q.Limit {
			return out, err
		}
		undated := q
		undated.Limit = q.Limit - len(out)
		more, err := s.actions(ctx, undated, "a.created_at", "a.due = ''")
		return append(out, more...), err
	}
	order := "a.done <> '', CASE WHEN a.done = '' THEN (a.due = '') END, CASE WHEN a.done = '' THEN a.due END, a.done DESC, a.created_at"
	if q.Status == ActionsOverdue || (q.Status == ActionsOpen && (q.DueFrom != "" || q.DueTo != "")) {
		// Every row is open and dated: the due-date index gives the order,
		// so "the first five" reads five rows instead of sorting thousands.
		order = "a.due, a.created_at"
	}
	return s.actions(ctx, q, order)
}

// actions runs one action query in the given order, with extra conditions.
func (s *Store) actions(ctx context.Context, q ActionQuery, order string, extra ...string) ([]ActionRow, error) {
	where, args, err := actionFilter(q)
	if err != nil {
		return nil, err
	}
	where = append(where, extra...)
	query := `SELECT ` + actionColumns + `, o.name FROM actions a JOIN organisations o ON o.id = a.org_id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY ` + order
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", q.Limit)
	}
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ActionRow
	for rows.Next() {
		var r ActionRow
		var name string
		a, err := scanAction(scanExtra{rows, &name})
		if err != nil {
			return nil, err
		}
		r.Action, r.OrgName = a, name
		out = append(out, r)
	}
	return out, rows.Err()
}

// scanExtra appends one trailing string column to a scan.
type scanExtra struct {
	rows *sql.Rows
	s    *string
}

func (x scanExtra) Scan(dest ...any) error { return x.rows.Scan(append(dest, x.s)...) }
