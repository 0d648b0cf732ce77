package app

import (
	"io"

	"eu.ilsa.coach/ilsa/data/report/client"
	"eu.ilsa.coach/ilsa/translations"
)

func init() { reportCommands["client"] = (*session).cmdReportClient }

// cmdReportClient writes one organisation's client report:
// ilsa report client --org ID [--lang sv|nb|en] --out FILE.pdf
// --lang chooses the report's language only; messages stay in the
// session's language.
func (s *session) cmdReportClient(args []string) error {
	fs := newFlags("report client")
	org := fs.String("org", "", "")
	lang := fs.String("lang", "", "")
	out := fs.String("out", "", "")
	if _, err := parseNoArgs(fs, args, "org", "out"); err != nil {
		return err
	}
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
