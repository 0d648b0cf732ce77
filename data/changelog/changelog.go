package changelog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// Change is one field change: the unit of the change log and of sync.
// (Device, Seq) identifies it everywhere; Seq counts the originating device's
// changes from 1. Value is canonical JSON. Base is the clock of the value the
// author saw when editing (0: none), which tells a concurrent edit from a
// sequential one.
type Change struct {
	Device string        `json:"device"`
	Seq    uint64        `json:"seq"`
	HLC    hlc.Timestamp `json:"hlc"`
	Base   hlc.Timestamp `json:"base"`
	Entity string        `json:"entity"`
	ID     string        `json:"id"`
	Field  string        `json:"field"`
	Value  string        `json:"value"`
}

// MaxSeq is the largest sequence number a change may carry: 2^53−1, far
// beyond what any device writes (a million edits a day for twenty-four
// million years), exact in every JSON reader, and safe from overflow where a
// number one past it is needed. A change numbered beyond it was applied but
// never passed on (the log reads numbers as signed), so devices disagreed
// for ever; such a bundle is refused whole.
const MaxSeq = 1<<53 - 1

// SeqRangeError refuses a change numbered outside 1..MaxSeq.
type SeqRangeError struct {
	Device string
	Seq    uint64
}

func (e *SeqRangeError) Error() string {
	return fmt.Sprintf("change %s/%d: sequence number outside 1..%d", e.Device, e.Seq, uint64(MaxSeq))
}

// wins reports whether change c orders after the current winner (hlc, device,
// seq): last writer wins, ties broken by device id and then sequence number,
// so every device picks the same winner.
func (c Change) wins(h hlc.Timestamp, dev string, seq uint64) bool {
	if c.HLC != h {
		return c.HLC > h
	}
	if c.Device != dev {
		return c.Device > dev
	}
	return c.Seq > seq
}

// ApplyResult counts what an apply did.
type ApplyResult struct {
	Applied    int // changes that won their field
	Superseded int // changes already beaten by a newer value (kept in the log)
	Duplicates int // changes seen before
	Conflicts  int // concurrent edits recorded for review
	Settled    int // open conflicts marked resolved because another device settled them
	Unknown    int // changes for entities or fields this version does not know (kept in the log)
	Refused    int // changes no person could have made here: clocks out of range, invalid values (kept in the log)
	FutureHLC  int // changes stamped too far in the future
}

func (r *ApplyResult) add(o ApplyResult) {
	r.Applied += o.Applied
	r.Superseded += o.Superseded
	r.Duplicates += o.Duplicates
	r.Conflicts += o.Conflicts
	r.Settled += o.Settled
	r.Unknown += o.Unknown
	r.Refused += o.Refused
	r.FutureHLC += o.FutureHLC
}

// The fixed statements of the apply path.
const (
	sqlInsertChange = `INSERT OR IGNORE INTO changes(device, seq, hlc, base, entity, id, field, value) VALUES(?,?,?,?,?,?,?,?)`
	sqlDeleteStats  = `DELETE FROM org_stats WHERE org_id = ?`
	sqlInsertStats  = `INSERT INTO org_stats(org_id, last_visit, visits)
		SELECT vo.org_id, MAX(v.date), COUNT(*) FROM visit_orgs vo
		JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
		WHERE vo.org_id = ? GROUP BY vo.org_id`
	sqlDeleteSearchDoc = `DELETE FROM org_visit_fts WHERE rowid = (SELECT rowid FROM organisations WHERE id = ?)`
	sqlInsertSearchDoc = `INSERT INTO org_visit_fts(rowid, notes)
		SELECT o.rowid, group_concat(v.notes, char(10)) FROM organisations o
		JOIN visit_orgs vo ON vo.org_id = o.id
		JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
		WHERE o.id = ? GROUP BY o.rowid`
	sqlVisitOrgs       = `SELECT org_id FROM visit_orgs WHERE visit_id = ?`
	sqlDeleteVisitOrgs = `DELETE FROM visit_orgs WHERE visit_id = ?`
	sqlInsertVisitOrg  = `INSERT OR IGNORE INTO visit_orgs(visit_id, org_id) VALUES(?, ?)`
)

