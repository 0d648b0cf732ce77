package app

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/demo"
)

// isoDates rewrites date flags typed in the reader's form (nb 27.11.2026,
// en 27 Nov 2026) into the stored form 2026-11-27; anything that does not
// parse is left for validation to report.
func (s *session) isoDates(vals ...*string) {
	for _, v := range vals {
		if *v == "" {
			continue
		}
		if t, err := s.tr.ParseDate(*v); err == nil {
			*v = t.Format(data.DateLayout)
		}
	}
}

func (s *session) cmdInit(args []string) error {
	fs := newFlags("init")
	advisor := fs.String("advisor", "", "")
	org := fs.String("organisation", "", "")
	country := fs.String("country", "", "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*advisor) == "" {
		return usage("cli.error.required_flag", "Flag", "--advisor")
	}
	p := data.Profile{Advisor: *advisor, Organisation: *org, Country: data.Country(strings.ToUpper(*country))}
	if err := p.Check(); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	if err := s.store.SetProfile(p); err != nil {
		return err
	}
	if s.langArg != "" {
		if err := s.store.SetSetting(SettingLanguage, s.langArg); err != nil {
			return err
		}
	}
	s.say(s.env.Stdout, s.tr.T("cli.init.done", "Advisor", strings.TrimSpace(*advisor), "Dir", s.dataDir))
	return nil
}

// orgFlags declares the flags shared by org add and org edit.
type orgFlags struct {
	name, orgnr, country, municipality, sector, kind, employees, notes, leader, sustainability *string
}

func declareOrgFlags(fs *flag.FlagSet) orgFlags {
	return orgFlags{
		name: fs.String("name", "", ""), orgnr: fs.String("orgnr", "", ""), country: fs.String("country", "", ""),
		municipality: fs.String("municipality", "", ""), sector: fs.String("sector", "", ""),
		kind: fs.String("kind", "", ""), employees: fs.String("employees", "", ""), notes: fs.String("notes", "", ""),
		leader: fs.String("leader", "", ""), sustainability: fs.String("sustainability", "", ""),
	}
}

// apply copies the given flags onto o.
func (f orgFlags) apply(o *data.Organisation, given map[string]bool) error {
	set := func(name string, dst *string, v *string) {
		if given[name] {
			*dst = *v
		}
	}
	set("name", &o.Name, f.name)
	set("orgnr", &o.OrgNr, f.orgnr)
	set("municipality", &o.Municipality, f.municipality)
	set("sector", &o.Sector, f.sector)
	set("notes", &o.Notes, f.notes)
	if given["country"] {
		o.Country = data.Country(strings.ToUpper(*f.country))
	}
	if given["kind"] {
		o.Kind = data.OrgKind(*f.kind)
	}
	if given["leader"] {
		o.LeaderGender = data.LeaderGender(*f.leader)
	}
	if given["sustainability"] {
		o.Sustainability = data.Sustainability(*f.sustainability)
	}
	if given["employees"] {
		n, err := parseOptionalInt("employees", *f.employees)
		if err != nil {
			return err
		}
		o.Employees = n
	}
	return nil
}

func (s *session) orgAdd(args []string) error {
	fs := newFlags("org add")
	f := declareOrgFlags(fs)
	given, err := parseNoArgs(fs, args, "name")
	if err != nil {
		return err
	}
	var o data.Organisation
	if err := f.apply(&o, given); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	if err := s.store.CreateOrganisation(s.ctx(), &o); err != nil {
		return err
	}
	fmt.Fprintln(s.env.Stdout, o.ID)
	s.warnDuplicateOrgNr(o)
	return nil
}

// warnDuplicateOrgNr tells (on stderr, without failing) that another
// organisation already has this org number: two advisors may have registered
// the same company.
func (s *session) warnDuplicateOrgNr(o data.Organisation) {
	if other, taken, _ := s.store.OrgNumberTaken(s.ctx(), o.OrgNr, o.ID); taken {
		s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.warn.duplicate_orgnr", "Name", other.Name, "ID", other.ID))
	}
}

