package app

import (
	"flag"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The organisation commands: org add, edit, delete and list (org merge is
// in duplicates.go).

// orgFlags declares the flags shared by org add and org edit.
type orgFlags struct {
	name, orgnr, country, municipality, sector, kind, employees, notes, leader, sustainability *string
}

func declareOrgFlags(fs *flag.FlagSet) orgFlags {
	return orgFlags{
		name: fs.String("name", "", "cli.flag.org.name"), orgnr: fs.String("orgnr", "", "cli.flag.orgnr"),
		country:      fs.String("country", "", "cli.flag.org.country"),
		municipality: fs.String("municipality", "", "cli.flag.municipality"), sector: fs.String("sector", "", "cli.flag.sector"),
		kind: fs.String("kind", "", "cli.flag.kind"), employees: fs.String("employees", "", "cli.flag.employees"),
		notes: fs.String("notes", "", "cli.flag.notes"), leader: fs.String("leader", "", "cli.flag.leader"),
		sustainability: fs.String("sustainability", "", "cli.flag.sustainability"),
	}
}

// apply copies the given flags onto o.
func (f orgFlags) apply(_ *session, o *domain.Organisation, given map[string]bool) error {
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
		o.Country = domain.Country(strings.ToUpper(*f.country))
	}
	if given["kind"] {
		// The kinds are a fixed list: another word is a wrong command line.
		// An empty value clears the kind (not given).
		k := domain.OrgKind(strings.TrimSpace(*f.kind))
		if k != domain.KindUnknown && !k.Known() {
			return usage("cli.error.flag_value", "Flag", "--kind", "Value", *f.kind)
		}
		o.Kind = k
	}
	if given["leader"] {
		o.LeaderGender = domain.LeaderGender(*f.leader)
	}
	if given["sustainability"] {
		o.Sustainability = domain.Sustainability(*f.sustainability)
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

// orgRecords are the organisations, for org add and org edit.
var orgRecords = recordStore[domain.Organisation]{
	load:   func(s *session, id string) (domain.Organisation, error) { return s.store.Organisation(s.ctx(), id) },
	create: func(s *session, o *domain.Organisation) error { return s.store.CreateOrganisation(s.ctx(), o) },
	update: func(s *session, o *domain.Organisation) error { return s.store.UpdateOrganisation(s.ctx(), o) },
	id:     func(o *domain.Organisation) string { return o.ID },
	after:  (*session).warnDuplicateOrgNr,
}

func orgAdd(fs *flag.FlagSet) runFunc  { return addRecord(fs, declareOrgFlags(fs), orgRecords) }
func orgEdit(fs *flag.FlagSet) runFunc { return editRecord(fs, declareOrgFlags(fs), orgRecords) }

// warnDuplicateOrgNr tells (on stderr, without failing) that another
// organisation already has this org number: two advisors may have registered
// the same company.
func (s *session) warnDuplicateOrgNr(o domain.Organisation) {
	if other, taken, _ := s.store.OrgNumberTaken(s.ctx(), o.OrgNr, o.ID); taken {
		s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.warn.duplicate_orgnr", "Name", other.Name, "ID", other.ID))
	}
}

// orgDelete deletes an organisation. One with visits goes only together
// with them (--with-visits), so the funder's figures never keep visits to
// an organisation no figure counts; a duplicate is merged instead.
func orgDelete(fs *flag.FlagSet) runFunc {
	withVisits := fs.Bool("with-visits", false, "cli.flag.with_visits")
	return func(s *session, operands []string) error {
		return s.deleteOne(operands, func(id string) error {
			if *withVisits {
				_, err := s.store.DeleteOrganisationWithVisits(s.ctx(), id)
				return err
			}
			use, err := s.store.OrganisationUsage(s.ctx(), id)
			if err != nil {
				return err
			}
			if use.HasVisits() {
				o, err := s.store.Organisation(s.ctx(), id)
				if err != nil {
					return err
				}
				return &orgHasVisits{name: o.Name, id: id, visits: use.Visits + use.SharedVisits}
			}
			return s.store.DeleteOrganisation(s.ctx(), id)
		})
	}
}

// orgHasVisits is "org delete" without --with-visits on an organisation
// that has visits: nothing is deleted, and the message names both ways on.
type orgHasVisits struct {
	name, id string
	visits   int
}

func (e *orgHasVisits) Error() string { return "organisation has visits" }

func (e *orgHasVisits) MessageKey() (string, []any) {
	return "cli.org.has_visits", []any{"Name", e.name, "ID", e.id, "N", e.visits}
}

// deleteOne is a delete command: one id, then del.
func (s *session) deleteOne(operands []string, del func(id string) error) error {
	id, err := oneID(operands)
	if err != nil {
		return err
	}
	if err := s.open(); err != nil {
		return err
	}
	return del(id)
}

func orgList(fs *flag.FlagSet) runFunc {
	search := fs.String("search", "", "cli.flag.search")
	country := fs.String("country", "", "cli.flag.only.country")
	municipality := fs.String("municipality", "", "cli.flag.only.municipality")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		if err := s.open(); err != nil {
			return err
		}
		if *search != "" {
			if err := s.store.PrepareSearch(s.ctx()); err != nil {
				return err
			}
		}
		rows, err := s.store.SearchOrganisations(s.ctx(), data.OrgQuery{Text: *search,
			Country: domain.Country(strings.ToUpper(*country)), Municipality: *municipality, Lang: s.tr.Lang()})
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
				out = append(out, map[string]any{"id": r.ID, "name": r.Name, "orgnr": r.OrgNrExport(), "country": r.Country,
					"municipality": r.Municipality, "sector": r.Sector, "kind": r.Kind, "employees": emp,
					"size": r.Size(), "last_visit": r.LastVisit, "visits": r.Visits})
			}
			return s.writeJSON(out)
		}
		w := s.table(s.tr.T("cli.col.id"), s.tr.T("field.name"), s.tr.T("field.orgnr"), s.tr.T("field.municipality"), s.tr.T("cli.col.last_visit"))
		for _, r := range rows {
			row(w, r.ID, r.Name, r.OrgNumberMasked(), municipalityName(r.Municipality), s.tr.DateString(r.LastVisit))
		}
		return w.Flush()
	}
}

func municipalityName(code string) string {
	if m, ok := domain.MunicipalityByCode(code); ok {
		return m.Name
	}
	return code
}
