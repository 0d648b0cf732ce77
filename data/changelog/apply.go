package changelog

import (
	"database/sql"
	"errors"
	"fmt"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/hlc"
)

// The fixed statements of the apply path.
const (
	sqlInsertChange = `INSERT OR IGNORE INTO changes(device, seq, hlc, base, entity, id, field, value) VALUES(?,?,?,?,?,?,?,?)`
	sqlDeleteStats  = `DELETE FROM org_stats WHERE org_id = ?`
	sqlInsertStats  = `INSERT INTO org_stats(org_id, last_visit, visits)
		SELECT vo.org_id, MAX(v.date), COUNT(*) FROM visit_orgs vo
		JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
		WHERE vo.org_id = ? GROUP BY vo.org_id`
	sqlVisitOrgs       = `SELECT org_id FROM visit_orgs WHERE visit_id = ?`
	sqlDeleteVisitOrgs = `DELETE FROM visit_orgs WHERE visit_id = ?`
	sqlInsertVisitOrg  = `INSERT OR IGNORE INTO visit_orgs(visit_id, org_id) VALUES(?, ?)`
)

// sqlSearchDoc rewrites one organisation's search documents (the notes of
// its visits, in both indexes); each statement takes the organisation's id.
var sqlSearchDoc = append(
	deleteSearchDocSQL(`SELECT rowid FROM organisations WHERE id = ?`),
	searchDocSQL(`FROM organisations o
		JOIN visit_orgs vo ON vo.org_id = o.id
		JOIN visits v ON v.id = vo.visit_id AND v.deleted = 0
		WHERE o.id = ?`)...)

func sqlInsertRow(table string) string { return `INSERT OR IGNORE INTO ` + table + `(id) VALUES(?)` }

// preparedQueries are prepared once when the store opens.
func preparedQueries() []string {
	q := []string{sqlInsertChange, sqlSelectRecordClocks, sqlUpsertRecordClocks, sqlRecordKnown, sqlDeleteStats, sqlInsertStats,
		sqlVisitOrgs, sqlDeleteVisitOrgs, sqlInsertVisitOrg}
	q = append(q, sqlSearchDoc...)
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
	// the engine's filter, told of every record given clocks even when this
	// transaction does not rely on it (fresh.go)
	noted *written
	// erasures (erase.go): those applied, whose older values are blanked as
	// they arrive; those of this transaction, blanked in finish; and
	// whether any was, so the engine purges the file after commit
	erased    erasedSet
	erasures  []pendingErasure
	erasedAny bool
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
	if err := a.eraseNow(); err != nil {
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
		for _, q := range sqlSearchDoc {
			if _, err := a.exec(q, org); err != nil {
				return err
			}
		}
	}
	clear(a.statsDirty)
	return nil
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
	if c.Entity == EntityErasure {
		return a.applyErasure(c)
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
	if exists && frozen[c.Entity] {
		return a.applyFrozen(c, spec, f, colVal, cl)
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