func sqlInsertRow(table string) string { return `INSERT OR IGNORE INTO ` + table + `(id) VALUES(?)` }

// preparedQueries are prepared once when the store opens.
func preparedQueries() []string {
	q := []string{sqlInsertChange, sqlSelectRecordClocks, sqlUpsertRecordClocks, sqlRecordKnown, sqlDeleteStats, sqlInsertStats, sqlDeleteSearchDoc, sqlInsertSearchDoc,
		sqlVisitOrgs, sqlDeleteVisitOrgs, sqlInsertVisitOrg}
	for _, name := range EntityOrder {
		q = append(q, sqlInsertRow(entities[name].table))
	}
	return q
}

// applier applies changes inside one write transaction, with prepared
// statements reused across the changes of that transaction.
type applier struct {
	local    bool        // applying a person's edit on this device, not changes from elsewhere
	pre      *prepared   // worked out for the change about to be applied (readAhead), or nil
	prep     prepared    // applyLogged's own, for a change that came without
	applying *prepared   // the change being applied, while applyLogged runs
	spareRow *pendingRow // a written row, for reuse (recycleRow)
	tx       *sql.Tx
	stmts    map[string]*sql.Stmt // bound to tx
	shared   map[string]*sql.Stmt // prepared once on the writer connection
	clock    *hlc.Clock
	// organisations whose visit statistics and visit-notes search document
	// must be recomputed before commit
	statsDirty map[string]bool
	// column writes to one row, gathered so that the fields of one edit (or of
	// one record in a bundle) cost one UPDATE instead of one per field
	row *pendingRow
	// log entries waiting for one multi-row insert (logbatch.go)
	logQueue  []any
	logDevice string // the device of the queued entries
	// the import fast path for records this device has never seen (fresh.go)
	freshOK     bool
	rec         *recordState
	clockQueue  []any  // (entity, id, packed clocks) of fresh records, for one multi-row insert
	clockArena  []byte // the packed clocks of clockQueue
	clockQueued map[string]bool
	// the field clocks of the record the general path works on (recclocks.go)
	cur     *curClocks
	blobBuf []byte
	// fresh rows and their visit links waiting for multi-row inserts (fresh.go)
	rowBatches map[string]*rowBatch
	rowOrder   []*rowBatch
	rowsQueued int
	linkQueue  []any
	// answers of prefetchKnown: does the record have field clocks?
	prefetched  map[string]bool
	ftsDeferred bool // full-text indexing of new rows waits for finish (ftsdefer.go)
	// touched organisations beyond spillDirtyAt wait in temp.dirty_orgs (derived.go)
	dirtySpilled bool
	// log entries of a fresh import go into runs (changeruns.go)
	useRuns    bool
	runs       runWriter
	runDevices map[string]bool // devices with runs, read once per transaction
	runCache   runCache
	// records known to have clocks, when the filter is sound (fresh.go)
	written *written
	// the store's filter, told of every record given clocks even when this
	// transaction does not rely on it (fresh.go)
	noted *written
}

type pendingRow struct {
	table, id string
	cols      []string
	vals      []any
	updatedAt int64
	// fresh: the row does not exist yet and is written by one INSERT with
	// all its columns; links are its visit_orgs rows, written after it.
	fresh bool
	links []string
}

// setColumn records a column write for the row, flushing the previous row's.
func (a *applier) setColumn(table, id, col string, val any, ms int64) error {
	if a.row != nil && (a.row.table != table || a.row.id != id) {
		if err := a.flushRow(); err != nil {
			return err
		}
	}
	if a.row == nil {
		fresh := a.isFreshRow(table, id)
		if !fresh {
			if _, err := a.exec(sqlInsertRow(table), id); err != nil {
				return err
			}
		}
		r := a.spareRow
		if r == nil {
			r = &pendingRow{cols: make([]string, 0, 16), vals: make([]any, 0, 16)}
		}
		a.spareRow = nil
		r.table, r.id, r.fresh = table, id, fresh
		a.row = r
	}
	for i, c := range a.row.cols {
		if c == col {
			a.row.vals[i] = val
			a.row.updatedAt = max(a.row.updatedAt, ms)
			if table == "organisations" && col == "name" {
				name, _ := val.(string)
				for i, l := range domain.SortLangs {
					if err := a.setColumn(table, id, SortColumn(l), a.sortKey(i, l, name), ms); err != nil {
						return err
					}
				}
			}
			return nil
		}
	}
	a.row.cols = append(a.row.cols, col)
	a.row.vals = append(a.row.vals, val)
	a.row.updatedAt = max(a.row.updatedAt, ms)
	if table == "organisations" && col == "name" {
		// Derived: the name's sort key for each reader's language.
		name, _ := val.(string)
		for i, l := range domain.SortLangs {
			if err := a.setColumn(table, id, SortColumn(l), a.sortKey(i, l, name), ms); err != nil {
				return err
			}
		}
	}
	return nil
}

