package app

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/translations"
)

// fixedNow is "today" for every run: 27 November 2026.
var fixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// runGUI runs ilsa with args and an environment made only of env (the real
// process environment is never read), and reports whether the desktop app
// would have opened.
func runGUI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int, opened bool) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = RunWith(args, Env{
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
		Now:    func() time.Time { return fixedNow },
		OpenGUI: func(s *data.Store, tr *translations.Localizer, dataDir string) error {
			if s == nil || tr == nil || dataDir == "" {
				t.Errorf("OpenGUI(%v, %v, %q): want an open store, a localizer and the data folder", s, tr, dataDir)
			}
			opened = true
			return nil
		},
	})
	return out.String(), errOut.String(), code, opened
}

// run runs ilsa like runGUI and fails the test if a command opened the desktop app.
func run(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	stdout, stderr, code, opened := runGUI(t, env, args...)
	if opened {
		t.Errorf("ilsa %s opened the desktop app", strings.Join(args, " "))
	}
	return stdout, stderr, code
}

// cli is one data folder and one environment to run commands against.
type cli struct {
	t   *testing.T
	dir string
	env map[string]string
}

// newCLI returns a cli on a fresh (not yet created) data folder, with an
// empty environment: messages come in English unless a test says otherwise.
func newCLI(t *testing.T) *cli {
	return &cli{t: t, dir: filepath.Join(t.TempDir(), "ilsa-data"), env: map[string]string{}}
}

// run runs ilsa --data DIR args...
func (c *cli) run(args ...string) (stdout, stderr string, code int) {
	c.t.Helper()
	return run(c.t, c.env, append([]string{"--data", c.dir}, args...)...)
}

// ok runs a command that must succeed silently on stderr and returns stdout.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	out, errOut, code := c.run(args...)
	if code != 0 || errOut != "" {
		c.t.Fatalf("ilsa %s: exit %d, stderr %q, stdout %q", strings.Join(args, " "), code, errOut, out)
	}
	return out
}

// id runs an add command, checks that it printed only the new id (one line,
// a UUIDv7) and returns it.
func (c *cli) id(args ...string) string {
	c.t.Helper()
	out := c.ok(args...)
	id, found := strings.CutSuffix(out, "\n")
	if !found || strings.Contains(id, "\n") {
		c.t.Fatalf("ilsa %s printed %q, want the new id alone on one line", strings.Join(args, " "), out)
	}
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 || u.String() != id {
		c.t.Fatalf("ilsa %s printed %q, want a UUIDv7 (%v)", strings.Join(args, " "), id, err)
	}
	return id
}

// list runs a --json list command and decodes its array of objects.
func (c *cli) list(args ...string) []map[string]any {
	c.t.Helper()
	out := c.ok(append(args, "--json")...)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		c.t.Fatalf("ilsa %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
	if rows == nil {
		c.t.Fatalf("ilsa %s --json printed %q, want an array (also when empty)", strings.Join(args, " "), out)
	}
	return rows
}

// dump returns `ilsa dump`.
func (c *cli) dump() string {
	c.t.Helper()
	return c.ok("dump")
}

// dumpDoc decodes `ilsa dump` into its entity arrays.
func (c *cli) dumpDoc() map[string][]map[string]any {
	c.t.Helper()
	var doc map[string][]map[string]any
	if err := json.Unmarshal([]byte(c.dump()), &doc); err != nil {
		c.t.Fatalf("dump is not a JSON document of arrays: %v", err)
	}
	return doc
}

// ids returns the "id" of each row, in order.
func ids(rows []map[string]any) []string {
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		id, _ := r["id"].(string)
		out = append(out, id)
	}
	return out
}

// byID finds the row with this id (nil if absent).
func byID(rows []map[string]any, id string) map[string]any {
	for _, r := range rows {
		if r["id"] == id {
			return r
		}
	}
	return nil
}

// sameSet reports whether got and want hold the same ids, in any order.
func sameSet(got, want []string) bool {
	got, want = slices.Clone(got), slices.Clone(want)
	slices.Sort(got)
	slices.Sort(want)
	return slices.Equal(got, want)
}

