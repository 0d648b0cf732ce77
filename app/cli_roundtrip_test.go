package app

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

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
	if want := (data.Profile{Advisor: "Anna Berg", Organisation: "Mittuniversitetet", Country: domain.CountrySE, Done: true}); p != want {
		t.Errorf("profile = %+v, want %+v", p, want)
	}
	if l := prefs.New(st).Language(); l != "" {
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
	third := c.id("org", "add", "--name", "Fjällbryggeriet") // kind not given: not counted as an enterprise

	rows := c.list("org", "list")
	if !sameSet(ids(rows), []string{se, no, third}) {
		t.Fatalf("org list ids = %v, want %v", ids(rows), []string{se, no, third})
	}
	for _, want := range []map[string]any{
		{"id": se, "name": "Östersunds Glas AB", "orgnr": "5560360793", "country": "SE", "municipality": "2380",
			"sector": "C", "kind": "sme", "employees": 14.0},
		{"id": no, "name": "Trøndersk Fisk AS", "orgnr": "988077917", "country": "NO", "employees": nil},
		{"id": third, "name": "Fjällbryggeriet", "orgnr": "", "country": "", "kind": ""},
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
	c.ok("org", "delete", "--with-visits", b)

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
