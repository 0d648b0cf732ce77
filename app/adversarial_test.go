package app

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
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

// After `truncate -s 0` of the database, `check` (and every other command)
// says the database was lost instead of calling a new, empty one healthy;
// the file is left as it was for the user to restore.
func TestAnEmptiedDatabaseIsReportedByEveryCommand(t *testing.T) {
	c := newCLI(t)
	c.env["LANG"] = "nb_NO.UTF-8"
	c.ok("init", "--advisor", "Kari Nordmann", "--country", "NO")
	c.ok("org", "add", "--name", "Fjellbygg AS", "--country", "NO")
	db := filepath.Join(c.dir, data.DBFileName)
	if err := os.Truncate(db, 0); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check"}, {"org", "list"}, {"org", "add", "--name", "Ny AS"}} {
		out, e, code := c.run(args...)
		if code != 1 || out != "" || !strings.Contains(e, "Databasen "+db+" er tom (0 byte)") {
			t.Errorf("ilsa %v: exit %d, stdout %q, stderr %q", args, code, out, e)
		}
	}
	if st, _ := os.Stat(db); st.Size() != 0 {
		t.Fatalf("the emptied database was written to: %d bytes", st.Size())
	}
	// The window says the same instead of opening.
	if _, e, code, opened := runGUI(t, c.env, "--data", c.dir); code != 1 || opened || !strings.Contains(e, "er tom (0 byte)") {
		t.Errorf("window: exit %d, opened %v, %s", code, opened, e)
	}
}

// A read-only data folder: lists, dump and check work and say the folder is
// read-only; a change is refused with that reason and exit 1; the window
// does not open on it and says why.
func TestAReadOnlyDataFolderCanStillBeRead(t *testing.T) {
	c := newCLI(t)
	c.env["LANG"] = "sv_SE.UTF-8"
	c.ok("init", "--advisor", "Kari Nordmann", "--country", "SE")
	c.ok("org", "add", "--name", "Skrivskydd AB", "--country", "SE")
	datatest.ReadOnly(t, c.dir)
	note := "Datamappen " + c.dir + " är skrivskyddad"
	for _, args := range [][]string{{"org", "list"}, {"dump"}, {"check"}} {
		out, e, code := c.run(args...)
		if code != 0 || !strings.Contains(e, note) {
			t.Errorf("ilsa %v: exit %d, stderr %q", args, code, e)
		}
		if args[0] != "check" && !strings.Contains(out, "Skrivskydd AB") {
			t.Errorf("ilsa %v does not show the organisation: %q", args, out)
		}
	}
	if _, e, code := c.run("org", "add", "--name", "Ny AB"); code != 1 || !strings.Contains(e, note+": ingenting kan ändras där") {
		t.Errorf("org add: exit %d, %q", code, e)
	}
	if _, e, code, opened := runGUI(t, c.env, "--data", c.dir); code != 1 || opened || !strings.Contains(e, "så fönstret kan inte öppnas") || strings.Count(e, "\n") != 1 {
		t.Errorf("window: exit %d, opened %v, %s", code, opened, e)
	}
}