func lines(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

// --- round trips ---------------------------------------------------------

func TestInitStoresProfile(t *testing.T) {
	c := newCLI(t)
	out := c.ok("init", "--advisor", "  Anna Berg ", "--organisation", "Mittuniversitetet", "--country", "se")
	if !strings.HasPrefix(out, "Welcome, Anna Berg.") || !strings.Contains(out, c.dir) {
		t.Errorf("init printed %q, want a welcome naming the advisor and %s", out, c.dir)
	}
	// The profile's advisor owns new actions.
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	c.id("action", "add", "--org", org, "--text", "Send the offer")
	if rows := c.list("action", "list"); len(rows) != 1 || rows[0]["owner"] != "Anna Berg" {
		t.Errorf("action list = %v, want one action owned by the profile's advisor", rows)
	}

	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := st.Profile()
	if err != nil {
		t.Fatal(err)
	}
	if want := (data.Profile{Advisor: "Anna Berg", Organisation: "Mittuniversitetet", Country: data.CountrySE, Done: true}); p != want {
		t.Errorf("profile = %+v, want %+v", p, want)
	}
	if l, _ := st.Setting(SettingLanguage); l != "" {
		t.Errorf("init without --lang saved language %q", l)
	}
}

func TestInitLanguageIsRemembered(t *testing.T) {
	c := newCLI(t)
	c.env["LANG"] = "en_GB.UTF-8"
	if out := c.ok("--lang", "sv", "init", "--advisor", "Anna Berg"); !strings.HasPrefix(out, "Välkommen, Anna Berg.") {
		t.Errorf("init --lang sv printed %q, want Swedish", out)
	}
	// Later runs speak Swedish without --lang, though LANG says English…
	if out := c.ok("check"); !strings.Contains(out, "Databasen är i gott skick.") {
		t.Errorf("check after init --lang sv printed %q, want Swedish", out)
	}
	_, errOut, code := c.run("org", "edit", "0190c4c0-0000-7000-8000-000000000000", "--name", "X")
	if code != 1 || !strings.Contains(errOut, "Hittade inte organisation med id 0190c4c0-0000-7000-8000-000000000000") {
		t.Errorf("org edit of a missing id: exit %d, stderr %q, want a Swedish not-found line", code, errOut)
	}
	// …and --lang still wins for one run, without changing the setting.
	if out := c.ok("--lang", "nb", "check"); !strings.Contains(out, "Databasen er i god stand.") {
		t.Errorf("check --lang nb printed %q, want Norwegian", out)
	}
	if out := c.ok("check"); !strings.Contains(out, "Databasen är i gott skick.") {
		t.Errorf("check after a --lang nb run printed %q, want Swedish still", out)
	}
}

func TestLanguageFromEnvironment(t *testing.T) {
	// The process environment says Swedish; only Env.Getenv may count.
	t.Setenv("LANGUAGE", "sv")
	t.Setenv("LANG", "sv_SE.UTF-8")
	for _, tc := range []struct {
		env  map[string]string
		want string // cli.check.ok in that language
	}{
		{map[string]string{}, "The database is in good order."},
		{map[string]string{"LANG": "C"}, "The database is in good order."},
		{map[string]string{"LANG": "sv_SE.UTF-8"}, "Databasen är i gott skick."},
		{map[string]string{"LANG": "nb_NO.UTF-8"}, "Databasen er i god stand."},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "nn_NO.UTF-8"}, "Databasen er i god stand."},
		{map[string]string{"LANGUAGE": "de:sv", "LANG": "nb_NO.UTF-8"}, "Databasen är i gott skick."},
	} {
		c := newCLI(t)
		c.env = tc.env
		if out := c.ok("check"); !strings.Contains(out, tc.want) {
			t.Errorf("env %v: check printed %q, want %q", tc.env, out, tc.want)
		}
	}
}