// flushRow writes the gathered columns of the pending row.
func (a *applier) flushRow() error {
	r := a.row
	if r == nil {
		return nil
	}
	a.row = nil
	defer a.recycleRow(r)
	if r.fresh {
		return a.queueFreshRow(r)
	}
	var set strings.Builder
	for _, c := range r.cols {
		set.WriteString(c)
		set.WriteString(" = ?, ")
	}
	args := append(r.vals, r.updatedAt, r.id)
	_, err := a.exec(`UPDATE `+r.table+` SET `+set.String()+`updated_at = MAX(updated_at, ?) WHERE id = ?`, args...)
	return err
}

// sortKey is the sort key of an organisation name in the i-th of domain.SortLangs,
// prepared ahead if it was.
func (a *applier) sortKey(i int, lang, name string) []byte {
	if p := a.applying; p != nil && p.sortName == name && p.sortKeys[i] != nil {
		return p.sortKeys[i]
	}
	return domain.SortKey(lang, name)
}

// recycleRow keeps a written row's slices for the next one: an import
// gathers a row per record, and allocating each shows in the collector.
func (a *applier) recycleRow(r *pendingRow) {
	clear(r.vals)
	*r = pendingRow{cols: r.cols[:0], vals: r.vals[:0]}
	a.spareRow = r
}

func (e *Engine) newApplier(tx *sql.Tx, clock *hlc.Clock) *applier {
	return &applier{tx: tx, stmts: map[string]*sql.Stmt{}, shared: e.stmtCache, clock: clock, statsDirty: map[string]bool{}, noted: e.known}
}

// finish writes what is pending and brings derived tables up to date; call
// it before committing.
func (a *applier) finish() error {
	if err := a.flushLog(); err != nil {
		return err
	}
	a.endFreshRecord()
	if err := a.flushClocks(); err != nil {
		return err
	}
	if err := a.writeClocks(); err != nil {
		return err
	}
	a.forgetClocks()
	if err := a.flushRow(); err != nil {
		return err
	}
	if err := a.flushFreshRows(); err != nil {
		return err
	}
	if err := a.indexDeferredFTS(); err != nil {
		return err
	}
	if a.dirtySpilled || len(a.statsDirty) > bulkDerivedMin {
		return a.refreshDerivedBulk()
	}
	for org := range a.statsDirty {
		if _, err := a.exec(sqlDeleteStats, org); err != nil {
			return err
		}
		if _, err := a.exec(sqlInsertStats, org); err != nil {
			return err
		}
		if _, err := a.exec(sqlDeleteSearchDoc, org); err != nil {
			return err
		}
		if _, err := a.exec(sqlInsertSearchDoc, org); err != nil {
			return err
		}
	}
	clear(a.statsDirty)
	return nil
}

// markVisitOrgs marks the organisations of a visit for a statistics update.
func (a *applier) markVisitOrgs(visitID string) error {
	st, err := a.stmt(sqlVisitOrgs)
	if err != nil {
		return err
	}
	rows, err := st.Query(visitID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		a.statsDirty[id] = true
	}
	return rows.Err()
}