func (s *session) orgEdit(args []string) error {
	fs := newFlags("org edit")
	f := declareOrgFlags(fs)
	id, given, err := parseEdit(fs, args)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	o, err := s.store.Organisation(s.ctx(), id)
	if err != nil {
		return err
	}
	if err := f.apply(&o, given); err != nil {
		return err
	}
	if err := s.store.UpdateOrganisation(s.ctx(), &o); err != nil {
		return err
	}
	s.warnDuplicateOrgNr(o)
	return nil
}

func (s *session) orgDelete(args []string) error {
	return s.deleteCmd("org delete", args, func(id string) error { return s.store.DeleteOrganisation(s.ctx(), id) })
}

func (s *session) deleteCmd(name string, args []string, del func(id string) error) error {
	fs := newFlags(name)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	return del(id)
}

func (s *session) orgList(args []string) error {
	fs := newFlags("org list")
	search := fs.String("search", "", "")
	country := fs.String("country", "", "")
	municipality := fs.String("municipality", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	rows, err := s.store.SearchOrganisations(s.ctx(), data.OrgQuery{Text: *search,
		Country: data.Country(strings.ToUpper(*country)), Municipality: *municipality, Lang: s.tr.Lang()})
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(rows))
		for _, r := range rows {
			var emp any
			if r.Employees != nil {
				emp = *r.Employees
			}
			out = append(out, map[string]any{"id": r.ID, "name": r.Name, "orgnr": r.OrgNr, "country": r.Country,
				"municipality": r.Municipality, "sector": r.Sector, "kind": r.Kind, "employees": emp,
				"size": r.Size(), "last_visit": r.LastVisit, "visits": r.Visits})
		}
		return s.writeJSON(out)
	}
	w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("field.orgnr"), s.tr.T("field.municipality"), s.tr.T("cli.col.last_visit"))
	for _, r := range rows {
		row(w, r.ID, r.Name, r.OrgNumberDisplay(), municipalityName(r.Municipality), s.tr.DateString(r.LastVisit))
	}
	return w.Flush()
}

func municipalityName(code string) string {
	if m, ok := data.MunicipalityByCode(code); ok {
		return m.Name
	}
	return code
}

// contactFlags declares the flags shared by contact add and edit.
type contactFlags struct{ org, name, role, email, phone, gender, consent *string }

func declareContactFlags(fs *flag.FlagSet) contactFlags {
	return contactFlags{org: fs.String("org", "", ""), name: fs.String("name", "", ""), role: fs.String("role", "", ""),
		email: fs.String("email", "", ""), phone: fs.String("phone", "", ""), gender: fs.String("gender", "", ""),
		consent: fs.String("consent", "", "")}
}

func (f contactFlags) apply(c *data.Contact, given map[string]bool) {
	for name, pair := range map[string][2]*string{"org": {&c.OrgID, f.org}, "name": {&c.Name, f.name},
		"role": {&c.Role, f.role}, "email": {&c.Email, f.email}, "phone": {&c.Phone, f.phone}, "consent": {&c.ConsentDate, f.consent}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["gender"] {
		c.Gender = data.Gender(*f.gender)
	}
}

func (s *session) contactAdd(args []string) error {
	fs := newFlags("contact add")
	f := declareContactFlags(fs)
	given, err := parseNoArgs(fs, args, "org", "name")
	if err != nil {
		return err
	}
	var c data.Contact
	s.isoDates(f.consent)
	f.apply(&c, given)
	if err := s.open(); err != nil {
		return err
	}
	if err := s.store.CreateContact(s.ctx(), &c); err != nil {
		return err
	}
	fmt.Fprintln(s.env.Stdout, c.ID)
	return nil
}

func (s *session) contactEdit(args []string) error {
	fs := newFlags("contact edit")
	f := declareContactFlags(fs)
	id, given, err := parseEdit(fs, args)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	c, err := s.store.Contact(s.ctx(), id)
	if err != nil {
		return err
	}
	s.isoDates(f.consent)
	f.apply(&c, given)
	return s.store.UpdateContact(s.ctx(), &c)
}

func (s *session) contactDelete(args []string) error {
	return s.deleteCmd("contact delete", args, func(id string) error { return s.store.DeleteContact(s.ctx(), id) })
}

func (s *session) contactList(args []string) error {
	fs := newFlags("contact list")
	org := fs.String("org", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	if *org != "" {
		if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
			return err
		}
	}
	cs, err := s.store.Contacts(s.ctx(), *org)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(cs))
		for _, c := range cs {
			out = append(out, map[string]any{"id": c.ID, "name": c.Name, "org": c.OrgID, "role": c.Role,
				"email": c.Email, "phone": c.Phone, "gender": c.Gender, "consent_date": c.ConsentDate})
		}
		return s.writeJSON(out)
	}
	w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("field.role"), s.tr.T("field.email"), s.tr.T("field.phone"))
	for _, c := range cs {
		row(w, c.ID, c.Name, c.Role, c.Email, c.Phone)
	}
	return w.Flush()
}

