package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// --- error paths --------------------------------------------------------------

// hints is cli.usage.hint, the end of every usage error's line.
var hints = map[string]string{
	"en": `Run "ilsa help" for the commands.`,
	"sv": `Kör "ilsa help" för att se kommandona.`,
	"nb": `Kjør "ilsa help" for å se kommandoene.`,
}

// assertFailure checks a failed run: the exit code, nothing on stdout, and on
// stderr exactly one line "ilsa: …" holding every want (ending in the hint in
// the same language for a usage error, exit 2).
func assertFailure(t *testing.T, args []string, lang string, wantCode int, out, errOut string, code int, want []string) {
	t.Helper()
	cmd := strings.Join(args, " ")
	if code != wantCode {
		t.Errorf("ilsa %s: exit %d, want %d (stderr %q)", cmd, code, wantCode, errOut)
	}
	if out != "" {
		t.Errorf("ilsa %s: printed %q on stdout, want nothing", cmd, out)
	}
	ls := lines(errOut)
	if !strings.HasSuffix(errOut, "\n") || len(ls) != 1 {
		t.Fatalf("ilsa %s: stderr %q, want one line", cmd, errOut)
	}
	if !strings.HasPrefix(ls[0], "ilsa: ") || len(ls[0]) < len("ilsa: ")+10 {
		t.Errorf("ilsa %s: stderr %q, want \"ilsa: \" and a message", cmd, ls[0])
	}
	for _, w := range want {
		if !strings.Contains(ls[0], w) {
			t.Errorf("ilsa %s: stderr %q, want %q in it", cmd, ls[0], w)
		}
	}
	if wantCode == 2 && !strings.HasSuffix(ls[0], " "+hints[lang]) {
		t.Errorf("ilsa %s: usage error %q, want it to end in %q", cmd, ls[0], hints[lang])
	}
}

// The UUIDv7 of no record.
const missingID = "01900000-0000-7000-8000-000000000000"

