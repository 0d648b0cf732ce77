package domain

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OrgNumber is a validated organisation number from Sweden or Norway.
//
// Digits is the normalised form: 10 digits for Sweden, 9 for Norway. A
// Swedish number whose third and fourth digits form a month is a
// personnummer or samordningsnummer: sole traders use their own. Such a
// number is accepted, but Personal is set because it is personal data about
// a private person and must be handled as such (no export, masking in lists).
type OrgNumber struct {
	Country  Country
	Digits   string // normalised: SE 10 digits, NO 9 digits
	Personal bool   // SE number that is a personnummer/samordningsnummer (sole trader): personal data
}

// Field and error codes of organisation-number validation. The codes are
// stable; the UI translates them through "error.<code>".
const (
	orgnrField = "orgnr"

	CodeOrgnrEmpty          = "orgnr.empty"
	CodeOrgnrCharacters     = "orgnr.characters"
	CodeOrgnrLength         = "orgnr.length"
	CodeOrgnrChecksum       = "orgnr.checksum"
	CodeOrgnrSEMonth        = "orgnr.se_month"
	CodeOrgnrSEDay          = "orgnr.se_day"
	CodeOrgnrCountry        = "orgnr.country"
	CodeOrgnrNOFirstDigit   = "orgnr.no_first_digit"
	CodeOrgnrUnknownCountry = "orgnr.unknown_country"
)

// ParseOrgNumber checks and normalises an organisation number typed by a
// user. country may be "" (infer from the digit count: 9 → NO, 10 or 12 → SE),
// CountrySE or CountryNO.
//
// Accepted: surrounding and inner spaces, dots, one dash; a leading "SE" or
// "NO" and a trailing "MVA"; Swedish 12-digit forms "16" + number, "19"/"20" +
// personnummer and "SE" + number + "01" (VAT number). Errors are
// *ValidationError with Field "orgnr".
func ParseOrgNumber(s string, country Country) (OrgNumber, error) {
	if country != "" && !country.Valid() {
		return OrgNumber{}, invalid(orgnrField, CodeOrgnrUnknownCountry, "country", string(country))
	}
	c, err := cleanOrgNumber(s)
	if err != nil {
		return OrgNumber{}, err
	}
	n := len(c.digits)

	// The country the digit count belongs to.
	var detected Country
	switch n {
	case 9:
		detected = CountryNO
	case 10, 12:
		detected = CountrySE
	default:
		return OrgNumber{}, invalid(orgnrField, CodeOrgnrLength, "digits", n)
	}
	if country != "" && country != detected {
		return OrgNumber{}, invalid(orgnrField, CodeOrgnrCountry, "country", string(detected), "expected", string(country))
	}
	// A written marker ("SE…", "NO…", "…MVA") that contradicts the digit
	// count means a digit is missing or extra rather than another country.
	if c.marker != "" && c.marker != detected {
		return OrgNumber{}, invalid(orgnrField, CodeOrgnrLength, "digits", n)
	}

	if detected == CountryNO {
		if err := checkNO(c.digits); err != nil {
			return OrgNumber{}, err
		}
		return OrgNumber{Country: CountryNO, Digits: c.digits}, nil
	}
	if n == 10 {
		personal, err := checkSE(c.digits)
		if err != nil {
			return OrgNumber{}, err
		}
		return OrgNumber{Country: CountrySE, Digits: c.digits, Personal: personal}, nil
	}
	return parseSE12(c.digits, c.marker == CountrySE)
}