// visitFlags declares the flags shared by visit add and edit.
type visitFlags struct {
	orgs                                    *stringList
	date, typ, place, phase, notes, advisor *string
	minutes, women, men, other              *int
	crossBorder                             *bool
}

func declareVisitFlags(fs *flag.FlagSet) visitFlags {
	f := visitFlags{orgs: &stringList{}}
	fs.Var(f.orgs, "org", "")
	f.date, f.typ, f.place = fs.String("date", "", ""), fs.String("type", "", ""), fs.String("place", "", "")
	f.phase, f.notes, f.advisor = fs.String("phase", "", ""), fs.String("notes", "", ""), fs.String("advisor", "", "")
	f.minutes, f.women, f.men, f.other = fs.Int("minutes", 0, ""), fs.Int("women", 0, ""), fs.Int("men", 0, ""), fs.Int("other", 0, "")
	f.crossBorder = fs.Bool("cross-border", false, "")
	return f
}

func (f visitFlags) apply(v *data.Visit, given map[string]bool) {
	if given["org"] {
		v.OrgIDs = *f.orgs
	}
	for name, pair := range map[string][2]*string{"date": {&v.Date, f.date}, "place": {&v.Place, f.place},
		"notes": {&v.Notes, f.notes}, "advisor": {&v.Advisor, f.advisor}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["type"] {
		v.Type = data.VisitType(*f.typ)
	}
	if given["phase"] {
		v.Phase = data.Phase(*f.phase)
	}
	for name, pair := range map[string][2]*int{"minutes": {&v.Minutes, f.minutes}, "women": {&v.Women, f.women},
		"men": {&v.Men, f.men}, "other": {&v.Other, f.other}} {
		if given[name] {
			*pair[0] = *pair[1]
		}
	}
	if given["cross-border"] {
		v.CrossBorder = *f.crossBorder
	}
}

func (s *session) visitAdd(args []string) error {
	fs := newFlags("visit add")
	f := declareVisitFlags(fs)
	given, err := parseNoArgs(fs, args, "org", "date")
	if err != nil {
		return err
	}
	var v data.Visit
	s.isoDates(f.date)
	f.apply(&v, given)
	if err := s.open(); err != nil {
		return err
	}
	if err := s.store.CreateVisit(s.ctx(), &v); err != nil {
		return err
	}
	fmt.Fprintln(s.env.Stdout, v.ID)
	return nil
}

func (s *session) visitEdit(args []string) error {
	fs := newFlags("visit edit")
	f := declareVisitFlags(fs)
	id, given, err := parseEdit(fs, args)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	v, err := s.store.Visit(s.ctx(), id)
	if err != nil {
		return err
	}
	s.isoDates(f.date)
	f.apply(&v, given)
	return s.store.UpdateVisit(s.ctx(), &v)
}

func (s *session) visitDelete(args []string) error {
	return s.deleteCmd("visit delete", args, func(id string) error { return s.store.DeleteVisit(s.ctx(), id) })
}

func (s *session) visitList(args []string) error {
	fs := newFlags("visit list")
	org := fs.String("org", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	s.isoDates(from, to)
	for name, d := range map[string]string{"from": *from, "to": *to} {
		if err := data.ValidateDate(name, d, false); err != nil {
			return usage("cli.error.flag_value", "Flag", "--"+name, "Value", d)
		}
	}
	if err := s.open(); err != nil {
		return err
	}
	if *org != "" {
		if _, err := s.store.Organisation(s.ctx(), *org); err != nil {
			return err
		}
	}
	vs, err := s.store.Visits(s.ctx(), data.VisitQuery{OrgID: *org, From: *from, To: *to})
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(vs))
		for _, v := range vs {
			out = append(out, map[string]any{"id": v.ID, "date": v.Date, "orgs": v.OrgIDs, "type": v.Type,
				"minutes": v.Minutes, "place": v.Place, "advisor": v.Advisor, "women": v.Women, "men": v.Men,
				"other": v.Other, "phase": v.Phase, "cross_border": v.CrossBorder, "notes": v.Notes})
		}
		return s.writeJSON(out)
	}
	names, err := s.orgNames(vs)
	if err != nil {
		return err
	}
	w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.date"), s.tr.T("field.orgs"), s.tr.T("field.type"), s.tr.T("field.minutes"))
	for _, v := range vs {
		var ns []string
		for _, id := range v.OrgIDs {
			ns = append(ns, names[id])
		}
		row(w, v.ID, s.tr.DateString(v.Date), strings.Join(ns, ", "), s.tr.VisitType(v.Type), strconv.Itoa(v.Minutes))
	}
	return w.Flush()
}

