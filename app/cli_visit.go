package app

import (
	"flag"
	"slices"
	"strconv"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The visit commands: visit add, edit, delete and list.

// visitFlags declares the flags shared by visit add and edit.
type visitFlags struct {
	orgs, sizes                             *stringList
	date, typ, place, phase, notes, advisor *string
	minutes, women, men, other              *int
	crossBorder                             *bool
	partner                                 partnerFlags
}

func declareVisitFlags(fs *flag.FlagSet) visitFlags {
	f := visitFlags{orgs: &stringList{}, sizes: &stringList{}}
	fs.Var(f.orgs, "org", "cli.flag.visit.org")
	fs.Var(f.sizes, "size", "cli.flag.visit.size")
	f.date, f.typ = fs.String("date", "", "cli.flag.visit.date"), fs.String("type", "", "cli.flag.visit.type")
	f.place, f.phase = fs.String("place", "", "cli.flag.place"), fs.String("phase", "", "cli.flag.phase")
	f.notes, f.advisor = fs.String("notes", "", "cli.flag.notes"), fs.String("advisor", "", "cli.flag.visit.advisor")
	f.minutes, f.women = fs.Int("minutes", 0, "cli.flag.minutes"), fs.Int("women", 0, "cli.flag.women")
	f.men, f.other = fs.Int("men", 0, "cli.flag.men"), fs.Int("other", 0, "cli.flag.other")
	f.crossBorder = fs.Bool("cross-border", false, "cli.flag.cross-border")
	f.partner = declarePartnerFlags(fs)
	return f
}

func (f visitFlags) apply(s *session, v *domain.Visit, given map[string]bool) error {
	s.isoDates(f.date)
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
		v.Type = domain.VisitType(*f.typ)
	}
	if given["phase"] {
		v.Phase = domain.Phase(*f.phase)
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
	if err := f.partner.apply(given, &v.Partner, &v.Side); err != nil {
		return err
	}
	if given["size"] {
		return applySizes(v, *f.sizes)
	}
	return nil
}

// applySizes sets the sizes at the time of the visit from --size values:
// CLASS for every organisation of the visit, or ORG-ID=CLASS for one of
// them; CLASS is micro, small, medium, large or unknown. Anything else is a
// wrong command line.
func applySizes(v *domain.Visit, values []string) error {
	if v.Sizes == nil {
		v.Sizes = map[string]domain.SizeClass{}
	}
	for _, val := range values {
		id, class, one := strings.Cut(val, "=")
		if !one {
			class = id
		}
		c := domain.SizeClass(class)
		if class == "unknown" {
			c = domain.SizeUnknown
		}
		if c == domain.SizeUnknown && class != "unknown" || !slices.Contains(domain.SizeClasses, c) ||
			one && !slices.Contains(v.OrgIDs, id) {
			return usage("cli.error.flag_value", "Flag", "--size", "Value", val)
		}
		if one {
			v.Sizes[id] = c
			continue
		}
		for _, org := range v.OrgIDs {
			v.Sizes[org] = c
		}
	}
	return nil
}

// visitRecords are the visits, for visit add and visit edit.
var visitRecords = recordStore[domain.Visit]{
	load:   func(s *session, id string) (domain.Visit, error) { return s.store.Visit(s.ctx(), id) },
	create: func(s *session, v *domain.Visit) error { return s.store.CreateVisit(s.ctx(), v) },
	update: func(s *session, v *domain.Visit) error { return s.store.UpdateVisit(s.ctx(), v) },
	id:     func(v *domain.Visit) string { return v.ID },
}

func visitAdd(fs *flag.FlagSet) runFunc  { return addRecord(fs, declareVisitFlags(fs), visitRecords) }
func visitEdit(fs *flag.FlagSet) runFunc { return editRecord(fs, declareVisitFlags(fs), visitRecords) }

func visitDelete(s *session, operands []string) error {
	return s.deleteOne(operands, func(id string) error { return s.store.DeleteVisit(s.ctx(), id) })
}

func visitList(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.only.org")
	from := fs.String("from", "", "cli.flag.from")
	to := fs.String("to", "", "cli.flag.to")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error {
		s.isoDates(from, to)
		for name, d := range map[string]string{"from": *from, "to": *to} {
			if err := domain.ValidateDate(name, d, false); err != nil {
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
					"other": v.Other, "phase": v.Phase, "cross_border": v.CrossBorder, "notes": v.Notes, "sizes": sizesJSON(v),
					"partner": v.Partner, "side": v.Side})
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
}

// sizesJSON is each organisation's size at the time of the visit, "" when
// it was not known.
func sizesJSON(v domain.Visit) map[string]string {
	out := map[string]string{}
	for id, c := range v.Sizes {
		out[id] = string(c)
	}
	return out
}

func (s *session) orgNames(vs []domain.Visit) (map[string]string, error) {
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