// parseSE12 handles the Swedish 12-digit forms: "16" + organisationsnummer,
// "19"/"20" + personnummer, and number + "01" (the VAT form, normally written
// with an "SE" prefix, preferred when vatPrefix is set).
func parseSE12(d string, vatPrefix bool) (OrgNumber, error) {
	type form struct {
		ten   string
		check func(personal bool) error
	}
	var forms []form
	prefixed := func() {
		switch d[:2] {
		case "16":
			forms = append(forms, form{d[2:], func(personal bool) error {
				if personal { // "16" announces an organisation, not a person
					return invalid(orgnrField, CodeOrgnrSEMonth, "month", d[4:6])
				}
				return nil
			}})
		case "19", "20":
			forms = append(forms, form{d[2:], func(personal bool) error {
				if !personal { // a century only goes in front of a personnummer
					return invalid(orgnrField, CodeOrgnrLength, "digits", len(d))
				}
				return nil
			}})
		}
	}
	vat := func() {
		if d[10:] == "01" {
			forms = append(forms, form{d[:10], nil})
		}
	}
	if vatPrefix {
		vat()
		prefixed()
	} else {
		prefixed()
		vat()
	}
	if len(forms) == 0 {
		return OrgNumber{}, invalid(orgnrField, CodeOrgnrLength, "digits", len(d))
	}
	var first error
	for _, f := range forms {
		personal, err := checkSE(f.ten)
		if err == nil && f.check != nil {
			err = f.check(personal)
		}
		if err == nil {
			return OrgNumber{Country: CountrySE, Digits: f.ten, Personal: personal}, nil
		}
		if first == nil {
			first = err
		}
	}
	return OrgNumber{}, first
}

// checkSE validates a 10-digit Swedish number and reports whether it is a
// personnummer/samordningsnummer.
func checkSE(d string) (personal bool, err error) {
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	switch {
	case month >= 20:
		personal = false
	case month >= 1 && month <= 12:
		day := int(d[4]-'0')*10 + int(d[5]-'0')
		// 61–91: samordningsnummer (day + 60).
		if !(day >= 1 && day <= 31) && !(day >= 61 && day <= 91) {
			return false, invalid(orgnrField, CodeOrgnrSEDay, "day", d[4:6])
		}
		personal = true
	default: // 00 and 13–19: neither an organisation nor a month
		return false, invalid(orgnrField, CodeOrgnrSEMonth, "month", d[2:4])
	}
	if luhn(d[:9]) != int(d[9]-'0') {
		return false, invalid(orgnrField, CodeOrgnrChecksum)
	}
	return personal, nil
}

// luhn returns the Luhn check digit for the digit string d (weights 2,1,2,…
// from the left, as for Swedish numbers of nine digits).
func luhn(d string) int {
	sum := 0
	for i := 0; i < len(d); i++ {
		v := int(d[i] - '0')
		if i%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return (10 - sum%10) % 10
}

var noWeights = [8]int{3, 2, 7, 6, 5, 4, 3, 2}

// checkNO validates a 9-digit Norwegian organisasjonsnummer: the
// Brønnøysund registers give out numbers that start with 8 or 9 only, and
// the last digit is a modulus-11 check.
func checkNO(d string) error {
	if d[0] != '8' && d[0] != '9' {
		return invalid(orgnrField, CodeOrgnrNOFirstDigit, "digit", d[:1])
	}
	sum := 0
	for i, w := range noWeights {
		sum += int(d[i]-'0') * w
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 || check != int(d[8]-'0') {
		return invalid(orgnrField, CodeOrgnrChecksum)
	}
	return nil
}

// cleaned is user input with separators and country markers removed.
type cleaned struct {
	digits string  // only '0'–'9'
	marker Country // country named by a prefix or suffix, or ""
	marked bool    // the input had a prefix or suffix
	seps   bool    // the input had separators inside
}

// isDash reports whether r is a hyphen or dash; word processors and web
// pages turn "-" into several look-alikes.
func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// cleanOrgNumber strips spaces, dots, one dash, an "SE"/"NO" prefix and an
// "MVA" suffix; everything else must be an ASCII digit.
func cleanOrgNumber(s string) (cleaned, error) {
	var c cleaned
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return c, invalid(orgnrField, CodeOrgnrEmpty)
	}
	if rest, ok := cutFoldPrefix(s, "SE"); ok {
		c.marker, s = CountrySE, rest
	} else if rest, ok := cutFoldPrefix(s, "NO"); ok {
		c.marker, s = CountryNO, rest
	}
	if rest, ok := cutFoldSuffix(s, "MVA"); ok {
		if c.marker == CountrySE {
			return c, invalid(orgnrField, CodeOrgnrCharacters)
		}
		c.marker, s = CountryNO, rest
	}
	c.marked = c.marker != ""

	var b strings.Builder
	dashes := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '.':
			c.seps = true
		case isDash(r):
			dashes++
			c.seps = true
			if dashes > 1 {
				return c, invalid(orgnrField, CodeOrgnrCharacters)
			}
		default:
			return c, invalid(orgnrField, CodeOrgnrCharacters)
		}
	}
	c.digits = b.String()
	if c.digits == "" {
		// Only separators and markers: no digits at all.
		return c, invalid(orgnrField, CodeOrgnrLength, "digits", 0)
	}
	return c, nil
}

