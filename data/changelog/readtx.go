package changelog

import "database/sql"

// ReadTx is the write transaction a local edit is built in (CommitLocal),
// for reading only: the checks of references and the values an edit is
// compared with see the state it lands on, and the edit itself is written
// by the engine.
type ReadTx struct{ tx *sql.Tx }

// QueryRow reads one row inside the transaction.
func (t ReadTx) QueryRow(query string, args ...any) *sql.Row { return t.tx.QueryRow(query, args...) }

// Query reads rows inside the transaction.
func (t ReadTx) Query(query string, args ...any) (*sql.Rows, error) {
	return t.tx.Query(query, args...)
}
