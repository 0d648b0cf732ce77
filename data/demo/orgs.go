package demo

// The demo's organisations that are not companies (municipalities and
// universities, with their kinds), and valid Swedish and Norwegian org
// numbers for all of them.

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
)

// institution turns o into a municipality or, while any is left,
// one of the region's universities (academia), named and numbered as such.
func institution(r *rand.Rand, o *domain.Organisation, university bool, usedPublic map[string]bool, next *int) {
	if university && *next < len(universities) {
		u := universities[*next]
		*next++
		o.Name, o.Country, o.Municipality = u.name, u.country, u.municipality
		o.Kind, o.Sector = domain.KindAcademia, "P"
		o.Employees = &u.staff
		o.OrgNr = institutionNumber(r, o.Country)
		return
	}
	m, ok := domain.MunicipalityByCode(o.Municipality)
	if !ok || usedPublic[m.Code] {
		return // stays the company it was drawn as
	}
	usedPublic[m.Code] = true
	name := m.Name
	if i := strings.LastIndex(name, " – "); i >= 0 { // "Snåase – Snåsa": the Norwegian form
		name = name[i+len(" – "):]
	}
	if o.Country == domain.CountrySE {
		o.Name = name + " kommun"
	} else {
		o.Name = name + " kommune"
	}
	o.Kind, o.Sector = domain.KindMunicipality, "O"
	staff := 250 + r.IntN(2500) // from a small rural municipality to a town's
	o.Employees = &staff
	o.OrgNr = institutionNumber(r, o.Country)
}

// institutionNumber is a valid number of a public body: in Sweden the
// legal-form group 2 (state, region, municipality); in Norway numbers of
// every kind start with 8 or 9.
func institutionNumber(r *rand.Rand, c domain.Country) string {
	if c == domain.CountryNO {
		return orgNumber(r, c)
	}
	for {
		digits := fmt.Sprintf("212%06d", r.IntN(1_000_000))
		digits += fmt.Sprint(luhn(digits))
		if n, err := domain.ParseOrgNumber(digits, c); err == nil {
			return n.Digits
		}
	}
}

// orgNumber makes a random number that passes its country's check.
func orgNumber(r *rand.Rand, c domain.Country) string {
	for {
		var digits string
		if c == domain.CountrySE {
			digits = fmt.Sprintf("55%d%06d", 6+r.IntN(4), r.IntN(1_000_000))
			digits += fmt.Sprint(luhn(digits))
		} else {
			digits = fmt.Sprintf("9%07d", r.IntN(10_000_000))
			check, ok := mod11(digits)
			if !ok {
				continue
			}
			digits += fmt.Sprint(check)
		}
		if n, err := domain.ParseOrgNumber(digits, c); err == nil {
			return n.Digits
		}
	}
}

func luhn(nine string) int {
	sum := 0
	for i, ch := range nine {
		d := int(ch - '0')
		if i%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func mod11(eight string) (int, bool) {
	w := []int{3, 2, 7, 6, 5, 4, 3, 2}
	sum := 0
	for i, ch := range eight {
		sum += int(ch-'0') * w[i]
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c, c != 10
}
