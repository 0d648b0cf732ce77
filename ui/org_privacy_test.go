package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
)

// A sole trader's personnummer is masked in the organisation list and in
// a search result found by it; the organisation's own form shows it whole,
// with the warning why.
func TestSoleTradersNumberMaskedInTheListWholeOnItsPage(t *testing.T) {
	for _, c := range []struct{ lang, warning string }{
		{"sv", "personnummer, och det är en personuppgift"},
		{"nb", "eierens personnummer, og det er en personopplysning"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			o := domain.Organisation{Name: "Anna Berg Snickeri", OrgNr: "811218-9876", Country: domain.CountrySE, Municipality: "2321"}
			if err := st.CreateOrganisation(u.ctx(), &o); err != nil {
				t.Fatal(err)
			}
			u.Show(tabOrganisations)
			u.WaitIdle()
			line, _, ok := rowLines(u.orgs.list, "Anna Berg Snickeri")
			if !ok || !strings.Contains(line, "811218-****") || strings.Contains(line, "9876") {
				t.Errorf("list row: %v %q", ok, line)
			}
			test.Type(u.orgs.search, "811218")
			u.WaitIdle()
			line, _, ok = rowLines(u.orgs.list, "Anna Berg Snickeri")
			if !ok || !strings.Contains(line, "811218-****") || strings.Contains(line, "9876") {
				t.Errorf("search result: %v %q", ok, line)
			}
			u.selectOrg(o.ID)
			u.WaitIdle()
			d := u.orgs.detail
			if d.form.orgnr.Text != "811218-9876" {
				t.Errorf("the organisation's own form shows %q", d.form.orgnr.Text)
			}
			if !strings.Contains(d.form.orgnrHint.Text, c.warning) || !strings.Contains(d.form.orgnrHint.Text, "811218-****") ||
				d.form.orgnrHint.Importance != widget.WarningImportance {
				t.Errorf("warning under the number: %q (importance %v)", d.form.orgnrHint.Text, d.form.orgnrHint.Importance)
			}
		})
	}
}
