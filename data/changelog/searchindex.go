package changelog

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// FoldSQL is the SQL expression that spells the text of expr as
// domain.Fold does before a full-text index sees it: the FoldLetters
// replaced, while the tokenizers fold case and diacritics. Migration 0014
// writes the same expression into the triggers.
func FoldSQL(expr string) string {
	for _, l := range domain.FoldLetters {
		expr = "replace(" + expr + ", '" + l.Letter + "', '" + l.As + "')"
	}
	return expr
}

// searchDocSQL writes the search documents of organisations (their visits'
// notes, folded) into both of their indexes; from is the FROM clause that
// selects the organisations and their visits as o and v.
func searchDocSQL(from string) []string {
	doc := FoldSQL("group_concat(v.notes, char(10))")
	var out []string
	for _, idx := range []string{"org_visit_fts", "org_visit_tri"} {
		out = append(out, `INSERT INTO `+idx+`(rowid, notes) SELECT o.rowid, `+doc+` `+from+` GROUP BY o.rowid`)
	}
	return out
}

// deleteSearchDocSQL removes the search documents of the organisations
// whose rowids where selects.
func deleteSearchDocSQL(where string) []string {
	return []string{
		`DELETE FROM org_visit_fts WHERE rowid IN (` + where + `)`,
		`DELETE FROM org_visit_tri WHERE rowid IN (` + where + `)`,
	}
}

// foldColumns is cols, each through FoldSQL.
func foldColumns(cols ...string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = FoldSQL(c)
	}
	return strings.Join(out, ", ")
}
