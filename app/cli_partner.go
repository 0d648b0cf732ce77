package app

import (
	"flag"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// partnerFlags are --partner and --side of visit and joint add and edit:
// the project partner a record is reported under. A new record without
// them takes the profile's organisation and country.
type partnerFlags struct{ partner, side *string }

func declarePartnerFlags(fs *flag.FlagSet) partnerFlags {
	return partnerFlags{fs.String("partner", "", "cli.flag.partner"), fs.String("side", "", "cli.flag.side")}
}

// apply sets the given flags on the record; a side other than SE or NO
// (any case) is a wrong command line.
func (f partnerFlags) apply(given map[string]bool, partner *string, side *domain.Country) error {
	if given["side"] {
		s := domain.Country(strings.ToUpper(strings.TrimSpace(*f.side)))
		if s != "" && s != domain.CountrySE && s != domain.CountryNO {
			return usage("cli.error.flag_value", "Flag", "--side", "Value", *f.side)
		}
		*side = s
	}
	if given["partner"] {
		*partner = *f.partner
	}
	return nil
}
