package domain

import (
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/models"
)

// codeOf is the code of the one problem err reports for field ("" if none).
func codeOf(t *testing.T, err error, field string) string {
	t.Helper()
	code := ""
	for _, v := range ValidationErrors(err) {
		if v.Field == field {
			if code != "" {
				t.Errorf("%s is reported twice: %v", field, err)
			}
			code = v.Code
		}
	}
	return code
}

// What a terminal or a one-line list must never get as it is typed.
var refusedEverywhere = map[string]string{
	"ESC colour":     "A\x1b[31mB",
	"bell":           "A\aB",
	"backspace":      "Good\b\b\b\bEvil",
	"NUL":            "A\x00B",
	"DEL":            "A\x7fB",
	"C1 CSI":         "A\u009b31mB",
	"C1 NEL":         "A\u0085B",
	"RLO override":   "invoice\u202egpj.exe",
	"LRE embedding":  "A\u202aB",
	"FSI isolate":    "A\u2068B",
	"PDI isolate":    "A\u2069B",
	"vertical tab":   "A\vB",
	"not UTF-8":      "A\xffB",
	"half a rune":    "A\xc3",
	"form feed":      "A\fB",
	"carriage ret.":  "Good\rEvil",
	"line separator": "A\u2028B",
}

func TestSingleLineFieldsRefuseControlCharacters(t *testing.T) {
	for entity, fields := range entityFields {
		for _, f := range fields {
			if !f.Kind.IsText() && f.Kind != FieldList {
				continue
			}
			for name, bad := range refusedEverywhere {
				v := any(bad)
				if f.Kind == FieldList {
					v = []string{"ok", bad}
				}
				err := f.Check(v)
				vErr, ok := AsValidation(err)
				if !ok || vErr.Field != f.Name || !strings.HasPrefix(vErr.Code, "text.") && vErr.Code != "date.format" {
					t.Errorf("%s.%s = %q (%s): got %v, want a text problem naming the field", entity, f.Name, bad, name, err)
				}
			}
			// A newline or a tab is refused on one line, kept in notes.
			for _, s := range []string{"two\nlines", "a\ttab"} {
				err := f.Check(s)
				if f.Kind == FieldNotes && err != nil {
					t.Errorf("%s.%s (notes) refused %q: %v", entity, f.Name, s, err)
				}
				if f.Kind != FieldNotes && f.Kind != FieldList && err == nil {
					t.Errorf("%s.%s (one line) took %q", entity, f.Name, s)
				}
			}
		}
	}
}

func TestOrdinaryTextIsAccepted(t *testing.T) {
	for _, s := range []string{"", "Storsjö Trä AB", "Trøndersk Fisk AS", "Sámi Duodji", "O'Brien & Co. (Åre)",
		"שלום", "مرحبا", "名前", "emoji ✓ 👍", "nbsp\u00a0space", "zero\u200bwidth"} {
		if err := CheckSingleLine("name", s); err != nil {
			t.Errorf("CheckSingleLine(%q) = %v", s, err)
		}
		if err := checkMultiLine("notes", s+"\n\tmore"); err != nil {
			t.Errorf("checkMultiLine(%q) = %v", s, err)
		}
	}
}

