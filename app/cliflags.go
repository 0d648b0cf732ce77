package app

import (
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"
)

// stringList is a repeatable string flag (--org A --org B).
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// newFlags makes a flag set whose errors we translate ourselves. A flag's
// usage text is the key of its help text (see command).
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args, allowing positional arguments (an id) before,
// between or after the flags, and returns the positional ones.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, translateFlagError(err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// translateFlagError turns the flag package's English errors into usage errors.
func translateFlagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return errHelp
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return usage("cli.error.unknown_flag", "Flag", dashed(f))
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usage("cli.error.flag_needs_value", "Flag", dashed(f))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		val, flagPart, _ := strings.Cut(rest, " for flag ")
		f, _, _ := strings.Cut(flagPart, ":")
		return usage("cli.error.flag_value", "Flag", dashed(f), "Value", strings.Trim(val, `"`))
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok { // --cross-border=maybe
		val, flagPart, _ := strings.Cut(rest, " for ")
		f, _, _ := strings.Cut(flagPart, ":")
		return usage("cli.error.flag_value", "Flag", dashed(f), "Value", strings.Trim(val, `"`))
	}
	// "bad flag syntax: ---x" and whatever a later Go adds: name what was typed.
	_, f, found := strings.Cut(msg, ": ")
	if !found {
		f = msg
	}
	return usage("cli.error.unknown_flag", "Flag", f)
}

// dashed writes a flag name the way the help does ("--name"), whether the
// flag package reports it as "-name" or the user typed "-name" or "--name".
func dashed(f string) string { return "--" + strings.TrimLeft(f, "-") }

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	m := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { m[f.Name] = true })
	return m
}

// oneID checks that exactly one positional id was given.
func oneID(pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", usage("cli.error.missing_id")
	case 1:
		return pos[0], nil
	}
	return "", usage("cli.error.extra_args", "Args", strings.Join(pos[1:], " "))
}

// noArgs checks that no positional arguments were given.
func noArgs(pos []string) error {
	if len(pos) > 0 {
		return usage("cli.error.extra_args", "Args", strings.Join(pos, " "))
	}
	return nil
}

// parseOptionalInt reads a whole-number flag value that may be left unknown:
// "", "unknown" and "-" give nil. The range is for validation to check.
func parseOptionalInt(flagName, v string) (*int, error) {
	v = strings.TrimSpace(v)
	if v == "" || v == "unknown" || v == "-" {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, usage("cli.error.flag_value", "Flag", dashed(flagName), "Value", v)
	}
	return &n, nil
}

// editOperands checks an edit command's operands and flags: one id and at
// least one flag to change; it returns the id and the flags given.
func editOperands(fs *flag.FlagSet, operands []string) (string, map[string]bool, error) {
	id, err := oneID(operands)
	if err != nil {
		return "", nil, err
	}
	given := setFlags(fs)
	if len(given) == 0 {
		return "", nil, usage("cli.error.nothing_to_change")
	}
	return id, given, nil
}
