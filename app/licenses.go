package app

import (
	"flag"
	"fmt"

	"eu.ilsa.coach/ilsa/assets"
)

// License is ILSA Coach's own licence (LICENSE): the European Union Public
// Licence, written for publicly funded work like this Interreg project,
// valid in every EU language, and compatible with the GPL, MPL and the
// other licences in its appendix.
const License = "EUPL-1.2"

// licenses is "ilsa licenses": the program's licence and every third-party
// module and font in it with its licence, from the list generated from the
// module graph (assets.Licenses); --full adds each licence's text.
func licenses(fs *flag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "cli.flag.json")
	full := fs.Bool("full", false, "cli.flag.full")
	return func(s *session, _ []string) error {
		credits, err := assets.Credits()
		if err != nil {
			return err
		}
		if *asJSON {
			out := struct {
				Program string          `json:"program"`
				Version string          `json:"version"`
				License string          `json:"license"`
				Credits []assets.Credit `json:"third_party"`
			}{"ILSA Coach", Version, License, credits}
			if !*full {
				for i := range out.Credits {
					out.Credits[i].Text = ""
				}
			}
			return s.writeJSON(out)
		}
		fmt.Fprintf(s.env.Stdout, "ILSA Coach %s — %s\n\n", Version, s.tr.T("cli.licenses.own", "License", License))
		if *full {
			for _, c := range credits {
				fmt.Fprintf(s.env.Stdout, "== %s %s (%s)\n\n%s\n\n", c.Name, c.Version, c.License, c.Text)
			}
			return nil
		}
		fmt.Fprintln(s.env.Stdout, s.tr.T("cli.licenses.third_party"))
		w := s.table(s.tr.T("field.name"), s.tr.T("cli.col.version"), s.tr.T("cli.col.license"))
		for _, c := range credits {
			row(w, c.Name, c.Version, c.License)
		}
		return w.Flush()
	}
}
