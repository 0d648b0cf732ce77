// Command licenses writes assets/licenses/licenses.json: every third-party
// module linked into ilsa (on Linux and on Windows), with its version, its
// licence and the licence's full text, read from the module graph and the
// module cache — never typed by hand. `ilsa licenses` and the About dialog
// show it; TestLicensesAreUpToDate fails when go.mod changed and this was
// not run again:
//
//	go run ./scripts/licenses
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"eu.ilsa.coach/ilsa/assets"
)

// Output is where the list goes, relative to the repository root.
const Output = "assets/licenses/licenses.json"

// tags are the build tags the program is built with (Makefile TAGS).
const tags = "migrated_fynedo sqlite_fts5"

// Credit is one entry of the list: the type the program reads it with.
type Credit = assets.Credit

func main() {
	root, err := repoRoot()
	if err == nil {
		var out []byte
		if out, err = Generate(root); err == nil {
			err = os.WriteFile(filepath.Join(root, Output), out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "licenses:", err)
		os.Exit(1)
	}
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// Generate returns the JSON list for the repository at root.
func Generate(root string) ([]byte, error) {
	mods := map[string]module{}
	for _, goos := range []string{"linux", "windows"} {
		if err := listModules(root, goos, mods); err != nil {
			return nil, err
		}
	}
	var credits []Credit
	for _, m := range mods {
		c, err := credit(m.path, m.version, m.dir)
		if err != nil {
			return nil, err
		}
		credits = append(credits, c)
	}
	slices.SortFunc(credits, func(a, b Credit) int { return strings.Compare(a.Name, b.Name) })

	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, err
	}
	std, err := credit("Go standard library", "", strings.TrimSpace(string(goroot)))
	if err != nil {
		return nil, err
	}
	fonts, err := credit("DejaVu fonts (PDF reports)", "", filepath.Join(root, "assets", "fonts"))
	if err != nil {
		return nil, err
	}
	credits = append([]Credit{std, fonts}, credits...)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err = enc.Encode(credits)
	return buf.Bytes(), err
}

type module struct{ path, version, dir string }

// listModules adds the modules the program links on goos.
func listModules(root, goos string, mods map[string]module) error {
	cmd := exec.Command("go", "list", "-deps", "-tags", tags,
		"-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", ".")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list (%s): %v: %s", goos, err, stderr.String())
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			continue
		}
		if f[2] == "" {
			return fmt.Errorf("module %s %s is not in the module cache: run go mod download", f[0], f[1])
		}
		mods[f[0]] = module{f[0], f[1], f[2]}
	}
	return sc.Err()
}

// licenceFile matches the names licence files go by.
var licenceFile = regexp.MustCompile(`(?i)^(licen[cs]e|copying|unlicense)([.-].*)?$`)

// credit reads the licence files at the top of dir.
func credit(name, version, dir string) (Credit, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return Credit{}, err
	}
	c := Credit{Name: name, Version: version}
	var ids, texts []string
	for _, e := range entries {
		if e.IsDir() || !licenceFile.MatchString(e.Name()) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return Credit{}, err
		}
		id, err := classify(string(b))
		if err != nil {
			return Credit{}, fmt.Errorf("%s: %s: %w", name, e.Name(), err)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
		texts = append(texts, strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n")))
	}
	if len(ids) == 0 {
		return Credit{}, fmt.Errorf("%s %s: no licence file in %s", name, version, dir)
	}
	c.License = strings.Join(ids, " AND ")
	c.Text = strings.Join(texts, "\n\n----\n\n")
	return c, nil
}

// licences are the licences the dependencies use, each known by phrases
// only its text has (checked in order: BSD-3 before BSD-2, the fonts
// before MIT).
var licences = []struct {
	id      string
	phrases []string
}{
	{"Bitstream-Vera", []string{"Bitstream Vera"}}, // the fonts' licence also grants "free of charge"
	{"Apache-2.0", []string{"Apache License", "Version 2.0"}},
	{"MPL-2.0", []string{"Mozilla Public License", "2.0"}},
	{"MIT", []string{"Permission is hereby granted, free of charge"}},
	{"BSD-3-Clause", []string{"Redistribution and use in source and binary forms", "Neither the name"}},
	{"BSD-3-Clause", []string{"Redistribution and use in source and binary forms", "names of its contributors may not be used"}},
	{"BSD-2-Clause", []string{"Redistribution and use in source and binary forms"}},
	{"ISC", []string{"Permission to use, copy, modify, and/or distribute this software for any purpose"}},
	{"Unlicense", []string{"This is free and unencumbered software released into the public domain"}},
}

// errUnknown means a human must read the licence and add it above.
var errUnknown = errors.New("licence not recognised: read it, and add it to the list in scripts/licenses if it allows shipping")

func classify(text string) (string, error) {
	flat := strings.Join(strings.Fields(text), " ")
	for _, l := range licences {
		ok := true
		for _, p := range l.phrases {
			if !strings.Contains(flat, p) {
				ok = false
				break
			}
		}
		if ok {
			return l.id, nil
		}
	}
	return "", errUnknown
}
