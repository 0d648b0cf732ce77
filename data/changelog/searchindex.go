package changelog

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// FoldSQL is the SQL expression that spells the text of expr as
// domain.Fold does before a full-text index sees it: the FoldLetters
// replaced, while the tokenizers fold case and diacritics. A text without
// any of them (most Swedish and English text) is passed through after one
// GLOB scan instead of one replace() per letter, which halved the indexing
// cost of an import. Migrations 0014 and 0016 write the same expression
// into the triggers (TestFoldSQLMatchesTheMigrations).
func FoldSQL(expr string) string {
	chain, class := expr, ""
	for _, l := range domain.FoldLetters {
		chain = "replace(" + chain + ", '" + l.Letter + "', '" + l.As + "')"
		class += l.Letter
	}
	return "CASE WHEN " + expr + " GLOB '*[" + class + "]*' THEN " + chain + " ELSE " + expr + " END"
}

// searchDocSQL writes the search documents of organisations (their visits'
// notes, folded) into their index; from is the FROM clause that selects the
// organisations and their visits as o and v. Visit notes have no trigram
// index (migration 0014 says why).
func searchDocSQL(from string) []string {
	doc := "group_concat(" + FoldSQL("v.notes") + ", char(10))"
	return []string{`INSERT INTO org_visit_fts(rowid, notes) SELECT o.rowid, ` + doc + ` ` + from + ` GROUP BY o.rowid`}
}

// deleteSearchDocSQL removes the search documents of the organisations
// whose rowids where selects.
func deleteSearchDocSQL(where string) []string {
	return []string{`DELETE FROM org_visit_fts WHERE rowid IN (` + where + `)`}
}

// foldColumns is cols, each through FoldSQL.
func foldColumns(cols ...string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = FoldSQL(c)
	}
	return strings.Join(out, ", ")
}