// stmt returns query prepared for this transaction. The fixed statements of
// the apply path are prepared once on the single writer connection when the
// store opens (preparedQueries) and only bound to each transaction —
// database/sql then reuses the connection's prepared statement, which saves
// SQLite's parse and plan on every edit. Others are prepared per transaction.
func (a *applier) stmt(query string) (*sql.Stmt, error) {
	if st, ok := a.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if shared, ok := a.shared[query]; ok {
		st = a.tx.Stmt(shared)
	} else {
		var err error
		if st, err = a.tx.Prepare(query); err != nil {
			return nil, err
		}
	}
	a.stmts[query] = st
	return st, nil
}

func (a *applier) close() {
	for _, st := range a.stmts {
		st.Close()
	}
}

func (a *applier) exec(query string, args ...any) (sql.Result, error) {
	st, err := a.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

// apply is the one write path: it records c in the log and, when c is the
// newest value of its field, writes it into the entity's row and field clock.
// Applying the same changes in any order, any number of times, ends in the
// same rows (last writer wins per field, duplicates recognised by (device, seq)).
func (a *applier) apply(c Change) (ApplyResult, error) {
	if _, inRun, err := a.runLogged(c.Device, c.Seq); err != nil || inRun {
		return ApplyResult{Duplicates: 1}, err
	}
	ins, err := a.exec(sqlInsertChange,
		c.Device, int64(c.Seq), int64(c.HLC), int64(c.Base), c.Entity, c.ID, c.Field, c.Value)
	if err != nil {
		return ApplyResult{}, err
	}
	if n, _ := ins.RowsAffected(); n == 0 {
		return ApplyResult{Duplicates: 1}, nil
	}
	return a.applyLogged(c)
}

// applyLogged is apply for a change already in the log (and not a duplicate).
func (a *applier) applyLogged(c Change) (ApplyResult, error) {
	var res ApplyResult
	p := a.pre
	if p == nil {
		p = &a.prep
		p.prepare(&c)
	}
	a.pre = nil
	if p.refused != "" {
		// Nothing a person could have typed: kept in the log, never applied.
		if a.local {
			if p.problem == nil {
				return res, fmt.Errorf("local edit of %s.%s stamped %v on %v", c.Entity, c.Field, c.HLC, c.Base)
			}
			return res, p.problem
		}
		res.Refused++
		return res, a.refuse(c, p.refused, p.problem)
	}
	if a.clock != nil && a.clock.Observe(c.HLC) {
		res.FutureHLC++
	}
	if c.Entity == EntityConflict {
		return a.applySettlement(c)
	}
	if !p.known || p.colErr != nil {
		// An entity or field of a newer version, or a value of the wrong
		// shape from another device, is kept in the log but never written
		// into a typed column.
		res.Unknown++
		return res, nil
	}
	spec := entities[c.Entity]
	f, _ := spec.field(c.Field)
	colVal := p.col
	a.applying = p
	defer func() { a.applying = nil }()

	fresh, err := a.fresh(c.Entity, c.ID, c.Field)
	if err != nil {
		return res, err
	}
	if fresh {
		// A record never seen before: no clock to compare with, no
		// conflict possible, no old links to undo.
		err := a.applyFresh(c, spec, f, colVal)
		if err == nil {
			res.Applied++
		}
		return res, err
	}
	// The general path reads rows and links: the queued fresh ones first.
	if err := a.flushFreshRows(); err != nil {
		return res, err
	}
	cl, exists, err := a.clockOf(c.Entity, c.ID, c.Field)
	if err != nil {
		return res, err
	}
	curHLC, curDev, curSeq, curBase := int64(cl.hlc), cl.device, int64(cl.seq), int64(cl.base)

	if exists && !c.wins(hlc.Timestamp(curHLC), curDev, uint64(curSeq)) {
		// c loses. It is a concurrent edit unless the winner's author had
		// seen it. A person's edit here never vanishes: should it lose (a
		// value stamped at the bound of clocks, see editStamp), it is kept.
		res.Superseded++
		if hlc.Timestamp(curBase) < c.HLC || a.local {
			cur, err := a.currentValue(spec, f, c.ID)
			if err != nil {
				return res, err
			}
			if cur != c.Value {
				n, err := a.recordConflict(c.Entity, c.ID, c.Field, cur, hlc.Timestamp(curHLC), curDev, c.Value, c.HLC, c.Device)
				if err != nil {
					return res, err
				}
				res.Conflicts += n
			}
		}
		return res, nil
	}

	if exists && c.Base < hlc.Timestamp(curHLC) {
		// c wins, but its author never saw the value it replaces: keep that one.
		cur, err := a.currentValue(spec, f, c.ID)
		if err != nil {
			return res, err
		}
		if cur != c.Value {
			n, err := a.recordConflict(c.Entity, c.ID, c.Field, c.Value, c.HLC, c.Device, cur, hlc.Timestamp(curHLC), curDev)
			if err != nil {
				return res, err
			}
			res.Conflicts += n
		}
	}

	if err := a.setClock(c.Entity, c.ID, fieldClock{field: c.Field, hlc: c.HLC, device: c.Device, seq: c.Seq, base: c.Base}); err != nil {
		return res, err
	}
	if err := a.setColumn(spec.table, c.ID, f.name, colVal, c.HLC.Millis()); err != nil {
		return res, err
	}
	if c.Entity == domain.EntityVisit {
		switch c.Field {
		case "orgs":
			if err := a.markVisitOrgs(c.ID); err != nil { // the organisations it leaves
				return res, err
			}
			if err := a.syncVisitOrgs(c.ID, colVal.(string)); err != nil {
				return res, err
			}
			if err := a.markVisitOrgs(c.ID); err != nil { // and those it joins
				return res, err
			}
		case "date", "deleted", "notes":
			if err := a.markVisitOrgs(c.ID); err != nil {
				return res, err
			}
		}
	}
	if c.Entity == domain.EntityOrganisation && c.Field == "created_at" {
		// An organisation that arrives after its visits gets its derived rows now.
		a.statsDirty[c.ID] = true
	}
	res.Applied++
	return res, nil
}

// refuse records that c is kept aside, and why.
func (a *applier) refuse(c Change, reason string, problem error) error {
	detail := ""
	if ve := domain.ValidationErrors(problem); len(ve) > 0 {
		detail = ve[0].Code
	}
	_, err := a.exec(`INSERT OR IGNORE INTO changes_refused(device, seq, entity, id, field, reason, detail) VALUES(?,?,?,?,?,?,?)`,
		c.Device, int64(c.Seq), c.Entity, c.ID, c.Field, reason, detail)
	return err
}

func (a *applier) currentValue(spec *EntitySpec, f FieldSpec, id string) (string, error) {
	if err := a.flushRow(); err != nil {
		return "", err
	}
	if err := a.flushFreshRows(); err != nil {
		return "", err
	}
	st, err := a.stmt(`SELECT ` + f.name + ` FROM ` + spec.table + ` WHERE id = ?`)
	if err != nil {
		return "", err
	}
	var v any
	if err := st.QueryRow(id).Scan(&v); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "null", nil
		}
		return "", err
	}
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	return f.JSONValue(v), nil
}

