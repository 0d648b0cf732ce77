package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// rowLines is, for each row a list draws that starts with first, its
// second line as a user reads it and the parts of it in bold.
func rowLines(list fyne.CanvasObject, first string) (line string, bold []string, ok bool) {
	walk(list, func(o fyne.CanvasObject) {
		box, isBox := o.(*fyne.Container)
		if ok || !isBox || len(box.Objects) != 2 {
			return
		}
		title, isLabel := box.Objects[0].(*widget.Label)
		sub, isRich := box.Objects[1].(*widget.RichText)
		if !isLabel || !isRich || !strings.HasPrefix(title.Text, first) {
			return
		}
		line, ok = sub.String(), true
		for _, seg := range sub.Segments {
			if ts, isText := seg.(*widget.TextSegment); isText && ts.Style.TextStyle.Bold {
				bold = append(bold, ts.Text)
			}
		}
	})
	return line, bold, ok
}

// A search that finds an organisation through a visit's note says so under
// its name, with the date in the reader's form and the typed word in bold;
// one found by its name keeps its ordinary details.
func TestOrganisationFoundInAVisitNoteSaysWhere(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"sv", "i en besöksanteckning, 2026-03-14: …patentsøknad for den nye smia."},
		{"nb", "i et besøksnotat, 14.03.2026: …patentsøknad for den nye smia."},
		{"en", "in a visit note, 14 Mar 2026: …patentsøknad for den nye smia."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			named := domain.Organisation{Name: "Patentbyrån i Östersund", Municipality: "2380"}
			if err := st.CreateOrganisation(u.ctx(), &named); err != nil {
				t.Fatal(err)
			}
			smie := datatest.Org(t, st, "Snåsa Smie", "")
			datatest.Visit(t, st, "2026-03-14", "Snakket om en patentsøknad for den nye smia.", smie.ID)
			u.Show(tabOrganisations)
			u.WaitIdle()
			test.Type(u.orgs.search, "patent")
			u.WaitIdle()
			line, bold, ok := rowLines(u.orgs.list, "Snåsa Smie")
			if !ok || line != c.want || strings.Join(bold, "|") != "patent" {
				t.Errorf("Snåsa Smie's second line: %v %q bold %q\nwant %q bold \"patent\"", ok, line, bold, c.want)
			}
			line, bold, ok = rowLines(u.orgs.list, "Patentbyrån")
			if !ok || line != "Östersund" || bold != nil {
				t.Errorf("a match by name shows its details: %v %q bold %q", ok, line, bold)
			}
		})
	}
}

// The visit list says in which field a visit was found: its notes or its
// place, typed without ø.
func TestVisitFoundInItsNotesOrPlaceSaysWhere(t *testing.T) {
	for _, c := range []struct{ lang, typed, want, bold string }{
		{"sv", "patent", "i anteckningen: …om en patentsøknad i Trøndelag.", "patent"},
		{"nb", "patent", "i notatet: …om en patentsøknad i Trøndelag.", "patent"},
		{"sv", "roros", "plats: Røros", "Røros"},
		{"nb", "roros", "sted: Røros", "Røros"},
	} {
		t.Run(c.lang+"/"+c.typed, func(t *testing.T) {
			u, st := newTestUI(t, c.lang)
			o := datatest.Org(t, st, "Snåsa Smie", "")
			v := domain.Visit{Date: "2026-03-14", OrgIDs: []string{o.ID}, Place: "Røros", Minutes: 60,
				Notes: "Snakket om en patentsøknad i Trøndelag."}
			if err := st.CreateVisit(u.ctx(), &v); err != nil {
				t.Fatal(err)
			}
			u.Show(tabVisits)
			u.WaitIdle()
			test.Type(u.visits.search, c.typed)
			u.WaitIdle()
			line, bold, ok := rowLines(u.visits.list, u.tr.DateString("2026-03-14"))
			if !ok || line != c.want || strings.Join(bold, "|") != c.bold {
				t.Errorf("second line: %v %q bold %q\nwant %q bold %q", ok, line, bold, c.want, c.bold)
			}
		})
	}
}
