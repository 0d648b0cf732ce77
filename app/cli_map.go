package app

import (
	"flag"
	"slices"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/ui"
	"eu.ilsa.coach/ilsa/ui/netmap"
)

// mapCommand is "ilsa map": the innovation-system map as a PNG file, and
// with --json the figures behind it.
func mapCommand(fs *flag.FlagSet) runFunc {
	out := fs.String("out", "", "cli.flag.map.out")
	country := fs.String("country", "", "cli.flag.only.country")
	kind := fs.String("kind", "", "cli.flag.only.kind")
	municipality := fs.String("municipality", "", "cli.flag.only.municipality")
	asJSON := fs.Bool("json", false, "cli.flag.map.json")
	start := fs.String("project-start", "", "cli.flag.map.project_start")
	return func(s *session, _ []string) error {
		given := setFlags(fs)
		s.isoDates(start)
		if err := domain.ValidateDate("project_start", *start, false); err != nil {
			return err
		}
		if !given["out"] && !*asJSON {
			return usage("cli.error.map.out_or_json")
		}
		var f netmap.Filter
		if *country != "" {
			if c := domain.Country(*country); c.Valid() {
				f.Country = c
			} else {
				return usage("cli.error.flag_value", "Flag", "--country", "Value", *country)
			}
		}
		if *kind != "" && !slices.Contains(domain.OrgKinds, domain.OrgKind(*kind)) {
			return usage("cli.error.flag_value", "Flag", "--kind", "Value", *kind)
		}
		f.Kind, f.Municipality = domain.OrgKind(*kind), *municipality
		if given["out"] {
			if err := checkOutFile(*out); err != nil {
				return err
			}
		}
		if err := s.open(); err != nil {
			return err
		}
		actors, err := s.store.Actors(s.ctx())
		if err != nil {
			return err
		}
		rels, err := s.store.Relations(s.ctx(), "")
		if err != nil {
			return err
		}
		m := netmap.Build(actors, rels)
		if given["out"] {
			if err := ui.WriteMapPNG(*out, m, f, s.tr); err != nil {
				return asWriteFileError(*out, err)
			}
		}
		if *asJSON {
			since := *start
			if since == "" {
				since = prefs.New(s.store).ProjectStart()
			}
			return s.writeJSON(mapFiguresJSON(netmap.Count(m, rels, f, since)))
		}
		return nil
	}
}

// mapFiguresJSON is the figures as ilsa map --json prints them.
func mapFiguresJSON(f netmap.Figures) map[string]any {
	groups := map[netmap.Group]string{netmap.GroupInnovation: "innovation", netmap.GroupEnterprise: "enterprise", netmap.GroupOther: "other"}
	kinds := make([]map[string]any, 0, len(f.ByKind))
	for _, k := range f.ByKind {
		kinds = append(kinds, map[string]any{"kind": k.Kind, "group": groups[k.Group],
			"SE": k.ByCountry[domain.CountrySE], "NO": k.ByCountry[domain.CountryNO], "none": k.ByCountry[""]})
	}
	rels := map[string]int{}
	for _, k := range domain.RelationKinds {
		rels[string(k)] = f.RelByKind[k]
	}
	out := map[string]any{"actors": f.Actors, "actors_by_kind": kinds, "relations": f.Relations,
		"relations_by_kind": rels, "cross_border_relations": f.CrossBorder, "project_start": f.Since}
	if f.Since != "" {
		out["newly_linked_actors"] = f.NewlyLinked
	}
	return out
}