func (a *applier) recordConflict(entity, id, field, winVal string, winHLC hlc.Timestamp, winDev, loseVal string, loseHLC hlc.Timestamp, loseDev string) (int, error) {
	settled, err := a.settled(entity, id, field, loseDev, loseHLC)
	if err != nil {
		return 0, err
	}
	r, err := a.exec(`INSERT OR IGNORE INTO conflicts(entity, id, field, winner_value, winner_hlc, winner_device, loser_value, loser_hlc, loser_device, resolved)
		VALUES(?,?,?,?,?,?,?,?,?,?)`, entity, id, field, winVal, int64(winHLC), winDev, loseVal, int64(loseHLC), loseDev, settled)
	if err != nil || settled {
		return 0, err // a settled one is kept, but is no news
	}
	n, _ := r.RowsAffected()
	return int(n), nil
}

func (a *applier) syncVisitOrgs(visitID, orgsJSON string) error {
	var ids []string
	if err := jsonUnmarshalString(orgsJSON, &ids); err != nil {
		return err
	}
	if _, err := a.exec(sqlDeleteVisitOrgs, visitID); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := a.exec(sqlInsertVisitOrg, visitID, id); err != nil {
			return err
		}
	}
	return nil
}

// fieldEdit is one field of a local edit, before it gets its clock and number.
type Edit struct {
	Entity, ID, Field string
	Value             any // encoded with EncodeValue
	// Seen, when set, is the clock of the record as the editor read it (a
	// form opened before a sync changed the record); otherwise the editor
	// saw the value the field holds.
	Seen hlc.Timestamp
	// Filled in by CommitLocal from the field's clock as the edit commits:
	current hlc.Timestamp // the clock the field holds
	base    hlc.Timestamp // the clock of the value the editor saw: current, or seen when older
}

