// Package app is ILSA Coach's application: it resolves the data directory and
// the language, runs the command-line commands, and opens the desktop window
// when no command is given. The CLI and the GUI call the same data functions.
package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"eu.ilsa.coach/ilsa/app/prefs"
	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/translations"
)

// Version is the program version (kept in step with FyneApp.toml).
const Version = "0.1.0"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// Env is what a run needs from the outside world; tests replace it.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// OpenGUI opens the desktop app; nil means the real Fyne window.
	OpenGUI func(s *data.Store, tr *translations.Localizer, dataDir string) error
	// ReadPassword prompts and reads a passphrase without echo; nil: the
	// terminal (none when stdin is not one).
	ReadPassword func(prompt string) (string, error)
}

// Run runs ILSA Coach with os.Args and returns the exit code.
func Run(args []string) int {
	return RunWith(args[1:], Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now})
}

// usageError is a wrong command line: exit 2 with a translated message and
// the hint where to find the commands, on one line.
type usageError struct {
	key    string
	params []any
}

func (e *usageError) Error() string { return e.key }

func usage(key string, params ...any) error { return &usageError{key, params} }

// session is one run: its settings, its language and (once opened) its store.
type session struct {
	env     Env
	dataDir string
	langArg string
	tr      *translations.Localizer
	store   *data.Store
	window  bool // the desktop app, not a command
}

// RunWith runs with explicit arguments (without the program name) and environment.
func RunWith(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Now == nil {
		env.Now = time.Now
	}
	s := &session{env: env}
	s.tr = translations.New(translations.FromEnvironment(env.Getenv))
	rest, err := s.parseGlobal(args)
	if err == nil {
		err = s.dispatch(rest)
	}
	if s.store != nil {
		s.store.Close()
	}
	if err == nil {
		return exitOK
	}
	// An error is one line on stderr: scripts and people read the first line,
	// and a usage error says where to look on that same line.
	var ue *usageError
	if errors.As(err, &ue) {
		s.say(env.Stderr, "ilsa: "+oneLine(s.tr.T(ue.key, ue.params...))+" "+s.tr.T("cli.usage.hint"))
		return exitUsage
	}
	s.say(env.Stderr, "ilsa: "+oneLine(s.tr.Error(err)))
	return exitError
}

// oneLine joins the lines of a message (several validation problems) with "; ".
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "; ") }

// errHelp is --help given to a command or a group of commands: their help
// is printed, exit 0.
var errHelp = errors.New("help requested")

// parseGlobal takes --data, --lang, --help and --version from the front.
func (s *session) parseGlobal(args []string) ([]string, error) {
	for len(args) > 0 {
		a := args[0]
		name, val, hasVal := strings.Cut(a, "=")
		switch name {
		case "--data", "-data", "--lang", "-lang":
			if !hasVal {
				if len(args) < 2 {
					return nil, usage("cli.error.flag_needs_value", "Flag", name)
				}
				val, args = args[1], args[1:]
			}
			if strings.HasSuffix(name, "data") {
				s.dataDir = val
			} else {
				if !translations.Supported(val) {
					return nil, usage("cli.error.lang", "Value", val)
				}
				s.langArg = val
				s.tr = translations.New(val)
			}
			args = args[1:]
		case "-h", "--help", "-help":
			return []string{"help"}, nil
		case "--version", "-version":
			return []string{"version"}, nil
		default:
			if strings.HasPrefix(a, "-") {
				return nil, usage("cli.error.unknown_flag", "Flag", a)
			}
			return args, nil
		}
	}
	return nil, nil
}

// resolveDataDir applies --data, then ILSA_DATA, then the folder Fyne keeps
// the app's files in (DefaultDataDir).
func (s *session) resolveDataDir() (string, error) {
	dir := s.dataDir
	if dir == "" {
		dir = s.env.Getenv("ILSA_DATA")
	}
	if dir == "" {
		var err error
		if dir, err = DefaultDataDir(); err != nil {
			return "", err
		}
	}
	return filepath.Abs(dir)
}

// open opens (creating if needed) the store and settles the language:
// --lang, else the saved setting, else the environment.
func (s *session) open() error {
	if s.store != nil {
		return nil
	}
	dir, err := s.resolveDataDir()
	if err != nil {
		return err
	}
	if err := PrepareDataDir(dir); err != nil {
		return err
	}
	st, err := data.Open(filepath.Join(dir, data.DBFileName), data.Options{Now: s.env.Now})
	if err != nil {
		return err
	}
	s.store, s.dataDir = st, dir
	// Records from before partners were kept take this device's partner,
	// once; a failure leaves them unstamped ("partner not given") until the
	// next start, and must not stop the command.
	_, _ = st.StampOwnRecords(s.ctx())
	if s.langArg == "" {
		if l := prefs.New(st).Language(); translations.Supported(l) {
			s.tr = translations.New(l)
		}
	}
	if st.ReadOnly() && !s.window {
		// Reading works; say why any change will be refused. (The window
		// says instead why it does not open.)
		s.say(s.env.Stderr, "ilsa: "+s.tr.T("cli.read_only", "Dir", dir))
	}
	return nil
}

func (s *session) ctx() context.Context { return context.Background() }

func (s *session) today() string { return s.env.Now().Format(domain.DateLayout) }