func (s *session) orgNames(vs []data.Visit) (map[string]string, error) {
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.OrgIDs...)
	}
	orgs, err := s.store.OrganisationsByID(s.ctx(), ids)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for id, o := range orgs {
		names[id] = o.Name
	}
	return names, nil
}

func (s *session) actionAdd(args []string) error {
	fs := newFlags("action add")
	org := fs.String("org", "", "")
	visit := fs.String("visit", "", "")
	text := fs.String("text", "", "")
	due := fs.String("due", "", "")
	owner := fs.String("owner", "", "")
	dimension := fs.String("dimension", "", "")
	if _, err := parseNoArgs(fs, args, "org", "text"); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	s.isoDates(due)
	a := data.Action{OrgID: *org, VisitID: *visit, Text: *text, Due: *due, Owner: *owner}
	if *dimension != "" {
		// MODEL/DIMENSION: the action works towards that dimension's target.
		model, dim, _ := strings.Cut(*dimension, "/")
		lib, _ := loadModels(s.dataDir, s.store)
		m, ok := lib.Latest(model)
		if !ok {
			return usage("cli.error.unknown_model", "Model", model)
		}
		if _, ok := m.Dimension(dim); !ok {
			return usage("cli.error.unknown_dimension", "Dimension", dim, "Model", model)
		}
		a.ModelID, a.Dimension = m.ID, dim
	}
	if a.Owner == "" {
		if p, err := s.store.Profile(); err == nil {
			a.Owner = p.Advisor
		}
	}
	if err := s.store.CreateAction(s.ctx(), &a); err != nil {
		return err
	}
	fmt.Fprintln(s.env.Stdout, a.ID)
	return nil
}

