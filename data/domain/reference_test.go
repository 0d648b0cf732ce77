package domain

import (
	"slices"
	"strings"
	"testing"
)

// The municipality codes of FACTS.md, counted there: 8 in Jämtland, 38 in
// Trøndelag.
var (
	factsJamtland = map[string]string{
		"2303": "Ragunda", "2305": "Bräcke", "2309": "Krokom", "2313": "Strömsund",
		"2321": "Åre", "2326": "Berg", "2361": "Härjedalen", "2380": "Östersund",
	}
	factsTrondelag = map[string]string{
		"5001": "Trondheim", "5006": "Steinkjer", "5007": "Namsos", "5014": "Frøya",
		"5020": "Osen", "5021": "Oppdal", "5022": "Rennebu", "5025": "Røros",
		"5026": "Holtålen", "5027": "Midtre Gauldal", "5028": "Melhus", "5029": "Skaun",
		"5031": "Malvik", "5032": "Selbu", "5033": "Tydal", "5034": "Meråker",
		"5035": "Stjørdal", "5036": "Frosta", "5037": "Levanger", "5038": "Verdal",
		"5041": "Snåsa", "5042": "Lierne", "5043": "Røyrvik", "5044": "Namsskogan",
		"5045": "Grong", "5046": "Høylandet", "5047": "Overhalla", "5049": "Flatanger",
		"5052": "Leka", "5053": "Inderøy", "5054": "Indre Fosen", "5055": "Heim",
		"5056": "Hitra", "5057": "Ørland", "5058": "Åfjord", "5059": "Orkland",
		"5060": "Nærøysund", "5061": "Rindal",
	}
	factsSami = map[string]string{
		"5001": "Tråante", "5007": "Nåavmesjenjaelmie", "5025": "Rosse",
		"5037": "Levangke", "5041": "Snåase", "5043": "Raarvihke",
	}
)

func TestMunicipalities(t *testing.T) {
	if len(factsJamtland) != 8 || len(factsTrondelag) != 38 {
		t.Fatalf("test tables: %d + %d", len(factsJamtland), len(factsTrondelag))
	}
	all := Municipalities()
	if len(all) != 8+38 {
		t.Errorf("Municipalities() has %d entries, want 46", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b Municipality) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Municipalities() not sorted by code")
	}
	perCounty := map[string]int{}
	for _, m := range all {
		perCounty[m.County]++
		if m.Name == "" {
			t.Errorf("%s has no name", m.Code)
		}
	}
	if perCounty["23"] != 8 || perCounty["50"] != 38 || len(perCounty) != 2 {
		t.Errorf("per county: %v, want 23:8 50:38", perCounty)
	}
	check := func(codes map[string]string, county string, country Country) {
		for code, name := range codes {
			m, ok := MunicipalityByCode(code)
			if !ok {
				t.Errorf("municipality %s (%s) missing", code, name)
				continue
			}
			if m.Code != code || m.County != county || m.Country != country {
				t.Errorf("%s = %+v, want county %s country %s", code, m, county, country)
			}
			if !strings.Contains(m.Name, name) {
				t.Errorf("%s name %q, want %q", code, m.Name, name)
			}
			if m.SamiName != factsSami[code] {
				t.Errorf("%s Sami name %q, want %q", code, m.SamiName, factsSami[code])
			}
			if !strings.HasPrefix(code, county) {
				t.Errorf("%s not in county %s", code, county)
			}
		}
	}
	check(factsJamtland, "23", CountrySE)
	check(factsTrondelag, "50", CountryNO)

	if _, ok := MunicipalityByCode("0301"); ok {
		t.Error("Oslo should not be listed")
	}
	if _, ok := MunicipalityByCode(MunicipalityOther); ok {
		t.Error(`"other" is not a municipality`)
	}
	// Callers get copies.
	all[0].Name = "changed"
	if Municipalities()[0].Name == "changed" {
		t.Error("Municipalities() shares its slice")
	}
}

func TestCounties(t *testing.T) {
	want := []County{
		{Code: "23", Country: CountrySE, Name: "Jämtlands län"},
		{Code: "50", Country: CountryNO, Name: "Trøndelag", SamiName: "Trööndelage"},
	}
	if got := Counties(); !slices.Equal(got, want) {
		t.Errorf("Counties() = %+v, want %+v", got, want)
	}
}

func TestValidateMunicipality(t *testing.T) {
	for _, ok := range []string{"", MunicipalityOther, "2380", "5001", "5061"} {
		if err := ValidateMunicipality(ok); err != nil {
			t.Errorf("ValidateMunicipality(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"0301", "2380 ", "Östersund", "23", "5062", "OTHER"} {
		err := ValidateMunicipality(bad)
		ve, ok := AsValidation(err)
		if !ok || ve.Field != "municipality" || ve.Code != "municipality.unknown" || ve.Params["code"] != bad {
			t.Errorf("ValidateMunicipality(%q) = %v", bad, err)
		}
	}
}

func TestSectors(t *testing.T) {
	sectors := Sectors()
	if len(sectors) != 21 {
		t.Fatalf("%d sectors, want 21", len(sectors))
	}
	for i, s := range sectors {
		if want := string(rune('A' + i)); s.Code != want {
			t.Errorf("sector %d has code %q, want %q", i, s.Code, want)
		}
		for _, lang := range []string{"en", "sv", "nb"} {
			if strings.TrimSpace(s.Names[lang]) == "" {
				t.Errorf("sector %s has no %s name", s.Code, lang)
			}
		}
		if err := ValidateSector(s.Code); err != nil {
			t.Errorf("ValidateSector(%q): %v", s.Code, err)
		}
	}

	c, ok := SectorByCode("C")
	if !ok {
		t.Fatal("no sector C")
	}
	for lang, want := range map[string]string{
		"en": "Manufacturing", "sv": "Tillverkning", "nb": "Industri",
		"fi": "Manufacturing", "": "Manufacturing",
	} {
		if got := c.Name(lang); got != want {
			t.Errorf("C.Name(%q) = %q, want %q", lang, got, want)
		}
	}
	if _, ok := SectorByCode("c"); ok {
		t.Error(`SectorByCode("c") should not match`)
	}
	c.Names["en"] = "changed"
	if again, _ := SectorByCode("C"); again.Name("en") != "Manufacturing" {
		t.Error("SectorByCode shares its name map")
	}

	if err := ValidateSector(""); err != nil {
		t.Errorf(`ValidateSector(""): %v`, err)
	}
	for _, bad := range []string{"c", "V", "Z", "AB", "01", " C"} {
		err := ValidateSector(bad)
		ve, ok := AsValidation(err)
		if !ok || ve.Field != "sector" || ve.Code != "sector.unknown" {
			t.Errorf("ValidateSector(%q) = %v", bad, err)
		}
	}
}

func TestSizeClassFor(t *testing.T) {
	for n, want := range map[int]SizeClass{
		-1: SizeUnknown, 0: SizeMicro, 1: SizeMicro, 9: SizeMicro,
		10: SizeSmall, 49: SizeSmall, 50: SizeMedium, 249: SizeMedium,
		250: SizeLarge, 100000: SizeLarge,
	} {
		if got := SizeClassFor(n); got != want {
			t.Errorf("SizeClassFor(%d) = %q, want %q", n, got, want)
		}
	}
}
