package data_test

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/datatest"
	"eu.ilsa.coach/ilsa/data/domain"
)

// hitsOf is the excerpt with each hit in [brackets]: what a list shows bold.
func hitsOf(m data.Match) string {
	var b strings.Builder
	at := 0
	for _, h := range m.Hits {
		b.WriteString(m.Excerpt[at:h.Start] + "[" + m.Excerpt[h.Start:h.End] + "]")
		at = h.End
	}
	return b.String() + m.Excerpt[at:]
}

func TestOrgMatchesSayWhereSomethingOtherThanTheNameWasFound(t *testing.T) {
	s, _ := datatest.Open(t)
	named := datatest.Org(t, s, "Patentbyrån i Östersund", "")
	visited := datatest.Org(t, s, "Snåsa Smie", "")
	datatest.Visit(t, s, "2025-01-10", "Første møte. Patent nevnt i forbifarten.", visited.ID)
	datatest.Visit(t, s, "2026-03-14", "Snakket lenge om\nen patentsøknad for den nye smia, og om Trøndelag.", visited.ID, named.ID)
	datatest.Visit(t, s, "2026-05-02", "Ingenting om det.", visited.ID)
	noted := domain.Organisation{Name: "Fjällbryggan AB", OrgNr: "5560360793", Country: domain.CountrySE,
		Notes: "Bygger limträbalkar till broar, säljer i hela Jämtland och Trøndelag."}
	if err := s.CreateOrganisation(ctx, &noted); err != nil {
		t.Fatal(err)
	}
	ids := []string{named.ID, visited.ID, noted.ID}
	if err := s.PrepareSearch(ctx); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		typed string
		want  map[string]string // id → field, date and the excerpt from the word hit, its hits bracketed
	}{
		{"patent", map[string]string{
			// The newest visit that holds the word; the name's own match needs no reason.
			visited.ID: "visit_notes 2026-03-14 …[patent]søknad for den nye smia, og om Trøndelag.",
		}},
		{"trondelag", map[string]string{
			visited.ID: "visit_notes 2026-03-14 …[Trøndelag].",
			named.ID:   "visit_notes 2026-03-14 …[Trøndelag].",
			noted.ID:   "org_notes  …[Trøndelag].",
		}},
		{"limtra", map[string]string{noted.ID: "org_notes  …[limträ]balkar till broar, säljer i hela Jämtland och Trøndelag."}},
		// Inside a word: in notes through their index's vocabulary.
		{"balkar", map[string]string{noted.ID: "org_notes  …limträ[balkar] till broar, säljer i hela Jämtland och Trøndelag."}},
		{"556036-07", map[string]string{noted.ID: "orgnr  [556036-07]93"}},
		{"fjäll", map[string]string{}},
	} {
		got, err := s.OrgMatches(ctx, c.typed, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %d reasons %+v, want %d", c.typed, len(got), got, len(c.want))
		}
		for id, want := range c.want {
			m := got[id]
			if line := string(m.Field) + " " + m.Date + " " + hitsOf(m); line != want {
				t.Errorf("%q: %q\nwant %q", c.typed, line, want)
			}
		}
	}
}

func TestVisitMatchPointsAtTheNotesOrThePlace(t *testing.T) {
	v := domain.Visit{Place: "Røros", Notes: "Snakket om tre ting. " + strings.Repeat("Mye annet. ", 20) + "Til slutt: patentsøknad."}
	for _, c := range []struct{ typed, want string }{
		{"patent", "visit_notes …Til slutt: [patent]søknad."},
		{"roros", "visit_place [Røros]"},
		{"ting", "visit_notes …om tre [ting]. Mye annet. Mye annet. Mye annet. Mye annet. Mye annet. Mye annet. Mye annet. Mye…"},
	} {
		m, ok := data.VisitMatch(v, c.typed)
		if got := string(m.Field) + " " + hitsOf(m); !ok || got != c.want {
			t.Errorf("%q: %v %q\nwant %q", c.typed, ok, got, c.want)
		}
	}
	if _, ok := data.VisitMatch(v, "fjäll"); ok {
		t.Error("a visit without the word has no reason")
	}
}

func TestActionTextHits(t *testing.T) {
	for _, c := range []struct{ text, typed, want string }{
		{"Skicka offert på limträbalkar", "balkar", "Skicka offert på limträ[balkar]"},
		{"Ring om patentsøknaden", "patentsoknad ri", "[Ri]ng om [patentsøknad]en"},
		{"Ring om patentsøknaden", "ng", "Ring om patentsøknaden"}, // a short word only at a word's start
		{"Boka möte", "", "Boka möte"},
		{"Boka möte", "möt BOKA", "[Boka] [möt]e"},
	} {
		text, at := "", 0
		for _, h := range data.ActionTextHits(c.text, c.typed) {
			text += c.text[at:h.Start] + "[" + c.text[h.Start:h.End] + "]"
			at = h.End
		}
		if text += c.text[at:]; text != c.want {
			t.Errorf("%q in %q: %s, want %s", c.typed, c.text, text, c.want)
		}
	}
}
