package app

import (
	"errors"
	"flag"
	"strings"
)

// command is one command of the command line. The table below drives
// dispatch, "ilsa help", each command's own help and the test that every
// command and flag has a help text in every language, so a command cannot be
// added without being documented.
type command struct {
	path []string // "visit", "add"
	help string   // key of the one-line summary
	// operands is the key naming the words after the command in the help
	// ("ID", "FILE..."); "" means the command takes none, which dispatch
	// checks. A command with operands checks them itself.
	operands string
	required []string // flags that must be given (the help shows them first)
	// flags declares the command's flags, each with its help key as the
	// usage text, and returns the run that reads them.
	flags func(fs *flag.FlagSet) runFunc
}

// runFunc runs a command whose flags are parsed; operands are the words that
// are not flags.
type runFunc func(s *session, operands []string) error

// noFlags is a command without flags.
func noFlags(run runFunc) func(*flag.FlagSet) runFunc {
	return func(*flag.FlagSet) runFunc { return run }
}

func (c command) name() string { return strings.Join(c.path, " ") }

// commands is the command line. It is filled in init because "help" reads it.
var commands []command

func init() {
	commands = []command{
		{path: []string{"init"}, help: "cli.help.init", required: []string{"advisor"}, flags: initProfile},
		{path: []string{"org", "add"}, help: "cli.help.org.add", required: []string{"name"}, flags: orgAdd},
		{path: []string{"org", "edit"}, help: "cli.help.org.edit", operands: "cli.operands.id", flags: orgEdit},
		{path: []string{"org", "delete"}, help: "cli.help.org.delete", operands: "cli.operands.id", flags: orgDelete},
		{path: []string{"org", "list"}, help: "cli.help.org.list", flags: orgList},
		{path: []string{"org", "merge"}, help: "cli.help.org.merge", operands: "cli.operands.merge", flags: noFlags(orgMerge)},
		{path: []string{"org", "erase"}, help: "cli.help.org.erase", operands: "cli.operands.id", flags: noFlags(orgErase)},
		{path: []string{"contact", "add"}, help: "cli.help.contact.add", required: []string{"org", "name"}, flags: contactAdd},
		{path: []string{"contact", "edit"}, help: "cli.help.contact.edit", operands: "cli.operands.id", flags: contactEdit},
		{path: []string{"contact", "delete"}, help: "cli.help.contact.delete", operands: "cli.operands.id", flags: noFlags(contactDelete)},
		{path: []string{"contact", "list"}, help: "cli.help.contact.list", flags: contactList},
		{path: []string{"contact", "erase"}, help: "cli.help.contact.erase", operands: "cli.operands.id", flags: noFlags(contactErase)},
		{path: []string{"contact", "export"}, help: "cli.help.contact.export", operands: "cli.operands.id", required: []string{"out"}, flags: contactExport},
		{path: []string{"visit", "add"}, help: "cli.help.visit.add", required: []string{"org", "date"}, flags: visitAdd},
		{path: []string{"visit", "edit"}, help: "cli.help.visit.edit", operands: "cli.operands.id", flags: visitEdit},
		{path: []string{"visit", "delete"}, help: "cli.help.visit.delete", operands: "cli.operands.id", flags: noFlags(visitDelete)},
		{path: []string{"visit", "list"}, help: "cli.help.visit.list", flags: visitList},
		{path: []string{"action", "add"}, help: "cli.help.action.add", required: []string{"org", "text"}, flags: actionAdd},
		{path: []string{"action", "done"}, help: "cli.help.action.done", operands: "cli.operands.id", flags: actionDone},
		{path: []string{"action", "delete"}, help: "cli.help.action.delete", operands: "cli.operands.id", flags: noFlags(actionDelete)},
		{path: []string{"action", "list"}, help: "cli.help.action.list", flags: actionList},
		{path: []string{"joint", "add"}, help: "cli.help.joint.add", required: []string{"kind", "title", "org"}, flags: jointAdd},
		{path: []string{"joint", "edit"}, help: "cli.help.joint.edit", operands: "cli.operands.id", flags: jointEdit},
		{path: []string{"joint", "delete"}, help: "cli.help.joint.delete", operands: "cli.operands.id", flags: noFlags(jointDelete)},
		{path: []string{"joint", "list"}, help: "cli.help.joint.list", flags: jointList},
		{path: []string{"finding", "add"}, help: "cli.help.finding.add", required: []string{"text", "step"}, flags: findingAdd},
		{path: []string{"finding", "edit"}, help: "cli.help.finding.edit", operands: "cli.operands.id", flags: findingEdit},
		{path: []string{"finding", "delete"}, help: "cli.help.finding.delete", operands: "cli.operands.id", flags: noFlags(findingDelete)},
		{path: []string{"finding", "list"}, help: "cli.help.finding.list", flags: findingList},
		{path: []string{"reach", "add"}, help: "cli.help.reach.add", required: []string{"actor"}, flags: reachAdd},
		{path: []string{"reach", "edit"}, help: "cli.help.reach.edit", operands: "cli.operands.id", flags: reachEdit},
		{path: []string{"reach", "delete"}, help: "cli.help.reach.delete", operands: "cli.operands.id", flags: noFlags(reachDelete)},
		{path: []string{"reach", "list"}, help: "cli.help.reach.list", flags: reachList},
		{path: []string{"evaluation", "forms"}, help: "cli.help.evaluation.forms", flags: evaluationForms},
		{path: []string{"evaluation", "add"}, help: "cli.help.evaluation.add", required: []string{"form"}, flags: evaluationAdd},
		{path: []string{"evaluation", "results"}, help: "cli.help.evaluation.results", required: []string{"form"}, flags: evaluationResults},
		{path: []string{"relation", "add"}, help: "cli.help.relation.add", required: []string{"from", "to", "kind"}, flags: relationAdd},
		{path: []string{"relation", "edit"}, help: "cli.help.relation.edit", operands: "cli.operands.id", flags: relationEdit},
		{path: []string{"relation", "delete"}, help: "cli.help.relation.delete", operands: "cli.operands.id", flags: noFlags(relationDelete)},
		{path: []string{"relation", "list"}, help: "cli.help.relation.list", flags: relationList},
		{path: []string{"map"}, help: "cli.help.map", flags: mapCommand},
		{path: []string{"models", "list"}, help: "cli.help.models.list", flags: modelsList},
		{path: []string{"assess"}, help: "cli.help.assess", required: []string{"org", "model", "level"}, flags: assess},
		{path: []string{"duplicates"}, help: "cli.help.duplicates", flags: duplicates},
		{path: []string{"report", "client"}, help: "cli.help.report.client", required: []string{"org", "out"}, flags: reportClient},
		{path: []string{"report", "indicators"}, help: "cli.help.report.indicators", required: []string{"from", "to", "out"}, flags: reportIndicators},
		{path: []string{"report", "submit"}, help: "cli.help.report.submit", required: []string{"from", "to"}, flags: reportSubmit},
		{path: []string{"report", "submitted"}, help: "cli.help.report.submitted", flags: reportSubmitted},
		{path: []string{"report", "project"}, help: "cli.help.report.project", required: []string{"from", "to", "out"}, flags: reportProject},
		{path: []string{"sync"}, help: "cli.help.sync", required: []string{"folder"}, flags: syncFolder},
		{path: []string{"export"}, help: "cli.help.export", required: []string{"out"}, flags: exportBundle},
		{path: []string{"import"}, help: "cli.help.import", operands: "cli.operands.files", flags: importBundles},
		{path: []string{"team", "create"}, help: "cli.help.team.create", required: []string{"folder"}, flags: teamFlags((*session).cmdTeamCreate)},
		{path: []string{"team", "join"}, help: "cli.help.team.join", required: []string{"folder"}, flags: teamFlags((*session).cmdTeamJoin)},
		{path: []string{"team", "rotate"}, help: "cli.help.team.rotate", required: []string{"folder"}, flags: teamFlags((*session).cmdTeamRotate)},
		{path: []string{"team", "status"}, help: "cli.help.team.status", required: []string{"folder"}, flags: teamStatus},
		{path: []string{"conflicts"}, help: "cli.help.conflicts", flags: conflicts},
		{path: []string{"backup"}, help: "cli.help.backup", flags: backupNow},
		{path: []string{"restore"}, help: "cli.help.restore", operands: "cli.operands.file", flags: noFlags(restoreFile)},
		{path: []string{"dump"}, help: "cli.help.dump", flags: noFlags((*session).cmdDump)},
		{path: []string{"demo"}, help: "cli.help.demo", flags: demoData},
		{path: []string{"check"}, help: "cli.help.check", flags: noFlags((*session).cmdCheck)},
		{path: []string{"version"}, help: "cli.help.version", flags: noFlags((*session).cmdVersion)},
		{path: []string{"licenses"}, help: "cli.help.licenses", flags: licenses},
		{path: []string{"help"}, help: "cli.help.help", operands: "cli.operands.command", flags: noFlags((*session).cmdHelp)},
	}
}

