package app

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
)

// A database written before clocks were bounded may hold a conflict whose
// clock is 2^64−1. `conflicts --json` prints it with a null time instead of
// failing with "year outside of range".
func TestConflictsJSONSurvivesAClockOutOfRange(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Kari Nordmann", "--country", "NO")
	db, err := sql.Open("sqlite3", filepath.Join(c.dir, data.DBFileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO conflicts(entity, id, field, winner_value, winner_hlc, winner_device, loser_value, loser_hlc, loser_device, resolved)
		VALUES('organisation', 'x', 'notes', '"a"', -1, 'stranger', '"b"', 1, 'me', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := c.ok("conflicts", "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 {
		t.Fatalf("conflicts --json: %v\n%s", err, out)
	}
	if got[0]["winner_time"] != nil || !strings.HasPrefix(got[0]["loser_time"].(string), "1970-") {
		t.Errorf("times: winner %v, loser %v", got[0]["winner_time"], got[0]["loser_time"])
	}
}
