package app

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// helpWidth is where the help wraps a command's synopsis.
const helpWidth = 100

// cmdHelp is "ilsa help [COMMAND]": every command, a group's commands
// ("help visit") or one command with its flags ("help visit add").
func (s *session) cmdHelp(operands []string) error {
	if len(operands) == 0 {
		return s.printHelp(nil)
	}
	c, rest, err := lookup(operands)
	if errors.Is(err, errHelp) || (err != nil && len(operands) == 1 && isGroup(operands[0])) {
		return s.printHelp(operands[:1])
	}
	if err != nil {
		return err
	}
	if err := noArgs(rest); err != nil {
		return err
	}
	return s.printHelp(c.path)
}

func (s *session) cmdVersion([]string) error {
	fmt.Fprintf(s.env.Stdout, "ILSA Coach %s\n", Version)
	return nil
}

// isGroup says whether word is the first word of two-word commands (org, visit…).
func isGroup(word string) bool {
	for _, c := range commands {
		if len(c.path) > 1 && c.path[0] == word {
			return true
		}
	}
	return false
}

// printHelp prints the help for path: one command, a group, or (nil) all.
func (s *session) printHelp(path []string) error {
	var b strings.Builder
	var cmds []command
	for _, c := range commands {
		if len(c.path) >= len(path) && slices.Equal(c.path[:len(path)], path) {
			cmds = append(cmds, c)
		}
	}
	if len(cmds) == 1 && len(cmds[0].path) == len(path) {
		s.commandHelp(&b, cmds[0])
	} else {
		if len(path) == 0 {
			b.WriteString(s.tr.T("cli.help.intro"))
			b.WriteString("\n")
		}
		for _, c := range cmds {
			b.WriteString(s.synopsis(c, "  ", "          "))
			b.WriteString("      " + s.tr.T(c.help) + "\n")
		}
		if len(path) == 0 {
			b.WriteString("\n" + s.tr.T("cli.help.outro"))
		}
	}
	fmt.Fprint(s.env.Stdout, b.String())
	return nil
}

// commandHelp is one command's synopsis, what it does, and each flag.
func (s *session) commandHelp(b *strings.Builder, c command) {
	b.WriteString(s.synopsis(c, "ilsa ", "          "))
	b.WriteString("\n" + s.tr.T(c.help) + "\n")
	docs := s.flagDocs(c)
	if len(docs) > 0 {
		b.WriteString("\n")
	}
	for _, d := range docs {
		b.WriteString("  --" + d.name)
		if d.metavar != "" {
			b.WriteString(" " + d.metavar)
		}
		b.WriteString("\n      " + d.text + "\n")
	}
}

// flagDoc is one flag as the help shows it.
type flagDoc struct {
	name, metavar, text string
	required, repeat    bool
	boolDefault         string // "false" or "true" for a switch, "" for a flag with a value
}

// flagDocs lists c's flags, the required ones first, in the session's
// language. A flag's help text starts with its value's name in backquotes
// ("`NAME` the name"); a switch has none.
func (s *session) flagDocs(c command) []flagDoc {
	fs := newFlags(c.name())
	c.flags(fs)
	doc := func(f *flag.Flag) flagDoc {
		d := flagDoc{name: f.Name, required: slices.Contains(c.required, f.Name), text: s.tr.T(f.Usage)}
		if rest, ok := strings.CutPrefix(d.text, "`"); ok {
			d.metavar, d.text, _ = strings.Cut(rest, "`")
			d.text = strings.TrimSpace(d.text)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			d.boolDefault = f.DefValue
		}
		_, d.repeat = f.Value.(*stringList)
		return d
	}
	var docs []flagDoc
	for _, name := range c.required {
		docs = append(docs, doc(fs.Lookup(name)))
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(c.required, f.Name) {
			docs = append(docs, doc(f))
		}
	})
	return docs
}

// synopsis is c's command line with every flag, wrapped at helpWidth:
// "org add --name NAME [--orgnr NR] …".
func (s *session) synopsis(c command, indent, cont string) string {
	words := []string{c.name()}
	if c.operands != "" {
		words = append(words, s.tr.T(c.operands))
	}
	for _, d := range s.flagDocs(c) {
		w := "--" + d.name
		switch {
		case d.boolDefault == "true":
			w += "=false"
		case d.metavar != "":
			w += " " + d.metavar
		}
		if d.repeat {
			w += " [" + w + " ...]"
		}
		if !d.required {
			w = "[" + w + "]"
		}
		words = append(words, w)
	}
	var b strings.Builder
	line := indent + words[0]
	for _, w := range words[1:] {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > helpWidth {
			b.WriteString(line + "\n")
			line = cont + w
			continue
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}