// CommitLocal builds a local edit inside one write transaction (so checks of
// references and the values compared against see the state the edit lands
// on), stamps all its fields with one fresh timestamp and the next sequence
// numbers, and applies them through the same path as imported changes.
func (e *Engine) CommitLocal(ctx context.Context, build func(tx ReadTx) ([]Edit, error)) ([]Change, error) {
	if err := e.refuseWrite(); err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	tx, err := e.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	edits, err := build(ReadTx{tx})
	if err != nil || len(edits) == 0 {
		return nil, err
	}
	// Numbered and stamped under the write lock, from the log: another
	// process may have written since this store last did.
	seq, err := e.syncWithLog(tx)
	if err != nil {
		return nil, err
	}
	if err := currentClocks(tx, edits); err != nil {
		return nil, err
	}
	ts := editStamp(e.clock.Now(), edits)
	a := e.newApplier(tx, nil)
	a.local = true
	defer a.close()
	changes := make([]Change, len(edits))
	device := e.DeviceID()
	for i, e := range edits {
		// A base is never after the edit: a clock past hlc.Max (stored by
		// an older version) counts as the newest value there can be.
		changes[i] = Change{Device: device, Seq: seq, HLC: ts, Base: min(e.base, ts),
			Entity: e.Entity, ID: e.ID, Field: e.Field, Value: EncodeValue(e.Value)}
		seq++
		if _, err := a.apply(changes[i]); err != nil {
			return nil, fmt.Errorf("apply %s.%s: %w", e.Entity, e.Field, err)
		}
	}
	if err := a.finish(); err != nil {
		return nil, err
	}
	// The clock's own last value, not ts: ts may sit just past a value from a
	// clock running years ahead, and the clock must not follow it there.
	if err := setLocal(tx, localLastHLC, e.clock.Last().String()); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	e.nextSeq = seq
	e.committed()
	return changes, nil
}

// editStamp is the timestamp of a local edit: the clock's reading, or, when
// the editor saw a value stamped later than that, or the field holds one
// (from a device whose clock runs ahead, which our clock refuses to follow),
// just past the newest of them. An edit a person makes therefore wins over
// every value this device holds for the fields it writes — with a conflict
// kept when the editor had not seen that value — so a device with a clock
// years ahead cannot win every later edit of a field. Clocks are bounded by
// hlc.Max and the step is saturating, so nothing wraps around; at the bound
// the edit may lose, and is then kept as a conflict (applyLogged).
// Deterministic: it depends only on the clock, the bases and the fields.
func editStamp(now hlc.Timestamp, edits []Edit) hlc.Timestamp {
	ts := now
	for _, e := range edits {
		for _, seen := range [2]hlc.Timestamp{e.base, e.current} {
			if seen >= ts {
				ts = seen.Next()
			}
		}
	}
	return ts
}

// currentClocks fills in the clock each edited field holds now and the base
// of each edit, reading each record's clocks once: the one place a local
// edit learns what it replaces.
func currentClocks(tx *sql.Tx, edits []Edit) error {
	var entity, id string
	var clocks []fieldClock
	for i := range edits {
		e := &edits[i]
		if _, known := entities[e.Entity]; !known {
			continue // a settlement: no field clock
		}
		if e.Entity != entity || e.ID != id {
			var err error
			if clocks, err = recordClocks(tx, e.Entity, e.ID); err != nil {
				return err
			}
			entity, id = e.Entity, e.ID
		}
		for _, c := range clocks {
			if c.field == e.Field {
				e.current = c.hlc
			}
		}
		e.base = e.current
		if e.Seen != 0 && e.base > e.Seen {
			// Changed by sync after the editor read it: the editor saw an older value.
			e.base = e.Seen
		}
	}
	return nil
}