func TestOrgRoundTrip(t *testing.T) {
	c := newCLI(t) // no init: every command works on a new, empty folder
	se := c.id("org", "add", "--name", "Östersunds Glas AB", "--orgnr", "556036-0793", "--municipality", "2380",
		"--sector", "c", "--kind", "sme", "--employees", "14", "--notes", "Glass blowing, export to Norway")
	no := c.id("org", "add", "--name", "Trøndersk Fisk AS", "--orgnr", "988 077 917")
	third := c.id("org", "add", "--name", "Fjällbryggeriet")

	rows := c.list("org", "list")
	if !sameSet(ids(rows), []string{se, no, third}) {
		t.Fatalf("org list ids = %v, want %v", ids(rows), []string{se, no, third})
	}
	for _, want := range []map[string]any{
		{"id": se, "name": "Östersunds Glas AB", "orgnr": "5560360793", "country": "SE", "municipality": "2380",
			"sector": "C", "kind": "sme", "employees": 14.0},
		{"id": no, "name": "Trøndersk Fisk AS", "orgnr": "988077917", "country": "NO", "employees": nil},
		{"id": third, "name": "Fjällbryggeriet", "orgnr": "", "country": "", "kind": "sme"},
	} {
		got := byID(rows, want["id"].(string))
		for k, v := range want {
			if got[k] != v {
				t.Errorf("org %s: %s = %#v, want %#v", want["name"], k, got[k], v)
			}
		}
	}

	// Edit changes only the flags given.
	before := byID(c.dumpDoc()["organisations"], se)
	if out := c.ok("org", "edit", se, "--employees", "15"); out != "" {
		t.Errorf("org edit printed %q, want nothing", out)
	}
	after := byID(c.dumpDoc()["organisations"], se)
	for k, v := range before {
		switch k {
		case "employees":
			if after[k] != 15.0 {
				t.Errorf("after org edit --employees 15: employees = %v", after[k])
			}
		case "updated_at":
		default:
			if !jsonEqual(after[k], v) {
				t.Errorf("org edit --employees changed %s: %v → %v", k, v, after[k])
			}
		}
	}
	// The id may also come after the flags; an empty value clears.
	c.ok("org", "edit", "--notes", "", "--name", "Östersunds Glasbruk AB", se)
	if o := byID(c.dumpDoc()["organisations"], se); o["name"] != "Östersunds Glasbruk AB" || o["notes"] != "" || o["orgnr"] != "5560360793" || o["employees"] != 15.0 {
		t.Errorf("after second edit: %v", o)
	}

	// Search by name, by org number and by notes-free prefix.
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Fjäll", []string{third}},
		{"glasbruk", []string{se}},
		{"988077917", []string{no}},
		{"556036-0793", []string{se}},
		{"nothing-like-this", nil},
	} {
		if got := ids(c.list("org", "list", "--search", tc.text)); !sameSet(got, tc.want) {
			t.Errorf("org list --search %q = %v, want %v", tc.text, got, tc.want)
		}
	}

	// The table lists names too.
	if out := c.ok("org", "list"); !strings.Contains(out, "Trøndersk Fisk AS") || !strings.Contains(out, no) {
		t.Errorf("org list table = %q", out)
	}

	// Delete leaves a tombstone in the dump and nothing in the list.
	if out := c.ok("org", "delete", no); out != "" {
		t.Errorf("org delete printed %q", out)
	}
	if got := ids(c.list("org", "list")); !sameSet(got, []string{se, third}) {
		t.Errorf("after delete, org list = %v", got)
	}
	if o := byID(c.dumpDoc()["organisations"], no); o == nil || o["deleted"] != true {
		t.Errorf("dump after delete: %v, want a tombstone with \"deleted\": true", o)
	}
}