// lookup finds the command args start with and returns the words after it.
// A group word (org, visit…) without a known second word is a usage error
// naming what was typed.
func lookup(args []string) (command, []string, error) {
	group := false
	for _, c := range commands {
		if c.path[0] != args[0] {
			continue
		}
		if len(c.path) == 1 {
			return c, args[1:], nil
		}
		group = true
		if len(args) > 1 && c.path[1] == args[1] {
			return c, args[2:], nil
		}
	}
	switch {
	case !group:
		return command{}, nil, usage("cli.error.unknown_command", "Command", args[0])
	case len(args) == 1:
		return command{}, nil, usage("cli.error.missing_subcommand")
	case isHelpFlag(args[1]):
		return command{path: args[:1]}, nil, errHelp
	}
	return command{}, nil, usage("cli.error.unknown_command", "Command", args[1])
}

// isHelpFlag is what the flag package takes for a request for help.
func isHelpFlag(a string) bool {
	switch a {
	case "-h", "--h", "-help", "--help":
		return true
	}
	return false
}

// dispatch runs the command args name; no command opens the desktop app.
func (s *session) dispatch(args []string) error {
	if len(args) == 0 {
		return s.gui()
	}
	c, rest, err := lookup(args)
	if errors.Is(err, errHelp) { // "ilsa org --help": the group's commands
		return s.printHelp(c.path)
	}
	if err != nil {
		return err
	}
	fs := newFlags(c.name())
	run := c.flags(fs)
	operands, err := parseFlags(fs, rest)
	if errors.Is(err, errHelp) { // "ilsa visit add --help"
		return s.printHelp(c.path)
	}
	if err != nil {
		return err
	}
	if c.operands == "" {
		if err := noArgs(operands); err != nil {
			return err
		}
	}
	given := setFlags(fs)
	for _, req := range c.required {
		if !given[req] {
			return usage("cli.error.required_flag", "Flag", "--"+req)
		}
	}
	return run(s, operands)
}
