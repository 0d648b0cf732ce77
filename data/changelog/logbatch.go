package changelog

import (
	"strconv"
	"strings"
)

// logBatchRows is how many log entries one multi-row INSERT carries: a
// statement per change costs more in driver round trips than SQLite spends
// storing the row, so an import of a bundle whose range is new gathers them.
const logBatchRows = 200

// logBatchLongValue is the value length above which a batch is written at
// once: memory stays bounded whatever the values' lengths.
const logBatchLongValue = 64 << 10

// logChange queues c for the change log; flushLog writes the queue. Only for
// changes known not to be in the log yet (ImportChanges checks the range):
// the multi-row insert cannot say which rows were duplicates. The entries of
// one statement share their device, bound once (a log bundle has one).
func (a *applier) logChange(c Change) error {
	if a.useRuns {
		if !a.runs.fits(c) {
			if err := a.flushRun(); err != nil {
				return err
			}
		}
		a.runs.add(c)
		return nil
	}
	if len(a.logQueue) > 0 && c.Device != a.logDevice {
		if err := a.flushLog(); err != nil {
			return err
		}
	}
	a.logDevice = c.Device
	a.logQueue = append(a.logQueue, int64(c.Seq), int64(c.HLC), int64(c.Base), c.Entity, c.ID, c.Field, c.Value)
	// A long value is written at once, so a batch never holds more than
	// logBatchRows short values and one long one.
	if len(a.logQueue) >= logBatchRows*7 || len(c.Value) > logBatchLongValue {
		return a.flushLog()
	}
	return nil
}

func (a *applier) flushLog() error {
	if err := a.flushRun(); err != nil {
		return err
	}
	n := len(a.logQueue) / 7
	if n == 0 {
		return nil
	}
	args := make([]any, 0, 1+len(a.logQueue))
	args = append(append(args, a.logDevice), a.logQueue...)
	q := sqlInsertLogBatch
	if n != logBatchRows {
		q = multiInsertChanges(n)
	}
	_, err := a.exec(q, args...)
	clear(a.logQueue)
	a.logQueue = a.logQueue[:0]
	return err
}

var sqlInsertLogBatch = multiInsertChanges(logBatchRows)

// multiInsertChanges is the statement inserting rows log entries of one
// device: ?1 is the device, then seven parameters per entry.
func multiInsertChanges(rows int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO changes(device, seq, hlc, base, entity, id, field, value) VALUES `)
	p := 2
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`(?1`)
		for range 7 {
			b.WriteString(`,?`)
			b.WriteString(strconv.Itoa(p))
			p++
		}
		b.WriteByte(')')
	}
	return b.String()
}