// jsonEqual compares two decoded JSON values.
func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestContactRoundTrip(t *testing.T) {
	c := newCLI(t)
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	other := c.id("org", "add", "--name", "Åre Turism AB")
	a := c.id("contact", "add", "--org", org, "--name", "Karin Ek", "--role", "CEO", "--email", "karin@example.se", "--phone", "+46 63 12 34 56")
	b := c.id("contact", "add", "--org", other, "--name", "Ola Nordmann")

	rows := c.list("contact", "list")
	if !sameSet(ids(rows), []string{a, b}) {
		t.Fatalf("contact list = %v, want %v", ids(rows), []string{a, b})
	}
	want := map[string]any{"id": a, "name": "Karin Ek", "org": org, "role": "CEO", "email": "karin@example.se", "phone": "+46 63 12 34 56"}
	for k, v := range want {
		if got := byID(rows, a)[k]; got != v {
			t.Errorf("contact %s = %#v, want %#v", k, got, v)
		}
	}
	if got := ids(c.list("contact", "list", "--org", other)); !slices.Equal(got, []string{b}) {
		t.Errorf("contact list --org = %v, want [%s]", got, b)
	}

	c.ok("contact", "edit", a, "--role", "Chair")
	got := byID(c.list("contact", "list"), a)
	if got["role"] != "Chair" || got["name"] != "Karin Ek" || got["email"] != "karin@example.se" || got["org"] != org {
		t.Errorf("after contact edit --role: %v", got)
	}
	c.ok("contact", "edit", a, "--org", other)
	if got := ids(c.list("contact", "list", "--org", other)); !sameSet(got, []string{a, b}) {
		t.Errorf("after moving the contact: %v", got)
	}
	if out := c.ok("contact", "list"); !strings.Contains(out, "Karin Ek") || !strings.Contains(out, "Chair") {
		t.Errorf("contact list table = %q", out)
	}

	c.ok("contact", "delete", a)
	if got := ids(c.list("contact", "list")); !slices.Equal(got, []string{b}) {
		t.Errorf("after contact delete: %v", got)
	}
	if ct := byID(c.dumpDoc()["contacts"], a); ct == nil || ct["deleted"] != true {
		t.Errorf("dump: deleted contact = %v, want a tombstone", ct)
	}
}

func TestVisitRoundTrip(t *testing.T) {
	c := newCLI(t)
	a := c.id("org", "add", "--name", "Storsjö Trä AB")
	b := c.id("org", "add", "--name", "Trøndersk Fisk AS", "--country", "NO")
	lone := c.id("org", "add", "--name", "Fjällbryggeriet")
	v := c.id("visit", "add", "--org", a, "--org", b, "--date", "2026-10-01", "--type", "digital", "--minutes", "90",
		"--women", "2", "--men", "1", "--place", "Teams", "--phase", "pilot", "--notes", "Joint pilot on fish boxes", "--cross-border")
	w := c.id("visit", "add", "--org", lone, "--date", "2026-11-20")

	rows := c.list("visit", "list")
	if !sameSet(ids(rows), []string{v, w}) {
		t.Fatalf("visit list = %v, want %v", ids(rows), []string{v, w})
	}
	got := byID(rows, v)
	for k, want := range map[string]any{"date": "2026-10-01", "type": "digital", "minutes": 90.0, "women": 2.0, "men": 1.0,
		"place": "Teams", "phase": "pilot", "notes": "Joint pilot on fish boxes", "cross_border": true} {
		if got[k] != want {
			t.Errorf("visit %s = %#v, want %#v", k, got[k], want)
		}
	}
	if orgs, _ := got["orgs"].([]any); len(orgs) != 2 || !sameSet([]string{orgs[0].(string), orgs[1].(string)}, []string{a, b}) {
		t.Errorf("visit orgs = %v, want %s and %s", got["orgs"], a, b)
	}
	if byID(rows, w)["type"] != "on-site" {
		t.Errorf("default visit type = %v, want on-site", byID(rows, w)["type"])
	}
	for org, want := range map[string][]string{a: {v}, b: {v}, lone: {w}} {
		if got := ids(c.list("visit", "list", "--org", org)); !slices.Equal(got, want) {
			t.Errorf("visit list --org %s = %v, want %v", org, got, want)
		}
	}
	if got := ids(c.list("visit", "list", "--from", "2026-11-01", "--to", "2026-11-30")); !slices.Equal(got, []string{w}) {
		t.Errorf("visit list --from --to = %v, want [%s]", got, w)
	}
	if out := c.ok("visit", "list", "--org", a); !strings.Contains(out, "Storsjö Trä AB") || !strings.Contains(out, "Trøndersk Fisk AS") {
		t.Errorf("visit list table = %q, want both organisations' names", out)
	}

	c.ok("visit", "edit", v, "--minutes", "45", "--org", a)
	got = byID(c.list("visit", "list"), v)
	if got["minutes"] != 45.0 || got["date"] != "2026-10-01" || got["notes"] != "Joint pilot on fish boxes" || !jsonEqual(got["orgs"], []string{a}) {
		t.Errorf("after visit edit --minutes 45 --org A: %v", got)
	}
	if got := ids(c.list("visit", "list", "--org", b)); len(got) != 0 {
		t.Errorf("visit list --org B after the visit left B = %v", got)
	}

	c.ok("visit", "delete", v)
	if got := ids(c.list("visit", "list")); !slices.Equal(got, []string{w}) {
		t.Errorf("after visit delete: %v", got)
	}
	if vv := byID(c.dumpDoc()["visits"], v); vv == nil || vv["deleted"] != true {
		t.Errorf("dump: deleted visit = %v, want a tombstone", vv)
	}
}

