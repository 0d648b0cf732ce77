package domain

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sync"

	"eu.ilsa.coach/ilsa/assets"
)

// MunicipalityOther is the municipality code for a client outside the
// project's two counties.
const MunicipalityOther = "other"

// County is a Swedish län or a Norwegian fylke.
type County struct {
	Code     string // "23" Jämtlands län, "50" Trøndelag
	Country  Country
	Name     string
	SamiName string // official Southern Sami name, or ""
}

// Municipality is a kommun (SE) or kommune (NO) in one of the project's
// counties. Code is the official 4-digit number (SCB / SSB).
type Municipality struct {
	Code, Name, SamiName string
	County               string // county code
	Country              Country
}

// Sector is a NACE Rev. 2 / SNI 2007 / SN2007 section (A–U).
type Sector struct {
	Code  string
	Names map[string]string // keys "en", "sv", "nb"
}

// Name returns the section title in lang ("en", "sv", "nb"), falling back
// to English.
func (s Sector) Name(lang string) string {
	if n := s.Names[lang]; n != "" {
		return n
	}
	return s.Names["en"]
}

// SizeClass is the EU enterprise size class (Recommendation 2003/361).
type SizeClass string

const (
	SizeUnknown SizeClass = ""
	SizeMicro   SizeClass = "micro"
	SizeSmall   SizeClass = "small"
	SizeMedium  SizeClass = "medium"
	SizeLarge   SizeClass = "large"
)

// SizeClassFor classifies by staff headcount alone: under 10 micro, under 50
// small, under 250 medium, otherwise large; a negative count is unknown. The
// full definition also caps turnover or balance sheet, which the app does
// not ask for.
func SizeClassFor(employees int) SizeClass {
	switch {
	case employees < 0:
		return SizeUnknown
	case employees < 10:
		return SizeMicro
	case employees < 50:
		return SizeSmall
	case employees < 250:
		return SizeMedium
	}
	return SizeLarge
}

// The embedded reference lists, decoded once.
type referenceData struct {
	counties       []County
	municipalities []Municipality // sorted by code
	byCode         map[string]int
	sectorsVersion string
	sectors        []Sector // sorted by code
	sectorByCode   map[string]int
}

var (
	refOnce sync.Once
	ref     *referenceData
)

func reference() *referenceData {
	refOnce.Do(func() {
		r, err := loadReference()
		if err != nil {
			// The files are embedded at build time, so this is a bug in
			// the build, caught by the tests.
			panic(fmt.Sprintf("data: embedded reference lists: %v", err))
		}
		ref = r
	})
	return ref
}

func loadReference() (*referenceData, error) {
	var mf struct {
		Counties []struct {
			Code     string  `json:"code"`
			Country  Country `json:"country"`
			Name     string  `json:"name"`
			SamiName string  `json:"sami_name"`
		} `json:"counties"`
		Municipalities []struct {
			Code     string  `json:"code"`
			Name     string  `json:"name"`
			SamiName string  `json:"sami_name"`
			County   string  `json:"county"`
			Country  Country `json:"country"`
		} `json:"municipalities"`
	}
	if err := readJSON("reference/municipalities.json", &mf); err != nil {
		return nil, err
	}
	var sf struct {
		Version string `json:"version"`
		Sectors []struct {
			Code  string            `json:"code"`
			Names map[string]string `json:"names"`
		} `json:"sectors"`
	}
	if err := readJSON("reference/sectors.json", &sf); err != nil {
		return nil, err
	}

	r := &referenceData{
		byCode:         make(map[string]int),
		sectorByCode:   make(map[string]int),
		sectorsVersion: sf.Version,
	}
	for _, c := range mf.Counties {
		r.counties = append(r.counties, County{Code: c.Code, Country: c.Country, Name: c.Name, SamiName: c.SamiName})
	}
	slices.SortFunc(r.counties, func(a, b County) int { return cmp.Compare(a.Code, b.Code) })
	for _, m := range mf.Municipalities {
		r.municipalities = append(r.municipalities, Municipality{
			Code: m.Code, Name: m.Name, SamiName: m.SamiName, County: m.County, Country: m.Country,
		})
	}
	slices.SortFunc(r.municipalities, func(a, b Municipality) int { return cmp.Compare(a.Code, b.Code) })
	for i, m := range r.municipalities {
		if _, dup := r.byCode[m.Code]; dup {
			return nil, fmt.Errorf("municipality %s listed twice", m.Code)
		}
		r.byCode[m.Code] = i
	}
	for _, s := range sf.Sectors {
		r.sectors = append(r.sectors, Sector{Code: s.Code, Names: s.Names})
	}
	slices.SortFunc(r.sectors, func(a, b Sector) int { return cmp.Compare(a.Code, b.Code) })
	for i, s := range r.sectors {
		if _, dup := r.sectorByCode[s.Code]; dup {
			return nil, fmt.Errorf("sector %s listed twice", s.Code)
		}
		r.sectorByCode[s.Code] = i
	}
	return r, nil
}

func readJSON(name string, v any) error {
	b, err := assets.Reference.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Municipalities returns all municipalities of both counties, sorted by
// code. The slice is a copy.
func Municipalities() []Municipality {
	return slices.Clone(reference().municipalities)
}

// MunicipalityByCode looks a municipality up by its 4-digit code.
func MunicipalityByCode(code string) (Municipality, bool) {
	r := reference()
	i, ok := r.byCode[code]
	if !ok {
		return Municipality{}, false
	}
	return r.municipalities[i], true
}

// Counties returns the project's counties, sorted by code.
func Counties() []County {
	return slices.Clone(reference().counties)
}

// ValidateMunicipality accepts "" (not given), MunicipalityOther and the
// code of a listed municipality.
func ValidateMunicipality(code string) error {
	if code == "" || code == MunicipalityOther {
		return nil
	}
	if _, ok := MunicipalityByCode(code); !ok {
		return invalid("municipality", "municipality.unknown", "code", code)
	}
	return nil
}

// Sectors returns the sections A–U, sorted by code. The slice and the name
// maps are copies.
func Sectors() []Sector {
	src := reference().sectors
	out := make([]Sector, len(src))
	for i, s := range src {
		out[i] = Sector{Code: s.Code, Names: maps.Clone(s.Names)}
	}
	return out
}

// SectorByCode looks a section up by its exact code ("C", not "c").
func SectorByCode(code string) (Sector, bool) {
	r := reference()
	i, ok := r.sectorByCode[code]
	if !ok {
		return Sector{}, false
	}
	s := r.sectors[i]
	return Sector{Code: s.Code, Names: maps.Clone(s.Names)}, true
}

// ValidateSector accepts "" (not given) and an exact section code A–U.
func ValidateSector(code string) error {
	if code == "" {
		return nil
	}
	if _, ok := reference().sectorByCode[code]; !ok {
		return invalid("sector", "sector.unknown", "code", code)
	}
	return nil
}