func TestErrorsChangeNothing(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	org := c.id("org", "add", "--name", "Storsjö Trä AB", "--orgnr", "556036-0793", "--municipality", "2380", "--employees", "14")
	org2 := c.id("org", "add", "--name", "Trøndersk Fisk AS", "--orgnr", "988077917")
	gone := c.id("org", "add", "--name", "Nedlagt AB")
	c.ok("org", "delete", gone)
	contact := c.id("contact", "add", "--org", org, "--name", "Karin Ek")
	visit := c.id("visit", "add", "--org", org, "--date", "2026-11-02")
	action := c.id("action", "add", "--org", org, "--text", "Send the offer")
	ids := map[string]string{"{org}": org, "{org2}": org2, "{gone}": gone, "{contact}": contact, "{visit}": visit,
		"{action}": action, "{missing}": missingID}
	before := c.dump()
	profile := c.ok("check")

	locale := map[string]string{"en": "en_GB.UTF-8", "sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8"}
	for _, tc := range []struct {
		lang string // the language of LANG (en, sv, nb)
		args []string
		code int
		want []string // in stderr's first line
	}{
		// The command line itself.
		{"en", []string{"frobnicate"}, 2, []string{`Unknown command "frobnicate".`}},
		{"sv", []string{"frobnicate"}, 2, []string{`Okänt kommando "frobnicate".`}},
		{"nb", []string{"frobnicate"}, 2, []string{`Ukjent kommando "frobnicate".`}},
		{"en", []string{"org", "frob"}, 2, []string{`Unknown command "frob".`}},
		{"sv", []string{"org"}, 2, []string{"underkommando"}},
		{"en", []string{"--colour", "org", "list"}, 2, []string{"Unknown option --colour."}},
		{"en", []string{"org", "add", "--name", "X", "--colour", "red"}, 2, []string{"Unknown option --colour."}},
		{"nb", []string{"org", "list", "--colour"}, 2, []string{"Ukjent valg --colour."}},
		{"en", []string{"--lang", "de", "check"}, 2, []string{`Unknown language "de": choose sv, nb or en.`}},
		{"sv", []string{"--lang", "DE", "check"}, 2, []string{`Okänt språk "DE"`}},
		{"nb", []string{"--lang=", "check"}, 2, []string{`Ukjent språk ""`}},
		{"en", []string{"--lang"}, 2, []string{"--lang needs a value."}},
		{"sv", []string{"org", "add", "--name"}, 2, []string{"--name behöver ett värde."}},
		{"nb", []string{"visit", "list", "--org"}, 2, []string{"--org trenger en verdi."}},

		// Missing required options.
		{"en", []string{"init"}, 2, []string{"--advisor is required."}},
		{"sv", []string{"init", "--advisor", "  "}, 2, []string{"--advisor måste anges."}},
		{"en", []string{"org", "add", "--orgnr", "5560360793"}, 2, []string{"--name is required."}},
		{"nb", []string{"org", "add"}, 2, []string{"--name må oppgis."}},
		{"en", []string{"contact", "add", "--name", "Karin"}, 2, []string{"--org is required."}},
		{"en", []string{"contact", "add", "--org", "{org}"}, 2, []string{"--name is required."}},
		{"en", []string{"visit", "add", "--date", "2026-11-03"}, 2, []string{"--org is required."}},
		{"sv", []string{"visit", "add", "--org", "{org}"}, 2, []string{"--date måste anges."}},
		{"en", []string{"action", "add", "--org", "{org}"}, 2, []string{"--text is required."}},
		{"nb", []string{"action", "add", "--text", "Ring"}, 2, []string{"--org må oppgis."}},

		// Ids and positional arguments.
		{"en", []string{"org", "edit", "{org}"}, 2, []string{"Nothing to change: give at least one option."}},
		{"sv", []string{"contact", "edit", "{contact}"}, 2, []string{"Inget att ändra"}},
		{"en", []string{"org", "edit", "--name", "X"}, 2, []string{"Give the id of the record."}},
		{"nb", []string{"org", "delete"}, 2, []string{"Oppgi postens id."}},
		{"en", []string{"org", "delete", "{org}", "{org2}"}, 2, []string{"Unexpected arguments: " + org2}},
		{"en", []string{"org", "list", "extra"}, 2, []string{"Unexpected arguments: extra"}},
		{"sv", []string{"org", "add", "--name", "X", "Y"}, 2, []string{"Oväntade argument: Y"}},
		{"en", []string{"dump", "now"}, 2, []string{"Unexpected arguments: now"}},
		{"en", []string{"check", "--fast"}, 2, []string{"Unknown option --fast."}},
		{"en", []string{"init", "--advisor", "A", "B"}, 2, []string{"Unexpected arguments: B"}},

		// Values of the wrong form.
		{"en", []string{"org", "add", "--name", "X", "--employees", "abc"}, 2, []string{`"abc" is not a valid value for --employees.`}},
		{"sv", []string{"org", "edit", "{org}", "--employees", "many"}, 2, []string{`"many" är inte ett giltigt värde för --employees.`}},
		{"en", []string{"visit", "add", "--org", "{org}", "--date", "2026-11-03", "--minutes", "an hour"}, 2, []string{`"an hour" is not a valid value for --minutes.`}},
		{"en", []string{"action", "list", "--status", "bogus"}, 2, []string{`"bogus" is not a valid value for --status.`}},
		{"nb", []string{"action", "list", "--status", "bogus"}, 2, []string{`"bogus" er ikke en gyldig verdi for --status.`}},
		{"en", []string{"visit", "list", "--from", "yesterday"}, 2, []string{`"yesterday" is not a valid value for --from.`}},
		{"en", []string{"demo", "--orgs", "0"}, 2, []string{`"0" is not a valid value for --orgs.`}},
		{"en", []string{"visit", "add", "--org", "{org}", "--date", "2026-11-03", "--cross-border=maybe"}, 2, []string{`"maybe" is not a valid value for --cross-border.`}},

		// Org numbers: the message names the problem in the user's language.
		{"en", []string{"org", "add", "--name", "X", "--orgnr", "556036-0794"}, 1, []string{"Org number", "check digit does not match"}},
		{"sv", []string{"org", "add", "--name", "X", "--orgnr", "556036-0794"}, 1, []string{"Organisationsnummer: Kontrollsiffran stämmer inte"}},
		{"nb", []string{"org", "add", "--name", "X", "--orgnr", "988 077 918"}, 1, []string{"Organisasjonsnummer: Kontrollsifferet stemmer ikke"}},
		{"en", []string{"org", "add", "--name", "X", "--orgnr", "12345"}, 1, []string{"Wrong length", "found 5"}},
		{"sv", []string{"org", "add", "--name", "X", "--orgnr", "55603607"}, 1, []string{"Fel längd", "här 8"}},
		{"en", []string{"org", "add", "--name", "X", "--orgnr", "988077917", "--country", "SE"}, 1, []string{"looks like a number from Norway; check the country"}},
		{"sv", []string{"org", "add", "--name", "X", "--orgnr", "5560360793", "--country", "NO"}, 1, []string{"ser ut att vara från Sverige"}},
		{"nb", []string{"org", "edit", "{org}", "--country", "NO"}, 1, []string{"ser ut til å være fra Sverige"}},
		{"en", []string{"org", "add", "--name", "X", "--orgnr", "55A036-0793"}, 1, []string{"Only digits"}},
		{"en", []string{"org", "edit", "{org2}", "--orgnr", "988 077 918"}, 1, []string{"check digit does not match"}},

		// Other validation.
		{"en", []string{"org", "add", "--name", "X", "--municipality", "9999"}, 1, []string{"9999 is not a municipality code in Jämtland or Trøndelag"}},
		{"sv", []string{"org", "add", "--name", "X", "--municipality", "0180"}, 1, []string{"Kommun: 0180 är ingen kommunkod"}},
		{"nb", []string{"org", "add", "--name", "X", "--municipality", "2380", "--country", "NO"}, 1, []string{"Kommune 2380 ligger ikke i Norge"}},
		{"en", []string{"org", "add", "--name", "X", "--country", "DK"}, 1, []string{"Choose Sweden or Norway."}},
		{"en", []string{"org", "add", "--name", "X", "--sector", "Z"}, 1, []string{"Choose a sector A–U."}},
		{"en", []string{"org", "add", "--name", "X", "--kind", "huge"}, 2, []string{"--kind", "huge"}},
		{"en", []string{"org", "edit", "{org}", "--kind", "charity"}, 2, []string{"--kind", "charity"}},
		{"en", []string{"org", "add", "--name", "X", "--employees", "-3"}, 1, []string{"Employees", "Must be a number from 0 to"}},
		{"en", []string{"org", "add", "--name", "   "}, 1, []string{"Required."}},
		{"en", []string{"org", "edit", "{org}", "--name", ""}, 1, []string{"Required."}},
		{"en", []string{"init", "--advisor", "Bo", "--country", "FI"}, 1, []string{"Choose Sweden or Norway."}},
		{"en", []string{"contact", "add", "--org", "{org}", "--name", "Karin", "--email", "karin(at)example"}, 1, []string{`"karin(at)example" is not an e-mail address.`}},
		{"en", []string{"contact", "add", "--org", "{org}", "--name", "Karin", "--phone", "call me"}, 1, []string{"not a phone number"}},

		// Dates.
		{"en", []string{"visit", "add", "--org", "{org}", "--date", "2026-13-01"}, 1, []string{`"2026-13-01" is not a date; write it as 2026-11-27 or 27 Nov 2026.`}},
		{"sv", []string{"visit", "add", "--org", "{org}", "--date", "27/11/2026"}, 1, []string{`Datum: "27/11/2026" är inget datum`}},
		{"nb", []string{"visit", "edit", "{visit}", "--date", "2026-02-30"}, 1, []string{`Dato: "2026-02-30" er ikke en dato`}},
		{"en", []string{"action", "add", "--org", "{org}", "--text", "Call", "--due", "tomorrow"}, 1, []string{`"tomorrow" is not a date`}},
		{"en", []string{"action", "done", "{action}", "--date", "soon"}, 1, []string{`"soon" is not a date`}},

		// References to records that do not exist.
		{"en", []string{"visit", "add", "--org", "{missing}", "--date", "2026-11-03"}, 1, []string{"does not exist or has been deleted"}},
		{"sv", []string{"visit", "add", "--org", "{org}", "--org", "{gone}", "--date", "2026-11-03"}, 1, []string{"finns inte eller har tagits bort"}},
		{"en", []string{"visit", "edit", "{visit}", "--org", "{missing}"}, 1, []string{"does not exist or has been deleted"}},
		{"en", []string{"contact", "add", "--org", "{missing}", "--name", "Karin"}, 1, []string{"does not exist or has been deleted"}},
		{"en", []string{"action", "add", "--org", "{gone}", "--text", "Call"}, 1, []string{"does not exist or has been deleted"}},
		{"en", []string{"action", "add", "--org", "{org}", "--text", "Call", "--visit", "{missing}"}, 1, []string{"does not exist or has been deleted"}},

		// Edit and delete of records that do not exist.
		{"en", []string{"org", "edit", "{missing}", "--name", "X"}, 1, []string{"No organisation with id " + missingID}},
		{"sv", []string{"org", "delete", "{missing}"}, 1, []string{"Hittade inte organisation med id " + missingID}},
		{"nb", []string{"org", "delete", "{gone}"}, 1, []string{"Fant ikke organisasjon med id " + gone}},
		{"sv", []string{"org", "delete", "{org}"}, 1, []string{"Storsjö Trä AB har besök (1) och togs inte bort",
			"--with-visits", "ilsa org merge BEHÅLL-ID " + org}},
		{"nb", []string{"org", "delete", "--with-visits", "{gone}"}, 1, []string{"Fant ikke organisasjon med id " + gone}},
		{"en", []string{"org", "edit", "not-an-id", "--name", "X"}, 1, []string{"No organisation with id not-an-id"}},
		{"en", []string{"contact", "edit", "{missing}", "--name", "X"}, 1, []string{"No contact with id"}},
		{"nb", []string{"contact", "delete", "{org}"}, 1, []string{"Fant ikke kontakt med id " + org}},
		{"en", []string{"visit", "edit", "{missing}", "--minutes", "5"}, 1, []string{"No visit with id"}},
		{"sv", []string{"visit", "delete", "{missing}"}, 1, []string{"besök med id " + missingID}},
		{"en", []string{"action", "done", "{missing}"}, 1, []string{"No action with id"}},
		{"nb", []string{"action", "delete", "{visit}"}, 1, []string{"Fant ikke tiltak med id " + visit}},
		{"en", []string{"contact", "list", "--org", "{missing}"}, 1, []string{"No organisation with id"}},
		{"en", []string{"visit", "list", "--org", "{gone}"}, 1, []string{"No organisation with id"}},

		// Demo into a database that is not empty.
		{"sv", []string{"demo", "--orgs", "5"}, 1, []string{"Demodata kan bara läsas in i en tom databas."}},
	} {
		args := make([]string, len(tc.args))
		for i, a := range tc.args {
			if id, ok := ids[a]; ok {
				a = id
			}
			args[i] = a
		}
		t.Run(tc.lang+" "+strings.Join(tc.args, " "), func(t *testing.T) {
			c.env = map[string]string{"LANG": locale[tc.lang]}
			out, errOut, code := c.run(args...)
			assertFailure(t, args, tc.lang, tc.code, out, errOut, code, tc.want)
			c.env = map[string]string{}
			if after := c.dump(); after != before {
				t.Errorf("ilsa %s changed the database:\nbefore %s\nafter  %s", strings.Join(args, " "), before, after)
				before = after
			}
		})
	}
	if got := c.ok("check"); got != profile {
		t.Errorf("check after the failures = %q, want %q", got, profile)
	}
}

