package data

import (
	"errors"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Length limits keep one pasted novel from bloating every bundle.
const (
	maxNameLen  = 200
	maxShortLen = 200
	maxNotesLen = 100_000
)

// ValidateDate checks a YYYY-MM-DD date; empty is allowed when !required.
func ValidateDate(field, s string, required bool) error {
	if s == "" {
		if required {
			return invalid(field, "required")
		}
		return nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return invalid(field, "date.format", "value", s)
	}
	return nil
}

func checkLen(field, s string, max int) error {
	if utf8.RuneCountInString(s) > max {
		return invalid(field, "too_long", "max", max)
	}
	return nil
}

func oneOf[T ~string](field string, v T, allowed []T) error {
	if !slices.Contains(allowed, v) {
		return invalid(field, "choice", "value", string(v))
	}
	return nil
}

// Normalise trims the text fields and brings the org number, country and
// sector into their stored form. It returns every problem found, joined, so
// a form can show each beside its field at once.
func (o *Organisation) Normalise() error {
	trim(&o.Name)
	trim(&o.OrgNr)
	trim(&o.Municipality)
	trim(&o.Sector)
	trim(&o.SustainabilityNotes)
	o.Sector = strings.ToUpper(o.Sector)
	o.Country = Country(strings.ToUpper(strings.TrimSpace(string(o.Country))))
	var errs []error
	if o.Name == "" {
		errs = append(errs, invalid("name", "required"))
	} else if err := checkLen("name", o.Name, maxNameLen); err != nil {
		errs = append(errs, err)
	}
	if o.Country != "" && !o.Country.Valid() {
		errs = append(errs, invalid("country", "country.unknown", "value", string(o.Country)))
	}
	if o.OrgNr != "" {
		n, err := ParseOrgNumber(o.OrgNr, o.Country)
		if err != nil {
			errs = append(errs, err)
		} else {
			o.OrgNr = n.Digits
			if o.Country == "" {
				o.Country = n.Country
			}
		}
	}
	if err := ValidateMunicipality(o.Municipality); err != nil {
		errs = append(errs, err)
	} else if m, ok := MunicipalityByCode(o.Municipality); ok {
		if o.Country == "" {
			o.Country = m.Country
		} else if o.Country != m.Country {
			errs = append(errs, invalid("municipality", "municipality.country", "code", m.Code, "country", string(o.Country)))
		}
	}
	if err := ValidateSector(o.Sector); err != nil {
		errs = append(errs, err)
	}
	if o.Kind == "" {
		o.Kind = KindSME
	}
	if err := oneOf("kind", o.Kind, OrgKinds); err != nil {
		errs = append(errs, err)
	}
	if o.Employees != nil && (*o.Employees < 0 || *o.Employees > 10_000_000) {
		errs = append(errs, invalid("employees", "number.range", "min", 0, "max", 10_000_000))
	}
	if err := oneOf("leader_gender", o.LeaderGender, LeaderGenders); err != nil {
		errs = append(errs, err)
	}
	if err := oneOf("sustainability", o.Sustainability, []Sustainability{SustainabilityUnknown, SustainabilityYes, SustainabilityNo}); err != nil {
		errs = append(errs, err)
	}
	if err := checkLen("notes", o.Notes, maxNotesLen); err != nil {
		errs = append(errs, err)
	}
	var tags []string
	for _, t := range o.Tags {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	o.Tags = tags
	return errors.Join(errs...)
}

// Normalise trims and checks a contact.
func (c *Contact) Normalise() error {
	trim(&c.Name)
	trim(&c.Role)
	trim(&c.Email)
	trim(&c.Phone)
	var errs []error
	if c.OrgID == "" {
		errs = append(errs, invalid("org", "required"))
	}
	if c.Name == "" {
		errs = append(errs, invalid("name", "required"))
	} else if err := checkLen("name", c.Name, maxNameLen); err != nil {
		errs = append(errs, err)
	}
	if err := checkLen("role", c.Role, maxShortLen); err != nil {
		errs = append(errs, err)
	}
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			errs = append(errs, invalid("email", "email.format", "value", c.Email))
		}
	}
	if c.Phone != "" && strings.Trim(c.Phone, "+0123456789 -()") != "" {
		errs = append(errs, invalid("phone", "phone.format", "value", c.Phone))
	}
	if err := oneOf("gender", c.Gender, Genders); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateDate("consent_date", c.ConsentDate, false); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Normalise trims and checks a visit.
func (v *Visit) Normalise() error {
	trim(&v.Place)
	trim(&v.Advisor)
	var errs []error
	if err := ValidateDate("date", v.Date, true); err != nil {
		errs = append(errs, err)
	}
	var ids []string
	for _, id := range v.OrgIDs {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	v.OrgIDs = ids
	if len(ids) == 0 {
		errs = append(errs, invalid("orgs", "visit.no_org"))
	}
	if v.Type == "" {
		v.Type = VisitOnSite
	}
	if err := oneOf("type", v.Type, VisitTypes); err != nil {
		errs = append(errs, err)
	}
	if v.Minutes < 0 || v.Minutes > 24*60 {
		errs = append(errs, invalid("minutes", "number.range", "min", 0, "max", 24*60))
	}
	for _, p := range []struct {
		field string
		n     int
	}{{"women", v.Women}, {"men", v.Men}, {"other", v.Other}} {
		if p.n < 0 || p.n > 100_000 {
			errs = append(errs, invalid(p.field, "number.range", "min", 0, "max", 100_000))
		}
	}
	if v.Phase != PhaseNone {
		if err := oneOf("phase", v.Phase, Phases); err != nil {
			errs = append(errs, err)
		}
	}
	if err := checkLen("place", v.Place, maxShortLen); err != nil {
		errs = append(errs, err)
	}
	if err := checkLen("notes", v.Notes, maxNotesLen); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Normalise trims and checks an action.
func (a *Action) Normalise() error {
	trim(&a.Text)
	trim(&a.Owner)
	var errs []error
	if a.OrgID == "" {
		errs = append(errs, invalid("org", "required"))
	}
	if a.Text == "" {
		errs = append(errs, invalid("text", "required"))
	} else if err := checkLen("text", a.Text, maxNotesLen); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateDate("due", a.Due, false); err != nil {
		errs = append(errs, err)
	}
	if err := ValidateDate("done", a.Done, false); err != nil {
		errs = append(errs, err)
	}
	trim(&a.ModelID)
	trim(&a.Dimension)
	if (a.ModelID == "") != (a.Dimension == "") {
		// A link names both the model and its dimension, or neither.
		errs = append(errs, invalid("dimension", "required"))
	}
	return errors.Join(errs...)
}

// ValidationErrors flattens a (possibly joined) error into its validation problems.
func ValidationErrors(err error) []*ValidationError {
	if err == nil {
		return nil
	}
	var out []*ValidationError
	var walk func(error)
	walk = func(e error) {
		if v, ok := e.(*ValidationError); ok {
			out = append(out, v)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		if u := errors.Unwrap(e); u != nil {
			walk(u)
		}
	}
	walk(err)
	return out
}
