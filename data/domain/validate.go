package domain

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Length limits keep one pasted novel from bloating every bundle.
const (
	MaxNameLen  = 200
	MaxShortLen = 200
	MaxNotesLen = 100_000
)

// The dates the app accepts. A visit in year 0 or 9999 is a typo, and it
// would stretch every period, chart and report to cover it.
const (
	MinDate = "1900-01-01"
	MaxDate = "2100-12-31"
)

// ValidateDate checks a YYYY-MM-DD date from MinDate to MaxDate; empty is
// allowed when !required.
func ValidateDate(field, s string, required bool) error {
	if s == "" && required {
		return invalid(field, "required")
	}
	return checkDate(field, s)
}

// checkDate checks a stored date: "" (none) or YYYY-MM-DD from MinDate to
// MaxDate. Its error is a *ValidationError.
func checkDate(field, s string) error {
	if s == "" {
		return nil
	}
	if t, err := time.Parse(DateLayout, s); err != nil || t.Format(DateLayout) != s {
		return invalid(field, "date.format", "value", s)
	}
	// YYYY-MM-DD strings order as the dates do.
	if s < MinDate || s > MaxDate {
		return invalid(field, "date.range", "value", s, "min", MinDate, "max", MaxDate)
	}
	return nil
}

// IsControl reports whether r is a character that must never reach a
// terminal or a one-line list as it is: C0 controls (ESC starts the
// terminal's escape sequences, CR and BS overwrite what was shown), DEL, C1
// controls (U+009B is a one-byte CSI), the line and paragraph separators,
// and the bidi embedding, override and isolate controls (U+202A–U+202E,
// U+2066–U+2069), which make text show in another order than it is stored.
// Text fields refuse them (newline and tab are allowed in notes), and the
// command line shows them escaped.
func IsControl(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029 ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// CheckSingleLine refuses what a one-line field (a name, a place, an org
// number, an e-mail address, a code) cannot hold: text that is not valid
// UTF-8, a line break, or another control character (IsControl). Its error
// is a *ValidationError naming field.
func CheckSingleLine(field, s string) error { return checkText(field, s, false) }

// checkMultiLine is CheckSingleLine for notes and comments: newlines and
// tabs are allowed, every other control character is not.
func checkMultiLine(field, s string) error { return checkText(field, s, true) }

func checkText(field, s string, multiLine bool) error {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++ // printable ASCII: the common case
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			return invalid(field, "text.encoding")
		case multiLine && (r == '\n' || r == '\t'):
		case !multiLine && (r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029):
			return invalid(field, "text.line_break")
		case IsControl(r):
			return invalid(field, "text.control", "char", fmt.Sprintf("U+%04X", r))
		}
	}
	return nil
}

// normaliseLineEnds brings the line ends of notes to "\n" (text pasted from
// Windows has "\r\n"), so notes are stored the same on every device.
func normaliseLineEnds(s *string) {
	if strings.IndexByte(*s, '\r') >= 0 {
		*s = strings.ReplaceAll(strings.ReplaceAll(*s, "\r\n", "\n"), "\r", "\n")
	}
}