func TestActionRoundTrip(t *testing.T) {
	c := newCLI(t)
	org := c.id("org", "add", "--name", "Storsjö Trä AB")
	overdue := c.id("action", "add", "--org", org, "--text", "Send the offer", "--due", "2026-11-01")
	later := c.id("action", "add", "--org", org, "--text", "Book the workshop", "--due", "2026-12-15")
	undated := c.id("action", "add", "--org", org, "--text", "Ask about the grant")
	done := c.id("action", "add", "--org", org, "--text", "Call Karin", "--due", "2026-11-10")
	if out := c.ok("action", "done", done); out != "" {
		t.Errorf("action done printed %q", out)
	}

	for _, tc := range []struct {
		status string
		want   []string // in the listed order
	}{
		{"", []string{overdue, later, undated, done}},
		{"open", []string{overdue, later, undated}},
		{"overdue", []string{overdue}},
		{"done", []string{done}},
	} {
		args := []string{"action", "list"}
		if tc.status != "" {
			args = append(args, "--status", tc.status)
		}
		rows := c.list(args...)
		if got := ids(rows); !slices.Equal(got, tc.want) {
			t.Errorf("action list --status %q = %v, want %v", tc.status, got, tc.want)
		}
		for _, r := range rows {
			if r["name"] == "" || r["name"] == nil {
				t.Errorf("action list --json row without a name: %v", r)
			}
		}
	}
	rows := c.list("action", "list")
	if r := byID(rows, done); r["done"] != "2026-11-27" || r["name"] != "Call Karin" || r["org"] != org {
		t.Errorf("done action = %v, want done today (2026-11-27)", r)
	}
	if r := byID(rows, overdue); r["due"] != "2026-11-01" || r["date"] != "2026-11-01" || r["org_name"] != "Storsjö Trä AB" {
		t.Errorf("overdue action = %v", r)
	}

	c.ok("action", "done", done, "--undo")
	c.ok("action", "done", later, "--date", "2026-11-20")
	if got := ids(c.list("action", "list", "--status", "done")); !slices.Equal(got, []string{later}) {
		t.Errorf("after --undo and --date: done = %v, want [%s]", got, later)
	}
	if r := byID(c.list("action", "list"), later); r["done"] != "2026-11-20" {
		t.Errorf("action done --date: done = %v", r["done"])
	}
	c.ok("action", "delete", undated)
	if got := ids(c.list("action", "list", "--status", "open")); !sameSet(got, []string{overdue, done}) {
		t.Errorf("after action delete: open = %v", got)
	}
	if out := c.ok("action", "list"); !strings.Contains(out, "Send the offer") || !strings.Contains(out, "Storsjö Trä AB") {
		t.Errorf("action list table = %q", out)
	}
}

