package domain

import "strings"

// A Swedish sole trader's org number is the owner's personnummer: personal
// data. Lists, search results and exports show it with its last four
// digits hidden ("811218-****"); only the organisation's own page and form
// show it whole, since that is where a person edits it.

// maskedDigits is how many trailing digits a personal number hides: the
// birth number and check digit, which make the date of birth a person.
const maskedDigits = 4

// Masked is the display form (String), with a personal number's last four
// digits hidden.
func (n OrgNumber) Masked() string {
	if !n.Personal {
		return n.String()
	}
	return maskTail(n.String())
}

// OrgNumberMasked is the org number as lists, search results and exports
// show it: the display form, a sole trader's personnummer masked. A stored
// number that no longer parses is masked too, as it cannot be told apart.
func (o Organisation) OrgNumberMasked() string {
	if o.OrgNr == "" {
		return ""
	}
	n, err := ParseOrgNumber(o.OrgNr, o.Country)
	if err != nil {
		return maskTail(o.OrgNr)
	}
	return n.Masked()
}

// OrgNrPersonal reports whether the organisation's number is (or may be)
// a person's identity number.
func (o Organisation) OrgNrPersonal() bool {
	if o.OrgNr == "" {
		return false
	}
	n, err := ParseOrgNumber(o.OrgNr, o.Country)
	return err != nil || n.Personal
}

// OrgNrExport is the stored digits as the command line's JSON and other
// machine-readable exports give them, a personal number's last four as
// "*" ("811218****").
func (o Organisation) OrgNrExport() string {
	if !o.OrgNrPersonal() {
		return o.OrgNr
	}
	return maskTail(o.OrgNr)
}

// maskTail replaces the last four digits of s with "*".
func maskTail(s string) string {
	b := []byte(s)
	hidden := 0
	for i := len(b) - 1; i >= 0 && hidden < maskedDigits; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			b[i] = '*'
			hidden++
		}
	}
	if hidden < maskedDigits { // too short to keep any part
		return strings.Repeat("*", len(b))
	}
	return string(b)
}
