package domain

import "strings"

// The project partner a visit or a joint action is reported under: the
// partner organisation of the advisor who recorded it (Peak Innovation,
// Nasjonalparken Næringshage …) and its national side, since the Swedish
// and the Norwegian partner report to separate systems. Both are stamped
// from the recording device's profile and may be corrected on the record.

// normalisePartner trims the partner's name (inner runs of spaces become
// one) and upper-cases the side, and checks both: one line of at most
// MaxShortLen, and a side that is Sweden, Norway or not given.
func normalisePartner(p *problems, partner *string, side *Country) {
	*partner = strings.Join(strings.Fields(*partner), " ")
	*side = Country(strings.ToUpper(strings.TrimSpace(string(*side))))
	p.add(CheckLen("partner", *partner, MaxShortLen))
	if *side != "" {
		p.add(OneOf("side", *side, []Country{CountrySE, CountryNO}))
	}
}

// PartnerKey is the partner's name as reports group it: case and spacing
// do not tell partners apart ("Peak innovation " is "Peak Innovation").
// "" is a partner not given.
func PartnerKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
