package app

import (
	"flag"
	"os"

	"golang.org/x/term"

	"eu.ilsa.coach/ilsa/data/exchange"
	"eu.ilsa.coach/ilsa/data/exchange/team"
)

// The team commands: create a team for a shared folder, join it, rotate its
// key, and show who is in it. The passphrase comes from ILSA_PASSPHRASE or
// is typed at the terminal without echo.

// PassphraseEnv names the environment variable a passphrase is read from.
const PassphraseEnv = "ILSA_PASSPHRASE"

func teamFlags(run func(s *session, folder string, asJSON bool) error) func(*flag.FlagSet) runFunc {
	return func(fs *flag.FlagSet) runFunc {
		folder := fs.String("folder", "", "cli.flag.folder")
		return func(s *session, _ []string) error { return run(s, *folder, false) }
	}
}

// teamStatus is "ilsa team status --folder DIR [--json]".
func teamStatus(fs *flag.FlagSet) runFunc {
	folder := fs.String("folder", "", "cli.flag.folder")
	asJSON := fs.Bool("json", false, "cli.flag.json")
	return func(s *session, _ []string) error { return s.cmdTeamStatus(*folder, *asJSON) }
}

// noPassphrase: neither the environment nor a terminal gave one.
type noPassphrase struct{}

func (noPassphrase) Error() string {
	return "no passphrase: set " + PassphraseEnv + " or run at a terminal"
}

// MessageKey lets translations.Localizer.Error read it out.
func (noPassphrase) MessageKey() (string, []any) {
	return "cli.team.no_passphrase", []any{"Env", PassphraseEnv}
}

// mismatch: the passphrase typed twice differed.
type passphraseMismatch struct{}

func (passphraseMismatch) Error() string { return "the passphrases differ" }

// MessageKey lets translations.Localizer.Error read it out.
func (passphraseMismatch) MessageKey() (string, []any) { return "cli.team.mismatch", nil }

// passphrase reads the team passphrase: ILSA_PASSPHRASE, else typed at the
// terminal without echo (twice when a new one is set).
func (s *session) passphrase(confirm bool) (string, error) {
	if p := s.env.Getenv(PassphraseEnv); p != "" {
		return p, nil
	}
	read := s.env.ReadPassword
	if read == nil {
		read = readTerminal
	}
	p, err := read(s.tr.T("cli.team.prompt"))
	if err != nil {
		return "", err
	}
	if confirm {
		again, err := read(s.tr.T("cli.team.prompt_again"))
		if err != nil {
			return "", err
		}
		if again != p {
			return "", passphraseMismatch{}
		}
	}
	return p, nil
}

// readTerminal prompts on stderr and reads a line from the terminal without
// echo; without a terminal there is no passphrase.
func readTerminal(prompt string) (string, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", noPassphrase{}
	}
	os.Stderr.WriteString(prompt + " ")
	b, err := term.ReadPassword(fd)
	os.Stderr.WriteString("\n")
	return string(b), err
}

// teamSetup opens the store (the keys live in its data folder) and checks
// the folder.
func (s *session) teamSetup(folder string) (keyDir string, err error) {
	if folder == "" {
		return "", usage("cli.error.required_flag", "Flag", "--folder")
	}
	if err := exchange.CheckFolder(folder); err != nil {
		return "", err
	}
	if err := s.open(); err != nil {
		return "", err
	}
	return exchange.KeyDir(s.store), nil
}

func (s *session) cmdTeamCreate(folder string, _ bool) error {
	dir, err := s.teamSetup(folder)
	if err != nil {
		return err
	}
	pass, err := s.passphrase(true)
	if err != nil {
		return err
	}
	k, err := team.Create(folder, dir, pass, s.env.Now())
	if err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.team.created", "Folder", folder, "Team", k.Team))
	return nil
}

func (s *session) cmdTeamJoin(folder string, _ bool) error {
	dir, err := s.teamSetup(folder)
	if err != nil {
		return err
	}
	pass, err := s.passphrase(false)
	if err != nil {
		return err
	}
	k, err := team.Join(folder, dir, pass)
	if err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.team.joined", "Team", k.Team, "Generation", k.Current().Generation))
	return nil
}

func (s *session) cmdTeamRotate(folder string, _ bool) error {
	dir, err := s.teamSetup(folder)
	if err != nil {
		return err
	}
	pass, err := s.passphrase(true)
	if err != nil {
		return err
	}
	k, err := team.Rotate(folder, dir, pass, s.env.Now())
	if err != nil {
		return err
	}
	s.say(s.env.Stdout, s.tr.T("cli.team.rotated", "Generation", k.Current().Generation))
	return nil
}

func (s *session) cmdTeamStatus(folder string, asJSON bool) error {
	dir, err := s.teamSetup(folder)
	if err != nil {
		return err
	}
	signers, err := s.store.Signers(s.ctx())
	if err != nil {
		return err
	}
	pinned := map[string]string{}
	for d, g := range signers {
		pinned[d] = g.PublicKey
	}
	st, err := exchange.ReadTeamStatus(folder, dir, s.store.DeviceID(), pinned)
	if err != nil {
		return err
	}
	if asJSON {
		return s.writeJSON(st)
	}
	out := s.env.Stdout
	switch {
	case st.Team == "":
		s.say(out, s.tr.T("cli.team.none"))
		return nil
	case st.OtherTeam:
		s.say(out, s.tr.T("cli.team.other", "Team", st.Team))
	case !st.Joined:
		s.say(out, s.tr.T("cli.team.not_joined", "Team", st.Team, "Generation", st.Generation))
	case st.Held < st.Generation:
		s.say(out, s.tr.T("cli.team.newer_key", "Team", st.Team, "Held", st.Held, "Generation", st.Generation))
	default:
		s.say(out, s.tr.T("cli.team.member", "Team", st.Team, "Generation", st.Generation))
	}
	w := s.table(s.tr.T("cli.team.col.device"), s.tr.T("cli.team.col.advisor"), s.tr.T("cli.team.col.member"), s.tr.T("cli.team.col.key"))
	for _, d := range st.Devices {
		member, key := s.tr.T("cli.team.no"), ""
		if d.Member {
			member = s.tr.T("cli.team.yes")
			key = s.tr.T("cli.team.generation", "Generation", d.KeyGen)
		}
		if d.SignerChanged {
			member = s.tr.T("cli.team.signer_changed")
		}
		name := d.Device
		if d.This {
			name += " *"
		}
		row(w, name, d.Advisor, member, key)
	}
	return w.Flush()
}