func TestNormaliseRefusesControlCharactersOncePerField(t *testing.T) {
	ok := Organisation{Name: "Storsjö Trä AB", OrgNr: "556036-0793"}
	for _, tc := range []struct {
		name  string
		check func() error
		field string
		code  string
	}{
		{"org name ESC", func() error { o := ok; o.Name = "A\x1b[31mB"; return o.Normalise() }, "name", "text.control"},
		{"org name newline", func() error { o := ok; o.Name = "Line\nbreak"; return o.Normalise() }, "name", "text.line_break"},
		{"org number", func() error { o := ok; o.OrgNr = "556036\x1b0793"; return o.Normalise() }, "orgnr", "text.control"},
		{"org notes ESC", func() error { o := ok; o.Notes = "fine\n\x1b[2J"; return o.Normalise() }, "notes", "text.control"},
		{"org tag", func() error { o := ok; o.Tags = []string{"wood", "x\u202ey"}; return o.Normalise() }, "tags", "text.control"},
		{"org municipality", func() error { o := ok; o.Municipality = "23\x0080"; return o.Normalise() }, "municipality", "text.control"},
		{"contact email", func() error {
			c := Contact{OrgID: "o", Name: "Karin", Email: "karin\x1b@example.se"}
			return c.Normalise()
		}, "email", "text.control"},
		{"contact phone", func() error { c := Contact{OrgID: "o", Name: "Karin", Phone: "070\u009b1"}; return c.Normalise() }, "phone", "text.control"},
		{"contact role", func() error { c := Contact{OrgID: "o", Name: "Karin", Role: "CEO\nand more"}; return c.Normalise() }, "role", "text.line_break"},
		{"visit place", func() error {
			v := Visit{Date: "2026-11-02", OrgIDs: []string{"o"}, Place: "Åre\u2066"}
			return v.Normalise()
		}, "place", "text.control"},
		{"visit advisor", func() error {
			v := Visit{Date: "2026-11-02", OrgIDs: []string{"o"}, Advisor: "Anna\x7f"}
			return v.Normalise()
		}, "advisor", "text.control"},
		{"action text", func() error { a := Action{OrgID: "o", Text: "Call\x1b]0;pwned\a"}; return a.Normalise() }, "text", "text.control"},
		{"action owner", func() error { a := Action{OrgID: "o", Text: "Call", Owner: "A\nB"}; return a.Normalise() }, "owner", "text.line_break"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := codeOf(t, tc.check(), tc.field); got != tc.code {
				t.Errorf("problem of %s = %q, want %q", tc.field, got, tc.code)
			}
		})
	}
	// Notes keep their lines; Windows line ends become "\n".
	o := ok
	o.Notes = "first\r\nsecond\n\tindented"
	if err := o.Normalise(); err != nil || o.Notes != "first\nsecond\n\tindented" {
		t.Errorf("notes: %v, %q", err, o.Notes)
	}
}

func TestDatesStayInRange(t *testing.T) {
	for _, tc := range []struct {
		date string
		code string
	}{
		{"1900-01-01", ""}, {"2100-12-31", ""}, {"2026-11-27", ""},
		{"1899-12-31", "date.range"}, {"2101-01-01", "date.range"},
		{"0000-01-01", "date.range"}, {"9999-12-31", "date.range"},
		{"2026-02-30", "date.format"}, {"26-11-27", "date.format"}, {"2026-11-27\x1b", "date.format"},
	} {
		m := scaleModel()
		ten := 3
		for what, err := range map[string]error{
			"visit date":      (&Visit{Date: tc.date, OrgIDs: []string{"o"}}).Normalise(),
			"action due":      (&Action{OrgID: "o", Text: "Call", Due: tc.date}).Normalise(),
			"action done":     (&Action{OrgID: "o", Text: "Call", Done: tc.date}).Normalise(),
			"consent date":    (&Contact{OrgID: "o", Name: "Karin", ConsentDate: tc.date}).Normalise(),
			"assessment date": (&Assessment{OrgID: "o", ModelID: m.ID, ModelVersion: m.Version, Date: tc.date}).Normalise(m),
			"target due": (&Assessment{OrgID: "o", ModelID: m.ID, ModelVersion: m.Version, Date: "2026-11-27",
				Answers: []Answer{{Dimension: "team", Target: &ten, TargetDue: tc.date}}}).Normalise(m),
			"filter": ValidateDate("from", tc.date, true),
		} {
			vs := ValidationErrors(err)
			got := ""
			if len(vs) == 1 {
				got = vs[0].Code
			} else if len(vs) > 1 {
				t.Errorf("%s %q: %v, want one problem", what, tc.date, err)
			}
			if got != tc.code {
				t.Errorf("%s %q: %v, want %q", what, tc.date, err, tc.code)
			}
		}
		if err := CheckField(EntityVisit, "date", tc.date); (err == nil) != (tc.code == "") {
			t.Errorf("the schema's check of visit.date %q: %v", tc.date, err)
		}
	}
}

// scaleModel is a two-dimension scale model for assessments in tests.
func scaleModel() *models.Model {
	return &models.Model{ID: "test-scale", Version: 1, Kind: models.KindScale, Levels: 5,
		Dimensions: []models.Dimension{{ID: "team"}, {ID: "customer"}}}
}

func TestMergedTextFollowsTheField(t *testing.T) {
	if err := CheckField(EntityOrganisation, "name", "Two\nlines"); codeOf(t, err, "name") != "text.line_break" {
		t.Errorf("a merged name on two lines: %v", err)
	}
	if err := CheckField(EntityOrganisation, "notes", "Two\nlines"); err != nil {
		t.Errorf("merged notes on two lines: %v", err)
	}
}
