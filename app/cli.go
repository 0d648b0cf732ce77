package app

import (
	"flag"
	"fmt"
	"strings"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/changelog"
	"eu.ilsa.coach/ilsa/data/demo"
	"eu.ilsa.coach/ilsa/data/domain"
)

// The commands about the data folder as a whole: init, dump, demo and check.

// isoDates rewrites date flags typed in the reader's form (nb 27.11.2026,
// en 27 Nov 2026) into the stored form 2026-11-27; anything that does not
// parse is left for validation to report.
func (s *session) isoDates(vals ...*string) {
	for _, v := range vals {
		if *v == "" {
			continue
		}
		if t, err := s.tr.ParseDate(*v); err == nil {
			*v = t.Format(domain.DateLayout)
		}
	}
}

// initProfile is "ilsa init": who the advisor is, and the language given
// with --lang kept as the setting.
func initProfile(fs *flag.FlagSet) runFunc {
	advisor := fs.String("advisor", "", "cli.flag.init.advisor")
	org := fs.String("organisation", "", "cli.flag.organisation")
	country := fs.String("country", "", "cli.flag.init.country")
	return func(s *session, _ []string) error { return s.cmdInit(*advisor, *org, *country) }
}

func (s *session) cmdInit(advisor, org, country string) error {
	if strings.TrimSpace(advisor) == "" { // given, but blank
		return usage("cli.error.required_flag", "Flag", "--advisor")
	}
	p := data.Profile{Advisor: advisor, Organisation: org, Country: domain.Country(strings.ToUpper(country))}
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
		if err := prefs.New(s.store).SetLanguage(s.langArg); err != nil {
			return err
		}
	}
	s.say(s.env.Stdout, s.tr.T("cli.init.done", "Advisor", strings.TrimSpace(advisor), "Dir", s.dataDir))
	return nil
}

// cmdDump writes the whole database as JSON.
func (s *session) cmdDump([]string) error {
	if err := s.open(); err != nil {
		return err
	}
	return s.store.Dump(s.ctx(), s.env.Stdout)
}

// demoData is "ilsa demo": made-up organisations and visits to try the app on.
func demoData(fs *flag.FlagSet) runFunc {
	orgs := fs.Int("orgs", 120, "cli.flag.orgs")
	visits := fs.Int("visits", 600, "cli.flag.visits")
	seed := fs.Uint64("seed", 1, "cli.flag.seed")
	return func(s *session, _ []string) error { return s.cmdDemo(*orgs, *visits, *seed) }
}

func (s *session) cmdDemo(orgs, visits int, seed uint64) error {
	if orgs < 1 || orgs > 1_000_000 {
		return usage("cli.error.flag_value", "Flag", "--orgs", "Value", fmt.Sprint(orgs))
	}
	if visits < 0 || visits > 10_000_000 {
		return usage("cli.error.flag_value", "Flag", "--visits", "Value", fmt.Sprint(visits))
	}
	if err := s.open(); err != nil {
		return err
	}
	if visits == 0 {
		visits = -1 // demo.Options: negative means none
	}
	if err := demo.Fill(s.ctx(), s.store, demo.Options{Orgs: orgs, Visits: visits, Seed: seed, Today: s.env.Now()}); err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.demo.done", "Orgs", orgs, "Visits", max(visits, 0)))
	return nil
}

// cmdCheck checks the database and says what it holds; exit 1 when it is not sound.
func (s *session) cmdCheck([]string) error {
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
	s.say(out, s.tr.T("cli.check.counts", "Orgs", rep.Counts[domain.EntityOrganisation],
		"Contacts", rep.Counts[domain.EntityContact], "Visits", rep.Counts[domain.EntityVisit],
		"Actions", rep.Counts[domain.EntityAction], "Changes", rep.Changes))
	if rep.Conflicts > 0 {
		s.say(out, s.tr.N("cli.check.conflicts", rep.Conflicts))
	}
	if rep.DanglingRefs > 0 {
		s.say(out, s.tr.N("cli.check.dangling", rep.DanglingRefs))
	}
	if n := rep.Refused[changelog.RefusedValue]; n > 0 {
		s.say(out, s.tr.N("cli.check.refused_value", n))
	}
	if n := rep.Refused[changelog.RefusedClock]; n > 0 {
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
