package ui

import (
	"errors"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui/widgets"
)

// errNotANumber marks a number field holding something else.
var errNotANumber = errors.New("not a number")

// parseCount reads a whole number typed by the user ("" is zero).
func parseCount(s string) (int, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", ""))
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errNotANumber
	}
	return n, nil
}

// municipalityChoices lists "other" and the municipalities of one country
// (both when country is ""), by county and name.
func (u *UI) municipalityChoices(country domain.Country) []widgets.Choice {
	out := []widgets.Choice{{Value: "", Label: u.tr.T("ui.choice.none")}}
	for _, m := range domain.Municipalities() {
		if country != "" && m.Country != country {
			continue
		}
		out = append(out, widgets.Choice{Value: m.Code, Label: m.Name + " (" + m.Code + ")"})
	}
	return append(out, widgets.Choice{Value: domain.MunicipalityOther, Label: u.tr.T("ui.municipality.other")})
}

func (u *UI) sectorChoices() []widgets.Choice {
	out := []widgets.Choice{{Value: "", Label: u.tr.T("ui.choice.none")}}
	for _, s := range domain.Sectors() {
		out = append(out, widgets.Choice{Value: s.Code, Label: u.sectorLabel(s)})
	}
	return out
}

func (u *UI) kindChoices() []widgets.Choice {
	var out []widgets.Choice
	for _, k := range domain.OrgKinds {
		out = append(out, widgets.Choice{Value: string(k), Label: u.tr.Kind(k)})
	}
	return out
}

func (u *UI) countryChoices() []widgets.Choice {
	return []widgets.Choice{{Value: string(domain.CountrySE), Label: u.tr.Country(domain.CountrySE)}, {Value: string(domain.CountryNO), Label: u.tr.Country(domain.CountryNO)}}
}

// sectorLabel is how a sector reads: its code and its name in the
// reader's language ("G – Handel; …").
func (u *UI) sectorLabel(s domain.Sector) string {
	return s.Code + " – " + s.Name(u.tr.Lang())
}

// municipalityLabel is the display name of a municipality code.
func (u *UI) municipalityLabel(code string) string {
	if code == domain.MunicipalityOther {
		return u.tr.T("ui.municipality.other")
	}
	if m, ok := domain.MunicipalityByCode(code); ok {
		return m.Name
	}
	return code
}

// isoDate reads a date typed in the reader's form (or ISO) into YYYY-MM-DD;
// empty is fine here (the store decides whether a date is required).
func (u *UI) isoDate(s string) (string, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	t, err := u.tr.ParseDate(s)
	if err != nil {
		return "", false
	}
	return t.Format(domain.DateLayout), true
}

// typedDate is isoDate with the problem to show beside field.
func (u *UI) typedDate(field, s string) (string, error) {
	iso, ok := u.isoDate(s)
	if !ok {
		return "", dateProblem(field, s)
	}
	return iso, nil
}

func dateProblem(field, typed string) *domain.ValidationError {
	return &domain.ValidationError{Field: field, Code: "date.format", Params: map[string]any{"value": strings.TrimSpace(typed)}}
}
