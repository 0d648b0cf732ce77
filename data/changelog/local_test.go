package changelog

import "testing"

// A LocalTx writes the device-local tables the store keeps through it, and
// nothing else: not a synced record, not the log, not their derived rows.
func TestLocalTxWritesOnlyDeviceLocalTables(t *testing.T) {
	for _, q := range []string{
		"INSERT INTO local(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		"INSERT OR REPLACE INTO drafts(key, text, updated_at) VALUES(?,?,?)",
		"DELETE FROM drafts WHERE key = ?",
		"DELETE FROM sync_bundles WHERE status = 'written' AND folder = ?",
		"INSERT INTO sync_pending(path, size) VALUES(?,?)\n\t\t\tON CONFLICT(path) DO UPDATE SET size = excluded.size",
		"update sync_pending set attempts = 0",
	} {
		if !writesLocalTable(q) {
			t.Errorf("refused %q", q)
		}
	}
	for _, q := range []string{
		"UPDATE organisations SET name = ? WHERE id = ?",
		"INSERT INTO visits(id) VALUES(?)",
		"DELETE FROM changes",
		"INSERT INTO record_clocks(entity, id, clocks) VALUES(?,?,?)",
		"UPDATE conflicts SET resolved = 1 WHERE n = ?",
		"DELETE FROM drafts; DELETE FROM visits",
		"INSERT INTO drafts SELECT * FROM visits; UPDATE visits SET notes = ''",
		"DROP TABLE visits",
		"",
	} {
		if writesLocalTable(q) {
			t.Errorf("allowed %q", q)
		}
	}
}