func TestDemo(t *testing.T) {
	c := newCLI(t)
	if out := c.ok("demo", "--orgs", "12", "--visits", "30"); out != "Demo data added: 12 organisations, 30 visits.\n" {
		t.Errorf("demo printed %q", out)
	}
	orgs := c.list("org", "list")
	if len(orgs) != 12 {
		t.Errorf("after demo --orgs 12: %d organisations", len(orgs))
	}
	countries := map[any]bool{}
	for _, o := range orgs {
		countries[o["country"]] = true
	}
	if !countries["SE"] || !countries["NO"] {
		t.Errorf("demo organisations come from %v, want both Sweden and Norway", countries)
	}
	if n := len(c.list("visit", "list")); n != 30 {
		t.Errorf("after demo --visits 30: %d visits", n)
	}
	if out := c.ok("check"); !strings.Contains(out, "The database is in good order.") {
		t.Errorf("check after demo: %q", out)
	}

	// A second demo is refused and changes nothing.
	before := c.dump()
	out, errOut, code := c.run("demo", "--orgs", "3")
	if code != 1 || out != "" || errOut != "ilsa: Demo data can only be loaded into an empty database.\n" {
		t.Errorf("second demo: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if c.dump() != before {
		t.Error("the refused demo changed the database")
	}
}

func TestCheck(t *testing.T) {
	c := newCLI(t)
	out := c.ok("check")
	for _, want := range []string{"Schema version", "Integrity: ok", "Organisations: 0 ·", "The database is in good order."} {
		if !strings.Contains(out, want) {
			t.Errorf("check on a new folder printed %q, want %q", out, want)
		}
	}
	a := c.id("org", "add", "--name", "Storsjö Trä AB")
	b := c.id("org", "add", "--name", "Trøndersk Fisk AS")
	c.id("visit", "add", "--org", a, "--org", b, "--date", "2026-11-02")
	c.id("visit", "add", "--org", b, "--date", "2026-11-03")
	if out := c.ok("check"); !strings.Contains(out, "Organisations: 2 · contacts: 0 · visits: 2 · actions: 0") {
		t.Errorf("check counts: %q", out)
	}
}

func TestDumpIsCanonical(t *testing.T) {
	c := newCLI(t)
	empty := c.dumpDoc()
	for _, table := range []string{"organisations", "contacts", "visits", "actions"} {
		if rows, ok := empty[table]; !ok || len(rows) != 0 {
			t.Errorf("dump of a new database: %s = %v, want an empty array", table, rows)
		}
	}
	a := c.id("org", "add", "--name", "Storsjö Trä AB", "--orgnr", "5560360793")
	b := c.id("org", "add", "--name", "Trøndersk Fisk AS", "--orgnr", "988077917")
	ct := c.id("contact", "add", "--org", a, "--name", "Karin Ek")
	v := c.id("visit", "add", "--org", a, "--org", b, "--date", "2026-11-02")
	ac := c.id("action", "add", "--org", a, "--text", "Send the offer", "--visit", v)
	c.ok("org", "delete", b)

	first, second := c.dump(), c.dump()
	if first != second {
		t.Fatalf("two dumps differ:\n%s\n---\n%s", first, second)
	}
	if strings.Contains(first, c.dir) {
		t.Error("dump contains the data folder: device-local data leaked")
	}
	doc := c.dumpDoc()
	for table, want := range map[string][]string{
		"organisations": {a, b}, "contacts": {ct}, "visits": {v}, "actions": {ac},
	} {
		rows, ok := doc[table]
		if !ok {
			t.Errorf("dump has no %q array", table)
			continue
		}
		got := ids(rows)
		if !slices.IsSorted(got) {
			t.Errorf("dump %s not sorted by id: %v", table, got)
		}
		if !sameSet(got, want) {
			t.Errorf("dump %s = %v, want %v", table, got, want)
		}
	}
	if o := byID(doc["organisations"], b); o["deleted"] != true || o["name"] != "Trøndersk Fisk AS" {
		t.Errorf("deleted organisation in the dump = %v, want a tombstone keeping its fields", o)
	}
	if o := byID(doc["organisations"], a); o["deleted"] != false {
		t.Errorf("live organisation in the dump = %v, want \"deleted\": false", o)
	}
}

// --- the desktop app, help, version ---------------------------------------

func TestOnlyNoCommandOpensTheApp(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	out, errOut, code, opened := runGUI(t, nil, "--data", dir)
	if code != 0 || !opened || out != "" || errOut != "" {
		t.Errorf("ilsa --data DIR: exit %d, opened %v, stdout %q, stderr %q; want the app opened", code, opened, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, data.DBFileName)); err != nil {
		t.Errorf("the app was not opened on a database in %s: %v", dir, err)
	}
	// The app does not open on a data folder it refuses.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code, opened := runGUI(t, nil, "--data", file); code != 1 || opened || errOut == "" {
		t.Errorf("ilsa --data FILE: exit %d, opened %v, stderr %q", code, opened, errOut)
	}
	// Every command, the successful ones included, runs without the app
	// (run fails the test if the app opens).
	for _, args := range [][]string{{"help"}, {"version"}, {"check"}, {"dump"}, {"org", "list"}, {"nonsense"}} {
		run(t, nil, append([]string{"--data", dir}, args...)...)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"--lang", "sv", "version"}} {
		out, errOut, code := run(t, nil, args...)
		if code != 0 || errOut != "" || out != "ILSA Coach "+Version+"\n" {
			t.Errorf("ilsa %v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if !strings.HasPrefix(Version, "0.") || strings.Count(Version, ".") != 2 {
		t.Errorf("Version = %q, want a semantic version", Version)
	}
}

// --- the data folder --------------------------------------------------------

func TestDataFolderFromEnvironment(t *testing.T) {
	fromEnv := filepath.Join(t.TempDir(), "env")
	fromFlag := filepath.Join(t.TempDir(), "flag")
	env := map[string]string{"ILSA_DATA": fromEnv}

	out, errOut, code := run(t, env, "org", "add", "--name", "Via the environment")
	if code != 0 || errOut != "" {
		t.Fatalf("org add with ILSA_DATA: exit %d, stderr %q", code, errOut)
	}
	envID := strings.TrimSpace(out)
	out, errOut, code = run(t, env, "--data", fromFlag, "org", "add", "--name", "Via the flag")
	if code != 0 || errOut != "" {
		t.Fatalf("org add with --data and ILSA_DATA: exit %d, stderr %q", code, errOut)
	}
	flagID := strings.TrimSpace(out)

	envCLI, flagCLI := &cli{t: t, dir: fromEnv, env: map[string]string{}}, &cli{t: t, dir: fromFlag, env: map[string]string{}}
	if got := ids(envCLI.list("org", "list")); !slices.Equal(got, []string{envID}) {
		t.Errorf("ILSA_DATA folder holds %v, want only [%s]", got, envID)
	}
	if got := ids(flagCLI.list("org", "list")); !slices.Equal(got, []string{flagID}) {
		t.Errorf("--data folder holds %v, want only [%s]: --data must win over ILSA_DATA", got, flagID)
	}
	// And ILSA_DATA is read when listing too.
	out, _, _ = run(t, env, "org", "list", "--json")
	if !strings.Contains(out, envID) || strings.Contains(out, flagID) {
		t.Errorf("org list with ILSA_DATA = %q", out)
	}
}

func TestDataFolderRefused(t *testing.T) {
	synced := t.TempDir()
	if err := os.Mkdir(filepath.Join(synced, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		dir  string
		lang string
		want []string
	}{
		{"syncthing en", filepath.Join(synced, "work", "ilsa"), "en", []string{"synced by Syncthing", synced, "--data"}},
		{"syncthing sv", filepath.Join(synced, "ilsa"), "sv", []string{"synkas av Syncthing", synced}},
		{"syncthing nb", synced, "nb", []string{"synkroniseres av Syncthing", synced}},
		{"file en", file, "en", []string{file + " is a file, not a folder."}},
		{"file sv", file, "sv", []string{file + " är en fil, inte en mapp."}},
		{"file nb", file, "nb", []string{file + " er en fil, ikke en mappe."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, args := range [][]string{{"init", "--advisor", "Anna"}, {"org", "add", "--name", "X"}, {"check"}, {"dump"}} {
				out, errOut, code := run(t, nil, append([]string{"--data", tc.dir, "--lang", tc.lang}, args...)...)
				assertFailure(t, args, tc.lang, 1, out, errOut, code, tc.want)
			}
			// Nothing was created inside the synced folder, and the file is untouched.
			entries, _ := os.ReadDir(synced)
			if len(entries) != 1 || entries[0].Name() != ".stfolder" {
				t.Errorf("the synced folder now holds %v", entries)
			}
			if b, _ := os.ReadFile(file); string(b) != "not a folder" {
				t.Errorf("the file was changed: %q", b)
			}
		})
	}
}

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
		{"en", []string{"org", "add", "--name", "X", "--kind", "huge"}, 1, []string{`"huge" is not one of the choices.`}},
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
		if data.IsControl(r) && !strings.ContainsRune(allowed, r) {
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