// --- text that a terminal would obey, and dates out of range -----------------

// exactLine runs a command that must fail with exit code and exactly the
// line want on stderr, in the language of LANG lang.
func (c *cli) exactLine(lang string, code int, want string, args ...string) {
	c.t.Helper()
	locale := map[string]string{"en": "en_GB.UTF-8", "sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8"}
	c.env = map[string]string{"LANG": locale[lang]}
	defer func() { c.env = map[string]string{} }()
	out, errOut, got := c.run(args...)
	if got != code || out != "" || errOut != want+"\n" {
		c.t.Errorf("ilsa %q (%s): exit %d, stdout %q, stderr %q;\nwant exit %d and stderr %q", args, lang, got, out, errOut, code, want)
	}
}

func TestControlCharactersAreRefused(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg")
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	before := c.dump()
	esc := "A\x1b[31mB"
	c.exactLine("en", 1, "ilsa: Name: Contains an invisible control character (U+001B); type the text again without it.",
		"org", "add", "--name", esc)
	c.exactLine("sv", 1, "ilsa: Namn: Innehåller ett osynligt styrtecken (U+001B); skriv texten igen utan det.",
		"org", "add", "--name", esc)
	c.exactLine("nb", 1, "ilsa: Navn: Må stå på én linje: fjern linjeskiftet.", "org", "edit", org, "--name", "Storsjö\nTrä AB")
	c.exactLine("en", 1, "ilsa: E-mail: Contains an invisible control character (U+009B); type the text again without it.",
		"contact", "add", "--org", org, "--name", "Karin", "--email", "karin\u009b@example.se")
	c.exactLine("en", 1, "ilsa: Place: Contains an invisible control character (U+202E); type the text again without it.",
		"visit", "add", "--org", org, "--date", "2026-11-02", "--place", "Åre\u202eerÅ")
	c.exactLine("en", 1, "ilsa: Notes: Contains an invisible control character (U+001B); type the text again without it.",
		"visit", "add", "--org", org, "--date", "2026-11-02", "--notes", "Fine\n\x1b[2J")
	c.exactLine("sv", 1, "ilsa: Åtgärd: Ska stå på en rad: ta bort radbrytningen.", "action", "add", "--org", org, "--text", "Ring\nKarin")
	c.exactLine("en", 1, "ilsa: Advisor: Contains an invisible control character (U+0007); type the text again without it.",
		"init", "--advisor", "Anna\a")
	if after := c.dump(); after != before {
		t.Errorf("a refused text changed the data:\nbefore %s\nafter  %s", before, after)
	}
	// Notes keep their lines and tabs.
	v := c.id("visit", "add", "--org", org, "--date", "2026-11-02", "--notes", "First line\n\tand the second")
	if got := byID(c.list("visit", "list"), v)["notes"]; got != "First line\n\tand the second" {
		t.Errorf("notes stored as %q", got)
	}
}

