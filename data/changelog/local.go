package changelog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The engine's own keys in the local table (device-local, never synced).
const (
	localDevice  = "device_id"
	localLastHLC = "last_hlc"
	// localRetiredPrefix + an old device id: ids this installation wrote
	// under before sync found them cloned; their changes are still exported.
	localRetiredPrefix = "device.retired."
)

// Queryer reads one row: a *sql.DB, a *sql.Tx or a ReadTx.
type Queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

func getLocal(q Queryer, key string) (string, error) {
	var v string
	err := q.QueryRow("SELECT value FROM local WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

func setLocal(tx *sql.Tx, key, value string) error {
	_, err := tx.Exec("INSERT INTO local(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
	return err
}

// LocalTx is a write transaction of WriteLocal, for the tables that are not
// part of the change log. It writes only those (localTables): a synced
// record is written by the apply path alone, so the store cannot write one
// around the log even by mistake.
type LocalTx struct{ tx *sql.Tx }

// localTables are the tables a LocalTx may write: device-local settings
// and keys, unsaved form text, the sync bookkeeping.
var localTables = []string{"local", "drafts", "sync_bundles", "sync_pending"}

// Exec runs a statement that writes one of localTables.
func (t LocalTx) Exec(query string, args ...any) (sql.Result, error) {
	if !writesLocalTable(query) {
		return nil, fmt.Errorf("changelog: %.60q does not write a device-local table", query)
	}
	return t.tx.Exec(query, args...)
}

// QueryRow reads inside the transaction.
func (t LocalTx) QueryRow(query string, args ...any) *sql.Row { return t.tx.QueryRow(query, args...) }

// SetLocal stores a value of the local table.
func (t LocalTx) SetLocal(key, value string) error { return setLocal(t.tx, key, value) }

// writesLocalTable reports whether query is one INSERT, UPDATE or DELETE
// whose target is one of localTables.
func writesLocalTable(query string) bool {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 || strings.Contains(query, ";") {
		return false
	}
	var target string
	for i, w := range words {
		if i+1 < len(words) && (w == "into" || w == "from" || (w == "update" && i == 0)) {
			target = words[i+1]
			break
		}
	}
	if words[0] != "insert" && words[0] != "update" && words[0] != "delete" {
		return false
	}
	target, _, _ = strings.Cut(target, "(")
	for _, t := range localTables {
		if target == t {
			return true
		}
	}
	return false
}

// RetiredDevices lists the ids this installation wrote under before sync
// found them cloned (Import), oldest key first.
func RetiredDevices(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT key FROM local WHERE key LIKE ? ORDER BY key`, localRetiredPrefix+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, strings.TrimPrefix(k, localRetiredPrefix))
	}
	return out, rows.Err()
}

// RetireDevice moves this installation to a fresh device id and keeps the
// one it wrote under as retired, exactly as Import does when it finds the
// id cloned: the old id's changes are still written into its directory,
// and no new change is ever numbered under it. A database restored from a
// backup whose log may be behind what the old id already wrote into the
// shared folder starts so (data/backup).
func (e *Engine) RetireDevice() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", err
	}
	fresh, old := id.String(), e.DeviceID()
	err = e.writeTx(false, func(tx *sql.Tx) error {
		if err := setLocal(tx, localDevice, fresh); err != nil {
			return err
		}
		return setLocal(tx, localRetiredPrefix+old, e.now().UTC().Format(time.RFC3339))
	})
	if err != nil {
		return "", err
	}
	e.mu.Lock()
	e.device.Store(&fresh)
	e.nextSeq = 1
	e.mu.Unlock()
	return fresh, nil
}

// LastOwnSeq is the highest sequence number the log holds of device.
func LastOwnSeq(ctx context.Context, db *sql.DB, device string) (uint64, error) {
	var n int64
	err := db.QueryRowContext(ctx, `SELECT MAX(IFNULL((SELECT MAX(seq) FROM changes WHERE device = ?1), 0),
		IFNULL((SELECT MAX(last_seq) FROM change_runs WHERE device = ?1), 0))`, device).Scan(&n)
	return uint64(n), err
}
