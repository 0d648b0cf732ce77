package changelog

import (
	"os"
	"strings"
	"testing"
)

// The triggers of migrations 0014 and 0016 fold text exactly as FoldSQL
// does for the rows an import indexes in bulk: otherwise a record would be
// found or not depending on how it arrived.
func TestFoldSQLMatchesTheMigrations(t *testing.T) {
	for file, cols := range map[string][]string{
		"../migrations/0014_search_fold_trigram.sql": {"new.name", "new.orgnr", "new.notes", "new.place", "v.notes"},
		"../migrations/0016_action_search.sql":       {"new.text"},
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			if !strings.Contains(string(b), FoldSQL(c)) {
				t.Errorf("%s does not fold %s as FoldSQL does", file, c)
			}
		}
	}
}