// Check checks a value of the field, as a record's Fields() or a stored
// column gives it, by the field's kind: text on one line or, for notes, several
// (CheckSingleLine, checkMultiLine), a date in range (checkDate), a list of
// one-line texts. Numbers and booleans are not checked here: their ranges
// belong to each entity's Normalise. The error is a *ValidationError.
func (f Field) Check(v any) error {
	switch f.Kind {
	case FieldText, FieldFreeText:
		s, _ := v.(string)
		return CheckSingleLine(f.Name, s)
	case FieldNotes:
		s, _ := v.(string)
		return checkMultiLine(f.Name, s)
	case FieldDate: // anything but a date is refused as one, control characters too
		s, _ := v.(string)
		return checkDate(f.Name, s)
	case FieldList:
		var l []string
		switch v := v.(type) {
		case []string:
			l = v
		case string: // the column's JSON
			if err := json.Unmarshal([]byte(v), &l); err != nil {
				return invalid(f.Name, "text.encoding")
			}
		}
		for _, s := range l {
			if err := CheckSingleLine(f.Name, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckField checks one field's value of an entity by the field's kind: a
// text on one line or several, a date in range, a list of one-line texts;
// an unknown entity or field is not checked. The error is a
// *ValidationError.
func CheckField(entity, field string, v any) error {
	f, ok := FieldOf(entity, field)
	if !ok {
		return nil
	}
	return f.Check(v)
}

// problems collects the validation errors of one record, one per field: a
// field whose text was refused (a control character) is not reported again
// for its form.
type problems struct {
	errs []error
	bad  map[string]bool
}

// checkFields checks every field of a record of entity by its kind
// (Field.Check).
func checkFields(entity string, fields map[string]any) *problems {
	p := &problems{bad: map[string]bool{}}
	for _, f := range entityFields[entity] {
		if v, ok := fields[f.Name]; ok {
			p.add(f.Check(v))
		}
	}
	return p
}

func (p *problems) add(err error) {
	if err == nil {
		return
	}
	if v, ok := AsValidation(err); ok {
		if p.bad[v.Field] {
			return
		}
		p.bad[v.Field] = true
	}
	p.errs = append(p.errs, err)
}

func (p *problems) err() error { return errors.Join(p.errs...) }

// CheckLen refuses a text of more than max characters.
func CheckLen(field, s string, max int) error {
	if utf8.RuneCountInString(s) > max {
		return invalid(field, "too_long", "max", max)
	}
	return nil
}

// OneOf refuses a value that is not one of allowed.
func OneOf[T ~string](field string, v T, allowed []T) error {
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
	normaliseLineEnds(&o.SustainabilityNotes)
	normaliseLineEnds(&o.Notes)
	o.Sector = strings.ToUpper(o.Sector)
	o.Country = Country(strings.ToUpper(strings.TrimSpace(string(o.Country))))
	var tags []string
	for _, t := range o.Tags {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	o.Tags = tags
	p := checkFields(EntityOrganisation, o.Fields())
	if o.Name == "" {
		p.add(invalid("name", "required"))
	} else {
		p.add(CheckLen("name", o.Name, MaxNameLen))
	}
	if o.Country != "" && !o.Country.Valid() {
		p.add(invalid("country", "country.unknown", "value", string(o.Country)))
	}
	if o.OrgNr != "" && !p.bad["orgnr"] {
		n, err := ParseOrgNumber(o.OrgNr, o.Country)
		if err != nil {
			p.add(err)
		} else {
			o.OrgNr = n.Digits
			if o.Country == "" {
				o.Country = n.Country
			}
		}
	}
	if err := ValidateMunicipality(o.Municipality); err != nil {
		p.add(err)
	} else if m, ok := MunicipalityByCode(o.Municipality); ok {
		if o.Country == "" {
			o.Country = m.Country
		} else if o.Country != m.Country {
			p.add(invalid("municipality", "municipality.country", "code", m.Code, "country", string(o.Country)))
		}
	}
	p.add(ValidateSector(o.Sector))
	if o.Kind != KindUnknown {
		p.add(OneOf("kind", o.Kind, OrgKinds))
	}
	if o.Employees != nil && (*o.Employees < 0 || *o.Employees > 10_000_000) {
		p.add(invalid("employees", "number.range", "min", 0, "max", 10_000_000))
	}
	p.add(OneOf("leader_gender", o.LeaderGender, LeaderGenders))
	p.add(OneOf("sustainability", o.Sustainability, []Sustainability{SustainabilityUnknown, SustainabilityYes, SustainabilityNo}))
	p.add(CheckLen("notes", o.Notes, MaxNotesLen))
	return p.err()
}

// Normalise trims and checks a contact.
func (c *Contact) Normalise() error {
	trim(&c.Name)
	trim(&c.Role)
	trim(&c.Email)
	trim(&c.Phone)
	p := checkFields(EntityContact, c.Fields())
	if c.OrgID == "" {
		p.add(invalid("org", "required"))
	}
	if c.Name == "" {
		p.add(invalid("name", "required"))
	} else {
		p.add(CheckLen("name", c.Name, MaxNameLen))
	}
	p.add(CheckLen("role", c.Role, MaxShortLen))
	if c.Email != "" && !p.bad["email"] {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			p.add(invalid("email", "email.format", "value", c.Email))
		}
	}
	if c.Phone != "" && strings.Trim(c.Phone, "+0123456789 -()") != "" {
		p.add(invalid("phone", "phone.format", "value", c.Phone))
	}
	p.add(OneOf("gender", c.Gender, Genders))
	p.add(ValidateDate("consent_date", c.ConsentDate, false))
	return p.err()
}

// Normalise trims and checks a visit.
func (v *Visit) Normalise() error {
	trim(&v.Place)
	trim(&v.Advisor)
	normaliseLineEnds(&v.Notes)
	var ids []string
	for _, id := range v.OrgIDs {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	v.OrgIDs = ids
	if v.Type == "" {
		v.Type = VisitOnSite
	}
	p := checkFields(EntityVisit, v.Fields())
	normalisePartner(p, &v.Partner, &v.Side)
	p.add(ValidateDate("date", v.Date, true))
	if len(ids) == 0 {
		p.add(invalid("orgs", "visit.no_org"))
	}
	p.add(OneOf("type", v.Type, VisitTypes))
	if v.Minutes < 0 || v.Minutes > 24*60 {
		p.add(invalid("minutes", "number.range", "min", 0, "max", 24*60))
	}
	for _, c := range []struct {
		field string
		n     int
	}{{"women", v.Women}, {"men", v.Men}, {"other", v.Other}} {
		if c.n < 0 || c.n > 100_000 {
			p.add(invalid(c.field, "number.range", "min", 0, "max", 100_000))
		}
	}
	if v.Phase != PhaseNone {
		p.add(OneOf("phase", v.Phase, Phases))
	}
	p.add(CheckLen("place", v.Place, MaxShortLen))
	p.add(CheckLen("notes", v.Notes, MaxNotesLen))
	p.add(checkOrgSizes(v.Sizes))
	return p.err()
}

// Normalise trims and checks an action.
func (a *Action) Normalise() error {
	trim(&a.Text)
	trim(&a.Owner)
	trim(&a.ModelID)
	trim(&a.Dimension)
	p := checkFields(EntityAction, a.Fields())
	if a.OrgID == "" {
		p.add(invalid("org", "required"))
	}
	if a.Text == "" {
		p.add(invalid("text", "required"))
	} else {
		p.add(CheckLen("text", a.Text, MaxNotesLen))
	}
	p.add(ValidateDate("due", a.Due, false))
	p.add(ValidateDate("done", a.Done, false))
	if (a.ModelID == "") != (a.Dimension == "") {
		// A link names both the model and its dimension, or neither.
		p.add(invalid("dimension", "required"))
	}
	return p.err()
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