func (s *session) actionDone(args []string) error {
	fs := newFlags("action done")
	date := fs.String("date", "", "")
	undo := fs.Bool("undo", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	s.isoDates(date)
	d := *date
	if d == "" {
		d = s.today()
	}
	if *undo {
		d = ""
	}
	return s.store.SetActionDone(s.ctx(), id, d)
}

func (s *session) actionDelete(args []string) error {
	return s.deleteCmd("action delete", args, func(id string) error { return s.store.DeleteAction(s.ctx(), id) })
}

func (s *session) actionList(args []string) error {
	fs := newFlags("action list")
	org := fs.String("org", "", "")
	status := fs.String("status", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	switch data.ActionStatus(*status) {
	case data.ActionsAll, data.ActionsOpen, data.ActionsOverdue, data.ActionsDone:
	default:
		return usage("cli.error.flag_value", "Flag", "--status", "Value", *status)
	}
	if err := s.open(); err != nil {
		return err
	}
	rows, err := s.store.Actions(s.ctx(), data.ActionQuery{OrgID: *org, Status: data.ActionStatus(*status), Today: s.today()})
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(rows))
		for _, a := range rows {
			out = append(out, map[string]any{"id": a.ID, "name": a.Text, "text": a.Text, "org": a.OrgID,
				"org_name": a.OrgName, "visit": a.VisitID, "owner": a.Owner, "due": a.Due, "done": a.Done, "date": a.Due})
		}
		return s.writeJSON(out)
	}
	w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.due"), s.tr.T("field.text"), s.tr.T("field.org"), s.tr.T("field.done"))
	for _, a := range rows {
		row(w, a.ID, s.tr.DateString(a.Due), a.Text, a.OrgName, s.tr.DateString(a.Done))
	}
	return w.Flush()
}

func (s *session) cmdDump(args []string) error {
	pos, err := parseFlags(newFlags("dump"), args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	return s.store.Dump(s.ctx(), s.env.Stdout)
}

func (s *session) cmdDemo(args []string) error {
	fs := newFlags("demo")
	orgs := fs.Int("orgs", 120, "")
	visits := fs.Int("visits", 600, "")
	seed := fs.Uint64("seed", 1, "")
	if _, err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *orgs < 1 || *orgs > 1_000_000 {
		return usage("cli.error.flag_value", "Flag", "--orgs", "Value", fmt.Sprint(*orgs))
	}
	if *visits < 0 || *visits > 10_000_000 {
		return usage("cli.error.flag_value", "Flag", "--visits", "Value", fmt.Sprint(*visits))
	}
	if err := s.open(); err != nil {
		return err
	}
	if *visits == 0 {
		*visits = -1 // demo.Options: negative means none
	}
	if err := demo.Fill(s.ctx(), s.store, demo.Options{Orgs: *orgs, Visits: *visits, Seed: *seed, Today: s.env.Now()}); err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.demo.done", "Orgs", *orgs, "Visits", max(*visits, 0)))
	return nil
}

func (s *session) cmdCheck(args []string) error {
	pos, err := parseFlags(newFlags("check"), args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	rep, err := s.store.Check(s.ctx())
	if err != nil {
		return err
	}
	out := s.env.Stdout
	s.say(out, s.tr.T("cli.check.schema", "Version", rep.SchemaVersion, "Latest", rep.LatestSchema))
	s.say(out, s.tr.T("cli.check.integrity", "Result", strings.Join(rep.Integrity, "; ")))
	s.say(out, s.tr.T("cli.check.counts", "Orgs", rep.Counts[data.EntityOrganisation],
		"Contacts", rep.Counts[data.EntityContact], "Visits", rep.Counts[data.EntityVisit],
		"Actions", rep.Counts[data.EntityAction], "Changes", rep.Changes))
	if rep.Conflicts > 0 {
		s.say(out, s.tr.N("cli.check.conflicts", rep.Conflicts))
	}
	if rep.DanglingRefs > 0 {
		s.say(out, s.tr.N("cli.check.dangling", rep.DanglingRefs))
	}
	if n := rep.Refused[data.RefusedValue]; n > 0 {
		s.say(out, s.tr.N("cli.check.refused_value", n))
	}
	if n := rep.Refused[data.RefusedClock]; n > 0 {
		s.say(out, s.tr.N("cli.check.refused_clock", n))
	}
	if !rep.OK() {
		return checkFailed{}
	}
	s.say(out, s.tr.T("cli.check.ok"))
	return nil
}

type checkFailed struct{}

func (checkFailed) Error() string               { return "check failed" }
func (checkFailed) MessageKey() (string, []any) { return "cli.check.failed", nil }