// poison writes texts into the database underneath the store, as an old
// version or another device's changes could have left them.
func poison(t *testing.T, c *cli, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(c.dir, data.DBFileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestStoredControlCharactersPrintEscaped(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg")
	bad := c.id("org", "add", "--name", "Bad")
	good := c.id("org", "add", "--name", "Storsjö Trä AB")
	contact := c.id("contact", "add", "--org", bad, "--name", "Karin")
	c.id("visit", "add", "--org", bad, "--org", good, "--date", "2026-11-02")
	action := c.id("action", "add", "--org", bad, "--text", "Call")
	// ESC colours, a newline, a bidi override, a one-byte CSI, a carriage return.
	const name = "A\x1b[31mB\nC\u202eD\u009b2J"
	poison(t, c,
		`UPDATE organisations SET name = 'A'||char(27)||'[31mB'||char(10)||'C'||char(8238)||'D'||char(155)||'2J' WHERE id = '`+bad+`'`,
		`UPDATE contacts SET role = 'CEO'||char(13)||'Evil', email = 'k@x.se'||char(7) WHERE id = '`+contact+`'`,
		`UPDATE actions SET text = 'Call'||char(10)||'now'||char(9)||'!' WHERE id = '`+action+`'`)
	if got := byID(c.list("org", "list"), bad)["name"]; got != name {
		t.Fatalf("the poisoned name reads %q, want %q", got, name)
	}
	const shown = `A\x1b[31mB\nC\u202eD\x9b2J`
	for _, tc := range []struct {
		args  []string
		rows  int
		shown []string
	}{
		{[]string{"org", "list"}, 2, []string{shown}},
		{[]string{"visit", "list"}, 1, []string{shown + ", Storsjö Trä AB"}},
		{[]string{"contact", "list"}, 1, []string{`CEO\rEvil`, `k@x.se\x07`}},
		{[]string{"action", "list"}, 1, []string{`Call\nnow\t!`, shown}},
	} {
		out := c.ok(tc.args...)
		ls := lines(out)
		if len(ls) != 1+tc.rows {
			t.Errorf("ilsa %s: %d lines, want a header and %d rows:\n%s", strings.Join(tc.args, " "), len(ls), tc.rows, out)
		}
		for _, w := range tc.shown {
			if !strings.Contains(out, w) {
				t.Errorf("ilsa %s: %q lacks %q", strings.Join(tc.args, " "), out, w)
			}
		}
		assertNoControls(t, tc.args, out, "\n")
		// --json is the same data, with every control character escaped.
		js := c.ok(append(tc.args, "--json")...)
		assertNoControls(t, tc.args, js, "\n")
		if !strings.Contains(js, `\u001b`) && (tc.args[0] == "org" || tc.args[0] == "action") {
			t.Errorf("ilsa %s --json: %q lacks the escaped ESC", strings.Join(tc.args, " "), js)
		}
	}
	// The JSON still reads back as the stored text.
	if got := byID(c.list("action", "list"), action)["text"]; got != "Call\nnow\t!" {
		t.Errorf("action text via --json = %q", got)
	}
}

// assertNoControls fails when out holds a control character other than allowed.
func assertNoControls(t *testing.T, args []string, out, allowed string) {
	t.Helper()
	for _, r := range out {
		if domain.IsControl(r) && !strings.ContainsRune(allowed, r) {
			t.Errorf("ilsa %s printed control character %U:\n%q", strings.Join(args, " "), r, out)
			return
		}
	}
}

func TestDatesAtTheBounds(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg")
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	for _, d := range []string{"1900-01-01", "2100-12-31"} {
		c.id("visit", "add", "--org", org, "--date", d)
		c.id("action", "add", "--org", org, "--text", "Call", "--due", d)
		c.id("contact", "add", "--org", org, "--name", "Karin", "--consent", d)
		c.id("assess", "--org", org, "--model", "innovation-readiness", "--level", "customer=3", "--date", d)
	}
	before := c.dump()
	c.exactLine("en", 1, "ilsa: Date: 1899-12-31 is outside 1900-01-01 to 2100-12-31: check the year.",
		"visit", "add", "--org", org, "--date", "1899-12-31")
	c.exactLine("sv", 1, "ilsa: Datum: 2101-01-01 ligger utanför 1900-01-01–2100-12-31: kontrollera årtalet.",
		"visit", "add", "--org", org, "--date", "2101-01-01")
	c.exactLine("nb", 1, "ilsa: Frist: 9999-12-31 ligger utenfor 1900-01-01–2100-12-31: sjekk årstallet.",
		"action", "add", "--org", org, "--text", "Call", "--due", "9999-12-31")
	c.exactLine("en", 1, "ilsa: Date: 0000-01-01 is outside 1900-01-01 to 2100-12-31: check the year.",
		"assess", "--org", org, "--model", "innovation-readiness", "--level", "customer=3", "--date", "0000-01-01")
	c.exactLine("en", 2, `ilsa: "2101-01-01" is not a valid value for --from. Run "ilsa help" for the commands.`,
		"visit", "list", "--from", "2101-01-01")
	if after := c.dump(); after != before {
		t.Errorf("a refused date changed the data:\nbefore %s\nafter  %s", before, after)
	}
}

// --- files and folders named on the command line -------------------------------

func TestFileMessagesNameWhatIsWrong(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg")
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	tmp := t.TempDir()
	missingDir := filepath.Join(tmp, "missing", "dir")
	out := filepath.Join(missingDir, "x")
	before := c.dump()

	c.exactLine("en", 1, "ilsa: Cannot write "+out+": the folder "+missingDir+" does not exist.", "export", "--out", out)
	c.exactLine("sv", 1, "ilsa: Kan inte skriva "+out+": mappen "+missingDir+" finns inte.", "export", "--out", out)
	c.exactLine("en", 1, "ilsa: Cannot write "+tmp+": it is a folder.", "export", "--out", tmp)
	c.exactLine("en", 2, `ilsa: "" is not a valid value for --out. Run "ilsa help" for the commands.`, "export", "--out", "")
	file := filepath.Join(tmp, "a-file")
	os.WriteFile(file, []byte("keep"), 0o644)
	c.exactLine("nb", 1, "ilsa: Kan ikke skrive "+file+"/x: "+file+" er en fil, ikke en mappe.", "export", "--out", file+"/x")
	c.exactLine("en", 1, "ilsa: Cannot write "+out+".pdf: the folder "+missingDir+" does not exist.",
		"report", "client", "--org", org, "--out", out+".pdf")
	c.exactLine("nb", 1, "ilsa: Kan ikke skrive "+out+".xlsx: mappen "+missingDir+" finnes ikke.",
		"report", "indicators", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "xlsx", "--out", out+".xlsx")

	noFile := filepath.Join(tmp, "colleague.bundle")
	c.exactLine("en", 1, "ilsa: No file "+noFile+": nothing was imported.", "import", noFile)
	c.exactLine("sv", 1, "ilsa: Filen "+noFile+" finns inte: inget importerades.", "import", noFile)
	c.exactLine("en", 1, "ilsa: "+tmp+" is a folder, not a bundle file: name the files in it (ilsa import "+
		filepath.Join(tmp, "*.bundle")+"), or sync with a shared folder (ilsa sync --folder "+tmp+"). Nothing was imported.",
		"import", tmp)
	c.exactLine("nb", 1, "ilsa: "+tmp+" er en mappe, ikke en synkfil: oppgi filene i den (ilsa import "+
		filepath.Join(tmp, "*.bundle")+"), eller synkroniser med en delt mappe (ilsa sync --folder "+tmp+"). Ingenting ble importert.",
		"import", tmp)
	// A good file beside a missing one: nothing imported, the missing one named.
	good := filepath.Join(tmp, "good.bundle")
	c.ok("export", "--out", good)
	c.exactLine("en", 1, "ilsa: No file "+noFile+": nothing was imported.", "import", good, noFile)

	if after := c.dump(); after != before {
		t.Errorf("the failures changed the data")
	}
	entries, _ := os.ReadDir(tmp)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"a-file", "good.bundle"}) {
		t.Errorf("the folder holds %v, want only a-file and good.bundle (no temporary files)", names)
	}
}
