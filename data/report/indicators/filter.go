package indicators

import (
	"errors"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// Filter chooses what the report covers. Zero fields filter nothing.
type Filter struct {
	From, To     string         // YYYY-MM-DD, both inclusive
	Country      domain.Country // the organisation's country
	County       string         // "23" Jämtland, "50" Trøndelag: from the organisation's municipality
	Municipality string         // the organisation's municipality code
	Advisor      string         // the visit's advisor, exactly as recorded
	Kind         domain.OrgKind // the organisation's kind
	// Partner and Side select visits and joint actions by the project
	// partner they are reported under (case and spacing aside) and its
	// country.
	Partner string
	Side    domain.Country
	// ProjectStart is the day the project's figures ("since project
	// start") count from; "" is the date of the first visit.
	ProjectStart string
}

// Validate checks every field and returns every problem at once, as the
// data package's validation errors (field names "from", "to", …).
func (f *Filter) Validate() error {
	f.Country = domain.Country(strings.ToUpper(strings.TrimSpace(string(f.Country))))
	f.Advisor = strings.TrimSpace(f.Advisor)
	f.Partner = strings.Join(strings.Fields(f.Partner), " ")
	f.Side = domain.Country(strings.ToUpper(strings.TrimSpace(string(f.Side))))
	errs := []error{domain.ValidateDate("from", f.From, false), domain.ValidateDate("to", f.To, false),
		domain.ValidateDate("project_start", f.ProjectStart, false)}
	if f.From != "" && f.To != "" && f.From > f.To && errs[0] == nil && errs[1] == nil {
		errs = append(errs, choice("to", f.To))
	}
	if f.Country != "" && !f.Country.Valid() {
		errs = append(errs, choice("country", string(f.Country)))
	}
	if f.County != "" && !slices.ContainsFunc(domain.Counties(), func(c domain.County) bool { return c.Code == f.County }) {
		errs = append(errs, choice("county", f.County))
	}
	if f.Municipality != "" {
		errs = append(errs, domain.ValidateMunicipality(f.Municipality))
	}
	if f.Side != "" && f.Side != domain.CountrySE && f.Side != domain.CountryNO {
		errs = append(errs, choice("side", string(f.Side)))
	}
	if f.Kind != "" && !slices.Contains(domain.OrgKinds, f.Kind) {
		errs = append(errs, choice("kind", string(f.Kind)))
	}
	return errors.Join(errs...)
}

func choice(field, value string) error {
	return &domain.ValidationError{Field: field, Code: "choice", Params: map[string]any{"value": value}}
}

// inPeriod reports whether a YYYY-MM-DD date lies in the filter's period.
func (f *Filter) inPeriod(date string) bool {
	return (f.From == "" || date >= f.From) && (f.To == "" || date <= f.To)
}

// orgFiltered reports whether the filter says anything about organisations.
func (f *Filter) orgFiltered() bool {
	return f.Country != "" || f.County != "" || f.Municipality != "" || f.Kind != ""
}

// matchOrg reports whether an organisation passes the organisation filters.
func (f *Filter) matchOrg(o *org) bool {
	return (f.Country == "" || o.Country == f.Country) &&
		(f.County == "" || o.county == f.County) &&
		(f.Municipality == "" || o.Municipality == f.Municipality) &&
		(f.Kind == "" || o.Kind == f.Kind)
}

// matchPartner reports whether a visit or joint action reported under
// partner and side passes the partner filters.
func (f *Filter) matchPartner(partner string, side domain.Country) bool {
	return (f.Side == "" || side == f.Side) && (f.Partner == "" || domain.PartnerKey(partner) == domain.PartnerKey(f.Partner))
}