// cutFoldPrefix removes a case-insensitive ASCII prefix that is followed by
// the end, a digit or a separator (so "SE" in a word is not a prefix).
func cutFoldPrefix(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	rest := s[len(prefix):]
	if rest == "" {
		return rest, true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if (r >= '0' && r <= '9') || unicode.IsSpace(r) || r == '.' || isDash(r) {
		return rest, true
	}
	return s, false
}

// cutFoldSuffix removes a case-insensitive ASCII suffix.
func cutFoldSuffix(s, suffix string) (string, bool) {
	if len(s) < len(suffix) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// String returns the display form: "NNNNNN-NNNN" for Sweden, "NNN NNN NNN"
// for Norway. A zero or malformed value gives its digits as they are.
func (n OrgNumber) String() string {
	switch {
	case n.Country == CountrySE && len(n.Digits) == 10:
		return n.Digits[:6] + "-" + n.Digits[6:]
	case n.Country == CountryNO && len(n.Digits) == 9:
		return n.Digits[:3] + " " + n.Digits[3:6] + " " + n.Digits[6:]
	}
	return n.Digits
}

// Partial display forms of an organisation number, for search-as-you-type:
// Swedish "NNNNNN-NN…" (optionally after "16", "19" or "20" in a 12-digit
// form) and Norwegian "NNN NNN N…".
var (
	partialSE = regexp.MustCompile(`^(16|19|20)?[0-9]{6}[-\s.\x{2010}-\x{2014}\x{2212}]\s*[0-9]{0,4}$`)
	partialNO = regexp.MustCompile(`^[0-9]{3}([\s.][0-9]{3}){0,1}[\s.][0-9]{1,3}$`)
)

// NormaliseOrgNumberQuery turns a search query that looks like an
// organisation number written with separators or markers ("556036-0793",
// "988 077 917 MVA", "SE556036079301") into the digits stored in
// OrgNumber.Digits, so it matches however the number was typed:
//
//   - a valid number gives its normalised digits;
//   - a (partial or mistyped) number in display form, "556036-07" or
//     "988 077", gives its digits, without a leading "16"/"19"/"20";
//   - a query with an "SE"/"NO" prefix or "MVA" suffix and only digits and
//     separators otherwise gives its digits;
//   - anything else is returned unchanged: plain digit strings, dates
//     ("2021-05-03"), phone numbers ("070-123 45 67") and free text.
func NormaliseOrgNumberQuery(s string) string {
	c, err := cleanOrgNumber(s)
	if err != nil || (!c.seps && !c.marked) {
		return s
	}
	t := strings.TrimFunc(s, unicode.IsSpace)
	// The Swedish display form first: its dash position settles what a
	// 12-digit number's first two digits are.
	if m := partialSE.FindStringSubmatch(t); m != nil {
		if m[1] != "" {
			return c.digits[2:] // drop the century or "16"
		}
		return c.digits
	}
	if n, err := ParseOrgNumber(s, ""); err == nil {
		return n.Digits
	}
	switch {
	case c.marked:
		return c.digits
	case partialNO.MatchString(t):
		return c.digits
	}
	return s
}
