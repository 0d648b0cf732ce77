package app

import (
	"flag"
	"io"

	"eu.ilsa.coach/ilsa/data/report/client"
	"eu.ilsa.coach/ilsa/translations"
)

// reportClient writes one organisation's client report:
// ilsa report client --org ID [--lang sv|nb|en] --out FILE.pdf
// --lang chooses the report's language only; messages stay in the
// session's language.
func reportClient(fs *flag.FlagSet) runFunc {
	org := fs.String("org", "", "cli.flag.report.org")
	lang := fs.String("lang", "", "cli.flag.report.lang")
	out := fs.String("out", "", "cli.flag.report.out")
	return func(s *session, _ []string) error {
		if *lang != "" && !translations.Supported(*lang) {
			return usage("cli.error.lang", "Value", *lang)
		}
		if err := checkOutFile(*out); err != nil {
			return err
		}
		if err := s.open(); err != nil {
			return err
		}
		tr := s.tr
		if *lang != "" {
			tr = translations.New(*lang)
		}
		lib, problems := loadModels(s.dataDir, s.store)
		for _, p := range problems {
			s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.warn.model_skipped", "Problem", p.Error()))
		}
		pages, err := writeViaTemp(*out, func(f io.Writer) (int, error) {
			return client.Write(s.ctx(), f, s.store, lib, *org, tr, client.Options{Today: s.today()})
		})
		if err != nil {
			return err
		}
		s.say(s.env.Stdout, s.tr.N("cli.report_client.written", pages, "File", *out))
		return nil
	}
}
