package domain

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Check digits of every number below were computed independently (by hand
// and with a separate script) before being put in the tables.

func TestParseOrgNumberValid(t *testing.T) {
	tests := []struct {
		in       string
		country  Country
		digits   string
		want     Country
		personal bool
		display  string
	}{
		// Swedish organisationsnummer, written in the ways users paste them.
		{"556036-0793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"5560360793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"  556036-0793\t", CountrySE, "5560360793", CountrySE, false, "556036-0793"},
		{"556036 0793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"556 036 07 93", "", "5560360793", CountrySE, false, "556036-0793"},
		{"556036.0793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"556036–0793", "", "5560360793", CountrySE, false, "556036-0793"}, // en dash
		{"16556036-0793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"165560360793", CountrySE, "5560360793", CountrySE, false, "556036-0793"},
		{"SE556036079301", "", "5560360793", CountrySE, false, "556036-0793"},
		{"se 556036-0793 01", "", "5560360793", CountrySE, false, "556036-0793"},
		{"SE5560360793", "", "5560360793", CountrySE, false, "556036-0793"},
		{"556036079301", "", "5560360793", CountrySE, false, "556036-0793"}, // VAT form without "SE"
		// Public bodies (first digit 2).
		{"212000-2452", "", "2120002452", CountrySE, false, "212000-2452"},
		{"212000-0142", "", "2120000142", CountrySE, false, "212000-0142"},
		{"202100-5489", "", "2021005489", CountrySE, false, "202100-5489"},
		{"SE202100548901", "", "2021005489", CountrySE, false, "202100-5489"},
		{"232100-0016", "", "2321000016", CountrySE, false, "232100-0016"},
		// Personnummer and samordningsnummer of sole traders.
		{"811218-9876", "", "8112189876", CountrySE, true, "811218-9876"},
		{"19811218-9876", "", "8112189876", CountrySE, true, "811218-9876"},
		{"198112189876", "", "8112189876", CountrySE, true, "811218-9876"},
		{"20010101-1237", "", "0101011237", CountrySE, true, "010101-1237"},
		{"811278-9873", "", "8112789873", CountrySE, true, "811278-9873"}, // day 18+60
		{"701063-2383", CountrySE, "7010632383", CountrySE, true, "701063-2383"},
		{"SE811218987601", "", "8112189876", CountrySE, true, "811218-9876"},
		// Norwegian organisasjonsnummer.
		{"988 077 917", "", "988077917", CountryNO, false, "988 077 917"},
		{"988077917", CountryNO, "988077917", CountryNO, false, "988 077 917"},
		{"974 760 673", "", "974760673", CountryNO, false, "974 760 673"},
		{"923609016", "", "923609016", CountryNO, false, "923 609 016"},
		{"923.609.016", "", "923609016", CountryNO, false, "923 609 016"},
		{"NO 988 077 917 MVA", "", "988077917", CountryNO, false, "988 077 917"},
		{"NO988077917MVA", CountryNO, "988077917", CountryNO, false, "988 077 917"},
		{"988077917MVA", "", "988077917", CountryNO, false, "988 077 917"},
		{"988 077 917 mva", "", "988077917", CountryNO, false, "988 077 917"},
		{"988\u202f077\u00a0917", "", "988077917", CountryNO, false, "988 077 917"}, // narrow and no-break spaces
		{"971524960", "", "971524960", CountryNO, false, "971 524 960"},             // sum mod 11 = 0 → check digit 0
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := ParseOrgNumber(tt.in, tt.country)
			if err != nil {
				t.Fatalf("ParseOrgNumber(%q, %q): %v", tt.in, tt.country, err)
			}
			want := OrgNumber{Country: tt.want, Digits: tt.digits, Personal: tt.personal}
			if n != want {
				t.Fatalf("ParseOrgNumber(%q) = %+v, want %+v", tt.in, n, want)
			}
			if got := n.String(); got != tt.display {
				t.Errorf("String() = %q, want %q", got, tt.display)
			}
			checkRoundTrip(t, n)
		})
	}
}

// checkRoundTrip asserts that the display and VAT forms parse back to n,
// with and without the country.
func checkRoundTrip(t *testing.T, n OrgNumber) {
	t.Helper()
	for _, s := range []string{n.String(), vatNumber(n), n.Digits} {
		for _, c := range []Country{"", n.Country} {
			back, err := ParseOrgNumber(s, c)
			if err != nil {
				t.Errorf("re-parse %q (country %q) of %+v: %v", s, c, n, err)
				continue
			}
			if back != n {
				t.Errorf("re-parse %q (country %q) = %+v, want %+v", s, c, back, n)
			}
		}
	}
}

func TestParseOrgNumberInvalid(t *testing.T) {
	tests := []struct {
		in      string
		country Country
		code    string
		params  map[string]any
	}{
		{"", "", CodeOrgnrEmpty, nil},
		{"   ", CountrySE, CodeOrgnrEmpty, nil},
		{"\t\n", "", CodeOrgnrEmpty, nil},

		{"556036-07a3", "", CodeOrgnrCharacters, nil},
		{"Scania", "", CodeOrgnrCharacters, nil},
		{"556036--0793", "", CodeOrgnrCharacters, nil}, // two dashes
		{"556-036-0793", "", CodeOrgnrCharacters, nil},
		{"556036/0793", "", CodeOrgnrCharacters, nil},
		{"556036+0793", "", CodeOrgnrCharacters, nil},
		{"SE556036079301MVA", "", CodeOrgnrCharacters, nil},
		{"SEX5560360793", "", CodeOrgnrCharacters, nil},
		{"DK12345678", "", CodeOrgnrCharacters, nil},
		{"٥٥٦٠٣٦٠٧٩٣", "", CodeOrgnrCharacters, nil}, // Arabic-Indic digits
		{"５５６０３６０７９３", "", CodeOrgnrCharacters, nil}, // full-width digits

		{"12345", "", CodeOrgnrLength, map[string]any{"digits": 5}},
		{"-", "", CodeOrgnrLength, map[string]any{"digits": 0}},
		{"SE", "", CodeOrgnrLength, map[string]any{"digits": 0}},
		{"...", "", CodeOrgnrLength, map[string]any{"digits": 0}},
		{"55603607931", "", CodeOrgnrLength, map[string]any{"digits": 11}},
		{"55603607931", CountryNO, CodeOrgnrLength, map[string]any{"digits": 11}},
		{"1234567890123", "", CodeOrgnrLength, map[string]any{"digits": 13}},
		{"98807791", "", CodeOrgnrLength, map[string]any{"digits": 8}},
		{"195560360793", "", CodeOrgnrLength, map[string]any{"digits": 12}}, // century before an organisation number
		{"SE556036079302", "", CodeOrgnrLength, map[string]any{"digits": 12}},
		{"556036079399", "", CodeOrgnrLength, map[string]any{"digits": 12}},
		{"NO5560360793", "", CodeOrgnrLength, map[string]any{"digits": 10}},
		{"SE988077917", "", CodeOrgnrLength, map[string]any{"digits": 9}},
		{"5560360793 MVA", "", CodeOrgnrLength, map[string]any{"digits": 10}},

		{"556036-0794", "", CodeOrgnrChecksum, nil},
		{"556036-0739", "", CodeOrgnrChecksum, nil}, // swapped digits
		{"212000-2453", "", CodeOrgnrChecksum, nil},
		{"811218-9875", "", CodeOrgnrChecksum, nil},
		{"165560360794", "", CodeOrgnrChecksum, nil},
		{"SE556036079401", "", CodeOrgnrChecksum, nil},
		{"988 077 918", "", CodeOrgnrChecksum, nil},
		{"988 077 971", "", CodeOrgnrChecksum, nil},
		{"990000000", "", CodeOrgnrChecksum, nil}, // sum mod 11 = 1 → check digit 10: no valid number
		{"990000005", "", CodeOrgnrChecksum, nil},
		{"990000009", "", CodeOrgnrChecksum, nil},

		// Brønnøysund gives out numbers starting with 8 or 9 only; these
		// pass the modulus-11 check and are still no organisation's.
		{"123456785", "", CodeOrgnrNOFirstDigit, map[string]any{"digit": "1"}},
		{"NO 400000018", "", CodeOrgnrNOFirstDigit, map[string]any{"digit": "4"}},

		{"551536-0799", "", CodeOrgnrSEMonth, map[string]any{"month": "15"}}, // Luhn holds, but 15 is no month and < 20
		{"551336-0793", "", CodeOrgnrSEMonth, map[string]any{"month": "13"}},
		{"551936-0793", "", CodeOrgnrSEMonth, map[string]any{"month": "19"}},
		{"550036-0793", "", CodeOrgnrSEMonth, map[string]any{"month": "00"}},
		{"168112189876", "", CodeOrgnrSEMonth, map[string]any{"month": "12"}}, // "16" + a personnummer

		{"811200-9876", "", CodeOrgnrSEDay, map[string]any{"day": "00"}},
		{"811245-9873", "", CodeOrgnrSEDay, map[string]any{"day": "45"}},
		{"811232-9876", "", CodeOrgnrSEDay, map[string]any{"day": "32"}},
		{"811292-9876", "", CodeOrgnrSEDay, map[string]any{"day": "92"}},

		{"988077917", CountrySE, CodeOrgnrCountry, map[string]any{"country": "NO", "expected": "SE"}},
		{"556036-0793", CountryNO, CodeOrgnrCountry, map[string]any{"country": "SE", "expected": "NO"}},
		{"SE556036079301", CountryNO, CodeOrgnrCountry, map[string]any{"country": "SE", "expected": "NO"}},

		{"556036-0793", "DK", CodeOrgnrUnknownCountry, map[string]any{"country": "DK"}},
		{"988077917", "no", CodeOrgnrUnknownCountry, map[string]any{"country": "no"}},
		{"", "FI", CodeOrgnrUnknownCountry, map[string]any{"country": "FI"}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%q", tt.code, tt.in), func(t *testing.T) {
			n, err := ParseOrgNumber(tt.in, tt.country)
			if err == nil {
				t.Fatalf("ParseOrgNumber(%q, %q) = %+v, want error %s", tt.in, tt.country, n, tt.code)
			}
			if n != (OrgNumber{}) {
				t.Errorf("ParseOrgNumber(%q) returned %+v with its error", tt.in, n)
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
			}
			if ve.Field != "orgnr" || ve.Code != tt.code {
				t.Fatalf("ParseOrgNumber(%q, %q): got %s/%s, want orgnr/%s", tt.in, tt.country, ve.Field, ve.Code, tt.code)
			}
			for k, v := range tt.params {
				if ve.Params[k] != v {
					t.Errorf("param %q = %#v, want %#v", k, ve.Params[k], v)
				}
			}
		})
		seen[tt.code] = true
	}
	for _, code := range allOrgnrCodes {
		if !seen[code] {
			t.Errorf("no test case for error code %s", code)
		}
	}
}

var allOrgnrCodes = []string{
	CodeOrgnrEmpty, CodeOrgnrCharacters, CodeOrgnrLength, CodeOrgnrChecksum,
	CodeOrgnrSEMonth, CodeOrgnrSEDay, CodeOrgnrCountry, CodeOrgnrUnknownCountry, CodeOrgnrNOFirstDigit,
}

func TestOrgNumberCodesAreStable(t *testing.T) {
	want := []string{"orgnr.empty", "orgnr.characters", "orgnr.length", "orgnr.checksum",
		"orgnr.se_month", "orgnr.se_day", "orgnr.country", "orgnr.unknown_country", "orgnr.no_first_digit"}
	for i, c := range allOrgnrCodes {
		if c != want[i] {
			t.Errorf("code %d = %q, want %q", i, c, want[i])
		}
	}
}

// seNumber completes nine digits with a Luhn check digit, independently of
// the implementation under test.
func seNumber(nine string) string {
	sum := 0
	for i, r := range nine {
		d := int(r - '0')
		if i%2 == 0 {
			d *= 2
		}
		sum += d/10 + d%10
	}
	return nine + string(rune('0'+(10-sum%10)%10))
}

// vatNumber returns the VAT registration number the tax authorities derive
// from the organisation number: "SE" + 10 digits + "01" in Sweden, the 9
// digits + "MVA" in Norway (only meaningful if the organisation is
// registered for VAT). A zero value gives "". ParseOrgNumber accepts these
// forms, as people copy them from invoices.
func vatNumber(n OrgNumber) string {
	switch {
	case n.Country == CountrySE && len(n.Digits) == 10:
		return "SE" + n.Digits + "01"
	case n.Country == CountryNO && len(n.Digits) == 9:
		return n.Digits + "MVA"
	}
	return ""
}

func TestVATNumber(t *testing.T) {
	for in, want := range map[string]string{
		"556036-0793": "SE556036079301",
		"811218-9876": "SE811218987601",
		"988 077 917": "988077917MVA",
		"923609016":   "923609016MVA",
	} {
		n, err := ParseOrgNumber(in, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := vatNumber(n); got != want {
			t.Errorf("vatNumber(%s) = %q, want %q", in, got, want)
		}
	}
	if got := vatNumber(OrgNumber{}); got != "" {
		t.Errorf("zero vatNumber = %q", got)
	}
	if got := (OrgNumber{}).String(); got != "" {
		t.Errorf("zero String = %q", got)
	}
}

// TestRoundTripGenerated parses, prints and re-parses many generated valid
// numbers of both countries.
func TestRoundTripGenerated(t *testing.T) {
	count := 0
	for i := 0; i < 100000; i += 7 {
		nine := fmt.Sprintf("%09d", 555000000+i*131)
		if n, err := ParseOrgNumber(seNumber(nine), ""); err == nil {
			checkRoundTrip(t, n)
			count++
		}
		no := fmt.Sprintf("%09d", 900000000+i*991)
		if n, err := ParseOrgNumber(no, ""); err == nil {
			checkRoundTrip(t, n)
			count++
		}
	}
	if count < 5000 {
		t.Errorf("only %d generated numbers were valid", count)
	}
}

func TestNormaliseOrgNumberQuery(t *testing.T) {
	for in, want := range map[string]string{
		"556036-0793":          "5560360793",
		" 556036 0793 ":        "5560360793",
		"SE556036079301":       "5560360793",
		"16556036-0793":        "5560360793",
		"19811218-9876":        "8112189876",
		"988 077 917":          "988077917",
		"988 077 917 MVA":      "988077917",
		"NO988077917MVA":       "988077917",
		"556036-0794":          "5560360794", // wrong check digit, still number-like
		"556036-079":           "556036079",  // partial
		"556036-":              "556036",
		"556036 07":            "55603607",
		"988 077":              "988077",
		"988.077.91":           "98807791",
		"988 0":                "9880",
		"19811218-98":          "81121898",
		"SE 556036":            "556036",
		"988 077 918":          "988077918", // wrong check digit
		"070-123 45 67":        "070-123 45 67",
		"556 036 07 94":        "556 036 07 94",
		"2021-05-03 10.00":     "2021-05-03 10.00",
		"5560360793":           "5560360793", // plain digits stay as they are
		"12345":                "12345",
		"2021-05-03":           "2021-05-03", // a date, not a number
		"2021-05":              "2021-05",
		"Scania":               "Scania",
		"Senja Sjømat":         "Senja Sjømat",
		"":                     "",
		"Jämtkraft 556036-079": "Jämtkraft 556036-079",
	} {
		if got := NormaliseOrgNumberQuery(in); got != want {
			t.Errorf("NormaliseOrgNumberQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseOrgNumber(f *testing.F) {
	for _, s := range []string{
		"556036-0793", "16556036-0793", "SE556036079301", "19811218-9876",
		"811278-9873", "988 077 917", "NO 988 077 917 MVA", "971524960",
		"", " ", "-", "SE", "MVA", "551536-0799", "400000000", "556036--0793",
		"se\u00a0556036\u20130793", "ＳＥ556036079301", "\xff\xfe",
	} {
		for _, c := range []string{"", "SE", "NO", "DK"} {
			f.Add(s, c)
		}
	}
	f.Fuzz(func(t *testing.T, s, c string) {
		country := Country(c)
		_ = NormaliseOrgNumberQuery(s)
		n, err := ParseOrgNumber(s, country)
		if err != nil {
			ve, ok := AsValidation(err)
			if !ok || ve.Field != "orgnr" {
				t.Fatalf("ParseOrgNumber(%q, %q): error %v is not an orgnr ValidationError", s, c, err)
			}
			known := false
			for _, code := range allOrgnrCodes {
				known = known || ve.Code == code
			}
			if !known {
				t.Fatalf("unknown code %q", ve.Code)
			}
			return
		}
		want := map[Country]int{CountrySE: 10, CountryNO: 9}[n.Country]
		if want == 0 || len(n.Digits) != want || strings.Trim(n.Digits, "0123456789") != "" {
			t.Fatalf("ParseOrgNumber(%q, %q) = %+v: bad digits", s, c, n)
		}
		if n.Personal && n.Country != CountrySE {
			t.Fatalf("personal Norwegian number %+v", n)
		}
		checkRoundTrip(t, n)
	})
}
