package data

import "strings"

// logBatchRows is how many log entries one multi-row INSERT carries: a
// statement per change costs more in driver round trips than SQLite spends
// storing the row, so an import of a bundle whose range is new gathers them.
const logBatchRows = 200

// logChange queues c for the change log; flushLog writes the queue. Only for
// changes known not to be in the log yet (ImportChanges checks the range):
// the multi-row insert cannot say which rows were duplicates.
func (a *applier) logChange(c Change) error {
	a.logQueue = append(a.logQueue, c.Device, int64(c.Seq), int64(c.HLC), int64(c.Base), c.Entity, c.ID, c.Field, c.Value)
	if len(a.logQueue) >= logBatchRows*8 {
		return a.flushLog()
	}
	return nil
}

func (a *applier) flushLog() error {
	n := len(a.logQueue) / 8
	if n == 0 {
		return nil
	}
	_, err := a.exec(multiInsertChanges(n), a.logQueue...)
	clear(a.logQueue)
	a.logQueue = a.logQueue[:0]
	return err
}

func multiInsertChanges(rows int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO changes(device, seq, hlc, base, entity, id, field, value) VALUES `)
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?,?,?,?,?,?,?,?)`)
	}
	return b.String()
}
